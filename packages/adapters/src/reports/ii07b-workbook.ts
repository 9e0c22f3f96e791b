/**
 * Biểu II.07b as an Excel workbook: the title block, the three groups of four columns (total, province, district,
 * commune) with the column numbers (1)–(12), one row of numbers.
 */
import ExcelJS from 'exceljs';
import { ii07bHeader, type Ii07bReport } from '@motcua/core/monitoring';

/** The row of the numbers (rows 1–7 hold the title block and the header). */
export const II07B_DATA_ROW = 8;

export async function writeIi07bWorkbook(report: Ii07bReport, unitName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua';
  const ws = wb.addWorksheet('II.07b', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = 12;
  ws.getCell(1, 1).value = ii07bHeader.formNumber;
  ws.getCell(1, last).value = `Đơn vị báo cáo: ${unitName}`;
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `${ii07bHeader.title} — ${unitName.toUpperCase()}`;
  ws.getCell(2, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).value = `Số liệu tại ngày ${report.date.slice(8, 10)}/${report.date.slice(5, 7)}/${report.date.slice(0, 4)}`;
  ws.getCell(3, 1).alignment = { horizontal: 'center' };
  ws.getCell(4, last).value = 'Đơn vị tính: Số thủ tục hành chính';
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  ii07bHeader.groups.forEach((g, i) => {
    ws.mergeCells(5, 1 + i * 4, 5, 4 + i * 4);
    ws.getCell(5, 1 + i * 4).value = g.title;
    ii07bHeader.levels.forEach((l, j) => {
      ws.getCell(6, 1 + i * 4 + j).value = l.title;
      ws.getCell(II07B_DATA_ROW, 1 + i * 4 + j).value = report[g.key][l.key];
    });
  });
  for (let c = 1; c <= last; c++) {
    ws.getCell(7, c).value = `(${c})`;
    ws.getColumn(c).width = 12;
    for (const r of [5, 6, 7, II07B_DATA_ROW]) {
      const cell = ws.getCell(r, c);
      cell.border = border;
      if (r < II07B_DATA_ROW) {
        cell.font = { bold: r !== 7, italic: r === 7 };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
