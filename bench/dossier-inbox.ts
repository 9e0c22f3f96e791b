/**
 * The officer inbox (open dossiers of an agency, most urgent first) at 1 M generated dossiers on PostgreSQL.
 *
 *   npx tsx bench/dossier-inbox.ts [--dossiers 1000000] [--agencies 200] [--queries 2000]
 *
 * Dossiers are spread over `agencies` agencies, over two years, 20 % of them open, with due times and extended due
 * times; then `queries` inbox reads (`listInbox`, 50 rows, one random agency each) are timed and the p50/p95/p99
 * reported (goal p95 ≤ 20 ms). The same query through psql's EXPLAIN shows the index it uses.
 */
import { randomUUID } from 'node:crypto';
import { migrate, openDatabase } from '@motcua/db';
import { listInbox } from '@motcua/db/dossiers';
import { testOfficer } from '../test-support/dossiers';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const total = arg('dossiers', 1_000_000);
const agencyCount = arg('agencies', 200);
const queries = arg('queries', 2000);
const adminUrl = process.env.MOTCUA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `motcua_bench_${randomUUID().slice(0, 8)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  try {
    await migrate(db);
    const started = performance.now();
    await db.query(
      `INSERT INTO agency (id, code, name, kind, level, effective_from)
       SELECT gen_random_uuid(), 'B' || lpad(i::text, 5, '0') || '.H57', 'Cơ quan ' || i, 'department', 'commune', '2025-07-01'
         FROM generate_series(1, $1) i`,
      [agencyCount],
    );
    const agencies = (await db.query<{ id: string }>('SELECT id FROM agency ORDER BY code')).map((r) => r.id);
    const snapshot = JSON.stringify({ procedureName: 'Đăng ký khai sinh', procedureCode: '1.001193' });
    const batch = 100_000;
    for (let from = 0; from < total; from += batch) {
      const n = Math.min(batch, total - from);
      await db.query(
        `WITH a AS (SELECT array_agg(id ORDER BY id) AS ids FROM agency)
         INSERT INTO dossier (id, version, code, code_format, state, national_status, channel, national_channel, entry_point,
                              is_paper, procedure_version_id, procedure_code, procedure_name, case_code, procedure_snapshot,
                              receiving_agency_id, competent_agency_id, current_agency_id, is_boundary_free, summary,
                              return_method, submitted_at, received_at, due_at, extended_due_at, closed_at,
                              created_at, updated_at)
         SELECT gen_random_uuid(), 1, 'B-' || ($1::int + i), 'tt01-2018',
                CASE WHEN i % 5 = 0 THEN 'processing' ELSE 'returned' END, CASE WHEN i % 5 = 0 THEN 4 ELSE 10 END,
                'counter', 1, 'counter', true, 'v1', '1.001193', 'Đăng ký khai sinh', 'c', $2::jsonb,
                a.ids[1 + (i % $3)], a.ids[1 + ((i * 7) % $3)], a.ids[1 + abs(hashint4($1::int + i) % $3)], false, 'Hồ sơ ' || i,
                'counter', t, t, t + interval '5 days', CASE WHEN i % 17 = 0 THEN t + interval '9 days' END,
                CASE WHEN i % 5 = 0 THEN NULL ELSE t + interval '4 days' END, t, t
           FROM a, generate_series(1, $4::int) i,
                LATERAL (SELECT timestamptz '2025-01-01' + ((($1::int + i) * 61) % (730 * 24 * 60)) * interval '1 minute' AS t) ts`,
        [from, snapshot, agencies.length, n],
      );
      process.stdout.write(`\rgenerated ${from + n} dossiers`);
    }
    await db.exec('ANALYZE dossier');
    process.stdout.write(` in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

    const timings: number[] = [];
    let rows = 0;
    for (let i = 0; i < queries; i++) {
      const agency = agencies[(i * 31) % agencies.length]!;
      const officer = testOfficer([{ role: 'specialist', agencyId: agency }]);
      const t0 = performance.now();
      const page = await listInbox(db, officer, { limit: 50 });
      timings.push(performance.now() - t0);
      rows += page.length;
    }
    timings.sort((a, b) => a - b);
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT d.id FROM dossier d WHERE d.current_agency_id = $1::uuid AND d.closed_at IS NULL
        ORDER BY d.effective_due_at, d.submitted_at LIMIT 50`,
      [agencies[0]],
    );
    console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    console.log(`| dossiers | open | agencies | queries | rows / query | p50 ms | p95 ms | p99 ms |`);
    console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
    console.log(
      `| ${total} | ${Math.floor(total / 5)} | ${agencies.length} | ${queries} | ${(rows / queries).toFixed(0)} | ` +
        `${percentile(timings, 50).toFixed(2)} | ${percentile(timings, 95).toFixed(2)} | ${percentile(timings, 99).toFixed(2)} |`,
    );
  } finally {
    await db.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

await main();
