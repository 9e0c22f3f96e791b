/**
 * An administrator resets an officer's second factor over HTTP: the secret is cleared, every session of that
 * officer ends, the reset is audited, and the next sign-in asks to enrol again. Only administrators, only within
 * their agencies (out of scope answers 404 like absent).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, seedTestOrganization, signIn, TEST_PASSWORD } from '../../../test-support/identity';

describe('POST /api/v1/officers/{id}/totp/reset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
  });
  afterAll(() => t.close());

  it('clears the secret, ends the sessions, audits, and the next sign-in enrols again', async () => {
    const admin = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.00.H57', includeSubAgencies: true }] }), { clock: t.clock });
    const officer = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] });
    const officerHeaders = await signIn(t, officer, { clock: t.clock });
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/officers/${officer.id}/totp/reset`, headers: admin });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ revokedSessions: 1 });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: officerHeaders });
    expect(session.json().user).toBeNull();
    const [audit] = await t.db.query<{ target_id: string }>("SELECT target_id FROM audit_event WHERE action = 'identity.totp.reset'");
    expect(audit?.target_id).toBe(officer.id);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier: officer.email, password: TEST_PASSWORD } });
    expect(login.json().status).toBe('totp-enrolment-required');
  });

  it('is refused to others, and answers 404 outside the administrator’s agencies', async () => {
    const officer = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] });
    const leader = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'agency_leader', agencyCode: '000.00.40.H57' }] }), { clock: t.clock });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/officers/${officer.id}/totp/reset`, headers: leader })).statusCode).toBe(403);
    const elsewhere = await signIn(t, await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.30.H57' }] }), { clock: t.clock });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/officers/${officer.id}/totp/reset`, headers: elsewhere })).statusCode).toBe(404);
  });
});
