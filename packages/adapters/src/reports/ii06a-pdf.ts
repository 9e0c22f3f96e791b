/**
 * Biểu II.06a as a PDF (pdfmake with the Tinos font, Times-compatible, every Vietnamese diacritic). The same
 * report model as the screen and the workbook; landscape A4, the header repeated on every page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ii06aColumnKeys, ii06aHeader, type Ii06aColumns, type Ii06aReport } from '@motcua/core/monitoring';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const fontFile = (face: string) => join(FONT_DIR, face, `Tinos_${face}.ttf`);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | null = null;
function engine(): PdfMake {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfMake;
    pdfmake.setFonts({
      Tinos: { normal: fontFile('400Regular'), bold: fontFile('700Bold'), italics: fontFile('400Regular_Italic'), bolditalics: fontFile('700Bold_Italic') },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((p) => p.startsWith(FONT_DIR));
  }
  return pdfmake;
}

const d = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;

export async function writeIi06aPdf(report: Ii06aReport): Promise<Uint8Array> {
  const cell = (text: string | number, opts: Record<string, unknown> = {}) => ({ text: String(text).normalize('NFC'), ...opts });
  const numbers = (c: Ii06aColumns, bold: boolean) => ii06aColumnKeys.map((k) => cell(c[k], { alignment: 'right', bold }));
  const groupRow = [
    cell(ii06aHeader.leading[0], { rowSpan: 2, bold: true }),
    cell(ii06aHeader.leading[1], { rowSpan: 2, bold: true }),
    ...ii06aHeader.groups.flatMap((g) => [cell(g.title, { colSpan: g.span, bold: true, alignment: 'center' }), ...Array.from({ length: g.span - 1 }, () => ({}))]),
  ];
  const titleRow = [{}, {}, ...ii06aHeader.columns.map((t) => cell(t, { bold: true, alignment: 'center' }))];
  const numberRow = Array.from({ length: 13 }, (_, i) => cell(`(${i + 1})`, { italics: true, alignment: 'center' }));
  const body: unknown[][] = [groupRow, titleRow, numberRow];
  report.rows.forEach((f, i) => {
    body.push([cell(i + 1, { bold: true }), cell(f.fieldName, { bold: true }), ...numbers(f.columns, true)]);
    f.procedures.forEach((p, j) => body.push([cell(`${i + 1}.${j + 1}`), cell(`${p.procedureName} (${p.procedureCode})`), ...numbers(p.columns, false)]));
  });
  body.push([cell(''), cell('Tổng cộng', { bold: true }), ...numbers(report.total, true)]);
  const def = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 28],
    defaultStyle: { font: 'Tinos', fontSize: 9 },
    info: { title: `${ii06aHeader.formNumber} — ${report.unit.name}`, creator: 'MotCua' },
    content: [
      { columns: [cell(ii06aHeader.formNumber, { italics: true }), cell(`Đơn vị báo cáo: ${report.unit.name}`, { alignment: 'right' })] },
      cell(`${ii06aHeader.title} TẠI ${report.unit.name.toUpperCase()}`, { bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 2] }),
      cell(`Kỳ báo cáo: từ ngày ${d(report.period.from)} đến ngày ${d(report.period.to)}`, { alignment: 'center' }),
      cell(ii06aHeader.unitOfCount, { alignment: 'right', italics: true, margin: [0, 4, 0, 4] }),
      { table: { headerRows: 3, widths: [24, '*', ...ii06aColumnKeys.map(() => 44)], body } },
    ],
  };
  return new Uint8Array(await engine().createPdf(def).getBuffer());
}
