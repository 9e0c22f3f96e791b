/**
 * Who carries on an agency's work after merges, splits and renames. Successions are links predecessor →
 * successor recorded by an event effective on a date; the predecessor ends the day before.
 *
 * Records (dossiers, reports) keep the agency id they were created under. Two questions follow:
 *   - forward: which agency answers for agency X on date D now? → resolveSuccessors
 *   - backward: an officer of successor S must see the records of everything S absorbed → expandWithPredecessors
 */
import { isAgencyActiveOn } from './agency';

export interface SuccessionLink {
  readonly predecessorId: string;
  readonly successorId: string;
  /** The day the successor took over ('YYYY-MM-DD'). */
  readonly effectiveOn: string;
}

export interface AgencyDates {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

/**
 * The agencies that answer for `agencyId` on `date`: itself while it exists; otherwise, following succession
 * links that took effect by that date, every active successor (a split yields several; a chain of merges is
 * followed to its end). Empty when the agency ended without successor (dissolved) or did not exist yet.
 */
export function resolveSuccessors(
  agencyId: string,
  date: string,
  agencies: ReadonlyMap<string, AgencyDates>,
  links: readonly SuccessionLink[],
): string[] {
  const result: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const agency = agencies.get(id);
    if (agency && isAgencyActiveOn(agency, date)) {
      result.push(id);
      return;
    }
    for (const link of links) {
      if (link.predecessorId === id && link.effectiveOn <= date) visit(link.successorId);
    }
  };
  visit(agencyId);
  return result;
}

/** The ids plus every agency that (transitively) preceded one of them. */
export function expandWithPredecessors(ids: Iterable<string>, links: readonly SuccessionLink[]): Set<string> {
  const out = new Set(ids);
  const queue = [...out];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const link of links) {
      if (link.successorId === id && !out.has(link.predecessorId)) {
        out.add(link.predecessorId);
        queue.push(link.predecessorId);
      }
    }
  }
  return out;
}

export interface TreeNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The ids plus all their descendants in the tree (any depth). */
export function expandWithDescendants(ids: Iterable<string>, nodes: readonly TreeNode[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out = new Set(ids);
  const queue = [...out];
  while (queue.length > 0) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        queue.push(child);
      }
    }
  }
  return out;
}

export interface ScopeGrant {
  readonly agencyId: string;
  readonly includeSubAgencies: boolean;
}

/**
 * Every agency whose records a set of grants reaches: each grant's agency, its descendants where the grant
 * includes sub-agencies, and — repeatedly — the predecessors of all of those (and their descendants where the
 * grant allows), so that a successor's officers keep seeing what was filed under the agencies it absorbed.
 * The database computes the same set in SQL (packages/db organization scope); this is the reference rule.
 */
export function visibleAgencies(
  grants: readonly ScopeGrant[],
  nodes: readonly TreeNode[],
  links: readonly SuccessionLink[],
): Set<string> {
  const out = new Set<string>();
  for (const includeSub of [false, true]) {
    let frontier = new Set(grants.filter((g) => g.includeSubAgencies === includeSub).map((g) => g.agencyId));
    for (;;) {
      const grown = expandWithPredecessors(includeSub ? expandWithDescendants(frontier, nodes) : frontier, links);
      if (includeSub) for (const id of expandWithDescendants(grown, nodes)) grown.add(id);
      if (grown.size === frontier.size) break;
      frontier = grown;
    }
    for (const id of frontier) out.add(id);
  }
  return out;
}
