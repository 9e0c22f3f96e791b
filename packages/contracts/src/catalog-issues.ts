/**
 * The stable reasons the catalogue's content checks give for refusing content (`issues[].reason` of a
 * PROCEDURE_CONTENT_INVALID or WORKFLOW_BUDGET_EXCEEDS_LIMIT problem, with `params`): the web says each in
 * Vietnamese and English (`catalog:issues.<reason>`). The same list as the core's `contentIssueReasons`
 * (apps/server/test/catalog-issue-reasons.test.ts keeps them equal).
 */
import { z } from 'zod';

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

/** One content issue as problems carry it; `reason` and `params` are absent only from servers before them. */
export const contentIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  reason: z.enum(contentIssueReasons).optional(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ContentIssueView = z.infer<typeof contentIssueSchema>;
