/**
 * One thin query interface over the two supported back ends: PGlite (embedded PostgreSQL, the zero-setup
 * default) and a real PostgreSQL server. Repositories speak plain SQL through it (ADR 0002); both back ends
 * return the same JavaScript types: timestamptz → Date, date → 'YYYY-MM-DD' string, int8 → number.
 */
import { PGlite, types as pgliteTypes, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a parameterless script of one or more statements (migrations, DDL). */
  exec(text: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory; loadDataDir = start from a dump (fast test databases). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options);
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob | File }): Promise<Database> {
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: {
      [pgliteTypes.INT8]: (value: string) => Number(value),
      [pgliteTypes.DATE]: (value: string) => value,
      [NUMERIC]: (value: string) => value,
    },
  });
  await lite.exec("SET TIME ZONE 'UTC'");
  const wrap = (q: PGlite | Transaction): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const result = await q.query<T>(text, params ? [...params] : undefined);
      return result.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  const root = wrap(lite);
  return {
    kind: 'pglite',
    query: root.query,
    exec: root.exec,
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    close: () => lite.close(),
    // exposed for dumps in the test harness only
    ...({ pglite: lite } as object),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const typeParsers = new pg.TypeOverrides();
  typeParsers.setTypeParser(INT8, (value: string) => Number(value));
  typeParsers.setTypeParser(DATE, (value: string) => value);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: typeParsers, options: '-c TimeZone=UTC' });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it on the next checkout */
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(text: string, params?: readonly unknown[]) {
      const result = await q.query(text, params ? [...params] : undefined);
      return result.rows as T[];
    },
    async exec(text: string) {
      await q.query(text);
    },
  });
  const root = wrap(pool);
  return {
    kind: 'postgres',
    query: root.query,
    exec: root.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** SQLSTATEs after which a whole transaction may safely be retried. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
