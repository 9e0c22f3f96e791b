/**
 * The catalogue import over HTTP (administration): a dry run reports what an import would do and writes nothing;
 * the real import writes a new version with its audit row; a bad file is reported, not a 500; only system
 * administrators may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, seedTestOrganization, signIn, type SignedInHeaders } from '../../../test-support/identity';
import { seedCatalog } from '../src/seed/catalog-seed';

describe('POST /api/v1/admin/catalog/import', () => {
  let t: TestApp;
  let admin: SignedInHeaders;
  let exported: { result: { MATTHC: string; TENTTHC: string }[] };

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    await seedCatalog(t.db, t.clock.now());
    admin = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57' }] }), { clock: t.clock });
    exported = (await t.app.inject({ method: 'GET', url: '/api/v1/admin/catalog/export?format=national-json', headers: admin })).json();
  }, 180_000);
  afterAll(() => t.close());

  const send = (body: unknown, headers: Record<string, string> = admin) =>
    t.app.inject({ method: 'POST', url: '/api/v1/admin/catalog/import', headers, payload: body as Record<string, unknown> });
  const file = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64');
  const versions = async (code: string) =>
    Number((await t.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM procedure_version WHERE code = $1', [code]))[0]!.n);

  it('reports a changed procedure on a dry run and writes nothing, then imports it as a new version', async () => {
    const one = exported.result.find((p) => p.MATTHC === '1.000656')!;
    const changed = { result: [{ ...one, TENTTHC: `${one.TENTTHC} (sửa đổi)` }] };
    const before = await versions('1.000656');
    const dry = await send({ fileName: 'khai-tu.json', contentBase64: file(changed) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, format: 'national-json', updated: ['1.000656'], created: [], rejected: [] });
    expect(await versions('1.000656')).toBe(before);

    const real = await send({ fileName: 'khai-tu.json', contentBase64: file(changed), dryRun: false });
    expect(real.json()).toMatchObject({ dryRun: false, updated: ['1.000656'] });
    expect(await versions('1.000656')).toBe(before + 1);
    const audit = await t.db.query("SELECT 1 FROM audit_event WHERE action = 'catalog.procedure.import'");
    expect(audit.length).toBeGreaterThan(0);

    const again = await send({ fileName: 'khai-tu.json', contentBase64: file(changed), dryRun: false });
    expect(again.json()).toMatchObject({ unchanged: ['1.000656'], updated: [] });
  });

  it('reports a file that is not JSON, and refuses other extensions with the field', async () => {
    const bad = await send({ fileName: 'x.json', contentBase64: Buffer.from('{ not json').toString('base64') });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().rejected[0]).toMatchObject({ field: '(file)' });
    const wrong = await send({ fileName: 'x.csv', contentBase64: 'YQ==' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('is for system administrators only', async () => {
    expect((await send({ fileName: 'x.json', contentBase64: 'e30=' }, {})).statusCode).toBe(401);
    const officer = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'agency_leader', agencyCode: '000.00.40.H57' }] }), { clock: t.clock });
    expect((await send({ fileName: 'x.json', contentBase64: 'e30=' }, officer)).statusCode).toBe(403);
  });
});
