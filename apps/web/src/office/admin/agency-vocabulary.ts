/**
 * What the agency administration screens share: the organisation's fixed vocabularies (the contract's enums, shown
 * with the `leader:agencyAdmin.kinds/levels` words) and refreshing every agency query after a write.
 */
import type { QueryClient } from '@tanstack/react-query';
import { agencyKindSchema, agencyLevelSchema } from '@motcua/contracts/organization';
import type { Infer } from '../../api';

export type AgencyKind = Infer<typeof agencyKindSchema>;
export type AgencyLevel = Infer<typeof agencyLevelSchema>;
export const agencyKinds: readonly AgencyKind[] = agencyKindSchema.options;
export const agencyLevels: readonly AgencyLevel[] = agencyLevelSchema.options;

/** The tree (any shape or date), every agency's detail, and the calendar (an agency's lineage may have changed). */
export async function invalidateAgencies(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['agency-tree'] }),
    client.invalidateQueries({ queryKey: ['agency'] }),
    client.invalidateQueries({ queryKey: ['calendar'] }),
  ]);
}
