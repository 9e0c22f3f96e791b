/** Public catalogue API: listing and search, procedure detail, versions and their differences, fields, groups. */
import { z } from 'zod';
import {
  contentOutput,
  onlineLevelValues,
  procedureLevelValues,
  procedureTimeUnitValues,
  channelValues,
  officerRoleValues,
} from './catalog-content';

export * from './catalog-content';

const PROCEDURE_CODE = /^[0-9A-Z][0-9A-Z.-]{2,39}$/;

/** An instant as ISO 8601 text (UTC). */
export const instant = z.string().describe('ISO 8601 instant, UTC');

export const procedureCodeParams = z.strictObject({
  code: z.string().regex(PROCEDURE_CODE, 'mã thủ tục, ví dụ 1.001193 | a procedure code such as 1.001193'),
});

export const procedureListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  field: z.string().max(40).optional(),
  level: z.enum(procedureLevelValues).optional(),
  /** Agency id or code: procedures the agency decides or receives. */
  agency: z.string().max(64).optional(),
  onlineLevel: z.enum(onlineLevelValues).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const highlightSegment = z.object({ text: z.string(), isMatch: z.boolean() });
const timeSummary = z.object({ amount: z.number(), unit: z.enum(procedureTimeUnitValues), channels: z.array(z.enum(channelValues)) });

export const procedureListItem = z.object({
  code: z.string(),
  name: z.string(),
  nameHighlighted: z.array(highlightSegment),
  versionId: z.string(),
  versionNo: z.number().int(),
  field: z.object({ code: z.string(), name: z.string() }),
  levels: z.array(z.enum(procedureLevelValues)),
  onlineLevel: z.enum(onlineLevelValues).nullable(),
  competentAgencyName: z.string(),
  processingTimes: z.array(timeSummary),
  isVerified: z.boolean(),
  rank: z.number().nullable(),
});

export const procedureListResponse = z.object({
  items: z.array(procedureListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const workflowSummary = z.object({
  caseId: z.string(),
  workflowId: z.string(),
  name: z.string(),
  agencyName: z.string(),
  channels: z.array(z.enum(channelValues)).nullable(),
  totalHours: z.number(),
  limitHours: z.number().nullable(),
  steps: z.array(
    z.object({
      name: z.string(),
      /** Parallel consultation branches: each with its own steps. */
      branches: z.array(z.object({ name: z.string(), steps: z.array(z.object({ name: z.string(), role: z.enum(officerRoleValues), unit: z.string(), budgetHours: z.number() })) })).nullable(),
      role: z.enum(officerRoleValues).nullable(),
      unit: z.string().nullable(),
      budgetHours: z.number(),
    }),
  ),
});

const { general, caseWithoutWorkflows } = contentOutput;

/** What citizens see: the content without the internal workflows, which come as summaries. */
export const publicContent = general.extend({ cases: z.array(caseWithoutWorkflows) });

export const interAgencyGroupResponse = z.object({
  id: z.string(),
  name: z.string(),
  procedureCodes: z.array(z.string()),
  mode: z.enum(['sequential', 'parallel']),
  timeLimit: z.object({ amount: z.number(), unit: z.enum(procedureTimeUnitValues) }),
  participants: z.array(
    z.object({
      agency: contentOutput.agencyRef,
      role: z.enum(['lead', 'participant']),
      order: z.number().int(),
      task: z.string(),
      subDeadline: z.object({ amount: z.number(), unit: z.enum(procedureTimeUnitValues) }),
    }),
  ),
  legalBasis: z.string().nullable(),
  rowVersion: z.number().int(),
  updatedAt: instant,
});

export const procedureDetailResponse = z.object({
  code: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  publishedAt: instant,
  /** Channels offered (union of the cases' time-limit channels). */
  channels: z.array(z.enum(channelValues)),
  content: publicContent,
  workflows: z.array(workflowSummary),
  interAgencyGroups: z.array(interAgencyGroupResponse),
});

export const versionParams = procedureCodeParams.extend({ versionNo: z.coerce.number().int().min(1).max(100_000) });

export const procedureVersionsResponse = z.object({
  code: z.string(),
  versions: z.array(
    z.object({
      id: z.string(),
      versionNo: z.number().int(),
      name: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      publishedAt: instant,
      changeNote: z.string().nullable(),
      publicationDecision: z.object({ number: z.string(), date: z.string().nullable() }).nullable(),
    }),
  ),
});

export const diffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
});

export const procedureDiffResponse = z.object({
  code: z.string(),
  from: z.object({ versionNo: z.number().int(), versionId: z.string() }),
  to: z.object({ versionNo: z.number().int(), versionId: z.string() }),
  changes: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['added', 'removed', 'changed']),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  ),
});

export const fieldsResponse = z.object({
  items: z.array(
    z.object({ code: z.string(), name: z.string(), isCodePlaceholder: z.boolean(), procedureCount: z.number().int() }),
  ),
});

export const interAgencyGroupsQuery = z.strictObject({
  procedure: z.string().regex(PROCEDURE_CODE).optional(),
});
export const interAgencyGroupsResponse = z.object({ items: z.array(interAgencyGroupResponse) });
