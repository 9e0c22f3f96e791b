/**
 * Scope expansion in SQL (the reference rule is visibleAgencies in @motcua/core/organization; the db tests check
 * both agree). One recursive query walks two kinds of edge from each grant's agency: parent → child (only for
 * grants that include sub-agencies) and successor → predecessor (always).
 */
import type { ScopeGrant } from '@motcua/core/organization';
import type { Queryable } from '../kernel/database';

export async function expandScope(q: Queryable, grants: readonly ScopeGrant[]): Promise<string[]> {
  if (grants.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `WITH RECURSIVE edge (from_id, to_id, is_child) AS (
       SELECT parent_id, id, true FROM agency WHERE parent_id IS NOT NULL
       UNION ALL
       SELECT successor_id, predecessor_id, false FROM agency_succession
     ),
     scope (id, with_sub) AS (
       SELECT g.id, g.with_sub FROM unnest($1::uuid[], $2::boolean[]) AS g (id, with_sub)
       UNION
       SELECT e.to_id, s.with_sub FROM scope s JOIN edge e ON e.from_id = s.id AND (s.with_sub OR NOT e.is_child)
     )
     SELECT DISTINCT id FROM scope`,
    [grants.map((g) => g.agencyId), grants.map((g) => g.includeSubAgencies)],
  );
  return rows.map((r) => r.id);
}

/** The ids plus every agency that (transitively) preceded one of them: scoping by a successor reaches its past. */
export async function expandWithPredecessorIds(q: Queryable, agencyIds: readonly string[]): Promise<string[]> {
  return expandScope(q, agencyIds.map((agencyId) => ({ agencyId, includeSubAgencies: false })));
}
