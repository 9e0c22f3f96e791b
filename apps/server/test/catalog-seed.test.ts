import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateProcedureContent } from '@motcua/core/catalog';
import { listDrafts, listVersions } from '@motcua/db/catalog';
import { catalogProcedureCaseReader } from '../src/catalog/procedure-case-reader';
import { seedCatalog, type CatalogSeedReport } from '../src/seed/catalog-seed';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { seedTestOrganization } from '../../../test-support/identity';

describe('demo catalogue seed (Huế reference procedures)', () => {
  let t: TestApp;
  let first: CatalogSeedReport;

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date('2026-03-02T02:00:00Z') } });
    await seedTestOrganization(t.db);
    first = await seedCatalog(t.db, t.clock.now());
  });
  afterAll(() => t.close());

  it('publishes at least 40 real procedures and keeps the incomplete ones as drafts', async () => {
    expect(first.published.length).toBeGreaterThanOrEqual(40);
    expect(first.drafts.sort()).toEqual(['1.001731', '1.001776', '1.010815', '2.001263']);
    expect(first.skipped).toHaveLength(2); // no national code: never guessed
    expect((await listDrafts(t.db, { statuses: ['editing'] })).map((d) => d.code).sort()).toEqual(first.drafts.sort());
  });

  it('keeps the source, the verified flag and what was inferred, visible in the public detail', async () => {
    const detail = (await t.app.inject('/api/v1/procedures/2.000815')).json();
    expect(detail.content.source.url).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
    expect(detail.content.isVerified).toBe(true);
    expect(detail.content.cases[0].processingTimes[0]).toMatchObject({ amount: 1, sameDayCutoff: '15:00', isInferred: true });
    expect(detail.content.inferredFields.join('\n')).toMatch(/processingTimes .*Không có thông tin/);
    expect(detail.content.inferredFields.join('\n')).toMatch(/quy trình nội bộ đề xuất/);
  });

  it('gives every case a workflow that fits its limit, with consultation in parallel for land and construction', async () => {
    const permit = (await t.app.inject('/api/v1/procedures/1.013225')).json();
    const [workflow] = permit.workflows;
    expect(workflow.totalHours).toBeLessThanOrEqual(workflow.limitHours);
    expect(workflow.limitHours).toBe(88); // 15 calendar days → 11 guaranteed working days
    expect(workflow.steps.some((s: { branches: unknown[] | null }) => s.branches?.length === 2)).toBe(true);
    const versions = await t.db.query<{ content: unknown }>('SELECT content FROM procedure_version');
    for (const { content } of versions) {
      expect(validateProcedureContent(content as never, { forPublication: true })).toEqual([]);
    }
  });

  it('names the organisation’s agencies for department procedures and rules for commune ones', async () => {
    const building = (await t.app.inject('/api/v1/procedures/1.013236')).json();
    expect(building.content.competentAgency).toMatchObject({ kind: 'agency', name: 'Sở Xây dựng' });
    const land = (await t.app.inject('/api/v1/procedures/1.012786')).json();
    expect(land.content.competentAgency.name).toBe('Văn phòng đăng ký đất đai thành phố Huế');
    const birth = (await t.app.inject('/api/v1/procedures/1.001193')).json();
    expect(birth.content.competentAgency).toMatchObject({ kind: 'rule', rule: 'where_received', agencyKind: 'people_committee' });
    expect(birth.interAgencyGroups[0].participants).toHaveLength(3);
    const ward = (await t.app.inject('/api/v1/procedures?agency=000.00.40.H57&pageSize=100')).json();
    expect(ward.items.map((i: { code: string }) => i.code)).toContain('1.001193');
    expect(ward.items.map((i: { code: string }) => i.code)).not.toContain('1.013236');
    // a desk lists what its service centre receives (the printed listing at the counter)
    const desk = (await t.app.inject('/api/v1/procedures?agency=001.01.40.H57&pageSize=100')).json();
    const deskCodes = desk.items.map((i: { code: string }) => i.code);
    expect(deskCodes).toEqual(expect.arrayContaining(['1.001193', '1.004222']));
    expect(deskCodes).not.toContain('1.013236');
    const cityDesk = (await t.app.inject('/api/v1/procedures?agency=000.01.30.H57&pageSize=100')).json();
    expect(cityDesk.items.map((i: { code: string }) => i.code)).toContain('1.013236');
  });

  it('lets a citizen find "Thủ tục đăng ký khai sinh" by typing "dang ky khai sinh"', async () => {
    const found = (await t.app.inject({ url: '/api/v1/procedures', query: { q: 'dang ky khai sinh' } })).json();
    expect(found.items[0].name).toBe('Thủ tục đăng ký khai sinh');
  });

  it('says a conditional document’s condition once, apart from the document', async () => {
    const birth = (await t.app.inject('/api/v1/procedures/1.001193')).json();
    const documents: { name: string; requirement: string; condition: string | null }[] = birth.content.cases.flatMap(
      (c: { documents: unknown[] }) => c.documents,
    );
    const abandoned = documents.find((d) => d.condition === 'Trường hợp trẻ em bị bỏ rơi');
    expect(abandoned).toMatchObject({ requirement: 'conditional', name: 'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.' });
    for (const d of documents.filter((x) => x.requirement === 'conditional')) expect(d.name.startsWith(d.condition!)).toBe(false);
  });

  it('changes nothing when run again', async () => {
    const again = await seedCatalog(t.db, new Date('2026-03-05T02:00:00Z'));
    expect(again.published).toEqual([]);
    expect(again.unchanged.length).toBe(first.published.length + first.drafts.length);
    expect(await listVersions(t.db, '1.001193')).toHaveLength(1);
  });
});

describe('the dossier engine’s reader of procedure cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    await seedCatalog(t.db, t.clock.now());
  });
  afterAll(() => t.close());

  const idOf = async (code: string) => (await t.db.query<{ id: string }>('SELECT id FROM agency WHERE code = $1', [code]))[0]!.id;

  it('resolves a commune procedure received at a ward desk to that ward’s people’s committee', async () => {
    const [v] = await listVersions(t.db, '1.001193');
    const snapshot = await catalogProcedureCaseReader(t.db).findCase(v!.id, 'mac-dinh', await idOf('001.01.40.H57'));
    expect(snapshot).toMatchObject({
      procedureCode: '1.001193',
      caseCode: 'mac-dinh',
      competentAgencyId: await idOf('000.00.40.H57'),
      sameDayCutoff: '15:00',
      allowsPostalSubmission: true,
    });
    expect(snapshot!.receivingAgencyIds).toContain(await idOf('000.01.40.H57'));
    // the desk of a listed service centre receives within the boundary (no "regardless of boundary" reception)
    expect(snapshot!.receivingAgencyIds).toContain(await idOf('001.01.40.H57'));
    const elsewhere = await catalogProcedureCaseReader(t.db).findCase(v!.id, 'mac-dinh', await idOf('000.01.30.H57'));
    if (elsewhere) expect(elsewhere.receivingAgencyIds).not.toContain(await idOf('000.01.30.H57'));
    expect(snapshot!.timeLimits).toEqual(expect.arrayContaining([{ channel: 'counter', amount: 1, unit: 'working-days' }]));
    expect(snapshot!.workflow.map((s) => [s.order, s.role])).toEqual([
      [1, 'reception_officer'],
      [2, 'specialist'],
      [3, 'department_head'],
      [4, 'agency_leader'],
      [5, 'reception_officer'],
    ]);
    expect(snapshot!.workflow[0]!.agencyId).toBe(await idOf('001.01.40.H57'));
    // received on its own, a member procedure of the khai sinh – thường trú – BHYT group is no inter-agency chain
    expect(snapshot!.interAgency).toBeNull();
    const [chain] = await listVersions(t.db, '2.000986');
    const chained = await catalogProcedureCaseReader(t.db).findCase(chain!.id, 'mac-dinh', await idOf('001.01.40.H57'));
    expect(chained!.interAgency?.legs.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a department procedure with its agency, and answers null for an unknown case or version', async () => {
    const [v] = await listVersions(t.db, '1.013236');
    const reader = catalogProcedureCaseReader(t.db);
    const snapshot = await reader.findCase(v!.id, 'mac-dinh', await idOf('000.01.30.H57'));
    expect(snapshot?.competentAgencyId).toBe(await idOf('000.00.02.H57'));
    expect(await reader.findCase(v!.id, 'khong-co', await idOf('000.01.30.H57'))).toBeNull();
    expect(await reader.findCase('00000000-0000-4000-8000-000000000000', 'mac-dinh', await idOf('000.01.30.H57'))).toBeNull();
  });
});
