/**
 * The inbox by tab (GET /dossiers/inbox, issue #7): with hundreds of open dossiers the server counts every tab and
 * pages the chosen one — a dossier beyond the first 200 is in its tab and in the counts (the old `GET /dossiers?limit=200`
 * loses it), the dossiers held elsewhere that my unit must answer are in every page they sort into, and the tabs
 * agree with the rows' countdowns (near due: within one working day; overdue) at any size. Filters apply to both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { cloneOpenDossiers } from '../../../test-support/inbox-fill';
import {
  agencyIdOf,
  citizenOf,
  counterDossier,
  longSessions,
  officerOf,
  onlineDossier,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';

const KIM_LONG_COMMITTEE = '000.00.41.H57';
type Tab = 'mine' | 'unit' | 'nearDue' | 'overdue' | 'supplement' | 'consultation';
interface Row {
  id: string;
  state: string;
  openConsultations: number;
  consultationsToAnswer: number;
  countdown: { dueAt: string; state: string; workingMinutes: number; kind: string } | null;
}
interface Inbox {
  tab: Tab;
  counts: Record<Tab, number>;
  items: Row[];
  procedures: { code: string; name: string }[];
}

describe('the inbox by tab at a few hundred dossiers', () => {
  let t: TestApp;
  const now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Huế
  let reception: ApiUser;
  let specialist: ApiUser;
  let kimLongHead: ApiUser;
  let mine: string; // at the specialist's step, sorted after 250 overdue dossiers
  let consulted: string; // Kim Long must answer a consultation on it

  const call = async (user: ApiUser, url: string, payload?: object) =>
    t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/v1${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });
  const inbox = async (user: ApiUser, query: string): Promise<Inbox> => {
    const res = await call(user, `/dossiers/inbox?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Inbox;
  };
  /** Every row of a tab, page after page. */
  const allOf = async (user: ApiUser, tab: Tab, limit = 200): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await inbox(user, `tab=${tab}&limit=${limit}&offset=${offset}`);
      rows.push(...page.items);
      if (page.items.length < limit) return rows;
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(now) }, config: longSessions });
    await seedHue(t);
    const [desk, committee, kimLong] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE), agencyIdOf(t, KIM_LONG_COMMITTEE)]);
    [reception, specialist, kimLongHead] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'An Chuyên Viên'),
      officerOf(t, [{ role: 'department_head', agencyCode: KIM_LONG_COMMITTEE }], 'Trưởng Phòng Kim Long'),
    ]);
    const birth = await procedureRef(t, '1.001193');
    const receive = async () => {
      const res = await call(reception, '/dossiers', counterDossier(birth, desk));
      expect(res.statusCode, res.body).toBe(201);
      const id = (res.json() as { id: string }).id;
      const transfer = await call(reception, `/dossiers/${id}/transfer`, {});
      expect(transfer.statusCode, transfer.body).toBe(200);
      return id;
    };
    mine = await receive();
    consulted = await receive();
    const asked = await call(specialist, `/dossiers/${consulted}/consultations`, { toAgencyId: kimLong, question: 'Xác nhận nơi cư trú?', budgetHours: 8 });
    expect(asked.statusCode, asked.body).toBe(200);
    // 250 overdue dossiers ahead of them at each committee (no step: nobody's own), 5 waiting for a supplement after.
    await cloneOpenDossiers(t.db, mine, { count: 250, heldBy: committee, dueBefore: now, codePrefix: 'PX-' });
    await cloneOpenDossiers(t.db, mine, { count: 5, heldBy: committee, dueBefore: new Date('2026-04-01T00:00:00Z'), state: 'supplement_requested', codePrefix: 'PXS-' });
    await cloneOpenDossiers(t.db, mine, { count: 250, heldBy: kimLong, dueBefore: now, codePrefix: 'KL-' });
  });
  afterAll(() => t.close());

  it('finds the dossier beyond the first 200 in its tabs and counts; the old first page of 200 does not have it', async () => {
    const old = (await call(specialist, '/dossiers?limit=200')).json() as { items: Row[] };
    expect(old.items.some((r) => r.id === mine)).toBe(false);

    const first = await inbox(specialist, 'tab=mine');
    expect(first.items.map((r) => r.id)).toContain(mine);
    expect(first.counts).toMatchObject({ unit: 257, overdue: 250, supplement: 5, consultation: 1 });
    expect(first.counts.mine).toBe(2);
    expect(first.procedures).toEqual([{ code: '1.001193', name: expect.any(String) }]);
    const unit = await allOf(specialist, 'unit');
    expect(unit).toHaveLength(257);
    expect(unit.findIndex((r) => r.id === mine)).toBeGreaterThanOrEqual(250);
    // Sorted by the due time that matters: the row's countdown.
    const dues = unit.map((r) => Date.parse(r.countdown!.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const page = await inbox(specialist, 'tab=unit&limit=50&offset=250');
    expect(page.items.map((r) => r.id)).toContain(mine);
    expect((await inbox(specialist, 'tab=unit&limit=200&offset=0')).items.map((r) => r.id)).not.toContain(mine);
  });

  it('puts each row in the tabs its countdown and state say, at any page', async () => {
    const unit = await allOf(specialist, 'unit', 120);
    const expected: Record<Exclude<Tab, 'mine' | 'unit'>, (r: Row) => boolean> = {
      nearDue: (r) => r.countdown !== null && r.countdown.state !== 'overdue' && r.countdown.workingMinutes <= 480,
      overdue: (r) => r.countdown?.state === 'overdue',
      supplement: (r) => r.state === 'supplement_requested',
      consultation: (r) => r.openConsultations > 0,
    };
    for (const [tab, holds] of Object.entries(expected) as [Tab, (r: Row) => boolean][]) {
      const listed = (await allOf(specialist, tab, 120)).map((r) => r.id).sort();
      expect(listed, tab).toEqual(unit.filter(holds).map((r) => r.id).sort());
      expect((await inbox(specialist, `tab=${tab}&limit=1`)).counts[tab], tab).toBe(listed.length);
    }
  });

  it('lists the dossier my unit must answer on, held elsewhere, in the page it sorts into and in the counts', async () => {
    const first = await inbox(kimLongHead, 'tab=mine');
    expect(first.items.map((r) => r.id)).toEqual([consulted]);
    expect(first.items[0]).toMatchObject({ consultationsToAnswer: 1, openConsultations: 0, countdown: { kind: 'consultation' } });
    expect(first.counts).toMatchObject({ mine: 1, unit: 251, overdue: 250, consultation: 0 });
    // Its answer is due Tuesday 09:00, after the 250 overdue dossiers Kim Long holds: on the second page, not the first.
    expect((await inbox(kimLongHead, 'tab=unit&limit=200')).items.map((r) => r.id)).not.toContain(consulted);
    expect((await inbox(kimLongHead, 'tab=unit&limit=200&offset=200')).items.map((r) => r.id)).toContain(consulted);
    expect((await inbox(kimLongHead, 'tab=nearDue')).items.map((r) => r.id)).toEqual([consulted]);
  });

  it('applies the filters to the counts and the page on the server', async () => {
    expect((await inbox(specialist, 'tab=unit&procedure=1.001193')).counts.unit).toBe(257);
    const none = await inbox(specialist, 'tab=unit&procedure=2.000000');
    expect(none.items).toEqual([]);
    expect(Object.values(none.counts)).toEqual([0, 0, 0, 0, 0, 0]);
    // The procedure filter's choices stay those of the whole inbox.
    expect(none.procedures.map((p) => p.code)).toEqual(['1.001193']);
    expect((await inbox(specialist, 'tab=unit&channel=online')).counts.unit).toBe(0);
    const waiting = await inbox(specialist, 'tab=unit&state=supplement_requested');
    expect(waiting.counts).toMatchObject({ unit: 5, supplement: 5, overdue: 0, mine: 0 });
    expect(waiting.items.every((r) => r.state === 'supplement_requested')).toBe(true);
  });

  it('the online queue reads the dossiers waiting for the check apart: one is found behind 210 received at the desk', async () => {
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const citizen = await citizenOf(t);
    const submitted = await call(citizen, '/dossiers', onlineDossier(await procedureRef(t, '1.001193'), desk));
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = (submitted.json() as { id: string }).id;
    await cloneOpenDossiers(t.db, mine, { count: 210, heldBy: desk, dueBefore: now, state: 'received', codePrefix: 'TN-' });
    expect(((await call(reception, '/dossiers?limit=200')).json() as { items: Row[] }).items.map((r) => r.id)).not.toContain(id);
    const queue = (await call(reception, '/dossiers?state=submitted&limit=200')).json() as { items: Row[] };
    expect(queue.items.map((r) => [r.id, r.state])).toEqual([[id, 'submitted']]);
    // The inbox's tabs leave it to the queue.
    const tabs = await inbox(reception, 'tab=unit&limit=200&offset=200');
    expect(tabs.counts.unit).toBe(210);
    expect(tabs.items.map((r) => r.id)).not.toContain(id);
    expect((await call(reception, '/dossiers?state=bogus')).statusCode).toBe(400);
  });

  it('answers problems for bad input and for applicants', async () => {
    for (const query of ['tab=everything', 'limit=0', 'limit=201', 'channel=fax', 'state=lost', 'offset=-1', 'extra=1']) {
      const res = await call(specialist, `/dossiers/inbox?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    const citizen = await citizenOf(t);
    const res = await call(citizen, '/dossiers/inbox');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
