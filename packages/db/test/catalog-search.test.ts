import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcedureContent, publishContent, type ProcedureContent } from '@motcua/core/catalog';
import { runCatalogUseCase, searchProcedures, type ProcedureSearchQuery } from '@motcua/db/catalog';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

const system = { kind: 'system', name: 'test' } as const;

const department = (agencyId: string): Partial<ProcedureContent> => ({
  levels: ['province'],
  competentAgency: { kind: 'agency', agencyId, name: 'Sở Xây dựng' },
  receivingDesks: [
    { kind: 'rule', rule: 'every', agencyKind: 'service_centre', agencyLevel: 'province', name: 'Trung tâm PVHCC thành phố' },
  ],
});

describe.each(testBackends())('procedure search on %s', (backend) => {
  let db: TestDatabase;
  let buildingDepartment: string;
  let commune: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const agencies = await db.query<{ id: string; code: string }>(
      `INSERT INTO agency (code, name, kind, level, effective_from) VALUES
         ('000.01.00.H57', 'Sở Xây dựng', 'department', 'province', '2025-07-01'),
         ('000.00.31.H57', 'UBND phường Thuận Hóa', 'people_committee', 'commune', '2025-07-01')
       RETURNING id, code`,
    );
    buildingDepartment = agencies.find((a) => a.code === '000.01.00.H57')!.id;
    commune = agencies.find((a) => a.code === '000.00.31.H57')!.id;
    const civil = { field: { code: 'Z00-HT', name: 'Hộ tịch' } };
    const procedures: [string, Partial<ProcedureContent>][] = [
      ['1.001193', { name: 'Thủ tục đăng ký khai sinh', ...civil }],
      ['2.000528', { name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài', ...civil, onlineLevel: 'full' }],
      ['1.000656', { name: 'Thủ tục đăng ký khai tử', ...civil }],
      ['1.000894', { name: 'Thủ tục đăng ký kết hôn', ...civil }],
      ['1.004884', { name: 'Thủ tục đăng ký lại khai sinh', ...civil }],
      ['2.000884', { name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', field: { code: 'Z00-CT', name: 'Chứng thực' } }],
      [
        '1.013236',
        { name: 'Cấp giấy phép xây dựng mới công trình cấp đặc biệt, cấp I, cấp II', field: { code: 'Z00-XD', name: 'Hoạt động xây dựng' }, onlineLevel: 'none', ...department(buildingDepartment) },
      ],
    ];
    for (const [code, overrides] of procedures) {
      const result = await runCatalogUseCase(db, { actor: system, now: new Date('2026-03-02T02:00:00Z') }, (deps) =>
        publishContent(deps, { code, content: buildProcedureContent(overrides), action: 'catalog.procedure.import' }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
  });
  afterAll(() => db.dispose());

  const search = async (q: string, more: Partial<ProcedureSearchQuery> = {}) =>
    searchProcedures(db, { q, onDate: '2026-03-02', page: 1, pageSize: 20, ...more });
  const codes = async (q: string, more: Partial<ProcedureSearchQuery> = {}) => (await search(q, more)).items.map((i) => i.code);

  it('finds "Đăng ký khai sinh" first without diacritics, with the kí spelling and with a typo', async () => {
    // the names with every word: the phrase as typed first (shorter name first), then the words in another order
    const expected = ['1.001193', '2.000528', '1.004884'];
    expect(await codes('dang ky khai sinh')).toEqual(expected);
    expect(await codes('đăng kí khai sinh')).toEqual(expected);
    expect(await codes('ĐĂNG KÝ KHAI SINH')).toEqual(expected);
    expect(await codes('dang ki khai sihn')).toEqual(expected);
    expect(await codes('dnag ky khai sinh')).toEqual(expected);
    expect(await codes('dang ky khai')).toEqual(['1.000656', '1.001193', '2.000528', '1.004884']); // shorter name first
  });

  it('highlights the match in the original name', async () => {
    const [first] = (await search('dang ky khai sinh')).items;
    expect(first!.nameHighlighted).toEqual([
      { text: 'Thủ tục ', isMatch: false },
      { text: 'đăng ký khai sinh', isMatch: true },
    ]);
    expect(first!.rank).toBe(3);
  });

  it('finds by code prefix and by single words', async () => {
    expect(await codes('1.0011')).toEqual(['1.001193']);
    expect(await codes('ket hon')).toEqual(['1.000894']);
    expect(await codes('chung thuc')).toEqual(['2.000884']);
    expect(await codes('giay phep xay dung')).toEqual(['1.013236']);
    expect(await codes('khong co thu tuc nay')).toEqual([]);
  });

  it('filters by field, level, online level and agency (by id or by the rule that covers it)', async () => {
    expect((await codes('', { fieldCode: 'Z00-HT' })).sort()).toEqual(['1.000656', '1.000894', '1.001193', '1.004884', '2.000528']);
    expect(await codes('', { level: 'province' })).toEqual(['1.013236']);
    expect(await codes('', { onlineLevel: 'full' })).toEqual(['2.000528']);
    expect(await codes('', { agency: { id: buildingDepartment, kind: 'department', level: 'province' } })).toEqual(['1.013236']);
    const communeProcedures = await codes('', { agency: { id: commune, kind: 'people_committee', level: 'commune' } });
    expect(communeProcedures).toHaveLength(6);
    expect(communeProcedures).not.toContain('1.013236');
  });

  it('pages with a total', async () => {
    const first = await search('', { pageSize: 3 });
    const third = await search('', { pageSize: 3, page: 3 });
    const beyond = await search('', { pageSize: 3, page: 9 });
    expect([first.total, first.items.length, third.items.length, beyond.total, beyond.items.length]).toEqual([7, 3, 1, 7, 0]);
    // with a query, resolved in the one statement or after a correction, beyond the last match too
    for (const q of ['dang ky', 'dang ky khaii']) {
      const [page1, page2, far] = await Promise.all([1, 2, 5].map((page) => search(q, { pageSize: 2, page })));
      expect([page1!.total, page1!.items.length, page2!.items.length, far!.total, far!.items.length], q).toEqual(
        q === 'dang ky' ? [5, 2, 2, 5, 0] : [4, 2, 2, 4, 0],
      );
    }
  });

  it('corrects a misspelt word the one statement could not resolve, and answers nothing for a word no correction fits', async () => {
    expect(await codes('khai sinhh')).toEqual(['1.001193', '1.004884', '2.000528']); // the phrase in each; shorter name first
    expect(await codes('xyzw khai')).toEqual([]);
    expect(await codes('khai', { page: 3, pageSize: 2 })).toEqual([]);
    expect((await search('zzzz', { page: 2, pageSize: 2 })).total).toBe(0);
  });

  it('lists only versions in effect on the date asked', async () => {
    expect((await search('', { onDate: '2026-03-01' })).total).toBe(0);
  });
});
