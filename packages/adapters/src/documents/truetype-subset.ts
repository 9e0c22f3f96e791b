/**
 * A TrueType font subset for PDF embedding that writes the same bytes as fontkit's TTFSubset, from the font file's
 * raw tables. fontkit decodes every glyph's outline (and its bounding box, for vertical metrics) and re-encodes all
 * tables through restructure on every document; here a glyph's bytes are a slice of the font file found once per
 * process, and the tables are copied with the three counts that change patched in place. Same table order (head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm), the same 'true' sfnt tag and zero checksums as fontkit writes,
 * so PDFs are byte-identical with or without it (tested against fontkit).
 *
 * Only for static TrueType fonts (glyf outlines, no variations): `createTrueTypeSubsetter` answers null otherwise.
 */

/** The part of a fontkit font this needs. */
export interface SubsettableFont {
  readonly stream: { readonly buffer: Uint8Array };
  readonly directory: { readonly tables: Record<string, { offset: number; length: number } | undefined> };
  readonly _variationProcessor?: unknown;
}

/** What pdfkit's EmbeddedFont uses of a subset: `includeGlyph` while writing text, `encode` when embedding. */
export interface FontSubset {
  readonly cff: undefined;
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

interface GlyphData {
  readonly bytes: Uint8Array;
  /** For a composite glyph: the byte positions of its component glyph ids. */
  readonly componentPositions: readonly number[];
  readonly advance: number;
  readonly bearing: number;
}

const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

// Composite glyph flags (OpenType 'glyf' table)
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export type TrueTypeSubsetter = () => FontSubset;

export function createTrueTypeSubsetter(font: SubsettableFont): TrueTypeSubsetter | null {
  const tables = font.directory.tables;
  if (!tables.glyf || !tables.loca || !tables.head || !tables.hhea || !tables.hmtx || !tables.maxp || font._variationProcessor) return null;
  const file = font.stream.buffer;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const raw = (tag: string): Uint8Array | null => {
    const entry = tables[tag];
    return entry ? file.subarray(entry.offset, entry.offset + entry.length) : null;
  };
  const head = tables.head;
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numberOfMetrics = view.getUint16(tables.hhea.offset + 34);
  const numGlyphs = view.getUint16(tables.maxp.offset + 4);
  const locaAt = (gid: number): number =>
    longLoca ? view.getUint32(tables.loca!.offset + gid * 4) : view.getUint16(tables.loca!.offset + gid * 2) * 2;

  const glyphs = new Map<number, GlyphData>();
  const glyphData = (gid: number): GlyphData => {
    let data = glyphs.get(gid);
    if (data) return data;
    const id = gid < numGlyphs ? gid : 0;
    const start = tables.glyf!.offset + locaAt(id);
    const bytes = file.subarray(start, tables.glyf!.offset + locaAt(id + 1));
    const componentPositions: number[] = [];
    if (bytes.length >= 10 && view.getInt16(start) < 0) {
      let pos = 10;
      for (;;) {
        const flags = view.getUint16(start + pos);
        componentPositions.push(pos + 2);
        pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) pos += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    const hmtx = tables.hmtx!.offset;
    const advance = view.getUint16(hmtx + Math.min(id, numberOfMetrics - 1) * 4);
    const bearing = id < numberOfMetrics
      ? view.getInt16(hmtx + id * 4 + 2)
      : view.getInt16(hmtx + numberOfMetrics * 4 + (id - numberOfMetrics) * 2);
    data = { bytes, componentPositions, advance, bearing };
    glyphs.set(gid, data);
    return data;
  };
  const fixed = { head: raw('head')!, hhea: raw('hhea')!, maxp: raw('maxp')!, 'cvt ': raw('cvt '), prep: raw('prep'), fpgm: raw('fpgm') };

  return () => {
    const order: number[] = [];
    const mapping = new Map<number, number>();
    const includeGlyph = (glyph: number | { id: number }): number => {
      const gid = typeof glyph === 'object' ? glyph.id : glyph;
      let index = mapping.get(gid);
      if (index === undefined) {
        index = order.length;
        order.push(gid);
        mapping.set(gid, index);
      }
      return index;
    };
    includeGlyph(0);
    const encode = (): Uint8Array => {
      const glyf: Uint8Array[] = [];
      // components are appended to `order` as they are met, so the loop runs on the growing list
      for (let i = 0; i < order.length; i++) {
        const data = glyphData(order[i]!);
        let bytes = data.bytes;
        if (data.componentPositions.length > 0) {
          bytes = Uint8Array.from(bytes);
          const glyphView = new DataView(bytes.buffer);
          for (const pos of data.componentPositions) glyphView.setUint16(pos, includeGlyph(glyphView.getUint16(pos)));
        }
        glyf.push(bytes);
      }
      const count = glyf.length;
      const glyfLength = glyf.reduce((sum, b) => sum + b.length, 0);
      const sizes: Record<(typeof TABLE_ORDER)[number], number> = {
        head: fixed.head.length,
        hhea: fixed.hhea.length,
        loca: (count + 1) * (longLoca ? 4 : 2),
        maxp: fixed.maxp.length,
        'cvt ': fixed['cvt ']?.length ?? 0,
        prep: fixed.prep?.length ?? 0,
        glyf: glyfLength,
        hmtx: count * 4,
        fpgm: fixed.fpgm?.length ?? 0,
      };
      const present = TABLE_ORDER.filter((tag) => tag in fixed ? fixed[tag as keyof typeof fixed] !== null : true);
      const numTables = present.length;
      const exponent = Math.floor(Math.log2(numTables));
      const searchRange = 2 ** exponent * 16;
      let offset = 12 + numTables * 16;
      const total = present.reduce((sum, tag) => sum + sizes[tag], offset);
      const out = new Uint8Array(total);
      const o = new DataView(out.buffer);
      out.set([0x74, 0x72, 0x75, 0x65]); // 'true', as fontkit writes it
      o.setUint16(4, numTables);
      o.setUint16(6, searchRange);
      o.setUint16(8, exponent);
      o.setUint16(10, numTables * 16 - searchRange);
      present.forEach((tag, i) => {
        const entry = 12 + i * 16;
        for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
        o.setUint32(entry + 4, 0);
        o.setUint32(entry + 8, offset);
        o.setUint32(entry + 12, sizes[tag]);
        switch (tag) {
          case 'loca': {
            let at = 0;
            for (let g = 0; g <= count; g++) {
              if (longLoca) o.setUint32(offset + g * 4, at);
              else o.setUint16(offset + g * 2, at >>> 1);
              if (g < count) at += glyf[g]!.length;
            }
            break;
          }
          case 'glyf': {
            let at = offset;
            for (const bytes of glyf) {
              out.set(bytes, at);
              at += bytes.length;
            }
            break;
          }
          case 'hmtx':
            for (let g = 0; g < count; g++) {
              const data = glyphData(order[g]!);
              o.setUint16(offset + g * 4, data.advance);
              o.setInt16(offset + g * 4 + 2, data.bearing);
            }
            break;
          default:
            out.set(fixed[tag]!, offset);
        }
        offset += sizes[tag];
      });
      o.setInt16(tableOffset(present, sizes, numTables, 'head') + 50, longLoca ? 1 : 0);
      o.setUint16(tableOffset(present, sizes, numTables, 'hhea') + 34, count);
      o.setUint16(tableOffset(present, sizes, numTables, 'maxp') + 4, count);
      return out;
    };
    return { cff: undefined, includeGlyph, encode };
  };
}

function tableOffset(present: readonly string[], sizes: Record<string, number>, numTables: number, tag: string): number {
  let offset = 12 + numTables * 16;
  for (const t of present) {
    if (t === tag) return offset;
    offset += sizes[t]!;
  }
  throw new Error(`no ${tag} table`);
}
