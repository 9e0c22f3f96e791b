/** How catalogue records are shown through the API: public detail with workflow summaries, drafts with budgets. */
import {
  channelsOf,
  evaluateWorkflowBudget,
  workflowTotalHours,
  type InterAgencyGroup,
  type InternalWorkflow,
  type ProcedureContent,
  type ProcedureDraft,
  type ProcedureVersion,
  type TimeLimitOptions,
} from '@motcua/core/catalog';

/**
 * Data as the response schemas describe it: instants as ISO 8601 text, arrays mutable (core types use readonly
 * arrays, zod infers mutable ones).
 */
export type Mutable<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Mutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Mutable<T[K]> }
      : T;

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
export const mutable = <T>(value: T): Mutable<T> => plain(value) as Mutable<T>;

function stepSummaries(workflow: InternalWorkflow) {
  return workflow.steps.map((step) =>
    step.kind === 'task'
      ? { name: step.name, branches: null, role: step.role, unit: step.responsibleUnit.label, budgetHours: step.budgetHours }
      : {
          name: step.name,
          branches: step.branches.map((b) => ({
            name: b.name,
            steps: b.steps.map((t) => ({ name: t.name, role: t.role, unit: t.responsibleUnit.label, budgetHours: t.budgetHours })),
          })),
          role: null,
          unit: null,
          budgetHours: workflowTotalHours({ steps: [step] }),
        },
  );
}

export function workflowSummaries(content: ProcedureContent, options: TimeLimitOptions) {
  return content.cases.flatMap((c) =>
    c.workflows.map((w) => ({
      caseId: c.id,
      workflowId: w.id,
      name: w.name,
      agencyName: w.agency.name,
      channels: w.channels ? [...w.channels] : null,
      totalHours: workflowTotalHours(w),
      limitHours: evaluateWorkflowBudget(w, c.processingTimes, options)?.limitHours ?? null,
      steps: stepSummaries(w),
    })),
  );
}

export function publicContent(content: ProcedureContent) {
  return { ...content, cases: content.cases.map(({ workflows: _workflows, ...rest }) => rest) };
}

export function toDetail(version: ProcedureVersion, groups: readonly InterAgencyGroup[], options: TimeLimitOptions) {
  return mutable({
    code: version.code,
    versionId: version.id,
    versionNo: version.versionNo,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    publishedAt: version.publishedAt,
    channels: channelsOf(version.content),
    content: publicContent(version.content),
    workflows: workflowSummaries(version.content, options),
    interAgencyGroups: groups,
  });
}

export function budgetsOf(content: ProcedureContent, options: TimeLimitOptions) {
  return content.cases.flatMap((c) =>
    c.workflows.map((w) => {
      const budget = evaluateWorkflowBudget(w, c.processingTimes, options);
      return {
        caseId: c.id,
        workflowId: w.id,
        totalHours: workflowTotalHours(w),
        limitHours: budget?.limitHours ?? null,
        remainingHours: budget?.remainingHours ?? null,
      };
    }),
  );
}

export function toDraftView(draft: ProcedureDraft, options: TimeLimitOptions) {
  return mutable({
    id: draft.id,
    code: draft.code,
    status: draft.status,
    rowVersion: draft.rowVersion,
    baseVersionId: draft.baseVersionId,
    reviewNote: draft.reviewNote,
    publishedVersionId: draft.publishedVersionId,
    createdBy: draft.createdBy,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    content: draft.content,
    budgets: budgetsOf(draft.content, options),
  });
}
