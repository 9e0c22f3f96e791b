import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildCase,
  buildProcedureContent,
  buildWorkflow,
  catalogSheetList,
  diffContent,
  readCatalogSheets,
  writeCatalogSheets,
} from '@motcua/core/catalog';
import { readCatalogWorkbook, writeCatalogWorkbook } from '@motcua/adapters/catalog-excel';

const codes = { idByCode: new Map<string, string>(), codeById: new Map<string, string>() };

describe('catalogue Excel workbook', () => {
  it('writes the template and reads it back to the same procedures', async () => {
    const content = buildProcedureContent({
      cases: [buildCase({ workflows: [buildWorkflow([0.5, 5.5, 0.75, 0.75, 0.5])] }), buildCase({ id: 'qua-han', name: 'Quá hạn' })],
      documentNotes: ['Ghi chú 1', 'Ghi chú 2'],
    });
    const file = await writeCatalogWorkbook(catalogSheetList, writeCatalogSheets([{ code: '1.001193', content }], codes));
    const sheets = await readCatalogWorkbook(file, catalogSheetList);
    expect(sheets.map((s) => s.name)).toEqual(catalogSheetList.map((s) => s.name));
    const [read] = readCatalogSheets(sheets, codes);
    if (!read!.ok) throw new Error(JSON.stringify(read!.error));
    expect(diffContent(content, read!.value.content)).toEqual([]);
  });

  it('reads a hand-edited workbook: rich text, formulas and blank rows, with the spreadsheet row numbers', async () => {
    const file = await writeCatalogWorkbook(catalogSheetList, writeCatalogSheets([{ code: '1.001193', content: buildProcedureContent() }], codes));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const times = workbook.getWorksheet('ThoiHan')!;
    times.getRow(3).getCell(1).value = '';
    times.getRow(4).values = ['1.001193', 'mac-dinh', { formula: '2+1', result: 3 }, { richText: [{ text: 'Ngày làm ' }, { text: 'việc' }] }, 'postal'];
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    const sheets = await readCatalogWorkbook(edited, catalogSheetList);
    const rows = sheets.find((s) => s.name === 'ThoiHan')!.rows;
    expect(rows.map((r) => [r.rowNumber, r.cells.so_luong, r.cells.don_vi])).toEqual([
      [2, 1, 'working-days'],
      [4, 3, 'Ngày làm việc'],
    ]);
  });
});
