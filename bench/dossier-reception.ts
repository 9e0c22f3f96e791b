/**
 * Receptions per second on PostgreSQL, against pgbench running the same SQL in the same run.
 *
 *   npx tsx bench/dossier-reception.ts [--clients 8] [--seconds 10]
 *
 * 1. A fresh database (migrated), a test organisation, the national calendar.
 * 2. The engine: `clients` concurrent loops of a counter reception through the real path (the core transition on the
 *    agency's legal clock, code and ledger numbers, dossier and child rows, event, audit row, notices, outbox) for
 *    `seconds` seconds.
 * 3. The baseline: one reception's statements are recorded (with the clock cache warm), turned into a pgbench script
 *    (fresh uuids per transaction through \gset, the code and ledger number from the sequences' RETURNING), and
 *    pgbench runs it with the same number of clients for the same time.
 * The ratio engine / pgbench is what the engine costs on top of its SQL (goal ≥ 50 %).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Database, type Queryable } from '@motcua/db';
import { dossierTestServices, insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase } from '../test-support/dossiers';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const clients = arg('clients', 8);
const seconds = arg('seconds', 10);
const adminUrl = process.env.MOTCUA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `motcua_bench_${randomUUID().slice(0, 8)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

interface Statement {
  text: string;
  params: unknown[];
}

/** A database whose transactions record every statement they run. */
function recording(db: Database, into: Statement[]): Database {
  const wrap = (q: Queryable): Queryable => ({
    query: (text, params) => {
      into.push({ text, params: [...(params ?? [])] });
      return q.query(text, params);
    },
    exec: (text) => {
      into.push({ text, params: [] });
      return q.exec(text);
    },
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `'{${value.map((v) => `"${String(v).replace(/"/g, '\\"')}"`).join(',')}}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** The pgbench script of one recorded reception. */
function pgbenchScript(statements: Statement[], keep: Set<string>, code: string, ledgerNumber: number): string {
  const variables = new Map<string, string>();
  const variable = (uuid: string) => {
    if (!variables.has(uuid)) variables.set(uuid, `u${variables.size + 1}`);
    return `:${variables.get(uuid)}`;
  };
  const rewriteText = (s: string) =>
    s
      .replaceAll(code, ':code')
      .replace(UUID, (u) => (keep.has(u) ? u : variable(u)))
      .replace(new RegExp(`"number":${ledgerNumber}\\b`, 'g'), '"number": :led_last_value');
  const lines: string[] = [];
  for (const s of statements) {
    let sql = s.text.replace(/\$(\d+)/g, (_m, n: string) => {
      const value = s.params[Number(n) - 1];
      if (typeof value === 'string') return `'${rewriteText(value).replace(/'/g, "''")}'`;
      return sqlLiteral(value);
    });
    if (/^\s*INSERT INTO dossier \(/.test(s.text)) {
      const columns = s.text.slice(s.text.indexOf('(') + 1, s.text.indexOf(')')).split(',').map((c) => c.trim());
      const position = columns.indexOf('ledger_number') + 1;
      sql = s.text.replace(/\$(\d+)/g, (_m, n: string) => {
        if (Number(n) === position) return ':led_last_value';
        const value = s.params[Number(n) - 1];
        return typeof value === 'string' ? `'${rewriteText(value).replace(/'/g, "''")}'` : sqlLiteral(value);
      });
    }
    sql = sql.replace(/\s+/g, ' ').trim().replace(/;$/, '');
    if (/INTO dossier_code_sequence/.test(s.text)) {
      lines.push(`${sql} \\gset seq_`);
      const prefix = code.slice(0, code.lastIndexOf('-') + 1);
      lines.push(`SELECT '${prefix}' || right('0000' || :seq_last_value, greatest(4, length(:seq_last_value::text))) AS code \\gset`);
    } else if (/INTO desk_ledger_sequence/.test(s.text)) {
      lines.push(`${sql} \\gset led_`);
    } else {
      lines.push(`${sql};`);
    }
  }
  const uuids = [...variables.values()].map((v) => `gen_random_uuid() AS ${v}`).join(', ');
  return [`SELECT ${uuids} \\gset`, 'BEGIN;', ...lines, 'COMMIT;', ''].join('\n');
}

async function main() {
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = await openDatabase({ kind: 'postgres', url, poolSize: clients + 2 });
  try {
    await migrate(db);
    const org = await insertTestOrganisation(db);
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const procedure = testProcedureCase(org);
    const now = new Date('2026-03-02T02:00:00Z');
    const services = dossierTestServices(db);
    const receive = (on: Database) => receiveTestDossier(on, { officer, now, procedure, receivingAgencyId: org.desk, services });
    for (let i = 0; i < 20; i++) await receive(db); // warm the clock cache and the connections

    const recorded: Statement[] = [];
    const captured = await receive(recording(db, recorded));
    if (!captured.ok) throw new Error(captured.error.code);

    let count = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const r = await receive(db);
          if (!r.ok) throw new Error(r.error.code);
          count++;
        }
      }),
    );
    const engineRate = count / ((performance.now() - started) / 1000);

    const keep = new Set([org.agency, org.desk, org.department, org.otherDesk, org.consulted]);
    const script = pgbenchScript(recorded, keep, captured.value.code!, captured.value.ledgerEntry!.number);
    const file = path.join(tmpdir(), `${name}.sql`);
    writeFileSync(file, script);
    const u = new URL(url);
    const bench = spawnSync(
      'pgbench',
      ['-n', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', file, '-h', u.hostname, '-p', u.port || '5432', '-U', u.username || 'postgres', name],
      { encoding: 'utf8' },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(bench.stdout)?.[1];
    if (!tps) throw new Error(`pgbench failed:\n${bench.stdout}\n${bench.stderr}`);
    const baseline = Number(tps);
    const failed = /number of failed transactions: (\d+)/.exec(bench.stdout)?.[1] ?? '0';
    const total = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM dossier');
    const duplicates = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM (SELECT code FROM dossier GROUP BY code HAVING count(*) > 1) x');
    console.log(`statements per reception: ${recorded.length} (script: ${file})`);
    console.log(`| path | receptions / s |\n| --- | ---: |`);
    console.log(`| engine (${clients} clients, ${seconds} s) | ${engineRate.toFixed(0)} |`);
    console.log(`| pgbench, same SQL (${clients} clients, ${seconds} s) | ${baseline.toFixed(0)} |`);
    console.log(`ratio engine / pgbench: ${((engineRate / baseline) * 100).toFixed(0)} %`);
    console.log(`dossiers: ${total[0]!.n}, duplicate codes: ${duplicates[0]!.n}, pgbench failed transactions: ${failed}`);
  } finally {
    await db.close();
    if (process.env.MOTCUA_BENCH_KEEP) return;
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

await main();
