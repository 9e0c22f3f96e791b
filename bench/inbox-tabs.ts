/**
 * The officer inbox by tab (GET /dossiers/inbox: every tab counted, the chosen tab paged by due time) for a busy
 * ward on PostgreSQL: a few thousand open dossiers held by one people's committee, with active steps, assignments,
 * supplements and consultations, among many closed ones.
 *
 *   npx tsx bench/inbox-tabs.ts [--open 3000] [--closed 100000] [--queries 300]
 *
 * The Huế organisation is seeded (its working calendar drives the near-due limit); the dossiers are generated in
 * SQL. Then `queries` reads of `listInboxTab` (counts and one 50-row page of a tab, each tab in turn, every fifth
 * one a later page) are timed, and the countdowns the route adds for the page's rows (`rowCountdowns`); then the
 * deadlines list (`listDeadlines`: the inbox's near-due and overdue rows and the dossiers with a deadline alert, counted
 * and a 50-row page) for the committee's head and for the desk's supervisor, whose dossiers come through the alerts.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { migrate, openDatabase } from '@motcua/db';
import { inboxTabs, legalClockCacheFor, listDeadlines, listInbox, listInboxTab } from '@motcua/db/dossiers';
import { organizationSeedStep } from '../apps/server/src/seed/seed-demo';
import { clocksOfOneRequest, rowCountdowns } from '../apps/server/src/dossiers/countdowns';
import { testOfficer } from '../test-support/dossiers';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const open = arg('open', 3000);
const closed = arg('closed', 100_000);
const queries = arg('queries', 300);
const adminUrl = process.env.MOTCUA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `motcua_bench_${randomUUID().slice(0, 8)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  const now = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Huế
  try {
    await migrate(db);
    await organizationSeedStep.run({ db, clock: { now: () => now } } as Parameters<typeof organizationSeedStep.run>[0]);
    const [committee] = await db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.00.40.H57'");
    const [desk] = await db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.01.40.H57'");
    const [other] = await db.query<{ id: string }>("SELECT id FROM agency WHERE code = '000.00.41.H57'");
    const snapshot = JSON.stringify({ procedureName: 'Đăng ký khai sinh', procedureCode: '1.001193' });
    const t0 = performance.now();
    // i ≤ open: open at the committee (due from 3 days ago to 12 days ahead); the rest closed.
    await db.query(
      `INSERT INTO dossier (id, version, code, code_format, state, national_status, channel, national_channel, entry_point,
                            is_paper, procedure_version_id, procedure_code, procedure_name, case_code, procedure_snapshot,
                            receiving_agency_id, competent_agency_id, current_agency_id, is_boundary_free, summary,
                            return_method, submitted_at, received_at, due_at, extended_due_at, closed_at, created_at, updated_at)
       SELECT gen_random_uuid(), 1, 'B-' || i, 'tt01-2018',
              CASE WHEN i > $5::int THEN 'returned' WHEN i % 20 = 0 THEN 'supplement_requested' WHEN i % 10 = 1 THEN 'received' ELSE 'processing' END,
              4, CASE WHEN i % 3 = 0 THEN 'online' ELSE 'counter' END, 1, 'counter', true, 'v1',
              CASE WHEN i % 7 = 0 THEN '1.000894' ELSE '1.001193' END, CASE WHEN i % 7 = 0 THEN 'Đăng ký kết hôn' ELSE 'Đăng ký khai sinh' END,
              'c', $1::jsonb, $2, $3, $3, false, 'Hồ sơ ' || i, 'counter', t, t,
              $4::timestamptz + ((i * 37) % (15 * 24 * 60) - 3 * 24 * 60) * interval '1 minute',
              CASE WHEN i % 17 = 0 THEN $4::timestamptz + interval '20 days' END,
              CASE WHEN i > $5::int THEN t + interval '4 days' END, t, t
         FROM generate_series(1, $5::int + $6::int) i, LATERAL (SELECT $4::timestamptz - interval '10 days' AS t) ts`,
      [snapshot, desk!.id, committee!.id, now, open, closed],
    );
    // Active steps for the dossiers in processing: appraisal (specialist), review (head), approval (leader); half the appraisals assigned.
    await db.query(
      `INSERT INTO dossier_step (id, dossier_id, step_order, name, agency_id, role, budget_hours, status, assignee_id, assignee_name, activated_at, due_at)
       SELECT gen_random_uuid(), d.id, 1, 'Bước', $1, (ARRAY['specialist', 'department_head', 'agency_leader'])[1 + (n % 3)], 8, 'active',
              CASE WHEN n % 6 = 0 THEN gen_random_uuid() END, CASE WHEN n % 6 = 0 THEN 'Cán bộ' END, d.received_at,
              coalesce(d.extended_due_at, d.due_at) - interval '2 days'
         FROM (SELECT d.*, row_number() OVER (ORDER BY d.code) AS n FROM dossier d WHERE d.state = 'processing') d`,
      [committee!.id],
    );
    // Consultations: the committee asked another unit on about 1 in 25 of its dossiers in processing.
    await db.query(
      `INSERT INTO dossier_consultation (id, dossier_id, from_agency_id, to_agency_id, question, requested_at, requested_by, due_at)
       SELECT gen_random_uuid(), d.id, $1, $2, 'Xin ý kiến', $3::timestamptz - interval '1 day', 'bench', $3::timestamptz + interval '1 day'
         FROM dossier d WHERE d.closed_at IS NULL AND d.state = 'processing' AND hashtext(d.code) % 25 = 0`,
      [committee!.id, other!.id, now],
    );
    // Deadline alerts to the desk's supervisors on about 1 in 10 open dossiers (what the sweep leaves behind).
    await db.query(
      `INSERT INTO dossier_alert (id, dossier_id, kind, subject, due_at, recipient_role, recipient_agency_id, created_at, dedupe_key)
       SELECT gen_random_uuid(), d.id, 'overdue', 'dossier', d.effective_due_at, 'desk_supervisor', $1, $2, 'bench|' || d.id
         FROM dossier d WHERE d.closed_at IS NULL AND d.effective_due_at IS NOT NULL AND hashtext(d.code) % 10 = 0`,
      [desk!.id, now],
    );
    await db.exec('ANALYZE');
    const clocks = legalClockCacheFor(db).through(db);
    const officers = [
      testOfficer([{ role: 'specialist', agencyId: committee!.id }]),
      testOfficer([{ role: 'department_head', agencyId: committee!.id }]),
      testOfficer([{ role: 'agency_leader', agencyId: committee!.id }]),
    ];
    console.log(`generated ${open} open + ${closed} closed dossiers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const first = await listInboxTab(db, officers[0]!, { tab: 'mine', filter: {}, limit: 50, offset: 0, now, clocks, nearDueWorkingMinutes: 480 });
    console.log('counts (specialist):', JSON.stringify(first.counts));
    const timings: number[] = [];
    const withCountdowns: number[] = [];
    for (let i = 0; i < queries; i++) {
      const tab = inboxTabs[i % inboxTabs.length]!;
      const offset = i % 5 === 4 ? 500 : 0;
      const t1 = performance.now();
      const page = await listInboxTab(db, officers[i % 3]!, { tab, filter: {}, limit: 50, offset, now, clocks, nearDueWorkingMinutes: 480 });
      timings.push(performance.now() - t1);
      const once = clocksOfOneRequest(clocks);
      await Promise.all(page.items.map((r) => rowCountdowns(once, now, r, null)));
      withCountdowns.push(performance.now() - t1);
    }
    timings.sort((a, b) => a - b);
    withCountdowns.sort((a, b) => a - b);
    console.log(`load average ${loadavg()[0]!.toFixed(1)}`);
    console.log('| open dossiers | closed | queries | what | p50 ms | p95 ms | p99 ms |');
    console.log('| ---: | ---: | ---: | --- | ---: | ---: | ---: |');
    const heads = [testOfficer([{ role: 'department_head', agencyId: committee!.id }]), testOfficer([{ role: 'desk_supervisor', agencyId: desk!.id }])];
    const deadlineTimings: number[] = [];
    for (let i = 0; i < queries; i++) {
      const t1 = performance.now();
      const page = await listDeadlines(db, heads[i % 2]!, { limit: 50, offset: i % 5 === 4 ? 200 : 0, now, clocks, nearDueWorkingMinutes: 480 });
      deadlineTimings.push(performance.now() - t1);
      if (i < 2) console.log(`deadlines (${i === 0 ? 'head' : 'desk supervisor'}):`, JSON.stringify(page.counts));
    }
    deadlineTimings.sort((a, b) => a - b);
    // The reference measured in the same run: the read the inbox made before (GET /dossiers?limit=200, one query,
    // the first 200 rows by due time, which could miss the rest), for the same officers.
    const baseline: number[] = [];
    for (let i = 0; i < queries; i++) {
      const t1 = performance.now();
      await listInbox(db, officers[i % 3]!, { limit: 200 });
      baseline.push(performance.now() - t1);
    }
    baseline.sort((a, b) => a - b);
    for (const [what, list] of [
      ['listInboxTab (counts + page)', timings],
      ['+ countdowns of the page', withCountdowns],
      ['listDeadlines (counts + page)', deadlineTimings],
      ['reference: listInbox, first 200 rows', baseline],
    ] as const) {
      console.log(`| ${open} | ${closed} | ${queries} | ${what} | ${pct(list, 50).toFixed(1)} | ${pct(list, 95).toFixed(1)} | ${pct(list, 99).toFixed(1)} |`);
    }
    const ratio = (list: number[]) => (pct(list, 50) / pct(baseline, 50)).toFixed(2);
    console.log(`p50 against the reference: inbox tab ${ratio(timings)}×, with countdowns ${ratio(withCountdowns)}×, deadlines ${ratio(deadlineTimings)}×`);
  } finally {
    await db.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

await main();
