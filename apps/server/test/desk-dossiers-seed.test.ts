/**
 * The desk's demo dossiers, seeded through the engine's use cases: what the reception officer of Phường Phú Xuân
 * finds in the inbox after `seed --demo` (two online dossiers with their check due time, one to transfer, one
 * waiting for its supplement), and that a second seed adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, signIn } from '../../../test-support/identity';
import { catalogSeedStep, deskDossiersSeedStep, identitySeedStep, organizationSeedStep } from '../src/seed/seed-demo';

describe('demo dossiers for the desk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const step of [organizationSeedStep, identitySeedStep, catalogSeedStep, deskDossiersSeedStep]) await step.run({ db: t.db, clock: t.clock, config: t.config });
  }, 240_000);
  afterAll(() => t.close());

  it('fills the online queue, the dossiers to transfer and the ones waiting for a supplement, once', async () => {
    const officer = await createOfficer(t.db, { roles: [{ role: 'reception_officer', agencyCode: '000.01.40.H57', includeSubAgencies: true }] });
    const headers = await signIn(t, officer, { clock: t.clock });
    const inbox = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/dossiers', headers })).json() as {
        items: { state: string; channel: string; receptionCheckDueAt?: string | null }[];
      };
    const { items } = await inbox();
    const online = items.filter((i) => i.state === 'submitted');
    expect(online).toHaveLength(2);
    expect(online.every((i) => i.channel === 'online' && typeof i.receptionCheckDueAt === 'string')).toBe(true);
    expect(items.filter((i) => i.state === 'received')).toHaveLength(1);
    expect(items.filter((i) => i.state === 'supplement_requested')).toHaveLength(1);

    await deskDossiersSeedStep.run({ db: t.db, clock: t.clock, config: t.config });
    expect((await inbox()).items).toHaveLength(items.length);
  });
});
