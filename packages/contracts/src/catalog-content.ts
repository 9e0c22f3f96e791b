/**
 * The procedure content schema (legal-spec §2), in two modes: `input` (request bodies: strict objects, trimmed
 * non-blank strings with length limits) and `output` (responses: the same shape, lenient). Field names and values
 * are those of @motcua/core/catalog; the server's type check holds the two together.
 */
import { z } from 'zod';

export const procedureTimeUnitValues = ['working-days', 'working-hours', 'calendar-days', 'months'] as const;
export const channelValues = ['counter', 'online', 'postal'] as const;
export const onlineLevelValues = ['full', 'partial', 'none'] as const;
export const procedureLevelValues = ['central', 'province', 'commune', 'district_legacy'] as const;
export const agencyKindValues = ['people_committee', 'department', 'service_centre', 'desk', 'police', 'other'] as const;
export const officerRoleValues = [
  'reception_officer',
  'specialist',
  'department_head',
  'agency_leader',
  'desk_supervisor',
  'monitor',
  'system_administrator',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An uploaded form template's download path (core's formTemplatePath). */
export const FORM_TEMPLATE_PATH = /^\/api\/v1\/form-templates\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WEB_URL_MESSAGE = 'địa chỉ http(s):// | an http(s):// address';
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function contentSchemas(mode: 'input' | 'output') {
  const input = mode === 'input';
  const obj = <T extends z.ZodRawShape>(shape: T) => (input ? z.strictObject(shape) : z.object(shape));
  const text = (max: number) => (input ? z.string().trim().min(1).max(max) : z.string());
  const optionalText = (max: number) => (input ? z.string().trim().max(max).nullable() : z.string().nullable());
  const date = input ? z.string().regex(DATE, 'YYYY-MM-DD | YYYY-MM-DD') : z.string();
  const slug = input ? z.string().regex(SLUG, 'a-z, 0-9, - (tối đa 40 ký tự) | a-z, 0-9, - (up to 40 characters)') : z.string();
  const channel = z.enum(channelValues);
  const count = input ? z.number().int().min(0).max(99) : z.number();
  // Only http(s) links: a citizen follows them from the procedure page (no javascript:, data:).
  const webUrl = input ? z.url({ protocol: /^https?$/, error: WEB_URL_MESSAGE }).max(2000) : z.string();
  const templateUrl = input
    ? z.union([webUrl, z.string().regex(FORM_TEMPLATE_PATH)], { error: 'địa chỉ http(s):// hoặc mẫu đã tải lên | an http(s):// address or an uploaded template' })
    : z.string();

  const agencyRef = z.discriminatedUnion('kind', [
    obj({ kind: z.literal('agency'), agencyId: input ? z.uuid() : z.string(), name: text(300) }),
    obj({
      kind: z.literal('rule'),
      rule: z.enum(['where_received', 'every']),
      agencyKind: z.enum(agencyKindValues),
      agencyLevel: z.enum(procedureLevelValues),
      name: text(300),
    }),
    obj({ kind: z.literal('external'), name: text(300) }),
  ]);

  const processingTime = obj({
    amount: input ? z.number().positive().max(10_000) : z.number(),
    unit: z.enum(procedureTimeUnitValues),
    channels: z.array(channel).min(input ? 1 : 0).max(3),
    sameDayCutoff: input ? z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM | HH:MM').nullable() : z.string().nullable(),
    note: optionalText(2000),
    isInferred: z.boolean(),
  });

  const fee = obj({
    code: optionalText(40),
    name: text(500),
    kind: z.enum(['fee', 'charge']),
    amountVnd: input ? z.number().int().min(0).max(1e13).nullable() : z.number().nullable(),
    per: optionalText(100),
    rule: optionalText(5000),
    exemptions: z.array(text(2000)).max(50),
    channels: z.array(channel).max(3),
  });

  const document = obj({
    code: optionalText(40),
    name: text(2000),
    originals: count,
    certifiedCopies: count,
    photocopies: count,
    copies: count,
    requirement: z.enum(['mandatory', 'optional', 'conditional']),
    condition: optionalText(2000),
    isPresentOnly: z.boolean(),
    formTemplates: z.array(obj({ name: text(500), url: templateUrl.nullable() })).max(20),
    // the submission channels the document is asked on; absent (files before it) or null = every channel
    channels: z.array(channel).min(input ? 1 : 0).max(3).nullable().optional(),
  });

  const responsibleUnit = z.discriminatedUnion('relation', [
    obj({ relation: z.literal('receiving_desk'), label: text(300) }),
    obj({ relation: z.literal('competent_agency'), label: text(300) }),
    obj({ relation: z.literal('agency'), agencyId: input ? z.uuid() : z.string(), label: text(300) }),
    obj({ relation: z.literal('external'), label: text(300) }),
  ]);

  const task = obj({
    kind: z.literal('task'),
    id: slug,
    name: text(300),
    responsibleUnit,
    role: z.enum(officerRoleValues),
    budgetHours: input ? z.number().positive().max(10_000) : z.number(),
  });

  const step = z.discriminatedUnion('kind', [
    task,
    obj({
      kind: z.literal('parallel'),
      id: slug,
      name: text(300),
      branches: z.array(obj({ id: slug, name: text(300), steps: z.array(task).min(1).max(50) })).min(2).max(20),
    }),
  ]);

  const workflow = obj({
    id: slug,
    name: text(300),
    agency: agencyRef,
    channels: z.array(channel).max(3).nullable(),
    steps: z.array(step).max(100),
    approvalDecision: obj({ number: text(100), date: date.nullable() }).nullable(),
  });

  const caseWithoutWorkflows = obj({
    id: slug,
    name: text(500),
    description: optionalText(5000),
    processingTimes: z.array(processingTime).max(10),
    fees: z.array(fee).max(50),
    documents: z.array(document).max(100),
  });
  const procedureCase = caseWithoutWorkflows.extend({ workflows: z.array(workflow).max(50) });

  const generalShape = {
    name: text(1000),
    field: obj({ code: input ? z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/) : z.string(), name: text(300) }),
    levels: z.array(z.enum(procedureLevelValues)).max(4),
    competentAgency: agencyRef,
    receivingDesks: z.array(agencyRef).max(20),
    subjects: optionalText(2000),
    steps: z.array(text(5000)).max(50),
    conditions: optionalText(10_000),
    results: z.array(obj({ code: optionalText(40), name: text(1000) })).max(50),
    legalBasis: z
      .array(obj({ number: text(200), title: text(2000), issuedBy: optionalText(300), date: date.nullable() }))
      .max(100),
    publicationDecision: obj({ number: text(100), date: date.nullable() }).nullable(),
    onlineLevel: z.enum(onlineLevelValues).nullable(),
    legacyOnlineLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
    partialOnlineReason: optionalText(2000),
    postal: obj({ submit: z.boolean(), return: z.boolean() }).nullable(),
    requiresPersonalPresence: z.boolean(),
    documentNotes: z.array(text(5000)).max(50),
    source: obj({ url: webUrl.nullable(), note: optionalText(2000) }).nullable(),
    isVerified: z.boolean(),
    inferredFields: z.array(text(300)).max(50),
  };
  const general = obj(generalShape);
  const content = obj({ ...generalShape, cases: z.array(procedureCase).max(30) });

  return { agencyRef, processingTime, fee, document, workflow, caseWithoutWorkflows, procedureCase, general, content };
}

export const contentInput = contentSchemas('input');
export const contentOutput = contentSchemas('output');

/**
 * The code a catalogue document goes by in a dossier: its own, or `tp-<n>` by its place among ALL the case's
 * documents (the dossier engine's numbering). Number before filtering by channel or kind, or a file sent for the
 * third document is filed under another's code.
 */
export function catalogueDocumentCode(document: { readonly code?: string | null }, index: number): string {
  return document.code ?? `tp-${index + 1}`;
}

/** Whether a catalogue document is asked on a submission channel: every channel when it names none (the screens' copy of core's `documentAppliesTo`). */
export function documentAskedOn(document: { readonly channels?: readonly string[] | null }, channel: (typeof channelValues)[number]): boolean {
  return !document.channels || document.channels.includes(channel);
}
