/**
 * Biểu II.06a as an Excel workbook (exceljs): the form's title block, two header rows with merged group titles,
 * the column numbers (1)–(13), one row per field and its procedures, the total. Columns (3)–(13) hold numbers.
 */
import ExcelJS from 'exceljs';
import { ii06aColumnKeys, ii06aHeader, type Ii06aColumns, type Ii06aReport } from '@motcua/core/monitoring';

/** Where the data starts: the row of the first field (header rows 1–7 above). */
export const II06A_FIRST_DATA_ROW = 8;

function periodLabel(r: Ii06aReport): string {
  const d = (s: string) => `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
  return `Kỳ báo cáo: từ ngày ${d(r.period.from)} đến ngày ${d(r.period.to)}`;
}

export async function writeIi06aWorkbook(report: Ii06aReport): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua';
  const ws = wb.addWorksheet('II.06a', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = 2 + ii06aColumnKeys.length; // 13 columns
  ws.getCell(1, 1).value = ii06aHeader.formNumber;
  ws.getCell(1, last).value = `Đơn vị báo cáo: ${report.unit.name}`;
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `${ii06aHeader.title} TẠI ${report.unit.name.toUpperCase()}`;
  ws.getCell(2, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).value = periodLabel(report);
  ws.getCell(3, 1).alignment = { horizontal: 'center' };
  ws.getCell(4, last).value = ii06aHeader.unitOfCount;
  // Header rows 5–6, numbers row 7.
  ws.mergeCells(5, 1, 6, 1);
  ws.getCell(5, 1).value = ii06aHeader.leading[0];
  ws.mergeCells(5, 2, 6, 2);
  ws.getCell(5, 2).value = ii06aHeader.leading[1];
  let col = 3;
  for (const g of ii06aHeader.groups) {
    ws.mergeCells(5, col, 5, col + g.span - 1);
    ws.getCell(5, col).value = g.title;
    col += g.span;
  }
  ii06aHeader.columns.forEach((title, i) => (ws.getCell(6, 3 + i).value = title));
  for (let c = 1; c <= last; c++) {
    ws.getCell(7, c).value = `(${c})`;
    for (const r of [5, 6, 7]) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: r !== 7, italic: r === 7 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 48;
  for (let c = 3; c <= last; c++) ws.getColumn(c).width = 12;
  const put = (rowNo: number, stt: string, label: string, columns: Ii06aColumns, bold: boolean) => {
    const row = ws.getRow(rowNo);
    row.getCell(1).value = stt;
    row.getCell(2).value = label;
    ii06aColumnKeys.forEach((k, i) => (row.getCell(3 + i).value = columns[k]));
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.font = { bold };
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      if (c === 2) cell.alignment = { wrapText: true };
    }
  };
  let r = II06A_FIRST_DATA_ROW;
  report.rows.forEach((field, i) => {
    put(r++, String(i + 1), field.fieldName, field.columns, true);
    field.procedures.forEach((p, j) => put(r++, `${i + 1}.${j + 1}`, `${p.procedureName} (${p.procedureCode})`, p.columns, false));
  });
  put(r, '', 'Tổng cộng', report.total, true);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
