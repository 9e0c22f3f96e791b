/**
 * Reading the rollups for a unit and a period. A unit stands for its whole subtree plus every agency that merged
 * into it (expandScope: parent → child and successor → predecessor edges): a dossier counts for the unit when its
 * competent agency or its receiving desk is among those (docs/monitoring.md). Flows sum the period's days; stocks
 * sum every day up to the period's end; "carried over" sums the pending deltas before the period.
 */
import { rollupCounters, weekStartOf, type Counters, type RollupCounter, type RollupSums } from '@motcua/core/monitoring';
import type { Queryable } from '../kernel/database';
import { expandScope } from '../organization/scope.repository';
import { histogramColumns } from './rollup-store';

/** The agency ids a unit stands for: itself, its sub-agencies, and (transitively) what merged into them. */
export async function unitAgencyIds(q: Queryable, unitId: string): Promise<string[]> {
  return expandScope(q, [{ agencyId: unitId, includeSubAgencies: true }]);
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

/**
 * Which rows a period reads: whole months from the month table, the partial months at either end from the day
 * table (a month, quarter, half or year reads months only; history before the period always months).
 */
export function periodSources(from: string, to: string): { monthLimit: string; includeLimit: boolean; monthsExcluded: string | null; dayRanges: [string, string][] } {
  const m1 = monthStart(from);
  const m2 = monthStart(to);
  const firstPartial = from !== m1;
  const lastPartial = to !== monthEnd(to);
  const dayRanges: [string, string][] = [];
  if (m1 === m2) {
    if (firstPartial || lastPartial) dayRanges.push([m1, to]);
  } else {
    if (firstPartial) dayRanges.push([m1, monthEnd(m1)]);
    if (lastPartial) dayRanges.push([m2, to]);
  }
  // Month rows: every month before m2 (and m2 itself when whole), except a partial first month read by days.
  const includeLimit = !(lastPartial || (m1 === m2 && firstPartial));
  return { monthLimit: m2, includeLimit, monthsExcluded: firstPartial && m1 !== m2 ? m1 : null, dayRanges };
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
  const params: unknown[] = [options.from, options.to];
  let filter = 'true';
  if (options.agencyIds) {
    params.push(options.agencyIds);
    filter = `(competent_agency_id = ANY($3::uuid[]) OR receiving_agency_id = ANY($3::uuid[]))`;
  }
  const src = periodSources(options.from, options.to);
  const needed = [...new Set([...cols, 'day', ...flows, ...stocks, ...hist])].join(', ');
  params.push(src.monthLimit);
  const monthCond = `day ${src.includeLimit ? '<=' : '<'} $${params.length}::date`;
  let excluded = '';
  if (src.monthsExcluded) {
    params.push(src.monthsExcluded);
    excluded = ` AND day <> $${params.length}::date`;
  }
  // Figures not split by procedure read the unit tables (every procedure in one row).
  const monthTable = options.groupBy === 'procedure' ? 'monitoring_rollup_month' : 'monitoring_unit_rollup_month';
  const parts = [`SELECT ${needed} FROM ${monthTable} WHERE ${monthCond}${excluded} AND ${filter}`];
  for (const [a, b] of src.dayRanges) {
    params.push(a, b);
    parts.push(`SELECT ${needed} FROM monitoring_rollup WHERE day BETWEEN $${params.length - 1}::date AND $${params.length}::date AND ${filter}`);
  }
  const select = cols.length ? `${cols.join(', ')}, ` : '';
  const group = cols.length ? `GROUP BY ${cols.join(', ')}` : '';
  const rows = await q.query<Record<string, unknown>>(
    `SELECT ${select}
       ${[...flows, ...hist].map((c) => `coalesce(sum(${c}) FILTER (WHERE day >= $1::date AND day <= $2::date), 0)::int8 AS ${c}`).join(',\n       ')},
       ${stocks.map((c) => `coalesce(sum(${c}), 0)::int8 AS ${c}`).join(', ')},
       coalesce(sum(pending_delta) FILTER (WHERE day < $1::date), 0)::int8 AS pending_before
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
  const rows = await q.query<{ week: string; received: number; resolved: number; resolved_late: number }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS week, sum(received)::int8 AS received,
            sum(resolved)::int8 AS resolved, sum(resolved_late)::int8 AS resolved_late
       FROM monitoring_unit_rollup_week WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ week: r.week, received: Number(r.received), resolved: Number(r.resolved), resolvedLate: Number(r.resolved_late) }));
}
