import { describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildTask, buildWorkflow } from './builders';
import { diffContent } from './version-diff';
import { readCatalogSheets, writeCatalogSheets, type AgencyCodes } from './excel-mapping';
import { catalogSheets, headerKey, headerLabel, type SheetData } from './excel-template';

const agencyId = '6f1c1f7e-2f43-4d36-9a55-1f2b3c4d5e6f';
const codes: AgencyCodes = { idByCode: new Map([['000.01.00.H57', agencyId]]), codeById: new Map([[agencyId, '000.01.00.H57']]) };

describe('Excel template mapping', () => {
  const content = buildProcedureContent({
    competentAgency: { kind: 'agency', agencyId, name: 'Sở Xây dựng' },
    cases: [
      buildCase({
        workflows: [
          buildWorkflow([1, 4, 1, 1, 1], {
            channels: ['online'],
            steps: [
              buildTask({ id: 'a', name: 'Tiếp nhận', role: 'reception_officer', responsibleUnit: { relation: 'receiving_desk', label: 'Một cửa' } }),
              {
                kind: 'parallel',
                id: 'y-kien',
                name: 'Lấy ý kiến',
                branches: [
                  { id: 'xd', name: 'Sở Xây dựng', steps: [buildTask({ id: 'b', budgetHours: 2, responsibleUnit: { relation: 'agency', agencyId, label: 'Sở XD' } })] },
                  { id: 'xa', name: 'UBND xã', steps: [buildTask({ id: 'c', budgetHours: 1.5 }), buildTask({ id: 'd', budgetHours: 0.5 })] },
                ],
              },
              buildTask({ id: 'e', name: 'Trả kết quả', role: 'reception_officer' }),
            ],
          }),
        ],
      }),
      buildCase({ id: 'cap-lai', name: 'Cấp lại', workflows: [] }),
    ],
    source: { url: 'https://dichvucong.gov.vn/thu-tuc/1', note: 'bản ghi quốc gia' },
    inferredFields: ['processingTime.unit'],
  });

  it('writes rows that read back to the same content', () => {
    const sheets = writeCatalogSheets([{ code: '1.001193', content }], codes);
    expect(sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['ThuTuc', 1], ['TruongHop', 2], ['ThoiHan', 2], ['PhiLePhi', 2], ['ThanhPhanHoSo', 2], ['CanCuPhapLy', 1], ['QuyTrinh', 5],
    ]);
    const [read] = readCatalogSheets(sheets, codes);
    if (!read!.ok) throw new Error(JSON.stringify(read!.error));
    expect(diffContent(content, read!.value.content)).toEqual([]);
  });

  it('keeps the channels a document is asked on, and reads a sheet without the column as every channel', () => {
    const c = buildCase();
    const paper = { ...c.documents[0]!, name: 'Tờ khai (nộp trực tiếp)', channels: ['counter', 'postal'] as const };
    const withChannels = buildProcedureContent({ cases: [{ ...c, documents: [paper, { ...c.documents[0]!, name: 'Mẫu điện tử', channels: ['online'] as const }] }] });
    const sheets = writeCatalogSheets([{ code: '1.001193', content: withChannels }], codes);
    const [read] = readCatalogSheets(sheets, codes);
    if (!read!.ok) throw new Error(JSON.stringify(read!.error));
    expect(read!.value.content.cases[0]!.documents.map((d) => d.channels)).toEqual([['counter', 'postal'], ['online']]);
    // a file written before the column: no `kenh` cell
    const old = sheets.map((sh) => (sh.name === 'ThanhPhanHoSo' ? { ...sh, rows: sh.rows.map((r) => ({ ...r, cells: { ...r.cells, kenh: null } })) } : sh));
    const [before] = readCatalogSheets(old, codes);
    if (!before!.ok) throw new Error(JSON.stringify(before!.error));
    expect(before!.value.content.cases[0]!.documents.map((d) => d.channels)).toEqual([undefined, undefined]);
  });

  it('reports bad cells with sheet, row and column, and rejects only that procedure', () => {
    const sheets = writeCatalogSheets(
      [
        { code: '1.001193', content },
        { code: '1.000656', content: { ...content, name: 'Đăng ký khai tử' } },
      ],
      codes,
    );
    const broken: SheetData[] = sheets.map((s) =>
      s.name !== 'ThoiHan'
        ? s
        : { ...s, rows: s.rows.map((r, i) => (i === 2 ? { ...r, cells: { ...r.cells, don_vi: 'Tuần', kenh: 'fax' } } : r)) },
    );
    const extra: SheetData[] = broken.map((s) =>
      s.name !== 'PhiLePhi' ? s : { ...s, rows: [...s.rows, { rowNumber: 99, cells: { ma_tthc: '9.999999', ten: 'x' } }] },
    );
    const results = readCatalogSheets(extra, codes);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(results.flatMap((r) => (r.ok ? [] : r.error.map((e) => `${e.sheet}!${e.row} ${e.field}: ${e.message}`)))).toEqual([
      'ThoiHan!4 don_vi: unknown unit "Tuần"',
      'ThoiHan!4 kenh: unknown channel "fax"',
      'PhiLePhi!99 ma_tthc: procedure 9.999999 is not in sheet ThuTuc',
    ]);
  });

  it('labels headers so that the column key can be read back', () => {
    const column = catalogSheets.times.columns[3];
    expect(headerLabel(column)).toBe('Đơn vị (Ngày làm việc, Giờ làm việc, Ngày, Tháng) (don_vi)');
    expect(headerKey(headerLabel(column))).toBe('don_vi');
    expect(headerKey('ma_tthc')).toBe('ma_tthc');
  });
});
