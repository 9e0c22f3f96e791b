/**
 * Drafts: an administrator opens a draft (a copy of the latest version, or new content), edits it, submits it for
 * review; a reviewer returns it with a note or publishes it (publish-procedure.ts). One open draft per procedure.
 * Every change is audited and guarded by the draft's row version.
 */
import { err, ok, type Result } from '../shared/index';
import { catalogErrors, contentError, type CatalogError, type CatalogFailure } from './catalog.errors';
import type { CatalogDeps } from './catalog.ports';
import { PROCEDURE_CODE_PATTERN, type DraftStatus, type ProcedureContent, type ProcedureDraft } from './procedure';
import { agencyIssues, staleDraft } from './publish-procedure';
import { validateProcedureContent } from './validate-procedure';
import { changedSections, diffContent } from './version-diff';

export interface CreateDraftInput {
  readonly code: string;
  /** New content; null opens a copy of the latest version. */
  readonly content: ProcedureContent | null;
}

export async function createDraft(deps: CatalogDeps, input: CreateDraftInput): Promise<Result<ProcedureDraft, CatalogError>> {
  if (!PROCEDURE_CODE_PATTERN.test(input.code)) {
    return err(contentError([{ path: 'code', code: 'INVALID', reason: 'procedureCode', message: `"${input.code}" is not a procedure code`, params: { code: input.code } }]));
  }
  const open = await deps.store.findOpenDraft(input.code);
  if (open) return err(catalogErrors.draftAlreadyOpen(input.code, open.id));
  const latest = await deps.store.findLatestVersion(input.code);
  const content = input.content ?? latest?.content;
  if (!content) return err(catalogErrors.procedureNotFound(input.code));
  const issues = [
    ...validateProcedureContent(content, { forPublication: false, ...deps.timeLimits }),
    ...(await agencyIssues(deps, content)),
  ];
  if (issues.length > 0) return err(contentError(issues));
  const draft = await deps.store.insertDraft({
    code: input.code,
    baseVersion: latest,
    content,
    createdBy: deps.actorId,
    createdAt: deps.now,
  });
  deps.audit.record({
    action: 'catalog.draft.create',
    targetType: 'procedure_draft',
    targetId: draft.id,
    summary: { code: draft.code, baseVersionNo: latest?.versionNo ?? null },
  });
  return ok(draft);
}

export interface ReviseDraftInput {
  readonly draftId: string;
  readonly rowVersion: number;
  /** What the edit does, for the audit trail, e.g. 'case.put', 'workflow.remove'. */
  readonly edit: string;
  readonly apply: (content: ProcedureContent) => Result<ProcedureContent, CatalogError>;
}

async function loadDraft(
  deps: CatalogDeps,
  draftId: string,
  rowVersion: number,
  allowed: readonly DraftStatus[],
): Promise<Result<ProcedureDraft, CatalogFailure>> {
  const draft = await deps.store.findDraft(draftId);
  if (!draft) return err(catalogErrors.draftNotFound(draftId));
  if (!allowed.includes(draft.status)) return err(catalogErrors.draftWrongStatus(draft.id, draft.status, allowed));
  if (draft.rowVersion !== rowVersion) return err(staleDraft(draft.id));
  return ok(draft);
}

export async function reviseDraft(deps: CatalogDeps, input: ReviseDraftInput): Promise<Result<ProcedureDraft, CatalogFailure>> {
  const loaded = await loadDraft(deps, input.draftId, input.rowVersion, ['editing']);
  if (!loaded.ok) return loaded;
  const draft = loaded.value;
  const applied = input.apply(draft.content);
  if (!applied.ok) return applied;
  const issues = [
    ...validateProcedureContent(applied.value, { forPublication: false, ...deps.timeLimits }),
    ...(await agencyIssues(deps, applied.value)),
  ];
  if (issues.length > 0) return err(contentError(issues));
  const updated = await deps.store.updateDraft(draft.id, draft.rowVersion, {
    content: applied.value,
    updatedAt: deps.now,
    actorId: deps.actorId,
  });
  if (!updated) return err(staleDraft(draft.id));
  deps.audit.record({
    action: 'catalog.draft.revise',
    targetType: 'procedure_draft',
    targetId: draft.id,
    summary: { code: draft.code, edit: input.edit, changes: changedSections(diffContent(draft.content, applied.value)) },
  });
  return ok(updated);
}

type Transition = 'submit' | 'return' | 'discard';
const transitions: Record<Transition, { from: readonly DraftStatus[]; to: DraftStatus }> = {
  submit: { from: ['editing'], to: 'in_review' },
  return: { from: ['in_review'], to: 'editing' },
  discard: { from: ['editing', 'in_review'], to: 'discarded' },
};

/** submit (editing → in_review, only complete content), return (in_review → editing, with a note), discard. */
export async function moveDraft(
  deps: CatalogDeps,
  input: { draftId: string; rowVersion: number; transition: Transition; note?: string | null },
): Promise<Result<ProcedureDraft, CatalogFailure>> {
  const rule = transitions[input.transition];
  const loaded = await loadDraft(deps, input.draftId, input.rowVersion, rule.from);
  if (!loaded.ok) return loaded;
  const draft = loaded.value;
  if (input.transition === 'submit') {
    const issues = validateProcedureContent(draft.content, { forPublication: true, ...deps.timeLimits });
    if (issues.length > 0) return err(contentError(issues));
  }
  const updated = await deps.store.updateDraft(draft.id, draft.rowVersion, {
    status: rule.to,
    ...(input.transition === 'return' ? { reviewNote: input.note ?? null } : {}),
    updatedAt: deps.now,
    actorId: deps.actorId,
  });
  if (!updated) return err(staleDraft(draft.id));
  deps.audit.record({
    action: `catalog.draft.${input.transition}`,
    targetType: 'procedure_draft',
    targetId: draft.id,
    summary: { code: draft.code, from: draft.status, to: rule.to, ...(input.note ? { note: input.note } : {}) },
  });
  return ok(updated);
}
