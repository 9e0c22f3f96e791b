import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildProcessingTime, publishContent, type ProcedureContent } from '@motcua/core/catalog';
import { runCatalogUseCase } from '@motcua/db/catalog';
import { createTestApp, type TestApp } from '../../../test-support/app';

const system = { kind: 'system', name: 'test' } as const;

async function publish(t: TestApp, code: string, content: ProcedureContent, effectiveFrom: string) {
  const result = await runCatalogUseCase(t.db, { actor: system, now: new Date(`${effectiveFrom}T02:00:00Z`) }, (deps) =>
    publishContent(deps, { code, content, effectiveFrom, action: 'catalog.procedure.import' }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.version;
}

describe('public catalogue API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // clock: 2026-03-02 09:00 in Huế
    await publish(t, '1.001193', buildProcedureContent(), '2026-01-05');
    await publish(
      t,
      '1.001193',
      buildProcedureContent({
        name: 'Thủ tục đăng ký khai sinh',
        cases: [buildCase({ processingTimes: [buildProcessingTime({ amount: 1, sameDayCutoff: '15:00' })] })],
      }),
      '2026-02-01',
    );
    await publish(t, '1.000656', buildProcedureContent({ name: 'Thủ tục đăng ký khai tử' }), '2026-01-05');
    await publish(
      t,
      '2.000884',
      buildProcedureContent({ name: 'Chứng thực chữ ký', field: { code: 'Z00-CT', name: 'Chứng thực' }, onlineLevel: 'none' }),
      '2026-01-05',
    );
  });
  afterAll(() => t.close());

  it('finds "Đăng ký khai sinh" by "dang ky khai sinh" and by "đăng kí khai sinh", highlighted', async () => {
    for (const q of ['dang ky khai sinh', 'đăng kí khai sinh']) {
      const res = await t.app.inject({ url: '/api/v1/procedures', query: { q } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items[0]).toMatchObject({
        code: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        versionNo: 2,
        nameHighlighted: [
          { text: 'Thủ tục ', isMatch: false },
          { text: 'đăng ký khai sinh', isMatch: true },
        ],
      });
    }
  });

  it('lists with filters and pages', async () => {
    const all = (await t.app.inject('/api/v1/procedures?pageSize=2')).json();
    expect([all.total, all.items.length, all.page, all.pageSize]).toEqual([3, 2, 1, 2]);
    const civil = (await t.app.inject('/api/v1/procedures?field=Z00-HT')).json();
    expect(civil.items.map((i: { code: string }) => i.code).sort()).toEqual(['1.000656', '1.001193']);
    const offline = (await t.app.inject('/api/v1/procedures?onlineLevel=none')).json();
    expect(offline.items.map((i: { code: string }) => i.code)).toEqual(['2.000884']);
    const unknownAgency = (await t.app.inject('/api/v1/procedures?agency=000.99.99.H57')).json();
    expect(unknownAgency.total).toBe(0);
  });

  it('answers bad query input with 400 problem+json naming the field', async () => {
    for (const url of ['/api/v1/procedures?pageSize=1000', '/api/v1/procedures?level=district', '/api/v1/procedures?sort=name']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject('/api/v1/procedures?pageSize=1000')).json().errors[0].field).toBe('query.pageSize');
    const badCode = await t.app.inject('/api/v1/procedures/not%20a%20code');
    expect([badCode.statusCode, badCode.json().errors[0].field]).toEqual([400, 'path.code']);
  });

  it('shows the version in effect with cases, documents, fees, time limits, channels and workflow summary', async () => {
    const res = await t.app.inject('/api/v1/procedures/1.001193');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: '1.001193', versionNo: 2, effectiveFrom: '2026-02-01', effectiveTo: null });
    expect(body.channels).toEqual(['counter', 'online', 'postal']);
    const [onlyCase] = body.content.cases;
    expect(onlyCase.processingTimes[0]).toMatchObject({ amount: 1, unit: 'working-days', sameDayCutoff: '15:00' });
    expect(onlyCase.fees[0]).toMatchObject({ kind: 'charge', amountVnd: 8000 });
    expect(onlyCase.documents[0]).toMatchObject({ name: 'Tờ khai theo mẫu', originals: 1 });
    expect(onlyCase.workflows).toBeUndefined();
    expect(body.workflows[0]).toMatchObject({ caseId: 'mac-dinh', totalHours: 8, limitHours: 8 });
    expect(body.workflows[0].steps.map((s: { role: string }) => s.role)).toEqual([
      'reception_officer',
      'specialist',
      'department_head',
      'agency_leader',
      'reception_officer',
    ]);
  });

  it('answers an unknown procedure with 404 problem+json', async () => {
    const res = await t.app.inject({ url: '/api/v1/procedures/9.999999', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', title: 'No such administrative procedure' });
  });

  it('lists versions and shows what changed between them', async () => {
    const versions = (await t.app.inject('/api/v1/procedures/1.001193/versions')).json();
    expect(versions.versions.map((v: { versionNo: number; effectiveTo: string | null }) => [v.versionNo, v.effectiveTo])).toEqual([
      [2, null],
      [1, '2026-01-31'],
    ]);
    expect(versions.versions[0].publishedBy).toBeUndefined();
    const v1 = (await t.app.inject('/api/v1/procedures/1.001193/versions/1')).json();
    expect(v1.content.cases[0].processingTimes[0].sameDayCutoff).toBeNull();
    const diff = (await t.app.inject('/api/v1/procedures/1.001193/diff?from=1&to=2')).json();
    expect(diff.changes).toEqual([
      { path: 'cases[mac-dinh].processingTimes[0].sameDayCutoff', kind: 'changed', before: null, after: '15:00' },
    ]);
    expect((await t.app.inject('/api/v1/procedures/1.001193/diff?from=1&to=7')).statusCode).toBe(404);
  });

  it('lists fields with the number of procedures in effect', async () => {
    const fields = (await t.app.inject('/api/v1/fields')).json();
    expect(fields.items).toEqual([
      { code: 'Z00-CT', name: 'Chứng thực', isCodePlaceholder: true, procedureCount: 1 },
      { code: 'Z00-HT', name: 'Hộ tịch', isCodePlaceholder: true, procedureCount: 2 },
    ]);
  });

  it('documents the catalogue routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/procedures',
        '/api/v1/procedures/{code}',
        '/api/v1/procedures/{code}/versions',
        '/api/v1/procedures/{code}/diff',
        '/api/v1/fields',
        '/api/v1/admin/procedure-drafts',
        '/api/v1/admin/procedure-drafts/{draftId}/publish',
      ]),
    );
  });
});

describe('catalogue administration without a session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['GET', '/api/v1/admin/procedure-drafts'],
    ['POST', '/api/v1/admin/procedure-drafts'],
    ['PUT', '/api/v1/admin/procedure-drafts/6f1c1f7e-2f43-4d36-9a55-1f2b3c4d5e6f/cases/mac-dinh'],
    ['POST', '/api/v1/admin/procedure-drafts/6f1c1f7e-2f43-4d36-9a55-1f2b3c4d5e6f/publish'],
    ['POST', '/api/v1/admin/workflows/check'],
    ['GET', '/api/v1/admin/procedures/1.001193/history'],
    ['POST', '/api/v1/admin/inter-agency-groups'],
    ['GET', '/api/v1/admin/catalog/export'],
  ])('%s %s answers 401 before looking at the body', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : { nonsense: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
