/**
 * One parsed font per face for the whole process, instead of one per document.
 *
 * pdfkit parses each font file anew for every document (fontkit.create on the bytes pdfmake hands it), so every form
 * paid for decoding the OpenType layout tables, setting up the shaper, building glyph objects and shaping every word
 * again, and for fontkit's generic subsetter. A CPU profile of Form 01 put these at well over half of a render.
 *
 * fontkit's `create` cannot be replaced (its export is a fixed getter), but it asks each registered font format in
 * turn whether it `probe`s the bytes and then constructs it. So: the fonts are parsed once here; the TrueType format
 * declines the Buffers of these fonts and a format registered after it answers them with the parsed font (a
 * constructor that returns an object gives that object to `new`). pdfmake reads the font files from its virtual
 * file system, which hands out the same Buffer every time, so every document gets the same fontkit font.
 *
 * A shared font must not let one document change another's output, so that the same definition still gives the
 * same bytes whatever was rendered before:
 * - glyph objects carry the code points they were first created for (pdfkit writes them to the ToUnicode map), so
 *   they are kept per (glyph id, code points) rather than per glyph id;
 * - shaped words are kept per text and handed out as copies (pdfkit scales the positions in place);
 * - each document still gets its own subset, written by `truetype-subset.ts` (same bytes as fontkit's).
 * Everything is synchronous inside fontkit, so documents rendered concurrently cannot interleave inside a call.
 */
import { createRequire } from 'node:module';
import { createTrueTypeSubsetter, type SubsettableFont } from './truetype-subset';

const require = createRequire(import.meta.url);

interface Fontkit {
  create(buffer: Uint8Array): FontkitFont;
  registerFormat(format: unknown): void;
}

interface GlyphRun {
  positions: object[];
}

interface FontkitFont extends SubsettableFont {
  getGlyph(id: number, characters?: number[]): unknown;
  layout(text: string, ...options: unknown[]): GlyphRun;
  createSubset(): unknown;
  _glyphs: Record<number, unknown>;
}

/** Shaped words kept per face; cleared when it grows past this (names and codes keep adding words). */
const MAX_SHAPED_WORDS = 20_000;

function shareGlyphsAndShaping(font: FontkitFont): void {
  const glyphs = new Map<string, unknown>();
  const getGlyph = font.getGlyph;
  font.getGlyph = function (id: number, characters: number[] = []): unknown {
    const key = characters.length === 0 ? String(id) : `${id}:${characters.join(',')}`;
    let glyph = glyphs.get(key);
    if (glyph === undefined) {
      delete font._glyphs[id];
      glyph = getGlyph.call(font, id, characters);
      glyphs.set(key, glyph);
    }
    return glyph;
  };

  const shaped = new Map<string, GlyphRun>();
  const layout = font.layout;
  font.layout = function (text: string, ...options: unknown[]): GlyphRun {
    // pdfkit shapes word by word without options; anything else (OpenType features asked for) is not kept
    if (options.some((o) => o !== undefined)) return layout.call(font, text, ...options);
    let run = shaped.get(text);
    if (!run) {
      run = layout.call(font, text);
      if (shaped.size >= MAX_SHAPED_WORDS) shaped.clear();
      shaped.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };

  const subsetter = createTrueTypeSubsetter(font);
  if (subsetter) font.createSubset = subsetter;
}

let registered: Map<Uint8Array, FontkitFont> | null = null;

/**
 * Makes every fontkit.create of one of these Buffers (by identity) answer one shared font. Call once, before the
 * first document; later calls add nothing.
 */
export function shareFonts(buffers: readonly Uint8Array[]): void {
  if (registered) return;
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  const shared = new Map<Uint8Array, FontkitFont>();
  for (const buffer of buffers) {
    const font = fontkit.create(buffer);
    shareGlyphsAndShaping(font);
    shared.set(buffer, font);
  }
  const first = shared.values().next().value;
  if (!first) return;
  const trueType = (Object.getPrototypeOf(first) as { constructor: { probe(buffer: Uint8Array): boolean } }).constructor;
  const probe = trueType.probe.bind(trueType);
  trueType.probe = (buffer: Uint8Array) => !shared.has(buffer) && probe(buffer);
  function SharedFont(stream: { buffer: Uint8Array }): FontkitFont | undefined {
    return shared.get(stream.buffer);
  }
  SharedFont.probe = (buffer: Uint8Array) => shared.has(buffer);
  fontkit.registerFormat(SharedFont);
  registered = shared;
}
