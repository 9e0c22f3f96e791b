/**
 * Biểu II.06a and Biểu II.07b as printable document definitions (landscape A4), rendered to PDF by the documents
 * module's renderer (@motcua/adapters/documents: one font setup, Tinos). The same report models as the screen and
 * the workbooks; the header rows repeat on every page.
 */
import { normaliseDefinition, type DocNode, type DocumentDefinition } from '../documents/index';
import { ii06aColumnKeys, type Ii06aColumns } from './figures';
import { ii07bHeader, type Ii07bReport } from './ii07b';
import { ii06aHeader, type Ii06aReport } from './report';

const dmy = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
const cell = (text: string | number, opts: Record<string, unknown> = {}): DocNode => ({ text: String(text), ...opts });

function page(title: string, subject: string, issuedAt: Date, content: DocNode[]): DocumentDefinition {
  return normaliseDefinition({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 28, 24, 28],
    info: { title, subject, creationDate: issuedAt },
    defaultStyle: { fontSize: 9, lineHeight: 1.05 },
    content,
  });
}

export function ii06aDefinition(report: Ii06aReport, issuedAt: Date): DocumentDefinition {
  const numbers = (c: Ii06aColumns, bold: boolean) => ii06aColumnKeys.map((k) => cell(c[k], { alignment: 'right', bold }));
  const groupRow: DocNode[] = [
    cell(ii06aHeader.leading[0], { rowSpan: 2, bold: true }),
    cell(ii06aHeader.leading[1], { rowSpan: 2, bold: true }),
    ...ii06aHeader.groups.flatMap((g) => [cell(g.title, { colSpan: g.span, bold: true, alignment: 'center' }), ...Array.from({ length: g.span - 1 }, () => ({}))]),
  ];
  const titleRow: DocNode[] = [{}, {}, ...ii06aHeader.columns.map((t) => cell(t, { bold: true, alignment: 'center' }))];
  const numberRow = Array.from({ length: 2 + ii06aColumnKeys.length }, (_, i) => cell(`(${i + 1})`, { italics: true, alignment: 'center' }));
  const body: DocNode[][] = [groupRow, titleRow, numberRow];
  report.rows.forEach((f, i) => {
    body.push([cell(i + 1, { bold: true }), cell(f.fieldName, { bold: true }), ...numbers(f.columns, true)]);
    f.procedures.forEach((p, j) => body.push([cell(`${i + 1}.${j + 1}`), cell(`${p.procedureName} (${p.procedureCode})`), ...numbers(p.columns, false)]));
  });
  body.push([cell(''), cell('Tổng cộng', { bold: true }), ...numbers(report.total, true)]);
  return page(`${ii06aHeader.formNumber} — ${report.unit.name}`, `${report.period.from} – ${report.period.to}`, issuedAt, [
    { columns: [cell(ii06aHeader.formNumber, { italics: true }), cell(`Đơn vị báo cáo: ${report.unit.name}`, { alignment: 'right' })] },
    cell(`${ii06aHeader.title} TẠI ${report.unit.name.toUpperCase()}`, { bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 2] }),
    cell(`Kỳ báo cáo: từ ngày ${dmy(report.period.from)} đến ngày ${dmy(report.period.to)}`, { alignment: 'center' }),
    cell(ii06aHeader.unitOfCount, { alignment: 'right', italics: true, margin: [0, 4, 0, 4] }),
    { table: { headerRows: 3, widths: [24, '*', ...ii06aColumnKeys.map(() => 44)], body } },
  ]);
}

export function ii07bDefinition(report: Ii07bReport, unitName: string, issuedAt: Date): DocumentDefinition {
  const groupRow: DocNode[] = ii07bHeader.groups.flatMap((g) => [cell(g.title, { colSpan: 4, bold: true, alignment: 'center' }), {}, {}, {}]);
  const levelRow: DocNode[] = ii07bHeader.groups.flatMap(() => ii07bHeader.levels.map((l) => cell(l.title, { bold: true, alignment: 'center' })));
  const numberRow: DocNode[] = Array.from({ length: 12 }, (_, i) => cell(`(${i + 1})`, { italics: true, alignment: 'center' }));
  const values: DocNode[] = ii07bHeader.groups.flatMap((g) => ii07bHeader.levels.map((l) => cell(report[g.key][l.key], { alignment: 'right' })));
  return page(`${ii07bHeader.formNumber} — ${unitName}`, report.date, issuedAt, [
    { columns: [cell(ii07bHeader.formNumber, { italics: true }), cell(`Đơn vị báo cáo: ${unitName}`, { alignment: 'right' })] },
    cell(`${ii07bHeader.title} — ${unitName.toUpperCase()}`, { bold: true, fontSize: 12, alignment: 'center', margin: [0, 8, 0, 2] }),
    cell(`Số liệu tại ngày ${dmy(report.date)}`, { alignment: 'center' }),
    cell('Đơn vị tính: Số thủ tục hành chính', { alignment: 'right', italics: true, margin: [0, 4, 0, 4] }),
    { table: { headerRows: 3, widths: Array.from({ length: 12 }, () => '*'), body: [groupRow, levelRow, numberRow, values] } },
  ]);
}
