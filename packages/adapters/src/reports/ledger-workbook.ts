/**
 * The desk ledger (sổ theo dõi hồ sơ, Form 07 of TT 03/2025 / 06 of TT 01/2018) as an Excel workbook: the same
 * columns, title and form number as its PDF (core's ledgerTable), one row per dossier; the number column holds
 * numbers, dates are local dd/mm/yyyy as printed on the form.
 */
import ExcelJS from 'exceljs';
import { formLabel, ledgerTable, ledgerTitle, type LedgerInput } from '@motcua/core/documents';

/** The sheet's name and where its table starts: the header row (rows 1–4 hold the title block). */
export const LEDGER_SHEET = 'Sổ theo dõi hồ sơ';
export const LEDGER_HEADER_ROW = 5;

export async function writeLedgerWorkbook(input: LedgerInput): Promise<Uint8Array> {
  const table = ledgerTable(input.form.set);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MotCua';
  const ws = wb.addWorksheet(LEDGER_SHEET, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = table.header.length;
  ws.getCell(1, 1).value = input.issuer.parentName ? `${input.issuer.parentName} — ${input.issuer.name}` : input.issuer.name;
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = ledgerTitle(input).toUpperCase();
  ws.getCell(2, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).value = formLabel(input.form);
  ws.getCell(3, 1).font = { italic: true };
  ws.getCell(3, 1).alignment = { horizontal: 'center' };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const header = ws.getRow(LEDGER_HEADER_ROW);
  table.header.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  input.rows.forEach((r, i) => {
    const row = ws.getRow(LEDGER_HEADER_ROW + 1 + i);
    table.cells(r).forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  });
  // Excel widths from the PDF's point widths (about 5.5 points a character); the flexible column gets 40.
  table.widths.forEach((w, i) => (ws.getColumn(i + 1).width = typeof w === 'number' ? Math.max(6, Math.round(w / 5.5)) : 40));
  ws.views = [{ state: 'frozen', ySplit: LEDGER_HEADER_ROW }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
