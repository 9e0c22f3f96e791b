/** Pure edits of draft content: each returns the new content or an error naming what is missing. */
import { err, ok, type Result } from '../shared/index';
import { catalogErrors, contentError, type CatalogError } from './catalog.errors';
import type { InternalWorkflow, ProcedureCase, ProcedureContent } from './procedure';

export type GeneralContent = Omit<ProcedureContent, 'cases'>;
export type CaseWithoutWorkflows = Omit<ProcedureCase, 'workflows'>;

export function replaceGeneral(content: ProcedureContent, general: GeneralContent): ProcedureContent {
  return { ...general, cases: content.cases };
}

/** Adds the case or replaces the one with the same id; the case's workflows are kept (they have their own edits). */
export function putCase(content: ProcedureContent, next: CaseWithoutWorkflows): ProcedureContent {
  const index = content.cases.findIndex((c) => c.id === next.id);
  if (index < 0) return { ...content, cases: [...content.cases, { ...next, workflows: [] }] };
  const cases = [...content.cases];
  cases[index] = { ...next, workflows: content.cases[index]!.workflows };
  return { ...content, cases };
}

export function removeCase(content: ProcedureContent, caseId: string): Result<ProcedureContent, CatalogError> {
  if (!content.cases.some((c) => c.id === caseId)) return err(caseMissing(caseId));
  return ok({ ...content, cases: content.cases.filter((c) => c.id !== caseId) });
}

export function putWorkflow(
  content: ProcedureContent,
  caseId: string,
  workflow: InternalWorkflow,
): Result<ProcedureContent, CatalogError> {
  const target = content.cases.find((c) => c.id === caseId);
  if (!target) return err(caseMissing(caseId));
  const index = target.workflows.findIndex((w) => w.id === workflow.id);
  const workflows = [...target.workflows];
  if (index < 0) workflows.push(workflow);
  else workflows[index] = workflow;
  return ok({ ...content, cases: content.cases.map((c) => (c.id === caseId ? { ...c, workflows } : c)) });
}

export function removeWorkflow(
  content: ProcedureContent,
  caseId: string,
  workflowId: string,
): Result<ProcedureContent, CatalogError> {
  const target = content.cases.find((c) => c.id === caseId);
  if (!target) return err(caseMissing(caseId));
  if (!target.workflows.some((w) => w.id === workflowId)) {
    return err(contentError([{ path: `cases[${caseId}].workflows`, code: 'INVALID', reason: 'noWorkflow', message: `no workflow ${workflowId}`, params: { id: workflowId } }]));
  }
  const workflows = target.workflows.filter((w) => w.id !== workflowId);
  return ok({ ...content, cases: content.cases.map((c) => (c.id === caseId ? { ...c, workflows } : c)) });
}

function caseMissing(caseId: string): CatalogError {
  return catalogErrors.caseNotFound('draft', caseId);
}

/**
 * Content read from an import file over the latest published content: the parts the file carries replace the
 * latest ones; the rest (local settings the national record does not carry, such as the competent agency rule or
 * the internal workflows) is kept. A case that comes without workflows keeps the workflows of the case with the
 * same id.
 */
export function mergeImported(
  latest: ProcedureContent | null,
  imported: ProcedureContent,
  carried: readonly (keyof ProcedureContent)[],
): ProcedureContent {
  if (!latest) return imported;
  const merged: Record<string, unknown> = { ...latest };
  for (const key of carried) merged[key] = imported[key];
  if (carried.includes('cases')) {
    merged.cases = imported.cases.map((c) => {
      if (c.workflows.length > 0) return c;
      const previous = latest.cases.find((p) => p.id === c.id);
      return previous ? { ...c, workflows: previous.workflows } : c;
    });
  }
  return merged as unknown as ProcedureContent;
}
