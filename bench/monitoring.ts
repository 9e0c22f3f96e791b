/**
 * The city-year Biểu II.06a and the dashboard overview on PostgreSQL, at 100 k and 1 M dossiers' rollups.
 *
 *   npx tsx bench/monitoring.ts [--dossiers 1000000] [--rounds 30] [--keep]
 *
 * A Huế-like tree (the city, 10 departments, 40 communes each with a desk and a department) and 53 procedures.
 * Writing 1 M dossiers through the engine would take hours on the shared box, so the rollup rows are generated
 * directly in SQL from a simulated stream of N dossiers over 2026 — each dossier contributes exactly the cells
 * core's contributionOf gives it (received, resolved early / on time / late, pending and overdue deltas,
 * processing-time bucket) — and the open ones (5 %) also get their dossier and fact rows, which the live part of
 * the overview reads. Then the real service functions (ii06aReport, overview) are timed.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { migrate, openDatabase } from '@motcua/db';
import { findUnit } from '@motcua/db/monitoring';
import { ii06aReport, overview } from '../apps/server/src/monitoring/monitoring.service';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('dossiers', 1_000_000);
const rounds = arg('rounds', 30);
const keep = process.argv.includes('--keep');
const adminUrl = process.env.MOTCUA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `motcua_bench_${randomUUID().slice(0, 8)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    await migrate(db);
    const t0 = performance.now();
    await db.exec(`
      INSERT INTO agency (id, code, name, kind, level, effective_from) VALUES (gen_random_uuid(), 'BCITY.H57', 'Thành phố thử', 'people_committee', 'province', '2025-07-01');
      INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from)
        SELECT gen_random_uuid(), 'BD' || lpad(i::text, 3, '0') || '.H57', 'Sở ' || i, 'department', 'province', (SELECT id FROM agency WHERE code = 'BCITY.H57'), '2025-07-01'
          FROM generate_series(1, 10) i;
      INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from)
        SELECT gen_random_uuid(), 'BX' || lpad(i::text, 3, '0') || '.H57', 'Phường ' || i, 'people_committee', 'commune', (SELECT id FROM agency WHERE code = 'BCITY.H57'), '2025-07-01'
          FROM generate_series(1, 40) i;
      INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from)
        SELECT gen_random_uuid(), a.code || '.D', 'Bộ phận Một cửa ' || a.name, 'desk', 'commune', a.id, '2025-07-01' FROM agency a WHERE a.code LIKE 'BX%';
      INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from)
        SELECT gen_random_uuid(), a.code || '.P', 'Phòng Văn hóa ' || a.name, 'department', 'commune', a.id, '2025-07-01' FROM agency a WHERE a.code LIKE 'BX%' AND a.code NOT LIKE '%.D';
    `);
    // Units: 40 communes (desk receives, committee or its department decides) and 10 departments (city desk).
    await db.query(
      `CREATE TEMP TABLE bench_unit AS
         SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.id AS competent, d.id AS receiving, p.id AS department
           FROM agency c JOIN agency d ON d.parent_id = c.id AND d.kind = 'desk' JOIN agency p ON p.parent_id = c.id AND p.kind = 'department'
          WHERE c.code LIKE 'BX%'`,
    );
    // One simulated dossier per i: unit, procedure, channel, reception minute in 2026, due after 5 working days
    // (7 calendar days), resolved after k hours (most early or on time, ~8 % late), 5 % still open.
    const dossierSql = `
      SELECT i, u.competent, CASE WHEN i % 3 = 0 THEN u.department ELSE u.competent END AS decider, u.receiving,
             '1.' || lpad(((i * 7) % 53)::text, 6, '0') AS procedure_code,
             (ARRAY['counter', 'online', 'postal'])[1 + (i % 10 % 3)] AS channel,
             r, r + interval '7 days' AS due,
             CASE WHEN i % 20 = 0 THEN NULL ELSE r + ((i * 37) % (CASE WHEN i % 12 = 0 THEN 300 ELSE 160 END)) * interval '1 hour' END AS resolved
        FROM generate_series($1::int, $2::int) i
        JOIN bench_unit u ON u.n = i % 40,
        LATERAL (SELECT timestamptz '2026-01-01 01:00+00' + ((i * 61) % (360 * 24 * 60)) * interval '1 minute' AS r) t`;
    const day = (col: string) => `(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const batch = 200_000;
    for (let from = 1; from <= total; from += batch) {
      const to = Math.min(total, from + batch - 1);
      await db.query(
        `WITH d AS (${dossierSql}),
         cells AS (
           SELECT ${day('r')} AS day, decider, receiving, procedure_code, 1 AS received,
                  (channel = 'counter')::int AS rc, (channel = 'online')::int AS ro, (channel = 'postal')::int AS rp,
                  0 AS res, 0 AS early, 0 AS ontime, 0 AS late, 0 AS pmin, 1 AS pend, 0 AS ovd, -1 AS b FROM d
           UNION ALL
           SELECT ${day('resolved')}, decider, receiving, procedure_code, 0, 0, 0, 0, 1,
                  (${day('resolved')} < ${day('due')})::int, (resolved <= due AND ${day('resolved')} = ${day('due')})::int, (resolved > due)::int,
                  (extract(epoch FROM resolved - r) / 60 / 3)::int, -1, 0,
                  least(17, width_bucket(extract(epoch FROM resolved - r) / 3600 / 3, ARRAY[1,2,4,8,12,16,24,32,40,56,80,120,160,240,320,480,720]::float8[])) FROM d WHERE resolved IS NOT NULL
           UNION ALL
           SELECT ${day('due')}, decider, receiving, procedure_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, -1 FROM d WHERE resolved IS NULL OR resolved > due
           UNION ALL
           SELECT ${day('resolved')}, decider, receiving, procedure_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1 FROM d WHERE resolved > due)
         INSERT INTO monitoring_rollup (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter,
           received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, processing_count,
           processing_minutes, pending_delta, overdue_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
         SELECT day, decider, receiving, procedure_code, sum(received), sum(rc), sum(ro), sum(rp), sum(res), sum(early), sum(ontime),
                sum(late), sum(res), sum(pmin), sum(pend), sum(ovd), sum((b = 0)::int), sum((b = 1)::int), sum((b = 2)::int), sum((b = 3)::int), sum((b = 4)::int), sum((b = 5)::int), sum((b = 6)::int), sum((b = 7)::int), sum((b = 8)::int), sum((b = 9)::int), sum((b = 10)::int), sum((b = 11)::int), sum((b = 12)::int), sum((b = 13)::int), sum((b = 14)::int), sum((b = 15)::int), sum((b = 16)::int), sum((b = 17)::int)
           FROM cells GROUP BY 1, 2, 3, 4
         ON CONFLICT (day, competent_agency_id, receiving_agency_id, procedure_code) DO UPDATE SET
           received = monitoring_rollup.received + EXCLUDED.received, received_counter = monitoring_rollup.received_counter + EXCLUDED.received_counter,
           received_online = monitoring_rollup.received_online + EXCLUDED.received_online, received_postal = monitoring_rollup.received_postal + EXCLUDED.received_postal,
           resolved = monitoring_rollup.resolved + EXCLUDED.resolved, resolved_early = monitoring_rollup.resolved_early + EXCLUDED.resolved_early,
           resolved_on_time = monitoring_rollup.resolved_on_time + EXCLUDED.resolved_on_time, resolved_late = monitoring_rollup.resolved_late + EXCLUDED.resolved_late,
           processing_count = monitoring_rollup.processing_count + EXCLUDED.processing_count,
           processing_minutes = monitoring_rollup.processing_minutes + EXCLUDED.processing_minutes,
           pending_delta = monitoring_rollup.pending_delta + EXCLUDED.pending_delta, overdue_delta = monitoring_rollup.overdue_delta + EXCLUDED.overdue_delta,
           h00 = monitoring_rollup.h00 + EXCLUDED.h00, h01 = monitoring_rollup.h01 + EXCLUDED.h01, h02 = monitoring_rollup.h02 + EXCLUDED.h02, h03 = monitoring_rollup.h03 + EXCLUDED.h03, h04 = monitoring_rollup.h04 + EXCLUDED.h04, h05 = monitoring_rollup.h05 + EXCLUDED.h05, h06 = monitoring_rollup.h06 + EXCLUDED.h06, h07 = monitoring_rollup.h07 + EXCLUDED.h07, h08 = monitoring_rollup.h08 + EXCLUDED.h08, h09 = monitoring_rollup.h09 + EXCLUDED.h09, h10 = monitoring_rollup.h10 + EXCLUDED.h10, h11 = monitoring_rollup.h11 + EXCLUDED.h11, h12 = monitoring_rollup.h12 + EXCLUDED.h12, h13 = monitoring_rollup.h13 + EXCLUDED.h13, h14 = monitoring_rollup.h14 + EXCLUDED.h14, h15 = monitoring_rollup.h15 + EXCLUDED.h15, h16 = monitoring_rollup.h16 + EXCLUDED.h16, h17 = monitoring_rollup.h17 + EXCLUDED.h17`,
        [from, to],
      );
      // The open dossiers: dossier rows and their facts (the live view and the overdue list read them).
      await db.query(
        `WITH d AS (${dossierSql}), o AS (SELECT *, gen_random_uuid() AS id FROM d WHERE resolved IS NULL),
         ins AS (
           INSERT INTO dossier (id, version, code, code_format, state, national_status, channel, national_channel, entry_point, is_paper,
                                procedure_version_id, procedure_code, procedure_name, case_code, procedure_snapshot, receiving_agency_id,
                                competent_agency_id, current_agency_id, is_boundary_free, summary, return_method, submitted_at, received_at,
                                due_at, created_at, updated_at)
           SELECT id, 1, 'B-' || i, 'tt01-2018', 'processing', 4, channel, 1, 'counter', true, 'v1', procedure_code, 'Thủ tục ' || procedure_code,
                  'c', '{}'::jsonb, receiving, decider, decider, false, 'Hồ sơ ' || i, 'counter', r, r, due, r, r FROM o RETURNING id)
         INSERT INTO monitoring_dossier_fact (dossier_id, competent_agency_id, receiving_agency_id, procedure_code, channel, received_at, due_at, contribution, updated_at)
         SELECT id, decider, receiving, procedure_code, channel, r, due, '[]'::jsonb, r FROM o`,
        [from, to],
      );
      process.stdout.write(`\rgenerated ${to} dossiers' rollups`);
    }
    for (const [table, trunc] of [['monitoring_rollup_week', 'week'], ['monitoring_rollup_month', 'month']] as const) {
      await db.query(
        `INSERT INTO ${table} (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, processing_count, processing_minutes, pending_delta, overdue_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
         SELECT date_trunc('${trunc}', day)::date, competent_agency_id, receiving_agency_id, procedure_code, sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17)
           FROM monitoring_rollup GROUP BY 1, 2, 3, 4`,
      );
    }
    for (const grain of ['week', 'month']) {
      await db.query(
        `INSERT INTO monitoring_unit_rollup_${grain} (day, competent_agency_id, receiving_agency_id, procedure_code, received, received_counter, received_online, received_postal, resolved, resolved_early, resolved_on_time, resolved_late, processing_count, processing_minutes, pending_delta, overdue_delta, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17)
         SELECT day, competent_agency_id, receiving_agency_id, '*', sum(received), sum(received_counter), sum(received_online), sum(received_postal), sum(resolved), sum(resolved_early), sum(resolved_on_time), sum(resolved_late), sum(processing_count), sum(processing_minutes), sum(pending_delta), sum(overdue_delta), sum(h00), sum(h01), sum(h02), sum(h03), sum(h04), sum(h05), sum(h06), sum(h07), sum(h08), sum(h09), sum(h10), sum(h11), sum(h12), sum(h13), sum(h14), sum(h15), sum(h16), sum(h17) FROM monitoring_rollup_${grain} GROUP BY 1, 2, 3`,
      );
    }
    // A live system writes a day's rollup rows on that day, so the day table lies in day order on disk; the
    // generator above writes each batch of dossiers across the whole year. Putting the rows back in day order
    // (CLUSTER on the primary key, day first) makes the day-range reads of partial months realistic.
    await db.exec('CLUSTER monitoring_rollup USING monitoring_rollup_pkey');
    await db.exec('ANALYZE');
    const rollupRows = (await db.query<{ rows: number }>('SELECT count(*)::int8 AS rows FROM monitoring_rollup'))[0]!.rows;
    const monthRows = (await db.query<{ rows: number }>('SELECT count(*)::int8 AS rows FROM monitoring_rollup_month'))[0]!.rows;
    process.stdout.write(` in ${((performance.now() - t0) / 1000).toFixed(0)} s — ${Number(rollupRows).toLocaleString('en')} day rows, ${Number(monthRows).toLocaleString('en')} month rows\n`);

    const city = (await findUnit(db, 'BCITY.H57'))!;
    const commune = (await findUnit(db, 'BX007.H57'))!;
    const year = { kind: 'year' as const, from: '2026-01-01', to: '2026-12-31' };
    const now = new Date('2026-12-20T03:00:00Z');
    const system = { kind: 'system', name: 'bench' } as const;
    const time = async (label: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await fn();
      const ts: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const s = performance.now();
        await fn();
        ts.push(performance.now() - s);
      }
      ts.sort((a, b) => a - b);
      console.log(`${label.padEnd(34)} p50 ${pct(ts, 50).toFixed(1)} ms  p95 ${pct(ts, 95).toFixed(1)} ms`);
    };
    console.log(`load average before timing: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const report = await ii06aReport(db, city, year);
    console.log(`city II.06a total: received ${report.total.receivedTotal}, resolved ${report.total.resolvedTotal}, pending ${report.total.pendingTotal}`);
    await time('II.06a, city, year 2026', () => ii06aReport(db, city, year));
    await time('II.06a, one commune, year 2026', () => ii06aReport(db, commune, year));
    await time('overview, city, year 2026', () => overview(db, system, city, year, now));
    await time('overview, city, December 2026', () => overview(db, system, city, { kind: 'month', from: '2026-12-01', to: '2026-12-31' }, now));
    await time('II.06a, city, custom 10/03–05/04', () => ii06aReport(db, city, { kind: 'custom', from: '2026-03-10', to: '2026-04-05' }));
    await time('II.06a, city, custom 20/06–12/08', () => ii06aReport(db, city, { kind: 'custom', from: '2026-06-20', to: '2026-08-12' }));
    await time('overview, city, custom 10/03–05/04', () => overview(db, system, city, { kind: 'custom', from: '2026-03-10', to: '2026-04-05' }, now));
    console.log(`load average after timing: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await db.close();
    if (keep) console.log(`kept database ${name}`);
    else await admin.exec(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
