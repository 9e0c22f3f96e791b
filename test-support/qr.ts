/**
 * Reads the QR code printed on a PDF's first page, as a phone would: poppler's pdftoppm draws the page (150 dpi,
 * grey) and jsQR decodes the picture. Returns null when no QR code is found.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function readQrCode(pdf: Uint8Array): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-qr-'));
  try {
    writeFileSync(path.join(dir, 'page.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', '1', '-l', '1', path.join(dir, 'page.pdf'), path.join(dir, 'page')]);
    const image = PNG.sync.read(readFileSync(path.join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)?.data ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
