/**
 * Turns a document definition (@motcua/core/documents) into PDF bytes with pdfmake 0.3 and the Tinos font
 * (Times New Roman metrics, complete Vietnamese coverage, OFL-1.1; stack.md §5). Fonts are subset. The output is
 * deterministic for the same definition: the creation date comes from the definition, and pdfkit derives the file
 * ID from the document info. pdfmake may read only the font files and never fetch URLs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DocNode, DocumentDefinition } from '@motcua/core/documents';
import { code128, qrCode } from './codes';
import { shareFonts } from './shared-fonts';

const require = createRequire(import.meta.url);

/**
 * The part of pdfmake's server API we use. Loaded through require so that @types/pdfmake (which pulls pdfkit's
 * global Node type references into the whole program) stays out of the type check.
 */
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}
const pdfmake = require('pdfmake') as PdfMake;
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

const FONT_FILES = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

let configured = false;
function configure(): void {
  if (configured) return;
  const fonts = {} as Record<keyof typeof FONT_FILES, string>;
  const buffers: Buffer[] = [];
  for (const [style, file] of Object.entries(FONT_FILES) as [keyof typeof FONT_FILES, string][]) {
    const name = `motcua-fonts/${path.basename(file)}`;
    const bytes = readFileSync(path.join(FONT_DIR, file));
    buffers.push(bytes);
    pdfmake.virtualfs.writeFileSync(name, bytes);
    fonts[style] = name;
  }
  // pdfmake's virtual file system hands pdfkit these same Buffers for every document: one parsed font per face
  shareFonts(buffers);
  pdfmake.setFonts({ Tinos: fonts });
  pdfmake.setUrlAccessPolicy(() => false);
  // The fonts come from pdfmake's virtual file system: nothing on disk is read while rendering.
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/** Replaces our `{ barcode }` nodes and pdfmake's `{ qr }` nodes with canvas rectangles (see codes.ts). */
function expand(node: DocNode): unknown {
  if (node === null || typeof node !== 'object' || node instanceof Date) return node;
  if (Array.isArray(node)) return node.map(expand);
  const record = node as Record<string, unknown>;
  if (typeof record.barcode === 'string') {
    const margin = Array.isArray(record.margin) ? (record.margin as number[]) : undefined;
    return code128(record.barcode, Number(record.width ?? 150), Number(record.height ?? 22), margin);
  }
  if (typeof record.qr === 'string') return qrCode(record);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = expand(value as DocNode);
  }
  return out;
}

export const PDF_MEDIA_TYPE = 'application/pdf';

export async function renderPdf(definition: DocumentDefinition): Promise<Uint8Array> {
  configure();
  const doc = {
    pageSize: definition.pageSize,
    pageOrientation: definition.pageOrientation,
    pageMargins: [...definition.pageMargins],
    info: {
      title: definition.info.title,
      subject: definition.info.subject,
      author: 'MotCua',
      creator: 'MotCua',
      producer: 'MotCua',
      creationDate: definition.info.creationDate,
    },
    defaultStyle: { font: 'Tinos', ...definition.defaultStyle },
    content: expand(definition.content),
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
