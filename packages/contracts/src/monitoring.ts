import { z } from 'zod';

const isoDate = z.iso.date();

export const periodQuery = z.object({
  unit: z.string().max(64).optional().describe('Agency id or code; default: the caller’s own unit'),
  period: z.enum(['month', 'quarter', 'half', 'year', 'custom']).default('month'),
  year: z.coerce.number().int().optional(),
  index: z.coerce.number().int().optional().describe('month 1–12, quarter 1–4, half 1–2'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type PeriodQuery = z.infer<typeof periodQuery>;

export const figuresSchema = z.object({
  received: z.object({ total: z.number(), counter: z.number(), online: z.number(), postal: z.number(), carriedOver: z.number() }),
  resolved: z.object({
    total: z.number(),
    early: z.number(),
    onTime: z.number(),
    late: z.number(),
    withdrawn: z.number(),
    extended: z.number(),
    extendedLate: z.number(),
  }),
  pending: z.object({ total: z.number(), withinDue: z.number(), overdue: z.number(), waitingSupplement: z.number(), waitingPayment: z.number() }),
  onTimeRate: z.number().nullable(),
  onlineShare: z.number().nullable(),
  postalShare: z.number().nullable(),
  returned: z.number(),
  returnedOnline: z.number(),
  electronicReturnShare: z.number().nullable(),
  averageProcessingHours: z.number().nullable(),
  p90ProcessingHours: z.number().nullable().describe('Upper bound of the histogram bucket (working hours); null if none'),
  supplements: z.number(),
  supplementsPer100: z.number().nullable(),
  apologies: z.number(),
});

export const unitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export const periodSchema = z.object({ kind: z.string(), from: isoDate, to: isoDate });

export const unitFiguresSchema = z.object({ unit: unitRefSchema, figures: figuresSchema, hasChildren: z.boolean() });

export const monitoredDossierSchema = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  state: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  extendedDueAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  timeliness: z.string().nullable(),
  responsibleUnit: z.string(),
});

export const overviewResponse = z.object({
  unit: unitRefSchema,
  period: periodSchema,
  figures: figuresSchema,
  trend: z.array(z.object({ week: isoDate, received: z.number(), resolved: z.number(), resolvedLate: z.number() })),
  units: z.array(unitFiguresSchema),
  pendingNow: z.object({
    notYetDue: z.number(),
    dueWithinWorkingDay: z.number(),
    overdue: z.number(),
    waitingSupplement: z.number(),
    waitingPayment: z.number(),
    byAge: z.array(z.object({ label: z.string(), dossiers: z.number() })),
  }),
  overdue: z.array(monitoredDossierSchema),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

export const procedureFiguresResponse = z.object({
  unit: unitRefSchema,
  period: periodSchema,
  procedures: z.array(z.object({ procedureCode: z.string(), procedureName: z.string(), fieldName: z.string().nullable(), figures: figuresSchema })),
});
export type ProcedureFiguresResponse = z.infer<typeof procedureFiguresResponse>;

export const drillDossiersQuery = periodQuery.extend({ procedure: z.string().min(1).max(40) });
export const drillDossiersResponse = z.object({ unit: unitRefSchema, period: periodSchema, procedureCode: z.string(), dossiers: z.array(monitoredDossierSchema) });
export type DrillDossiersResponse = z.infer<typeof drillDossiersResponse>;

/**
 * The Biểu II.06a columns (3)–(13) in the form's order: the screen draws its columns from this list, and the
 * server checks at compile time that core's list (which computes them; core may not import contracts) is the same.
 */
export const ii06aColumnKeys = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirectOrPostal',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'pendingTotal',
  'pendingWithinDue',
  'pendingOverdue',
] as const;
export type Ii06aColumnKey = (typeof ii06aColumnKeys)[number];
const ii06aColumns = z.object(Object.fromEntries(ii06aColumnKeys.map((k) => [k, z.number()])) as Record<Ii06aColumnKey, z.ZodNumber>);
export const ii06aResponse = z.object({
  form: z.literal('II.06a/VPCP/KSTT'),
  unit: z.object({ code: z.string(), name: z.string() }),
  period: periodSchema,
  rows: z.array(
    z.object({
      fieldCode: z.string().nullable(),
      fieldName: z.string(),
      columns: ii06aColumns,
      procedures: z.array(z.object({ procedureCode: z.string(), procedureName: z.string(), columns: ii06aColumns })),
    }),
  ),
  total: ii06aColumns,
});
export type Ii06aResponse = z.infer<typeof ii06aResponse>;

export const exportBody = z.object({
  /** ii06a: the period's report; ii07b: the catalogue on the period's last day; ledger: the desk's dossiers received in the period. */
  report: z.enum(['ii06a', 'ii07b', 'ledger']),
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
  unit: z.string().max(64).optional(),
  period: z.enum(['month', 'quarter', 'half', 'year', 'custom']).default('month'),
  year: z.number().int().optional(),
  index: z.number().int().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const exportResponse = z.object({
  id: z.uuid(),
  report: z.string(),
  format: z.string(),
  status: z.enum(['pending', 'running', 'done', 'failed']),
  progress: z.number(),
  fileName: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
});
export type ExportResponse = z.infer<typeof exportResponse>;

export const publicStatisticsResponse = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  period: periodSchema,
  received: z.number(),
  resolved: z.number(),
  onTimeRate: z.number().nullable(),
  onlineShare: z.number().nullable(),
  units: z.array(z.object({ code: z.string(), name: z.string(), received: z.number(), resolved: z.number(), onTimeRate: z.number().nullable(), onlineShare: z.number().nullable() })),
});
export type PublicStatisticsResponse = z.infer<typeof publicStatisticsResponse>;

export const officersResponse = z.object({
  unit: unitRefSchema,
  period: periodSchema,
  officers: z.array(
    z.object({ officerId: z.string(), officerName: z.string(), received: z.number(), stepsCompleted: z.number(), decided: z.number(), decidedLate: z.number() }),
  ),
});
export type OfficersResponse = z.infer<typeof officersResponse>;

const ii07bGroup = z.object({ total: z.number(), province: z.number(), district: z.number(), commune: z.number() });
export const ii07bResponse = z.object({
  form: z.literal('II.07b/VPCP/KSTT'),
  date: isoDate,
  unit: z.object({ code: z.string(), name: z.string() }).nullable(),
  localCompetence: ii07bGroup,
  oneStop: ii07bGroup,
  internalWorkflows: ii07bGroup,
});
export type Ii07bResponse = z.infer<typeof ii07bResponse>;
