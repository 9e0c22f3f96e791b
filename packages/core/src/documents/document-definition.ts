/**
 * A printable document described as data (the subset of pdfmake's document definition that our layouts use), so
 * that the layouts stay pure and testable: the PDF adapter turns a definition into bytes. Two nodes are ours:
 * `{ barcode: text }` (Code 128, drawn by the adapter) and pdfmake's own `{ qr: text }`.
 */
export type DocNode = string | DocNode[] | { readonly [key: string]: unknown };

export interface DocumentDefinition {
  readonly pageSize: 'A4' | 'A5';
  readonly pageOrientation: 'portrait' | 'landscape';
  /** left, top, right, bottom in points (NĐ 30/2020 Appendix I margins, scaled to the paper). */
  readonly pageMargins: readonly [number, number, number, number];
  readonly info: { readonly title: string; readonly subject: string; readonly creationDate: Date };
  readonly defaultStyle: { readonly fontSize: number; readonly lineHeight: number };
  readonly content: DocNode[];
}

/** Text of user data: NFC (pdf text extraction and search need composed Vietnamese letters), trimmed. */
export function nfc(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').trim();
}

/** Normalises every string of a definition to NFC (the layouts already do; this is the last guard). */
export function normaliseDefinition<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => normaliseDefinition(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDefinition(v)])) as T;
}
