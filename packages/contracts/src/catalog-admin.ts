/** Catalogue administration API (system administrators): drafts, cases, workflows, review, publication, history. */
import { z } from 'zod';
import { contentInput, contentOutput, procedureTimeUnitValues } from './catalog-content';
import { instant } from './catalog';
import { contentIssueSchema } from './catalog-issues';

const PROCEDURE_CODE = /^[0-9A-Z][0-9A-Z.-]{2,39}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const rowVersion = z.number().int().min(1);

export const draftStatusValues = ['editing', 'in_review', 'published', 'discarded'] as const;

export const createDraftBody = z.strictObject({
  code: z.string().regex(PROCEDURE_CODE, 'mã thủ tục, ví dụ 1.001193 | a procedure code such as 1.001193'),
  /** Omit (or null) to open a copy of the latest published version. */
  content: contentInput.content.nullable().optional(),
});

export const draftParams = z.strictObject({ draftId: z.uuid() });
export const draftCaseParams = draftParams.extend({ caseId: z.string().regex(SLUG) });
export const draftWorkflowParams = draftCaseParams.extend({ workflowId: z.string().regex(SLUG) });
export const rowVersionQuery = z.strictObject({ rowVersion: z.coerce.number().int().min(1) });

export const listDraftsQuery = z.strictObject({
  status: z
    .string()
    .regex(/^(editing|in_review|published|discarded)(,(editing|in_review|published|discarded))*$/)
    .optional(),
  code: z.string().regex(PROCEDURE_CODE).optional(),
});

export const reviseGeneralBody = z.strictObject({ rowVersion, general: contentInput.general });
export const putCaseBody = z.strictObject({ rowVersion, case: contentInput.caseWithoutWorkflows.omit({ id: true }) });
export const putWorkflowBody = z.strictObject({ rowVersion, workflow: contentInput.workflow.omit({ id: true }) });
export const submitDraftBody = z.strictObject({ rowVersion });
export const returnDraftBody = z.strictObject({ rowVersion, note: z.string().trim().min(1).max(2000) });
export const publishDraftBody = z.strictObject({
  rowVersion,
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  changeNote: z.string().trim().max(2000).optional(),
});

export const workflowBudgetResponse = z.object({
  caseId: z.string(),
  workflowId: z.string(),
  totalHours: z.number(),
  limitHours: z.number().nullable(),
  remainingHours: z.number().nullable(),
});

export const draftResponse = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(draftStatusValues),
  rowVersion: z.number().int(),
  baseVersionId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedVersionId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  content: contentOutput.content,
  /** Each workflow's budget total against its case's legal limit, for the step editor. */
  budgets: z.array(workflowBudgetResponse),
});

export const draftListResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      status: z.enum(draftStatusValues),
      rowVersion: z.number().int(),
      updatedAt: instant,
      reviewNote: z.string().nullable(),
    }),
  ),
});

export const publishedVersionResponse = z.object({
  code: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  effectiveFrom: z.string(),
});

export const checkWorkflowBody = z.strictObject({
  workflow: contentInput.workflow,
  processingTimes: z.array(contentInput.processingTime).min(1).max(10),
});

export const checkWorkflowResponse = z.object({
  totalHours: z.number(),
  limitHours: z.number().nullable(),
  remainingHours: z.number().nullable(),
  fits: z.boolean(),
  issues: z.array(contentIssueSchema),
});

export const procedureHistoryResponse = z.object({
  code: z.string(),
  versions: z.array(
    z.object({
      id: z.string(),
      versionNo: z.number().int(),
      name: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
      publishedAt: instant,
      publishedBy: z.string().nullable(),
      changeNote: z.string().nullable(),
    }),
  ),
  audit: z.array(
    z.object({
      seq: z.number().int(),
      occurredAt: instant,
      action: z.string(),
      actorKind: z.string(),
      actorId: z.string().nullable(),
      summary: z.record(z.string(), z.unknown()),
    }),
  ),
});

const timeAmount = z.strictObject({ amount: z.number().positive().max(10_000), unit: z.enum(procedureTimeUnitValues) });
export const interAgencyGroupBody = z.strictObject({
  name: z.string().trim().min(1).max(500),
  procedureCodes: z.array(z.string().regex(PROCEDURE_CODE)).min(1).max(20),
  mode: z.enum(['sequential', 'parallel']),
  timeLimit: timeAmount,
  participants: z
    .array(
      z.strictObject({
        agency: contentInput.agencyRef,
        role: z.enum(['lead', 'participant']),
        order: z.number().int().min(1).max(50),
        task: z.string().trim().min(1).max(1000),
        subDeadline: timeAmount,
      }),
    )
    .min(2)
    .max(20),
  legalBasis: z.string().trim().max(1000).nullable(),
});
export const saveInterAgencyGroupBody = z.strictObject({ rowVersion, group: interAgencyGroupBody });
export const groupParams = z.strictObject({ groupId: z.uuid() });

export const exportQuery = z.strictObject({ format: z.enum(['national-json', 'xlsx']).default('national-json') });


/** An import through the administration API: the file's bytes in base64 (national JSON or the Excel template). */
export const importBody = z.strictObject({
  fileName: z.string().trim().min(1).max(300).regex(/\.(json|xlsx)$/i, 'tệp .json hoặc .xlsx | a .json or .xlsx file'),
  contentBase64: z.string().min(1).max(28_000_000),
  dryRun: z.boolean().default(true),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export const importResponse = z.object({
  fileName: z.string(),
  format: z.enum(['national-json', 'xlsx']),
  dryRun: z.boolean(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
  rejected: z.array(
    z.object({ code: z.string().nullable(), row: z.number().int().nullable(), sheet: z.string().nullable(), field: z.string(), message: z.string() }),
  ),
});

/** A form template file (mẫu đơn, tờ khai) uploaded as base64: PDF, DOCX or XLSX, judged by content. */
export const formTemplateUploadBody = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(14_000_000),
});
export const formTemplateResponse = z.object({
  id: z.uuid(),
  /** The link to put in a required document's formTemplates[].url. */
  url: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});
export const formTemplateParams = z.strictObject({ templateId: z.uuid() });

/** The agencies an administrator may name as competent agency or receiving desk (their scope), as a tree order. */
export const adminAgenciesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      level: z.string(),
      parentId: z.string().nullable(),
      depth: z.number().int(),
    }),
  ),
});
