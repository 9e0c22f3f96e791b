/** Creating and changing inter-agency groups: validated, member procedures and agencies must exist, audited. */
import { domainError, err, ok, type Result } from '../shared/index';
import { catalogErrors, staleError, type CatalogError, type CatalogFailure, type ContentIssue } from './catalog.errors';
import type { CatalogDeps } from './catalog.ports';
import { validateInterAgencyGroup, type InterAgencyGroup, type InterAgencyGroupContent } from './inter-agency';

function invalid(issues: readonly ContentIssue[]): CatalogError {
  return domainError(
    'INTER_AGENCY_GROUP_INVALID',
    `The inter-agency group has ${issues.length} problem(s): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

async function check(deps: CatalogDeps, group: InterAgencyGroupContent): Promise<ContentIssue[]> {
  const issues = validateInterAgencyGroup(group, deps.timeLimits);
  const existing = new Set(await deps.store.existingProcedureCodes(group.procedureCodes));
  for (const code of group.procedureCodes) {
    if (!existing.has(code)) issues.push({ path: 'procedureCodes', code: 'INVALID', reason: 'noProcedure', message: `no published procedure ${code}`, params: { code } });
  }
  const ids = group.participants.flatMap((p) => (p.agency.kind === 'agency' ? [p.agency.agencyId] : []));
  const found = new Set((await deps.store.findAgencies(ids)).map((a) => a.id));
  for (const id of ids) if (!found.has(id)) issues.push({ path: 'participants', code: 'INVALID', reason: 'noAgency', message: `no agency ${id}`, params: { id } });
  return issues;
}

export async function saveInterAgencyGroup(
  deps: CatalogDeps,
  input: { id: string | null; rowVersion: number | null; group: InterAgencyGroupContent },
): Promise<Result<InterAgencyGroup, CatalogFailure>> {
  const issues = await check(deps, input.group);
  if (issues.length > 0) return err(invalid(issues));
  let saved: InterAgencyGroup | null;
  if (input.id === null) {
    saved = await deps.store.insertInterAgencyGroup(input.group, deps.now);
  } else {
    const current = await deps.store.findInterAgencyGroup(input.id);
    if (!current) return err(catalogErrors.groupNotFound(input.id));
    saved = await deps.store.updateInterAgencyGroup(input.id, input.rowVersion ?? -1, input.group, deps.now);
    if (!saved) return err(staleError(`Inter-agency group ${input.id} was changed by someone else`, { groupId: input.id }));
  }
  deps.audit.record({
    action: input.id === null ? 'catalog.inter_agency_group.create' : 'catalog.inter_agency_group.revise',
    targetType: 'inter_agency_group',
    targetId: saved.id,
    summary: { name: saved.name, procedureCodes: saved.procedureCodes, mode: saved.mode },
  });
  return ok(saved);
}
