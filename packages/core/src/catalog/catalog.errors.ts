import { domainError, type DomainError } from '../shared/index';

export const catalogErrorCodes = [
  'PROCEDURE_NOT_FOUND',
  'PROCEDURE_VERSION_NOT_FOUND',
  'PROCEDURE_CASE_NOT_FOUND',
  'PROCEDURE_DRAFT_NOT_FOUND',
  'PROCEDURE_DRAFT_ALREADY_OPEN',
  'PROCEDURE_DRAFT_WRONG_STATUS',
  'PROCEDURE_CONTENT_INVALID',
  'PROCEDURE_NOTHING_TO_PUBLISH',
  'PROCEDURE_EFFECTIVE_DATE_INVALID',
  'WORKFLOW_BUDGET_EXCEEDS_LIMIT',
  'INTER_AGENCY_GROUP_NOT_FOUND',
  'INTER_AGENCY_GROUP_INVALID',
  'CATALOG_IMPORT_INVALID',
  'CATALOG_FORM_TEMPLATE_INVALID',
] as const;
export type CatalogErrorCode = (typeof catalogErrorCodes)[number];
export type CatalogError = DomainError<CatalogErrorCode>;
/** Catalogue errors plus the shared optimistic-concurrency conflict. */
export type CatalogFailure = CatalogError | DomainError<'STALE_VERSION'>;

export function staleError(what: string, details: Record<string, unknown>): DomainError<'STALE_VERSION'> {
  return domainError('STALE_VERSION', what, details);
}

/** One problem found in procedure content: where (a JSON-ish path), what, and the structured numbers. */
/**
 * Why a piece of content is refused, one stable word per rule (the English `message` says it for logs and API
 * users; the web says each reason in Vietnamese and English by this word, with `params`). Kept equal to
 * `contentIssueReasons` of @motcua/contracts/catalog-issues (apps/server/test/catalog-issue-reasons.test.ts).
 */
export const contentIssueReasons = [
  'required',
  'blank',
  'duplicate',
  'slug',
  'count',
  'date',
  'link',
  'templateLink',
  'noTemplate',
  'procedureCode',
  'noCase',
  'noTimeLimit',
  'amount',
  'noChannel',
  'cutoff',
  'channelTwice',
  'feeAmount',
  'feeRule',
  'condition',
  'noSteps',
  'role',
  'budgetHours',
  'branches',
  'branchSteps',
  'noLimitForBudget',
  'uncoveredChannels',
  'budgetExceeded',
  'noWorkflow',
  'noAgency',
  'agencyOutOfScope',
  'deskTwice',
  'noProcedure',
  'procedureTwice',
  'noProcedures',
  'fewAgencies',
  'oneLead',
  'sequentialOrder',
  'subDeadlinesExceeded',
] as const;
export type ContentIssueReason = (typeof contentIssueReasons)[number];

export interface ContentIssue {
  readonly path: string;
  readonly code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT' | 'INVALID';
  readonly reason: ContentIssueReason;
  readonly message: string;
  /** The values the reason's message names (a duplicated id, a role, hours…). */
  readonly params?: Readonly<Record<string, string | number>>;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const catalogErrors = {
  procedureNotFound: (code: string) => domainError('PROCEDURE_NOT_FOUND', `No published procedure ${code}`, { code }),
  versionNotFound: (ref: string) =>
    domainError('PROCEDURE_VERSION_NOT_FOUND', `No procedure version ${ref}`, { version: ref }),
  caseNotFound: (versionId: string, caseId: string) =>
    domainError('PROCEDURE_CASE_NOT_FOUND', `Procedure version ${versionId} has no case ${caseId}`, { versionId, caseId }),
  draftNotFound: (id: string) => domainError('PROCEDURE_DRAFT_NOT_FOUND', `No procedure draft ${id}`, { draftId: id }),
  draftAlreadyOpen: (code: string, draftId: string) =>
    domainError('PROCEDURE_DRAFT_ALREADY_OPEN', `Procedure ${code} already has an open draft`, { code, draftId }),
  draftWrongStatus: (id: string, status: string, expected: readonly string[]) =>
    domainError('PROCEDURE_DRAFT_WRONG_STATUS', `Draft ${id} is ${status}; this needs ${expected.join(' or ')}`, {
      draftId: id,
      status,
      expected,
    }),
  nothingToPublish: (code: string) =>
    domainError('PROCEDURE_NOTHING_TO_PUBLISH', `The draft of ${code} does not change the current version`, { code }),
  effectiveDateInvalid: (effectiveFrom: string, latest: string) =>
    domainError(
      'PROCEDURE_EFFECTIVE_DATE_INVALID',
      `A new version must take effect on or after ${latest} (the latest version's date), not ${effectiveFrom}`,
      { effectiveFrom, latestEffectiveFrom: latest },
    ),
  groupNotFound: (id: string) => domainError('INTER_AGENCY_GROUP_NOT_FOUND', `No inter-agency group ${id}`, { groupId: id }),
};

/**
 * Content issues become one error: a budget excess alone keeps its own code and message (it says by how much);
 * anything else is PROCEDURE_CONTENT_INVALID listing every issue.
 */
export function contentError(issues: readonly ContentIssue[]): CatalogError {
  const budget = issues.filter((i) => i.code === 'WORKFLOW_BUDGET_EXCEEDS_LIMIT');
  if (budget.length === issues.length && budget[0]) {
    return domainError('WORKFLOW_BUDGET_EXCEEDS_LIMIT', budget.map((i) => i.message).join('; '), {
      ...budget[0].details,
      path: budget[0].path,
      issues: budget,
    });
  }
  return domainError(
    'PROCEDURE_CONTENT_INVALID',
    `The procedure content has ${issues.length} problem(s): ${issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}`,
    { issues },
  );
}
