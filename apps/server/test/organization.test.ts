import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@motcua/db';
import { seedOrganization } from '@motcua/db/organization';
import { createTestApp, type TestApp } from '../../../test-support/app';

describe('organisation API (public reads)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await withUnitOfWork(t.db, { actor: { kind: 'system', name: 'test' }, now: t.clock.now() }, (uow) => seedOrganization(uow));
  });
  afterAll(() => t.close());

  it('lists today’s agencies, filtered by level and kind', async () => {
    const res = await t.app.inject('/api/v1/agencies?level=commune&kind=people_committee');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-03-02');
    expect(body.agencies).toHaveLength(40);
    expect(body.agencies[0]).toMatchObject({ code: '000.00.40.H57', shortName: 'Phường Phú Xuân', isCodePlaceholder: true });
  });

  it('shows history as of a past date', async () => {
    const res = await t.app.inject('/api/v1/agencies?level=commune&kind=people_committee&asOf=2025-06-30');
    const names = res.json().agencies.map((a: { shortName: string }) => a.shortName);
    expect(names).toContain('Phường Tây Lộc');
    expect(names).not.toContain('Phường Phú Xuân');
  });

  it('nests the tree: city → commune → service centre → desk', async () => {
    const res = await t.app.inject('/api/v1/agencies?shape=tree');
    const roots = res.json().agencies;
    expect(roots).toHaveLength(1);
    expect(roots[0].code).toBe('000.00.00.H57');
    const phuXuan = roots[0].children.find((c: { code: string }) => c.code === '000.00.40.H57');
    expect(phuXuan.children[0]).toMatchObject({ kind: 'service_centre', code: '000.01.40.H57' });
    expect(phuXuan.children[0].children[0]).toMatchObject({ kind: 'desk', code: '001.01.40.H57' });
  });

  it('gives one agency with its lineage and who answers for it today', async () => {
    const list = await t.app.inject('/api/v1/agencies?history=true&level=commune');
    const tayLoc = list.json().agencies.find((a: { shortName: string }) => a.shortName === 'Phường Tây Lộc');
    const res = await t.app.inject(`/api/v1/agencies/${tayLoc.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      effectiveTo: '2025-06-30',
      successors: [{ code: '000.00.40.H57', effectiveOn: '2025-07-01', eventKind: 'merge' }],
      currentSuccessors: [{ code: '000.00.40.H57' }],
    });
    const phuXuan = await t.app.inject('/api/v1/agencies/000.00.40.H57');
    expect(phuXuan.json().predecessors).toHaveLength(6);
    expect(phuXuan.json().currentSuccessors).toEqual([{ code: '000.00.40.H57', name: 'Ủy ban nhân dân phường Phú Xuân' }]);
  });

  it('answers an invalid agency code with a field message, and an unknown one with 404', async () => {
    const bad = await t.app.inject({ url: '/api/v1/agencies/000-00-00-h57', headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'path.code' }] });
    expect(bad.json().errors[0].message).toContain('QCVN 102:2016');
    const missing = await t.app.inject('/api/v1/agencies/999.99.99.H57');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('AGENCY_NOT_FOUND');
    const query = await t.app.inject('/api/v1/agencies?level=district&extra=1');
    expect(query.statusCode).toBe(400);
  });

  it('refuses admin writes without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      payload: { code: 'H57.1', name: 'X', kind: 'other', level: 'province', parentCode: null, effectiveFrom: '2026-01-01' },
    });
    expect(res.statusCode).toBe(401);
  });
});
