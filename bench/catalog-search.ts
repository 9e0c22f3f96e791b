/**
 * Catalogue search and listing latency over a generated catalogue of 2,000 procedures.
 *
 *   npx tsx bench/catalog-search.ts [--procedures 2000] [--rounds 400] [--pglite]
 *
 * Creates a throw-away database on the local PostgreSQL (postgres://postgres@127.0.0.1:5432, or
 * MOTCUA_TEST_POSTGRES_URL), migrates it, writes the procedures (real Huế names plus generated ones built from the
 * same vocabulary, each with a case, fees, documents and a workflow), then times, one query at a time:
 *   - search (searchProcedures with a query: SQL + ranking + highlighting), over a mix of plain, accented, kí/ký,
 *     typo'd, one-word and code queries;
 *   - listing (no query; page 1 and a deep page; with a field filter);
 *   - baseline, in the same run: a bare indexed lookup of one version by code.
 * Target: search p95 ≤ 5 ms on PostgreSQL. --pglite runs the same on the embedded database instead.
 */
import { randomBytes } from 'node:crypto';
import { buildCase, buildProcedureContent, buildWorkflow, searchTokens, type ProcedureContent } from '@motcua/core/catalog';
import { migrate, openDatabase, type Database } from '@motcua/db';
import { createCatalogStore, queryAlternatives, searchProcedures, type ProcedureSearchQuery } from '@motcua/db/catalog';
import { referenceRecords } from '../apps/server/src/seed/catalog-reference';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROCEDURES = arg('procedures', 2000);
const ROUNDS = arg('rounds', 400);
/** --keep leaves the PostgreSQL database in place for EXPLAIN ANALYZE by hand. */
const usePglite = process.argv.includes('--pglite');
const adminUrl = process.env.MOTCUA_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rnd = random(20261128);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

const verbs = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Đăng ký', 'Đăng ký lại', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Xác nhận', 'Công nhận', 'Chứng thực', 'Thẩm định', 'Phê duyệt', 'Thông báo', 'Hỗ trợ'];
const objects = [
  'giấy phép xây dựng', 'giấy chứng nhận quyền sử dụng đất', 'khai sinh', 'khai tử', 'kết hôn', 'giám hộ', 'hộ kinh doanh',
  'giấy phép kinh doanh karaoke', 'giấy phép bán lẻ rượu', 'chứng chỉ hành nghề', 'hồ sơ môi trường', 'dự án đầu tư',
  'giấy xác nhận tình trạng hôn nhân', 'thẻ bảo hiểm y tế', 'trợ cấp xã hội', 'hộ nghèo, hộ cận nghèo', 'nhà ở riêng lẻ',
  'phương án sử dụng đất', 'giấy phép lái xe', 'biển hiệu quảng cáo', 'cơ sở giáo dục mầm non', 'hợp tác xã', 'tạm trú',
];
const qualifiers = ['', '', ' cho cá nhân', ' cho tổ chức', ' có yếu tố nước ngoài', ' đối với công trình cấp III, cấp IV', ' do bị mất', ' trong trường hợp thay đổi thông tin', ' tại cấp xã', ' (liên thông)'];
const fields = [
  { code: 'Z00-HT', name: 'Hộ tịch' }, { code: 'Z00-DD', name: 'Đất đai' }, { code: 'Z00-XD', name: 'Hoạt động xây dựng' },
  { code: 'Z00-HKD', name: 'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)' }, { code: 'Z00-CT', name: 'Chứng thực' },
  { code: 'Z00-MT', name: 'Môi trường' }, { code: 'Z00-GD', name: 'Giáo dục và Đào tạo' }, { code: 'Z00-BTXH', name: 'Bảo trợ xã hội' },
];

function generated(i: number): { code: string; content: ProcedureContent } {
  const real = referenceRecords[i % referenceRecords.length]!;
  const name = i < referenceRecords.length ? real.name : `${pick(verbs)} ${pick(objects)}${pick(qualifiers)}`;
  const days = pick([1, 2, 3, 5, 7, 10, 15, 20]);
  return {
    code: `9.${String(100000 + i).padStart(6, '0')}`,
    content: buildProcedureContent({
      name,
      field: pick(fields),
      levels: [pick(['commune', 'province'] as const)],
      onlineLevel: pick(['full', 'partial', 'none'] as const),
      cases: [
        buildCase({
          processingTimes: [{ amount: days, unit: 'working-days', channels: ['counter', 'online'], sameDayCutoff: null, note: null, isInferred: false }],
          workflows: [buildWorkflow([1, days * 8 - 4, 1, 1, 1])],
        }),
      ],
    }),
  };
}

const queries = [
  'dang ky khai sinh', 'đăng kí khai sinh', 'ĐĂNG KÝ KẾT HÔN', 'giay phep xay dung', 'giấy phép xây dụng', 'cap lai giay chung nhan',
  'chung thuc', 'dang ki khai sihn', 'giay phep xay dugn', 'ho kinh doanh', 'tam tru', 'hộ nghèo', 'karaoke', 'co yeu to nuoc ngoai',
  'xac nhan tinh trang hon nhan', 'ban le ruou', 'cong trinh cap III', 'khai tu', 'giam ho', '9.1000',
];

async function measure(label: string, rounds: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 30; i++) await fn(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
  const row = { label, p50: at(50), p95: at(95), p99: at(99), max: samples[samples.length - 1]! };
  console.log(
    `| ${label.padEnd(52)} | ${row.p50.toFixed(2).padStart(6)} | ${row.p95.toFixed(2).padStart(6)} | ${row.p99.toFixed(2).padStart(6)} | ${row.max.toFixed(2).padStart(6)} |`,
  );
  return row;
}

async function main() {
  let db: Database;
  let cleanup = async () => {};
  if (usePglite) {
    db = await openDatabase({ kind: 'pglite' });
  } else {
    const name = `motcua_bench_catalog_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
    await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    if (process.argv.includes('--keep')) console.log(`keeping database ${name}`);
    else cleanup = async () => {
      const again = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
      await again.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    };
  }
  try {
    await migrate(db);
    const loadStart = performance.now();
    await db.transaction(async (tx) => {
      const store = createCatalogStore(tx);
      for (let i = 0; i < PROCEDURES; i++) {
        const p = generated(i);
        await store.insertVersion(
          { code: p.code, content: p.content, effectiveFrom: '2025-07-01', publishedAt: new Date('2026-01-01T00:00:00Z'), publishedBy: null, changeNote: null },
          null,
        );
      }
    });
    await db.exec('ANALYZE');
    const version = (await db.query<{ v: string }>('SELECT version() AS v'))[0]!.v;
    console.log(`\n${usePglite ? 'PGlite' : 'PostgreSQL'}: ${version.split(',')[0]}`);
    console.log(`${PROCEDURES} procedures written in ${((performance.now() - loadStart) / 1000).toFixed(1)} s; ${ROUNDS} timed calls per line (ms)\n`);
    const base: Omit<ProcedureSearchQuery, 'q'> = { onDate: '2026-11-28', page: 1, pageSize: 20 };
    console.log('| operation | p50 | p95 | p99 | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    const baseline = await measure('baseline: one version by code (btree)', ROUNDS, (i) =>
      db.query('SELECT id, name FROM procedure_version WHERE code = $1 ORDER BY version_no DESC LIMIT 1', [
        `9.${String(100000 + (i % PROCEDURES)).padStart(6, '0')}`,
      ]),
    );
    const search = await measure(`search, ${queries.length} queries mixed`, ROUNDS, (i) => searchProcedures(db, { ...base, q: queries[i % queries.length]! }));
    await measure('search, "dang ky khai sinh" only', ROUNDS, () => searchProcedures(db, { ...base, q: 'dang ky khai sinh' }));
    await measure('search, typo "giay phep xay dugn" only', ROUNDS, () => searchProcedures(db, { ...base, q: 'giay phep xay dugn' }));
    // The statement a search needed before the words were resolved inside the page query (one round trip saved).
    await measure('vocabulary statement alone (no longer on the path)', ROUNDS, (i) => queryAlternatives(db, searchTokens(queries[i % queries.length]!)));
    await measure('list, page 1 (no query)', ROUNDS, () => searchProcedures(db, base));
    await measure('list, page 50 (no query)', ROUNDS, () => searchProcedures(db, { ...base, page: 50 }));
    await measure('list, field filter, page 1', ROUNDS, () => searchProcedures(db, { ...base, fieldCode: 'Z00-HT' }));
    console.log(
      `\nsearch p95 ${search.p95.toFixed(2)} ms (target ≤ 5 ms: ${search.p95 <= 5 ? 'met' : 'NOT met'}); ` +
        `${(search.p95 / baseline.p95).toFixed(1)}× the baseline's p95`,
    );
    const pending = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = 'procedure_version_words_idx' AND c.reloptions::text LIKE '%fastupdate=off%'",
    );
    console.log(`\nfull-text index written without a pending list (fastupdate=off, migration 0202): ${pending[0]?.n === 1 ? 'yes' : 'NO'}`);
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) SELECT id FROM procedure_version v WHERE to_tsvector('simple', v.name_search) @@ to_tsquery('simple', $1)`,
      ['(dang) & (ki) & (khai) & (sinh:*)'],
    );
    console.log(`\nplan of the match:\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
  } finally {
    await db.close();
    await cleanup();
  }
}

await main();
