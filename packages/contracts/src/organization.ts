import { z } from 'zod';

/** The fixed vocabularies of the organisation tree (same lists as @motcua/core/organization). */
export const agencyKindSchema = z.enum(['people_committee', 'department', 'service_centre', 'desk', 'police', 'other']);
export const agencyLevelSchema = z.enum(['central', 'province', 'commune', 'district_legacy']);
const isoDate = z.iso.date();

/**
 * QĐ 20/2020 (H57.12) or QCVN 102:2016 (000.00.00.H57). The precise rule is checked again by the core; this
 * pattern gives the field message early.
 */
export const agencyCodeSchema = z
  .string()
  .max(35, 'Mã định danh cơ quan dài tối đa 35 ký tự | The agency code has at most 35 characters')
  .regex(
    /^(\d{3}\.\d{2}\.\d{2}\.[A-Y]\d{2}|[A-Y]\d{2}(\.[0-9A-Z]+)*)$/,
    'Mã định danh phải theo QCVN 102:2016 (vd. 000.00.00.H57) hoặc QĐ 20/2020/QĐ-TTg (vd. H57.12) | ' +
      'The agency code must follow QCVN 102:2016 (e.g. 000.00.00.H57) or QĐ 20/2020/QĐ-TTg (e.g. H57.12)',
  );

export const agencySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  isCodePlaceholder: z.boolean().describe('The official code is unknown; this one only has the right format.'),
  name: z.string(),
  shortName: z.string().nullable(),
  nameEn: z.string().nullable(),
  kind: agencyKindSchema,
  level: agencyLevelSchema,
  parentId: z.uuid().nullable(),
  parentCode: z.string().nullable(),
  administrativeUnitCode: z.string().nullable(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
});
export type AgencyDto = z.infer<typeof agencySchema>;

export type AgencyTreeNode = AgencyDto & { children: AgencyTreeNode[] };
export const agencyTreeNodeSchema: z.ZodType<AgencyTreeNode> = agencySchema.extend({
  get children() {
    return z.array(agencyTreeNodeSchema);
  },
});

export const listAgenciesQuery = z.strictObject({
  shape: z.enum(['list', 'tree']).default('list'),
  level: agencyLevelSchema.optional(),
  kind: agencyKindSchema.optional(),
  asOf: isoDate.optional().describe('Only agencies existing on this date; default: today.'),
  history: z.enum(['true', 'false']).optional().describe('true: include agencies that ended (ignores asOf).'),
});
export const listAgenciesResponse = z.object({
  asOf: isoDate.nullable(),
  agencies: z.array(agencyTreeNodeSchema),
});

export const agencyCodeParams = z.strictObject({ code: agencyCodeSchema });

const lineageEntry = z.object({
  code: z.string(),
  name: z.string(),
  effectiveOn: isoDate,
  eventKind: z.string(),
});
export const agencyDetailResponse = agencySchema.extend({
  predecessors: z.array(lineageEntry),
  successors: z.array(lineageEntry),
  /** Who answers for this agency today (itself while it exists). */
  currentSuccessors: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const createAgencyBody = z.strictObject({
  code: agencyCodeSchema,
  isCodePlaceholder: z.boolean().default(false),
  name: z.string().trim().min(1).max(300),
  shortName: z.string().trim().min(1).max(120).nullable().optional(),
  nameEn: z.string().trim().min(1).max(300).nullable().optional(),
  kind: agencyKindSchema,
  level: agencyLevelSchema,
  parentCode: agencyCodeSchema.nullable(),
  administrativeUnitCode: z.string().regex(/^\d{2,5}$/).nullable().optional(),
  effectiveFrom: isoDate,
});

export const updateAgencyBody = z.strictObject({
  name: z.string().trim().min(1).max(300).optional(),
  shortName: z.string().trim().min(1).max(120).nullable().optional(),
  nameEn: z.string().trim().min(1).max(300).nullable().optional(),
  kind: agencyKindSchema.optional(),
  parentCode: agencyCodeSchema.nullable().optional(),
  isCodePlaceholder: z.boolean().optional(),
});

export const endAgencyBody = z.strictObject({
  effectiveTo: isoDate.describe('The last day the agency exists.'),
  legalReference: z.string().trim().max(200).nullable().optional(),
});

export const successionBody = z.strictObject({
  kind: z.enum(['merge', 'split', 'rename']),
  predecessorCodes: z.array(agencyCodeSchema).min(1).max(50),
  successorCodes: z.array(agencyCodeSchema).min(1).max(50),
  effectiveOn: isoDate.describe('The day the successors take over; predecessors end the day before.'),
  legalReference: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const successionResponse = z.object({ eventId: z.uuid() });
