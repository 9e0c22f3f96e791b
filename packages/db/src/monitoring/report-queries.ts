/**
 * Reading the rollups for a unit and a period. A unit stands for its whole subtree plus every agency that merged
 * into it (expandScope: parent → child and successor → predecessor edges): a dossier counts for the unit when its
 * competent agency or its receiving desk is among those (docs/monitoring.md). Flows sum the period's days; stocks
 * sum every day up to the period's end; "carried over" sums the pending deltas before the period.
 */
import { rollupCounters, type Counters, type RollupCounter, type RollupSums } from '@motcua/core/monitoring';
import type { Queryable } from '../kernel/database';
import { expandScope } from '../organization/scope.repository';

/** The agency ids a unit stands for: itself, its sub-agencies, and (transitively) what merged into them. */
export async function unitAgencyIds(q: Queryable, unitId: string): Promise<string[]> {
  return expandScope(q, [{ agencyId: unitId, includeSubAgencies: true }]);
}

const stockCounters: readonly RollupCounter[] = ['pending_delta', 'overdue_delta', 'supplement_wait_delta', 'payment_wait_delta'];
const flowCounters = rollupCounters.filter((c) => !stockCounters.includes(c));

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

/**
 * Period sums for the agencies (null = every agency), grouped. One scan of the rollup rows up to the period's end
 * and one of the histogram rows within the period.
 */
export async function periodSums(
  q: Queryable,
  options: { agencyIds: readonly string[] | null; from: string; to: string; groupBy: SumsGroup },
): Promise<GroupedSums[]> {
  const cols = groupColumns[options.groupBy];
  const params: unknown[] = [options.from, options.to];
  let where = 'day <= $2::date';
  if (options.agencyIds) {
    params.push(options.agencyIds);
    where += ` AND (competent_agency_id = ANY($3::uuid[]) OR receiving_agency_id = ANY($3::uuid[]))`;
  }
  const select = cols.length ? `${cols.join(', ')}, ` : '';
  const group = cols.length ? `GROUP BY ${cols.join(', ')}` : '';
  const rows = await q.query<Record<string, unknown>>(
    `SELECT ${select}
       ${flowCounters.map((c) => `coalesce(sum(${c}) FILTER (WHERE day >= $1::date), 0)::int8 AS ${c}`).join(',\n       ')},
       ${stockCounters.map((c) => `coalesce(sum(${c}), 0)::int8 AS ${c}`).join(', ')},
       coalesce(sum(pending_delta) FILTER (WHERE day < $1::date), 0)::int8 AS pending_before
     FROM monitoring_rollup WHERE ${where} ${group}`,
    params,
  );
  const bucketRows = await q.query<Record<string, unknown>>(
    `SELECT ${select} bucket, sum(dossiers)::int8 AS dossiers FROM monitoring_duration
      WHERE day >= $1::date AND ${where} GROUP BY ${[...cols, 'bucket'].join(', ')}`,
    params,
  );
  const keyOf = (r: Record<string, unknown>) => cols.map((c) => String(r[c])).join('|');
  const buckets = new Map<string, Record<number, number>>();
  for (const r of bucketRows) {
    const b = buckets.get(keyOf(r)) ?? {};
    b[Number(r['bucket'])] = Number(r['dossiers']);
    buckets.set(keyOf(r), b);
  }
  return rows
    .filter((r) => options.groupBy === 'none' || rollupCounters.some((c) => Number(r[c]) !== 0) || Number(r['pending_before']) !== 0)
    .map((r) => {
      const flows: Counters = Object.fromEntries(flowCounters.map((c) => [c, Number(r[c])]));
      const stocksAtEnd: Counters = Object.fromEntries(stockCounters.map((c) => [c, Number(r[c])]));
      return {
        group: keyOf(r),
        competentAgencyId: options.groupBy === 'pair' ? String(r['competent_agency_id']) : null,
        receivingAgencyId: options.groupBy === 'pair' ? String(r['receiving_agency_id']) : null,
        sums: { flows, stocksAtEnd, pendingBefore: Number(r['pending_before']), buckets: buckets.get(keyOf(r)) ?? {} },
      };
    });
}

/** Received and resolved per ISO week (Monday) within the period. */
export async function weeklyTrend(
  q: Queryable,
  options: { agencyIds: readonly string[] | null; from: string; to: string },
): Promise<{ week: string; received: number; resolved: number; resolvedLate: number }[]> {
  const params: unknown[] = [options.from, options.to];
  let where = 'day BETWEEN $1::date AND $2::date';
  if (options.agencyIds) {
    params.push(options.agencyIds);
    where += ' AND (competent_agency_id = ANY($3::uuid[]) OR receiving_agency_id = ANY($3::uuid[]))';
  }
  const rows = await q.query<{ week: string; received: number; resolved: number; resolved_late: number }>(
    `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, sum(received)::int8 AS received,
            sum(resolved)::int8 AS resolved, sum(resolved_late)::int8 AS resolved_late
       FROM monitoring_rollup WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((r) => ({ week: r.week, received: Number(r.received), resolved: Number(r.resolved), resolvedLate: Number(r.resolved_late) }));
}
