/**
 * The catalogue's Excel template as .xlsx files (exceljs): writing the sheets core describes, and reading any
 * workbook back into rows keyed by column key ("Label (key)" headers). Mapping rows to procedures is core's job.
 */
import ExcelJS from 'exceljs';
import { headerKey, headerLabel, type Cell, type SheetData, type SheetSpec } from '@motcua/core/catalog';

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

/** Reads every sheet the template names; rows keep their spreadsheet numbers (the header is row 1). */
export async function readCatalogWorkbook(data: Uint8Array, sheets: readonly SheetSpec[]): Promise<SheetData[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return sheets.flatMap((spec) => {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet) return [];
    const keys: string[] = [];
    sheet.getRow(1).eachCell((cell, column) => {
      keys[column] = headerKey(String(cellValue(cell.value) ?? ''));
    });
    const rows: SheetData['rows'][number][] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, Cell> = {};
      let hasValue = false;
      row.eachCell((cell, column) => {
        const key = keys[column];
        if (!key) return;
        const value = cellValue(cell.value);
        cells[key] = value;
        if (value !== null && String(value).trim() !== '') hasValue = true;
      });
      if (hasValue) rows.push({ rowNumber, cells });
    });
    return [{ name: spec.name, rows }];
  });
}

/** Writes the template: a header row per sheet ("Label (key)"), frozen, then the data rows. */
export async function writeCatalogWorkbook(sheets: readonly SheetSpec[], data: readonly SheetData[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MotCua';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: headerLabel(c), key: c.key, width: c.width ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    for (const row of data.find((d) => d.name === spec.name)?.rows ?? []) {
      const added = sheet.addRow(row.cells);
      added.alignment = { wrapText: true, vertical: 'top' };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
