/**
 * The organisation tree as the administration screens use it: the tree of agencies existing today
 * (`GET /agencies?shape=tree`, cached under ['agency-tree', …] — every agency write invalidates ['agency-tree'] and
 * ['agency']), flattened, and the part a system administrator administers (their grant agencies and everything
 * under them; the server has the last word and answers 403 for the others).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listAgenciesResponse, type AgencyTreeNode } from '@motcua/contracts/organization';
import { api } from '../../api';
import { useSession } from '../../auth/session';

export const agencyTreeKey = ['agency-tree'] as const;

export function flattenAgencies(nodes: readonly AgencyTreeNode[], out: AgencyTreeNode[] = []): AgencyTreeNode[] {
  for (const n of nodes) {
    out.push(n);
    flattenAgencies(n.children, out);
  }
  return out;
}

/** The agencies of the grants and everything under them, in tree order. */
export function administeredAgencies(all: readonly AgencyTreeNode[], grantAgencyIds: readonly string[]): AgencyTreeNode[] {
  const children = new Map<string, AgencyTreeNode[]>();
  for (const a of all) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  const out = new Map<string, AgencyTreeNode>();
  const visit = (a: AgencyTreeNode) => {
    if (out.has(a.id)) return;
    out.set(a.id, a);
    for (const c of children.get(a.id) ?? []) visit(c);
  };
  for (const a of all) if (grantAgencyIds.includes(a.id)) visit(a);
  return [...out.values()];
}

/**
 * The tree, every agency in it, and those the signed-in system administrator administers. `history`: every
 * agency that ever existed or will exist (ended ones and ones whose date has not come), not only today's.
 */
export function useAdministeredAgencies({ history = false }: { history?: boolean } = {}) {
  const { user } = useSession();
  const tree = useQuery({
    queryKey: [...agencyTreeKey, history ? 'history' : 'today'],
    queryFn: () => api.get(`/agencies?shape=tree${history ? '&history=true' : ''}`, listAgenciesResponse),
  });
  const all = useMemo(() => flattenAgencies(tree.data?.agencies ?? []), [tree.data]);
  const grantKey = (user?.roles ?? []).filter((r) => r.role === 'system_administrator').map((r) => r.agencyId).join(',');
  const administered = useMemo(() => administeredAgencies(all, grantKey.split(',')), [all, grantKey]);
  return { tree, all, administered };
}
