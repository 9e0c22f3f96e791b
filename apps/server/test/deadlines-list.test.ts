/**
 * The deadlines list and the online queue at a few hundred dossiers (issue #7): the server decides, counts and pages
 * them — a dossier behind 250 overdue ones is listed and counted (the old first 200 of `GET /dossiers` and of the
 * alerts lose it), a desk supervisor finds the dossier the competent agency holds through the alert addressed to
 * the desk's supervisors, and the queue counts every dossier waiting for the check, the longest waiting first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDeps } from '../src/deps';
import { sweepDeadlines } from '../src/dossiers/dossier.jobs';
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

interface Row {
  id: string;
  state: string;
  procedureName: string;
  submittedAt: string;
  kinds: string[];
  countdown: { dueAt: string; state: string; kind: string } | null;
}
interface Deadlines {
  counts: { total: number; overdue: number; atRisk: number; apologyDrafted: number };
  items: Row[];
  limit: number;
  offset: number;
}

describe('deadlines and the online queue at a few hundred dossiers', () => {
  let t: TestApp;
  let nowMs = Date.parse('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Huế
  let reception: ApiUser;
  let head: ApiUser;
  let supervisor: ApiUser;
  let elsewhere: ApiUser;
  let late: string; // its specialist step is overdue; 250 dossiers were due before it

  const call = async (user: ApiUser, url: string, payload?: object) =>
    t.app.inject({ method: payload ? 'POST' : 'GET', url: `/api/v1${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });
  const deadlines = async (user: ApiUser, query = ''): Promise<Deadlines> => {
    const res = await call(user, `/dossiers/deadlines?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Deadlines;
  };
  const allDeadlines = async (user: ApiUser, limit: number): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await deadlines(user, `limit=${limit}&offset=${offset}`);
      rows.push(...page.items);
      if (page.items.length < limit) return rows;
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: { now: () => new Date(nowMs) }, config: longSessions });
    await seedHue(t);
    const [desk, committee] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE)]);
    [reception, head, supervisor, elsewhere] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
      officerOf(t, [{ role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE }], 'Trưởng Phòng Phú Xuân'),
      officerOf(t, [{ role: 'desk_supervisor', agencyCode: PHU_XUAN_DESK }], 'Phụ Trách Một Cửa'),
      officerOf(t, [{ role: 'department_head', agencyCode: '000.00.41.H57' }], 'Trưởng Phòng Kim Long'),
    ]);
    const res = await call(reception, '/dossiers', counterDossier(await procedureRef(t, '1.001193'), desk));
    expect(res.statusCode, res.body).toBe(201);
    late = (res.json() as { id: string }).id;
    const transfer = await call(reception, `/dossiers/${late}/transfer`, {});
    expect(transfer.statusCode, transfer.body).toBe(200);
    // An hour after its step's due time, the deadline sweep alerts the step's role and the desk's supervisors.
    const [step] = await t.db.query<{ dueAt: Date }>(`SELECT due_at AS "dueAt" FROM dossier_step WHERE dossier_id = $1 AND status = 'active'`, [late]);
    nowMs = step!.dueAt.getTime() + 3600_000;
    await sweepDeadlines(completeDeps({ config: t.config, db: t.db, clock: t.clock }), t.db, new Date(nowMs));
    // 250 dossiers at the committee overdue before that step was due, no alert about them.
    await cloneOpenDossiers(t.db, late, { count: 250, heldBy: committee, dueBefore: step!.dueAt, codePrefix: 'PX-' });
  }, 400_000);
  afterAll(() => t.close());

  it('lists and counts the dossier behind 250 overdue ones; the old first 200 rows and alerts do not have it', async () => {
    const oldInbox = (await call(head, '/dossiers?limit=200')).json() as { items: Row[] };
    expect(oldInbox.items.map((r) => r.id)).not.toContain(late);

    const first = await deadlines(head, 'limit=200');
    expect(first.counts).toEqual({ total: 251, overdue: 251, atRisk: 0, apologyDrafted: expect.any(Number) });
    expect(first.items).toHaveLength(200);
    expect(first.items.map((r) => r.id)).not.toContain(late);
    const second = await deadlines(head, 'limit=200&offset=200');
    expect(second.items).toHaveLength(51);
    const row = second.items.find((r) => r.id === late);
    expect(row?.kinds).toContain('step_overdue');
    expect(row?.countdown).toMatchObject({ kind: 'step', state: 'overdue' });

    const all = await allDeadlines(head, 120);
    expect(new Set(all.map((r) => r.id)).size).toBe(251);
    const dues = all.map((r) => Date.parse(r.countdown!.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // The clones' own reason: the dossier's due time passed (they have no step).
    expect(all.find((r) => r.id !== late)?.kinds).toEqual(['overdue']);
  });

  it('gives the desk supervisor the dossier the committee holds through the alert to the desk, and nobody else’s', async () => {
    const mine = await deadlines(supervisor);
    expect(mine.counts.total).toBe(1);
    expect(mine.items.map((r) => r.id)).toEqual([late]);
    expect(mine.items[0]).toMatchObject({ procedureName: expect.stringMatching(/khai sinh/i), countdown: { kind: 'step', state: 'overdue' } });
    expect(mine.items[0]!.kinds).toContain('step_overdue');
    expect((await deadlines(elsewhere)).counts).toEqual({ total: 0, overdue: 0, atRisk: 0, apologyDrafted: 0 });
  });

  it('counts a dossier’s alert for its current due time only: a due time moved leaves the old alert behind', async () => {
    expect((await deadlines(supervisor)).items[0]?.kinds).toEqual(['overdue', 'step_overdue']);
    // Its due time moved (as an issued apology moves it; this one is too late for an apology, hence the update).
    await t.db.query(`UPDATE dossier SET extended_due_at = due_at + interval '5 days' WHERE id = $1`, [late]);
    try {
      const after = await deadlines(supervisor);
      expect(after.items.map((r) => [r.id, r.kinds])).toEqual([[late, ['step_overdue']]]);
    } finally {
      await t.db.query(`UPDATE dossier SET extended_due_at = NULL WHERE id = $1`, [late]);
    }
  });

  it('counts the whole online queue and pages it, the longest waiting first', async () => {
    const desk = await agencyIdOf(t, PHU_XUAN_DESK);
    const citizen = await citizenOf(t);
    const submitted = await call(citizen, '/dossiers', onlineDossier(await procedureRef(t, '1.001193'), desk));
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = (submitted.json() as { id: string }).id;
    // 250 submitted before it.
    await cloneOpenDossiers(t.db, id, { count: 250, heldBy: desk, dueBefore: new Date(nowMs), state: 'submitted' });
    const old = (await call(reception, '/dossiers?state=submitted&limit=200')).json() as { items: Row[] };
    expect(old.items.map((r) => r.id)).not.toContain(id);

    const first = (await call(reception, '/dossiers/queue?limit=200')).json() as { total: number; items: Row[] };
    expect(first.total).toBe(251);
    expect(first.items).toHaveLength(200);
    const second = (await call(reception, '/dossiers/queue?limit=200&offset=200')).json() as { total: number; items: Row[] };
    expect(second.total).toBe(251);
    expect(second.items.at(-1)?.id).toBe(id);
    const submittedAt = [...first.items, ...second.items].map((r) => Date.parse(r.submittedAt));
    expect(submittedAt).toEqual([...submittedAt].sort((a, b) => a - b));
    expect([...first.items, ...second.items].every((r) => r.state === 'submitted')).toBe(true);
    expect(((await call(elsewhere, '/dossiers/queue')).json() as { total: number }).total).toBe(0);
  });

  it('answers problems for bad input and for applicants', async () => {
    for (const url of ['/dossiers/deadlines?limit=0', '/dossiers/deadlines?limit=201', '/dossiers/deadlines?offset=-1', '/dossiers/deadlines?tab=1', '/dossiers/queue?limit=abc']) {
      const res = await call(head, url);
      expect(res.statusCode, url).toBe(400);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
    const citizen = await citizenOf(t);
    for (const url of ['/dossiers/deadlines', '/dossiers/queue']) {
      const res = await call(citizen, url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
