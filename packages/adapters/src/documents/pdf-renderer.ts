/**
 * Turns a document definition (@motcua/core/documents) into PDF bytes with pdfmake 0.3 and the Tinos font
 * (Times New Roman metrics, complete Vietnamese coverage, OFL-1.1; stack.md §5). Fonts are subset. The output is
 * deterministic for the same definition: the creation date comes from the definition, and pdfkit derives the file
 * ID from the document info. pdfmake may read only the font files and never fetch URLs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toSVG } from 'bwip-js/node';
import type { DocNode, DocumentDefinition } from '@motcua/core/documents';

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

/** The OpenType layout tables: decoding them again for every document was most of a form's render time. */
const SHARED_TABLES = new Set(['GSUB', 'GPOS', 'GDEF', 'kern']);

interface FontkitFont {
  stream: { buffer: Uint8Array };
  _decodeTable(table: { tag: string }): unknown;
}

/**
 * Decode each font's layout tables once per process. pdfkit parses the font file anew for every document, and a
 * CPU profile of Form 01 showed fontkit decoding GSUB/GPOS lookups as about 40 % of the render. The font files go
 * to pdfmake through its virtual file system, so every document's font is parsed from the same Buffer object; the
 * decoded tables are kept per Buffer and tag. They are only read after decoding (their lazy parts read the bytes
 * at fixed offsets and restore the stream position, synchronously), so sharing them between documents is safe.
 */
function shareDecodedLayoutTables(sample: Uint8Array): void {
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Uint8Array): unknown };
  const prototype = Object.getPrototypeOf(fontkit.create(sample)) as FontkitFont;
  const decode = prototype._decodeTable;
  const decoded = new WeakMap<Uint8Array, Map<string, unknown>>();
  prototype._decodeTable = function (this: FontkitFont, table: { tag: string }): unknown {
    if (!SHARED_TABLES.has(table.tag)) return decode.call(this, table);
    let byTag = decoded.get(this.stream.buffer);
    if (!byTag) decoded.set(this.stream.buffer, (byTag = new Map()));
    if (!byTag.has(table.tag)) byTag.set(table.tag, decode.call(this, table));
    return byTag.get(table.tag);
  };
}

let configured = false;
function configure(): void {
  if (configured) return;
  const fonts = {} as Record<keyof typeof FONT_FILES, string>;
  let sample: Buffer | null = null;
  for (const [style, file] of Object.entries(FONT_FILES) as [keyof typeof FONT_FILES, string][]) {
    const name = `motcua-fonts/${path.basename(file)}`;
    const bytes = readFileSync(path.join(FONT_DIR, file));
    sample ??= bytes;
    pdfmake.virtualfs.writeFileSync(name, bytes);
    fonts[style] = name;
  }
  if (sample) shareDecodedLayoutTables(sample);
  pdfmake.setFonts({ Tinos: fonts });
  pdfmake.setUrlAccessPolicy(() => false);
  // The fonts come from pdfmake's virtual file system: nothing on disk is read while rendering.
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

const barcodeCache = new Map<string, string>();

/** A Code 128 barcode as SVG (bwip-js), cached: a dossier's forms repeat its code. */
function code128Svg(text: string): string {
  const cached = barcodeCache.get(text);
  if (cached) return cached;
  const svg = toSVG({ bcid: 'code128', text, height: 8, includetext: false, paddingwidth: 0, paddingheight: 0 });
  if (barcodeCache.size > 1000) barcodeCache.clear();
  barcodeCache.set(text, svg);
  return svg;
}

/** Replaces our `{ barcode }` nodes with pdfmake `svg` nodes. */
function expand(node: DocNode): unknown {
  if (node === null || typeof node !== 'object' || node instanceof Date) return node;
  if (Array.isArray(node)) return node.map(expand);
  const record = node as Record<string, unknown>;
  if (typeof record.barcode === 'string') {
    return { svg: code128Svg(record.barcode), width: record.width ?? 150, height: record.height ?? 22 };
  }
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
