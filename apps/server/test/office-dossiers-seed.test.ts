/**
 * The demo dossiers of the office screens, seeded through the engine's use cases: what the leader of Phường Phú
 * Xuân and its desk supervisor find in the API after `seed --demo`, and that a second seed adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, signIn } from '../../../test-support/identity';
import { catalogSeedStep, officeDossiersSeedStep, organizationSeedStep } from '../src/seed/seed-demo';

describe('demo dossiers for the leader, the deadlines and the ledger', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const step of [organizationSeedStep, catalogSeedStep, officeDossiersSeedStep]) await step.run({ db: t.db, clock: t.clock, config: t.config });
  }, 240_000);
  afterAll(() => t.close());

  async function as(role: 'agency_leader' | 'desk_supervisor', agencyCode: string) {
    const officer = await createOfficer(t.db, { roles: [{ role, agencyCode }] });
    const headers = await signIn(t, officer, { clock: t.clock });
    return (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  }

  it('gives the leader two dossiers at the approval step and the drafted apology for the one at risk', async () => {
    const get = await as('agency_leader', '000.00.40.H57');
    const inbox = (await get('/dossiers')).json() as { items: { id: string; state: string }[] };
    expect(inbox.items).toHaveLength(3);
    const details = await Promise.all(inbox.items.map(async (i) => (await get(`/dossiers/${i.id}`)).json()));
    const atLeader = details.filter((d) => d.steps.some((s: { role: string; status: string }) => s.role === 'agency_leader' && s.status === 'active'));
    expect(atLeader).toHaveLength(2);

    const alerts = (await get('/dossier-alerts')).json() as { alerts: { kind: string; dossierId: string }[] };
    const drafted = alerts.alerts.filter((a) => a.kind === 'apology_drafted');
    expect(drafted).toHaveLength(1);
    const events = (await get(`/dossiers/${drafted[0]!.dossierId}/events`)).json() as {
      events: { kind: string; formData: { reason: string; newDueAt: string; originalDueAt: string; isDraft: boolean } | null }[];
    };
    const draft = events.events.find((e) => e.kind === 'draft_apology');
    expect(draft?.formData?.isDraft).toBe(true);
    expect(new Date(draft!.formData!.newDueAt).getTime()).toBeGreaterThan(new Date(draft!.formData!.originalDueAt).getTime());
  });

  it('tells the desk supervisor about the overdue step and fills the desk ledger', async () => {
    const get = await as('desk_supervisor', '000.01.40.H57');
    const alerts = (await get('/dossier-alerts')).json() as { alerts: { kind: string; subject: string }[] };
    expect(alerts.alerts.some((a) => a.kind === 'overdue' && a.subject === 'step')).toBe(true);
    const [desk] = await t.db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.01.40.H57'");
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(t.clock.now()));
    const ledger = (await get(`/desks/${desk!.id}/ledger?year=${year}`)).json() as { rows: { returnedAt: string | null }[] };
    expect(ledger.rows).toHaveLength(5);
    expect(ledger.rows.filter((r) => r.returnedAt)).toHaveLength(2);
  });

  it('adds nothing when seeded again', async () => {
    await officeDossiersSeedStep.run({ db: t.db, clock: t.clock, config: t.config });
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM dossier');
    expect(Number(row!.n)).toBe(5);
  });
});
