/**
 * The inbox's "mine" tab matches a step's role AND agency against my grants (issue #7): grants are per agency, so an
 * officer who is a specialist at Kim Long and the department head at Phú Xuân is not offered Phú Xuân's specialist
 * steps; a grant that reaches the sub-agencies offers the steps of the agencies below it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  counterDossier,
  longSessions,
  officerOf,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';

const KIM_LONG_COMMITTEE = '000.00.41.H57';
interface Inbox {
  counts: { mine: number; unit: number };
  items: { id: string; activeStep: { role: string; agencyId: string } | null }[];
}

describe('the inbox’s own steps, per agency', () => {
  let t: TestApp;
  let reception: ApiUser;
  let dossier: string; // at Phú Xuân's specialist step, unassigned

  const call = async (user: ApiUser, url: string, payload?: object) =>
    t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/v1${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });
  const mine = async (user: ApiUser): Promise<Inbox> => {
    const res = await call(user, '/dossiers/inbox?tab=mine');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Inbox;
  };

  beforeAll(async () => {
    t = await createTestApp({ config: longSessions });
    await seedHue(t);
    reception = await officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận');
    const res = await call(reception, '/dossiers', counterDossier(await procedureRef(t, '1.001193'), await agencyIdOf(t, PHU_XUAN_DESK)));
    expect(res.statusCode, res.body).toBe(201);
    dossier = (res.json() as { id: string }).id;
    const transfer = await call(reception, `/dossiers/${dossier}/transfer`, {});
    expect(transfer.statusCode, transfer.body).toBe(200);
  });
  afterAll(() => t.close());

  it('offers the specialist step to Phú Xuân’s specialists', async () => {
    const specialist = await officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'An Chuyên Viên');
    const inbox = await mine(specialist);
    expect(inbox.items.map((r) => r.id)).toEqual([dossier]);
    expect(inbox.items[0]?.activeStep).toMatchObject({ role: 'specialist', agencyId: await agencyIdOf(t, PHU_XUAN_COMMITTEE) });
  });

  it('does not offer it to a specialist of another ward who heads a department at Phú Xuân', async () => {
    const twoHats = await officerOf(
      t,
      [
        { role: 'specialist', agencyCode: KIM_LONG_COMMITTEE },
        { role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE },
      ],
      'Hai Vai',
    );
    const inbox = await mine(twoHats);
    expect(inbox.items.map((r) => r.id)).not.toContain(dossier);
    expect(inbox.counts.mine).toBe(0);
    // Still in the unit's tab: Phú Xuân is one of the officer's agencies.
    expect(inbox.counts.unit).toBe(1);
  });

  it('offers it to a specialist whose grant reaches Phú Xuân from the agency above', async () => {
    const [parent] = await t.db.query<{ code: string }>(
      `SELECT p.code FROM agency a JOIN agency p ON p.id = a.parent_id WHERE a.code = $1`,
      [PHU_XUAN_COMMITTEE],
    );
    expect(parent).toBeDefined();
    const above = await officerOf(t, [{ role: 'specialist', agencyCode: parent!.code, includeSubAgencies: true }], 'Chuyên Viên Cấp Trên');
    expect((await mine(above)).items.map((r) => r.id)).toContain(dossier);
    const aboveOnly = await officerOf(
      t,
      [
        { role: 'specialist', agencyCode: parent!.code },
        { role: 'monitor', agencyCode: parent!.code, includeSubAgencies: true },
      ],
      'Chuyên Viên Cấp Trên, Theo Dõi Cấp Dưới',
    );
    expect((await mine(aboveOnly)).items.map((r) => r.id)).not.toContain(dossier);
  });
});
