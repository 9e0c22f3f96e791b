import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildWorkflow } from '@motcua/core/catalog';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, seedTestOrganization, signIn, type SignedInHeaders } from '../../../test-support/identity';

const { workflows: _w, id: _caseId, ...caseBody } = buildCase();
const { id: _id, ...workflowBody } = buildWorkflow();

describe('catalogue administration with real sessions', () => {
  let t: TestApp;
  let admin: SignedInHeaders;
  let specialist: SignedInHeaders;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    admin = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57' }] }));
    specialist = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] }));
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('refuses officers without the system-administrator role', async () => {
    const res = await call('GET', '/admin/procedure-drafts', undefined, specialist);
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
  });

  it('creates, edits, reviews and publishes a procedure; the audit trail names the administrator', async () => {
    const created = await call('POST', '/admin/procedure-drafts', {
      code: '1.001193',
      content: buildProcedureContent({ cases: [] }),
    });
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'editing', rowVersion: 1, budgets: [] });

    const withCase = await call('PUT', `/admin/procedure-drafts/${draft.id}/cases/mac-dinh`, { rowVersion: 1, case: caseBody });
    expect(withCase.statusCode, withCase.body).toBe(200);

    const tooLong = await call('PUT', `/admin/procedure-drafts/${draft.id}/cases/mac-dinh/workflows/chuan`, {
      rowVersion: 2,
      workflow: { ...workflowBody, steps: buildWorkflow([1, 6, 1, 1, 1]).steps },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json()).toMatchObject({
      code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT',
      detail: expect.stringContaining('2 working hours more than the legal time limit of 1 working day (8 working hours)'),
      details: { excessHours: 2, messageVi: expect.stringContaining('vượt 2 giờ làm việc') },
    });

    const fits = await call('PUT', `/admin/procedure-drafts/${draft.id}/cases/mac-dinh/workflows/chuan`, { rowVersion: 2, workflow: workflowBody });
    expect(fits.statusCode).toBe(200);
    expect(fits.json().budgets).toEqual([{ caseId: 'mac-dinh', workflowId: 'chuan', totalHours: 8, limitHours: 8, remainingHours: 0 }]);

    const stale = await call('POST', `/admin/procedure-drafts/${draft.id}/submit`, { rowVersion: 2 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'STALE_VERSION']);
    const submitted = await call('POST', `/admin/procedure-drafts/${draft.id}/submit`, { rowVersion: 3 });
    expect(submitted.json().status).toBe('in_review');
    const published = await call('POST', `/admin/procedure-drafts/${draft.id}/publish`, { rowVersion: 4, effectiveFrom: '2026-03-02' });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ code: '1.001193', versionNo: 1, effectiveFrom: '2026-03-02' });

    const publicView = await t.app.inject('/api/v1/procedures/1.001193');
    expect(publicView.json().workflows[0]).toMatchObject({ workflowId: 'chuan', totalHours: 8 });

    const history = (await call('GET', '/admin/procedures/1.001193/history')).json();
    expect(history.versions[0]).toMatchObject({ versionNo: 1, publishedBy: expect.any(String) });
    expect(history.audit.map((a: { action: string }) => a.action)).toEqual(['catalog.procedure.publish']);
    const draftAudit = await t.db.query<{ action: string; actor_kind: string }>(
      "SELECT action, actor_kind FROM audit_event WHERE target_type = 'procedure_draft' AND target_id = $1 ORDER BY seq",
      [draft.id],
    );
    expect(draftAudit.map((a) => a.action)).toEqual([
      'catalog.draft.create',
      'catalog.draft.revise',
      'catalog.draft.revise',
      'catalog.draft.submit',
    ]);
    expect(new Set(draftAudit.map((a) => a.actor_kind))).toEqual(new Set(['officer']));
  });

  it('checks a workflow for the step editor without saving', async () => {
    const res = await call('POST', '/admin/workflows/check', {
      workflow: buildWorkflow([2, 30, 4, 4, 4]),
      processingTimes: [{ amount: 5, unit: 'working-days', channels: ['counter'], sameDayCutoff: null, note: null, isInferred: false }],
    });
    expect(res.json()).toMatchObject({ totalHours: 44, limitHours: 40, remainingHours: -4, fits: false });
  });

  it('rejects a bad body with 400 and the field, and an unknown draft with 404', async () => {
    const bad = await call('POST', '/admin/procedure-drafts', { code: '1.001193', content: { name: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('body.content.name');
    const missing = await call('GET', '/admin/procedure-drafts/6f1c1f7e-2f43-4d36-9a55-1f2b3c4d5e6f');
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'PROCEDURE_DRAFT_NOT_FOUND']);
  });

  it('creates an inter-agency group whose sub-deadlines fit, and refuses one that does not', async () => {
    const group = {
      name: 'Liên thông khai sinh – thường trú',
      procedureCodes: ['1.001193'],
      mode: 'sequential',
      timeLimit: { amount: 5, unit: 'working-days' },
      participants: [
        { agency: { kind: 'rule', rule: 'where_received', agencyKind: 'people_committee', agencyLevel: 'commune', name: 'UBND xã' }, role: 'lead', order: 1, task: 'Đăng ký khai sinh', subDeadline: { amount: 1, unit: 'working-days' } },
        { agency: { kind: 'external', name: 'Công an xã' }, role: 'participant', order: 2, task: 'Đăng ký thường trú', subDeadline: { amount: 4, unit: 'working-days' } },
      ],
      legalBasis: null,
    };
    const created = await call('POST', '/admin/inter-agency-groups', group);
    expect(created.statusCode).toBe(201);
    const listed = (await t.app.inject('/api/v1/inter-agency-groups?procedure=1.001193')).json();
    expect(listed.items.map((g: { name: string }) => g.name)).toEqual(['Liên thông khai sinh – thường trú']);
    const late = await call('PUT', `/admin/inter-agency-groups/${created.json().id}`, {
      rowVersion: 1,
      group: { ...group, timeLimit: { amount: 4, unit: 'working-days' } },
    });
    expect([late.statusCode, late.json().code]).toEqual([422, 'INTER_AGENCY_GROUP_INVALID']);
  });

  it('exports the catalogue as national JSON and as the Excel template', async () => {
    const json = await call('GET', '/admin/catalog/export?format=national-json');
    expect(json.statusCode).toBe(200);
    expect(json.json().result.map((p: { MATTHC: string }) => p.MATTHC)).toEqual(['1.001193']);
    const xlsx = await call('GET', '/admin/catalog/export?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
