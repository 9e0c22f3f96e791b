/**
 * Reading the rollups for a unit and a period. A unit stands for its whole subtree plus every agency that merged
 * into it (expandScope: parent → child and successor → predecessor edges): a dossier counts for the unit when its
 * competent agency or its receiving desk is among those (docs/monitoring.md). Flows sum the period's days; stocks
 * sum every day up to the period's end; "carried over" sums the pending deltas before the period.
 */
import { rollupCounters, weekStartOf, type Counters, type RollupCounter, type RollupSums } from '@motcua/core/monitoring';
import type { Database, Queryable } from '../kernel/database';
import { expandScope } from '../organization/scope.repository';
import { histogramColumns } from './rollup-store';

/** The agency ids a unit stands for: itself, its sub-agencies, and (transitively) what merged into them. */
export async function unitAgencyIds(q: Queryable, unitId: string): Promise<string[]> {
  return expandScope(q, [{ agencyId: unitId, includeSubAgencies: true }]);
}

/**
 * Runs a monitoring read on PostgreSQL without parallel workers. These reads are small and medium aggregations,
 * several per dashboard request; on the 2-core servers this system targets, starting workers costs more than it
 * saves — at 100 k dossiers on a loaded box the city-year Biểu II.06a took 190–370 ms with two workers and 20 ms
 * without (BENCHMARKS.md). A UNION ALL of several sources is planned as a Parallel Append whatever the tables'
 * settings, so the read runs in its own transaction with the setting local to it. Inside a caller's transaction
 * (or on PGlite, which has no workers) it is a plain query.
 */
export async function serialRead<T = Record<string, unknown>>(q: Queryable, sql: string, params: readonly unknown[]): Promise<T[]> {
  const db = q as Partial<Database>;
  if (db.kind !== 'postgres' || typeof db.transaction !== 'function') return q.query<T>(sql, params);
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL max_parallel_workers_per_gather = 0');
    return tx.query<T>(sql, params);
  });
}

const stockCounters: readonly RollupCounter[] = ['pending_delta', 'overdue_delta', 'supplement_wait_delta', 'payment_wait_delta'];
const flowCounters = rollupCounters.filter((c) => !stockCounters.includes(c));
const ii06aCounters: readonly RollupCounter[] = [
  'received',
  'received_counter',
  'received_online',
  'received_postal',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'pending_delta',
  'overdue_delta',
];

export type SumsGroup = 'none' | 'procedure' | 'pair';

export interface GroupedSums {
  /** procedure code, or "competent|receiving" for 'pair', or '' for 'none'. */
  readonly group: string;
  readonly competentAgencyId: string | null;
  readonly receivingAgencyId: string | null;
  readonly sums: RollupSums;
}

const groupColumns: Record<SumsGroup, string[]> = {
  none: [],
  procedure: ['procedure_code'],
  pair: ['competent_agency_id', 'receiving_agency_id'],
};

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const monthEnd = (day: string) => {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
};
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
const nextMonth = (m: string) => monthStart(addDays(monthEnd(m), 1));
const previousMonth = (m: string) => monthStart(addDays(m, -1));

/**
 * One source of a period read: rows of the month or day table whose `day` key lies in [lo, hi] (lo null: from the
 * beginning), each weighted: `flow` for the period's flows, `stock` for the stocks at its end, `before` for the
 * pending count before it. A weight is 1, 0, -1 or a condition on the row's day (`day >= from`).
 */
export interface PeriodSource {
  readonly grain: 'month' | 'day';
  readonly lo: string | null;
  readonly hi: string;
  readonly flow: 1 | 0 | -1 | 'from';
  readonly stock: 1 | 0 | -1;
  readonly before: 1 | 0 | 'before';
}

/**
 * Which rows a period reads. Whole months come from the month table. A partial month at either end is read the
 * cheaper way: its own days from the day table, or its month row minus the days of it outside the period (a
 * custom period from the 10th reads 9 day rows per cell, not 31). Stocks sum every row up to the period's end,
 * "carried over" every row before it.
 */
export function periodSources(from: string, to: string): PeriodSource[] {
  const m1 = monthStart(from);
  const m2 = monthStart(to);
  const firstPartial = from !== m1;
  const lastPartial = to !== monthEnd(to);
  const sources: PeriodSource[] = [{ grain: 'month', lo: null, hi: addDays(m1, -1), flow: 0, stock: 1, before: 1 }];
  const whole = (lo: string, hi: string) => {
    if (lo <= hi) sources.push({ grain: 'month', lo, hi, flow: 1, stock: 1, before: 0 });
  };
  if (m1 === m2) {
    if (!firstPartial && !lastPartial) whole(m1, m1);
    else if (daysBetween(m1, to) <= daysBetween(m1, from) - 1 + daysBetween(to, monthEnd(to)) - 1) {
      sources.push({ grain: 'day', lo: m1, hi: to, flow: 'from', stock: 1, before: 'before' });
    } else {
      whole(m1, m1);
      if (firstPartial) sources.push({ grain: 'day', lo: m1, hi: addDays(from, -1), flow: -1, stock: 0, before: 1 });
      if (lastPartial) sources.push({ grain: 'day', lo: addDays(to, 1), hi: monthEnd(to), flow: -1, stock: -1, before: 0 });
    }
    return sources;
  }
  // A partial first month: its month row minus the days before `from` (always fewer than the whole month's days).
  whole(m1, m1);
  if (firstPartial) sources.push({ grain: 'day', lo: m1, hi: addDays(from, -1), flow: -1, stock: 0, before: 1 });
  whole(nextMonth(m1), previousMonth(m2));
  if (!lastPartial) whole(m2, m2);
  else if (daysBetween(m2, to) <= daysBetween(to, monthEnd(to)) - 1) {
    sources.push({ grain: 'day', lo: m2, hi: to, flow: 1, stock: 1, before: 0 });
  } else {
    whole(m2, m2);
    sources.push({ grain: 'day', lo: addDays(to, 1), hi: monthEnd(to), flow: -1, stock: -1, before: 0 });
  }
  return sources;
}

/**
 * Period sums for the agencies (null = every agency), grouped: flows over the period's days, stocks up to its
 * end, pending before it, the processing-time histogram of the period.
 */
export async function periodSums(
  q: Queryable,
  options: { agencyIds: readonly string[] | null; from: string; to: string; groupBy: SumsGroup; only?: 'ii06a' },
): Promise<GroupedSums[]> {
  const cols = groupColumns[options.groupBy];
  // Biểu II.06a needs ten counters and no histogram: reading fewer columns is most of the cost of a big period.
  const flows = options.only === 'ii06a' ? flowCounters.filter((c) => ii06aCounters.includes(c)) : flowCounters;
  const stocks = options.only === 'ii06a' ? stockCounters.filter((c) => ii06aCounters.includes(c)) : stockCounters;
  const hist = options.only === 'ii06a' ? [] : histogramColumns;
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let filter = 'true';
  if (options.agencyIds) {
    const ids = p(options.agencyIds);
    filter = `(competent_agency_id = ANY(${ids}::uuid[]) OR receiving_agency_id = ANY(${ids}::uuid[]))`;
  }
  const needed = [...new Set([...cols, ...flows, ...stocks, ...hist])].join(', ');
  // Figures not split by procedure read the unit tables (every procedure in one row).
  const monthTable = options.groupBy === 'procedure' ? 'monitoring_rollup_month' : 'monitoring_unit_rollup_month';
  let fromParam: string | null = null;
  const weight = (w: PeriodSource['flow'] | PeriodSource['before']) => {
    if (w !== 'from' && w !== 'before') return String(w);
    fromParam ??= p(options.from);
    return w === 'from' ? `(day >= ${fromParam}::date)::int` : `(day < ${fromParam}::date)::int`;
  };
  const parts = periodSources(options.from, options.to).map((src) => {
    const range = `${src.lo ? `day >= ${p(src.lo)}::date AND ` : ''}day <= ${p(src.hi)}::date`;
    const table = src.grain === 'month' ? monthTable : 'monitoring_rollup';
    return `SELECT ${needed}, ${weight(src.flow)} AS fw, ${src.stock} AS sw, ${weight(src.before)} AS bw FROM ${table} WHERE ${range} AND ${filter}`;
  });
  const select = cols.length ? `${cols.join(', ')}, ` : '';
  const group = cols.length ? `GROUP BY ${cols.join(', ')}` : '';
  const rows = await serialRead<Record<string, unknown>>(
    q,
    `SELECT ${select}
       ${[...flows, ...hist].map((c) => `coalesce(sum(${c} * fw), 0)::int8 AS ${c}`).join(',\n       ')},
       ${stocks.map((c) => `coalesce(sum(${c} * sw), 0)::int8 AS ${c}`).join(', ')},
       coalesce(sum(pending_delta * bw), 0)::int8 AS pending_before
     FROM (${parts.join('\n UNION ALL ')}) src ${group}`,
    params,
  );
  const keyOf = (r: Record<string, unknown>) => cols.map((c) => String(r[c])).join('|');
  return rows
    .filter((r) => options.groupBy === 'none' || [...flows, ...stocks].some((c) => Number(r[c]) !== 0) || Number(r['pending_before']) !== 0)
    .map((r) => {
      const flowSums: Counters = Object.fromEntries(flows.map((c) => [c, Number(r[c])]));
      const stocksAtEnd: Counters = Object.fromEntries(stocks.map((c) => [c, Number(r[c])]));
      const buckets = Object.fromEntries(hist.map((h, i) => [i, Number(r[h])]).filter(([, n]) => n !== 0));
      return {
        group: keyOf(r),
        competentAgencyId: options.groupBy === 'pair' ? String(r['competent_agency_id']) : null,
        receivingAgencyId: options.groupBy === 'pair' ? String(r['receiving_agency_id']) : null,
        sums: { flows: flowSums, stocksAtEnd, pendingBefore: Number(r['pending_before']), buckets },
      };
    });
}

/** Received and resolved per ISO week (Monday) touching the period (whole weeks, from the week table). */
export async function weeklyTrend(
  q: Queryable,
  options: { agencyIds: readonly string[] | null; from: string; to: string },
): Promise<{ week: string; received: number; resolved: number; resolvedLate: number }[]> {
  const params: unknown[] = [weekStartOf(options.from), options.to];
  let where = 'day BETWEEN $1::date AND $2::date';
  if (options.agencyIds) {
    params.push(options.agencyIds);
    where += ' AND (competent_agency_id = ANY($3::uuid[]) OR receiving_agency_id = ANY($3::uuid[]))';
  }
  const rows = await serialRead<{ week: string; received: number; resolved: number; resolved_late: number }>(
    q,
    `SELECT to_char(day, 'YYYY-MM-DD') AS week, sum(received)::int8 AS received,
            sum(resolved)::int8 AS resolved, sum(resolved_late)::int8 AS resolved_late
       FROM monitoring_unit_rollup_week WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ week: r.week, received: Number(r.received), resolved: Number(r.resolved), resolvedLate: Number(r.resolved_late) }));
}
