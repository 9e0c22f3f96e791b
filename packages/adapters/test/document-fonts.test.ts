/**
 * The renderer's shared fonts (packages/adapters/src/documents/shared-fonts.ts, truetype-subset.ts): the fast
 * TrueType subset writes exactly fontkit's bytes, and a document's bytes do not depend on what the process rendered
 * before it (glyphs and shaped words are shared across documents).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '@motcua/adapters/documents';
import { dossierFormDefinition } from '@motcua/core/documents';
import { sampleFormInput } from '../../../test-support/documents';
import { createTrueTypeSubsetter, type SubsettableFont } from '../src/documents/truetype-subset';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as {
  create(buffer: Uint8Array): SubsettableFont & {
    glyphsForString(text: string): { id: number }[];
    createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  };
};
const fontDir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));

describe('TrueType subset', () => {
  it.each(['400Regular/Tinos_400Regular.ttf', '700Bold/Tinos_700Bold.ttf', '400Regular_Italic/Tinos_400Regular_Italic.ttf'])(
    '%s: the same bytes as fontkit for Vietnamese text, composite glyphs included',
    (file) => {
      // a fresh copy of the bytes: the renderer's shared font is registered for its own Buffers only
      const bytes = Uint8Array.from(readFileSync(path.join(fontDir, file)));
      const font = fontkit.create(bytes);
      const text = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ỦY BAN Phường Phú Xuân, Huế 0123456789 ẵẳẩẫậ ỡởợ ữửự ỹỷỵ “”…–';
      const ids = font.glyphsForString(text).map((g) => g.id);
      const theirs = font.createSubset();
      const ours = createTrueTypeSubsetter(font)!();
      for (const id of ids) expect(ours.includeGlyph(id)).toBe(theirs.includeGlyph(id));
      const expected = Buffer.from(theirs.encode());
      const actual = Buffer.from(ours.encode());
      expect(actual.length).toBeGreaterThan(10_000);
      expect(actual.equals(expected)).toBe(true);
      // the text above does reach composite glyphs (their component ids are renumbered in the subset)
      const view = new DataView(bytes.buffer);
      const tables = font.directory.tables;
      const composite = ids.some((id) => {
        const loca = tables.loca!.offset + id * 4;
        const start = view.getUint32(loca);
        return view.getUint32(loca + 4) > start && view.getInt16(tables.glyf!.offset + start) < 0;
      });
      expect(composite).toBe(true);
    },
  );
});

describe('shared fonts across documents', () => {
  it('a document renders to the same bytes as in a fresh process, whatever was rendered before it', async () => {
    // first, in this process: the glyphs of space and hyphen met through other code points (no-break space and
    // soft hyphen share them in Tinos), decomposed text, bold and italic runs
    const receipt = dossierFormDefinition(sampleFormInput('receipt'));
    await renderPdf({
      ...receipt,
      content: [
        'Giấy\u00a0tiếp\u00a0nhận hồ\u00a0sơ Độc\u00a0lập\u00a0\u00ad\u00a0Tự\u00a0do Ð đ',
        { text: 'Nguyễn\u00a0Thị Hường'.normalize('NFD'), bold: true },
        { text: 'Huế,\u00a0ngày 05 tháng\u00ad3', italics: true },
      ],
    });
    await renderPdf(dossierFormDefinition(sampleFormInput('refusal')));
    const here = Buffer.from(await renderPdf(receipt));
    const fresh = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { renderPdf } from '@motcua/adapters/documents';
      import { dossierFormDefinition } from '@motcua/core/documents';
      import { sampleFormInput } from ${JSON.stringify(path.resolve(__dirname, '../../../test-support/documents.ts'))};
      process.stdout.write(Buffer.from(await renderPdf(dossierFormDefinition(sampleFormInput('receipt')))).toString('base64'));
    `], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(here.equals(Buffer.from(fresh, 'base64'))).toBe(true);
  });
});
