/**
 * Publishing: a new immutable version with its effective date. Both the review path (a draft an administrator
 * publishes) and imports go through `publishContent`, so both apply the same rules: complete content, every
 * workflow within its legal limit, referenced agencies exist, dates move forward, and no version without a change.
 */
import { err, ok, type Result } from '../shared/index';
import { sameContent } from './canonical';
import {
  catalogErrors,
  contentError,
  staleError,
  type CatalogError,
  type CatalogFailure,
  type ContentIssue,
} from './catalog.errors';
import type { CatalogDeps } from './catalog.ports';
import type { AgencyRef, ProcedureContent, ProcedureVersion } from './procedure';
import { PROCEDURE_CODE_PATTERN, legalDateOf } from './procedure';
import { validateProcedureContent } from './validate-procedure';
import { changedSections, diffContent } from './version-diff';

export interface PublishInput {
  readonly code: string;
  readonly content: ProcedureContent;
  /** YYYY-MM-DD; defaults to today in Asia/Ho_Chi_Minh. */
  readonly effectiveFrom?: string;
  readonly changeNote?: string | null;
  /** Audit action: catalog.procedure.publish or catalog.procedure.import. */
  readonly action: 'catalog.procedure.publish' | 'catalog.procedure.import';
}

export type PublishOutcome =
  | { readonly outcome: 'created' | 'updated'; readonly version: ProcedureVersion }
  | { readonly outcome: 'unchanged'; readonly version: ProcedureVersion };

/** Every agency id the content refers to (competent agency, desks, workflow agencies and units). */
export function referencedAgencyIds(content: ProcedureContent): string[] {
  const ids = new Set<string>();
  const ref = (r: AgencyRef) => {
    if (r.kind === 'agency') ids.add(r.agencyId);
  };
  ref(content.competentAgency);
  content.receivingDesks.forEach(ref);
  for (const c of content.cases) {
    for (const w of c.workflows) {
      ref(w.agency);
      for (const s of w.steps) {
        const tasks = s.kind === 'task' ? [s] : s.branches.flatMap((b) => b.steps);
        for (const t of tasks) if (t.responsibleUnit.relation === 'agency') ids.add(t.responsibleUnit.agencyId);
      }
    }
  }
  return [...ids];
}

export async function agencyIssues(deps: CatalogDeps, content: ProcedureContent): Promise<ContentIssue[]> {
  const ids = referencedAgencyIds(content);
  if (ids.length === 0) return [];
  const found = new Set((await deps.store.findAgencies(ids)).map((a) => a.id));
  return ids
    .filter((id) => !found.has(id))
    .map((id) => ({ path: 'agencies', code: 'INVALID' as const, reason: 'noAgency' as const, message: `no agency with id ${id}`, params: { id } }));
}

export async function publishContent(deps: CatalogDeps, input: PublishInput): Promise<Result<PublishOutcome, CatalogError>> {
  if (!PROCEDURE_CODE_PATTERN.test(input.code)) {
    return err(contentError([{ path: 'code', code: 'INVALID', reason: 'procedureCode', message: `"${input.code}" is not a procedure code`, params: { code: input.code } }]));
  }
  const issues = [
    ...validateProcedureContent(input.content, { forPublication: true, ...deps.timeLimits }),
    ...(await agencyIssues(deps, input.content)),
  ];
  if (issues.length > 0) return err(contentError(issues));

  const latest = await deps.store.findLatestVersion(input.code);
  if (latest && sameContent(latest.content, input.content)) return ok({ outcome: 'unchanged', version: latest });
  const effectiveFrom = input.effectiveFrom ?? legalDateOf(deps.now);
  if (latest && effectiveFrom < latest.effectiveFrom) {
    return err(catalogErrors.effectiveDateInvalid(effectiveFrom, latest.effectiveFrom));
  }
  const version = await deps.store.insertVersion(
    {
      code: input.code,
      content: input.content,
      effectiveFrom,
      publishedAt: deps.now,
      publishedBy: deps.actorId,
      changeNote: input.changeNote ?? null,
    },
    latest,
  );
  const changes = latest ? changedSections(diffContent(latest.content, input.content)) : ['(new procedure)'];
  deps.audit.record({
    action: input.action,
    targetType: 'procedure',
    targetId: input.code,
    summary: { versionId: version.id, versionNo: version.versionNo, effectiveFrom, changes },
  });
  return ok({ outcome: latest ? 'updated' : 'created', version });
}

export interface PublishDraftInput {
  readonly draftId: string;
  readonly rowVersion: number;
  readonly effectiveFrom?: string;
  readonly changeNote?: string | null;
}

/** Publishes a reviewed draft: the draft must be in review and based on the version that is still the latest. */
export async function publishDraft(
  deps: CatalogDeps,
  input: PublishDraftInput,
): Promise<Result<ProcedureVersion, CatalogFailure>> {
  const draft = await deps.store.findDraft(input.draftId);
  if (!draft) return err(catalogErrors.draftNotFound(input.draftId));
  if (draft.status !== 'in_review') return err(catalogErrors.draftWrongStatus(draft.id, draft.status, ['in_review']));
  if (draft.rowVersion !== input.rowVersion) return err(staleDraft(draft.id));
  const latest = await deps.store.findLatestVersion(draft.code);
  if ((latest?.id ?? null) !== draft.baseVersionId) {
    return err(
      staleError(`Version ${latest?.versionNo} of ${draft.code} was published after this draft began`, {
        draftId: draft.id,
        latestVersionId: latest?.id ?? null,
      }),
    );
  }
  if (latest && sameContent(latest.content, draft.content)) return err(catalogErrors.nothingToPublish(draft.code));
  const published = await publishContent(deps, {
    code: draft.code,
    content: draft.content,
    ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}),
    changeNote: input.changeNote ?? null,
    action: 'catalog.procedure.publish',
  });
  if (!published.ok) return published;
  const updated = await deps.store.updateDraft(draft.id, draft.rowVersion, {
    status: 'published',
    publishedVersionId: published.value.version.id,
    updatedAt: deps.now,
    actorId: deps.actorId,
  });
  if (!updated) return err(staleDraft(draft.id));
  return ok(published.value.version);
}

export function staleDraft(draftId: string) {
  return staleError(`Draft ${draftId} was changed by someone else; reload it`, { draftId });
}
