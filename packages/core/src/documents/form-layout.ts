/**
 * The frame every form shares, in the style of NĐ 30/2020 (Appendix I) for administrative documents: the issuing
 * body (its parent above it) and the number on the left, the national motto and the place and date on the right,
 * the title, the body, the signature blocks, and the dossier code as a Code 128 barcode beside a QR code of the
 * public tracking / verification link.
 */
import type { DocNode } from './document-definition';
import { nfc } from './document-definition';
import { placeAndDate } from './local-time';

export interface IssuingUnit {
  /** e.g. "Bộ phận Một cửa phường Phú Xuân" — printed in capitals, bold. */
  readonly name: string;
  /** The body it belongs to ("UBND phường Phú Xuân"); null for a top-level body. */
  readonly parentName: string | null;
  /** The place name of the date line ("Huế"). */
  readonly place: string;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A short centred rule under a header line; `columnWidth` is the width of the column it sits in. */
const rule = (columnWidth: number, width: number): DocNode => {
  const x1 = Math.max(0, (columnWidth - width) / 2);
  return { canvas: [{ type: 'line', x1, y1: 0, x2: x1 + width, y2: 0, lineWidth: 0.5 }], margin: [0, 1, 0, 3] };
};

/**
 * The two-column header; `number` is the full "Số: …" text or null for documents without a number;
 * `contentWidth` is the page's width between the margins, in points.
 */
export function documentHeader(issuer: IssuingUnit, number: string | null, issuedAt: Date, fontSize: number, contentWidth: number): DocNode {
  const leftWidth = Math.round(contentWidth * 0.42);
  const rightWidth = contentWidth - leftWidth - 4;
  const left: DocNode[] = [];
  if (issuer.parentName) left.push({ text: nfc(issuer.parentName).toLocaleUpperCase('vi'), alignment: 'center' });
  left.push({ text: nfc(issuer.name).toLocaleUpperCase('vi'), bold: true, alignment: 'center' });
  left.push(rule(leftWidth, leftWidth / 3));
  if (number !== null) left.push({ text: `Số: ${nfc(number) || '……'}`, alignment: 'center' });
  const right: DocNode[] = [
    { text: NATIONAL_NAME, bold: true, alignment: 'center' },
    { text: NATIONAL_MOTTO, bold: true, alignment: 'center', fontSize: fontSize + 1 },
    rule(rightWidth, rightWidth * 0.62),
    { text: placeAndDate(nfc(issuer.place), issuedAt), italics: true, alignment: 'center', fontSize: fontSize + 1 },
  ];
  return { columns: [{ width: leftWidth, stack: left }, { width: rightWidth, stack: right }], columnGap: 4, fontSize };
}

export function documentTitle(title: string, subtitle?: string): DocNode {
  const nodes: DocNode[] = [{ text: nfc(title).toLocaleUpperCase('vi'), bold: true, alignment: 'center', margin: [0, 8, 0, 0] }];
  if (subtitle) nodes.push({ text: nfc(subtitle), italics: true, alignment: 'center', fontSize: 8.5 });
  return { stack: nodes, margin: [0, 0, 0, 4] };
}

/** "Label: value" with the value as given (blank lines of dots when unknown, as on a paper form). */
export function field(label: string, value: unknown, options: { bold?: boolean } = {}): DocNode {
  const v = nfc(value);
  return { text: [`${label}: `, { text: v || '……………………………', bold: options.bold ?? false }], margin: [0, 1, 0, 1] };
}

export function paragraph(text: string | DocNode[], options: Record<string, unknown> = {}): DocNode {
  return { text, alignment: 'justify', margin: [0, 2, 0, 2], ...options };
}

export interface SignatureBlock {
  readonly role: string;
  /** "(Ký, ghi rõ họ tên)" or the TT 03/2025 electronic wording. */
  readonly note: string;
  readonly name: string | null;
}

/** Signature blocks side by side (one block sits on the right, as NĐ 30/2020 places the signer). */
export function signatures(blocks: readonly SignatureBlock[]): DocNode {
  const cells: DocNode[] = blocks.map((b) => ({
    stack: [
      { text: nfc(b.role).toLocaleUpperCase('vi'), bold: true, alignment: 'center' },
      { text: nfc(b.note), italics: true, alignment: 'center', fontSize: 8.5 },
      { text: ' ', margin: [0, 0, 0, 26] },
      { text: nfc(b.name), bold: true, alignment: 'center' },
    ],
  }));
  if (cells.length === 1) cells.unshift({ text: '' });
  return { columns: cells, columnGap: 10, margin: [0, 6, 0, 0], unbreakable: true };
}

/** The dossier code (text and Code 128 barcode) beside a QR code of the tracking / verification link. */
export function codesRow(dossierCode: string | null, verificationUrl: string): DocNode {
  const left: DocNode[] = dossierCode
    ? [
        { text: ['Mã hồ sơ: ', { text: nfc(dossierCode), bold: true }] },
        { barcode: nfc(dossierCode), width: 170, height: 20, margin: [0, 2, 0, 0] },
      ]
    : [];
  return {
    columns: [
      { width: '*', stack: left },
      { width: 48, stack: [{ qr: verificationUrl, fit: 48, eccLevel: 'M' }] },
    ],
    columnGap: 6,
    margin: [0, 0, 0, 4],
  };
}
