/**
 * The dossier API's request and response schemas (the source of its OpenAPI document). Instants are ISO 8601 in
 * UTC; personal data appears only in bodies of callers allowed to see the dossier, never in URLs.
 */
import { z } from 'zod';
import { officerRoleSchema } from './identity';

const instant = z.iso.datetime({ offset: true });
const uuid = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

export const dossierStateSchema = z.enum([
  'submitted',
  'guided',
  'refused_at_reception',
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'refused_after_appraisal',
  'withdrawn',
  'stopped',
  'result_ready',
  'in_postal_return',
  'returned',
]);
const channel = z.enum(['counter', 'online', 'postal']);
const returnMethod = z.enum(['counter', 'postal', 'online']);
const entryPoint = z.enum(['counter', 'postal', 'national_portal', 'vneid', 'kiosk', 'provincial_portal']);
const timeliness = z.enum(['early', 'on_time', 'late']).nullable();

export const partySchema = z.strictObject({
  role: z.enum(['applicant', 'owner', 'authorised']),
  kind: z.enum(['person', 'organisation']).default('person'),
  fullName: text(200),
  identityNumber: z.string().trim().max(20).nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{8,20}$/, 'Số điện thoại không hợp lệ | Not a phone number')
    .nullable()
    .default(null),
  email: z.email().nullable().default(null),
  authorisationDocument: z.string().trim().max(300).nullable().default(null),
});

export const receivedDocumentSchema = z.strictObject({
  code: z.string().trim().max(50).nullable().default(null),
  name: text(500),
  originals: z.number().int().min(0).max(100).default(0),
  certifiedCopies: z.number().int().min(0).max(100).default(0),
  photocopies: z.number().int().min(0).max(100).default(0),
});

const postalBody = z.strictObject({
  handoverMinutesSignedAt: instant.nullable().default(null),
  handoverMinutesNumber: z.string().trim().max(100).nullable().default(null),
  submissionWaybills: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  returnByPost: z.boolean().default(false),
  deliveryAddress: z.string().trim().max(500).nullable().default(null),
});

export const newDossierBody = z.strictObject({
  procedureVersionId: text(100),
  caseCode: text(100),
  receivingAgencyId: uuid,
  parties: z.array(partySchema).min(1).max(3),
  documents: z.array(receivedDocumentSchema).max(100).default([]),
  setCount: z.number().int().min(0).max(100).default(1),
  summary: text(1000),
  returnMethod: returnMethod.default('counter'),
  entryPoint: entryPoint.optional().describe('Where the dossier came in; default counter/postal for officers, provincial_portal online.'),
  /** Officers only: counter or postal reception. Applicants always submit online. */
  channel: z.enum(['counter', 'postal']).optional(),
  postal: postalBody.nullable().default(null),
  /** Officers at the counter: do not receive but guide (Form 02) or refuse (Form 03). */
  outcome: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('receive') }),
      z.strictObject({ kind: z.literal('guide'), items: z.array(text(500)).min(1).max(50), reason: text(2000) }),
      z.strictObject({ kind: z.literal('refuse'), reason: text(2000) }),
    ])
    .default({ kind: 'receive' }),
});
export type NewDossierBody = z.infer<typeof newDossierBody>;

export const dossierIdParams = z.strictObject({ id: uuid });
export const stepParams = z.strictObject({ id: uuid, stepId: uuid });
export const consultationParams = z.strictObject({ id: uuid, consultationId: uuid });
export const legParams = z.strictObject({ id: uuid, legId: uuid });

export const noteBody = z.strictObject({ note: z.string().trim().max(2000).nullable().default(null) }).default({ note: null });
export const reasonBody = z.strictObject({ reason: text(2000) });
export const supplementRequestBody = z.strictObject({ items: z.array(text(500)).min(1).max(50), reason: text(2000) });
export const supplementBody = z
  .strictObject({ documents: z.array(receivedDocumentSchema).max(100).default([]), note: z.string().trim().max(2000).nullable().default(null) })
  .default({ documents: [], note: null });
export const assignmentBody = z.strictObject({ assigneeId: uuid, assigneeName: text(200) });
/** Officers a head or leader may assign a step to: the step's role at its agency (GET /step-officers). */
export const stepOfficersQuery = z.strictObject({ agencyId: uuid, role: officerRoleSchema });
export const stepOfficersResponse = z.object({ officers: z.array(z.object({ id: z.string(), displayName: z.string() })) });
export const stepReturnBody = z.strictObject({ toStepId: uuid, reason: text(2000) });
export const consultationBody = z.strictObject({ toAgencyId: uuid, question: text(4000), budgetHours: z.number().positive().max(2000) });
export const answerBody = z.strictObject({ answer: text(4000) });
export const legCompletionBody = z.strictObject({ outcome: text(4000) });
export const paymentRequestBody = z.strictObject({
  items: z.array(z.strictObject({ name: text(300), amount: z.number().int().min(0).max(1e13) })).min(1).max(50),
});
export const paymentBody = z
  .strictObject({ reference: z.string().trim().max(200).nullable().default(null) })
  .default({ reference: null });
export const extensionBody = z.strictObject({
  newDueAt: instant,
  reason: text(2000),
  draftEventId: uuid.nullable().default(null),
});
export const refusalBody = z.strictObject({ reason: text(4000) });
export const stopBody = z.strictObject({ reason: text(2000), requestChannel: z.enum(['counter', 'postal', 'online']).optional() });
export const withdrawalBody = z.strictObject({ reason: z.string().trim().max(2000).nullable().default(null) }).default({ reason: null });
export const resultBody = z.strictObject({
  kind: z.enum(['granted', 'refused']).default('granted'),
  documentNumber: z.string().trim().max(100).nullable().default(null),
  summary: text(2000),
  attachmentIds: z.array(uuid).max(20).default([]),
  signerName: z.string().trim().max(200).nullable().default(null),
});
export const returnBody = z.strictObject({
  method: returnMethod,
  receiverName: z.string().trim().max(200).nullable().default(null),
  receiverRole: z.enum(['applicant', 'owner', 'authorised']).nullable().default(null),
  waybillNumber: z.string().trim().max(50).nullable().default(null),
});
export const deliveryBody = z
  .strictObject({ deliveredAt: instant.nullable().default(null), receiverName: z.string().trim().max(200).nullable().default(null) })
  .default({ deliveredAt: null, receiverName: null });

const stepSchema = z.object({
  id: z.string(),
  order: z.number().int(),
  name: z.string(),
  agencyId: z.string(),
  role: z.string(),
  budgetHours: z.number(),
  status: z.enum(['pending', 'active', 'completed', 'returned']),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  activatedAt: instant.nullable(),
  dueAt: instant.nullable(),
  completedAt: instant.nullable(),
  round: z.number().int(),
});

export const handoverSchema = z.object({
  seq: z.number().int(),
  kind: z.string(),
  fromAgencyId: z.string().nullable(),
  fromName: z.string().nullable(),
  toAgencyId: z.string().nullable(),
  toRole: z.string().nullable(),
  handedOverAt: instant,
  dueAt: instant.nullable(),
  completedAt: instant.nullable(),
  timeliness,
  note: z.string().nullable(),
});

/**
 * Working time left until a due instant, computed on the server with the agency's legal clock (working periods,
 * holidays, compensatory and swapped days): "còn 1 ngày 3 giờ làm việc", "quá hạn 2 giờ làm việc".
 */
export const workingCountdownSchema = z.object({
  dueAt: instant,
  /**
   * Which due time: the online reception check, the active step, the dossier (its extended due time when extended),
   * or — for a dossier held elsewhere that my unit was consulted on — the consultation's answer.
   */
  kind: z.enum(['reception_check', 'step', 'dossier', 'consultation']),
  state: z.enum(['remaining', 'overdue', 'due']),
  /** Working minutes from `asOf` to `dueAt`, negative when overdue. */
  workingMinutes: z.number().int(),
  days: z.number().int().min(0),
  hours: z.number().int().min(0),
  minutes: z.number().int().min(0),
  /** The working day's length the days are counted in (480 with the default periods). */
  workingDayMinutes: z.number().int().positive(),
  /** The instant the countdown was computed at (the server's now). */
  asOf: instant,
});
export type WorkingCountdownDto = z.infer<typeof workingCountdownSchema>;

export const dossierSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  code: z.string().nullable(),
  codeFormat: z.string().nullable(),
  state: dossierStateSchema,
  nationalStatus: z.number().int().nullable(),
  nationalStatusName: z.string().nullable(),
  channel,
  nationalChannel: z.number().int(),
  entryPoint,
  procedure: z.object({ versionId: z.string(), code: z.string(), name: z.string(), caseCode: z.string(), caseName: z.string() }),
  receivingAgencyId: z.string(),
  competentAgencyId: z.string(),
  currentAgencyId: z.string(),
  isBoundaryFree: z.boolean(),
  summary: z.string(),
  parties: z.array(partySchema.extend({ identityNumber: z.string().nullable() })),
  documents: z.array(receivedDocumentSchema),
  setCount: z.number().int(),
  returnMethod,
  /** Postal reception (hand-over minutes with the post, waybills) and return by post (the delivery address). */
  postal: z
    .object({
      handoverMinutesSignedAt: instant.nullable(),
      handoverMinutesNumber: z.string().nullable(),
      submissionWaybills: z.array(z.string()),
      returnByPost: z.boolean(),
      deliveryAddress: z.string().nullable(),
    })
    .nullable()
    .optional(),
  ledger: z.object({ year: z.number().int(), number: z.number().int() }).nullable(),
  submittedAt: instant,
  receivedAt: instant.nullable(),
  competentReceivedAt: instant.nullable(),
  clockStartedAt: instant.nullable(),
  initialDueAt: instant.nullable(),
  dueAt: instant.nullable(),
  extendedDueAt: instant.nullable(),
  clockPausedAt: instant.nullable(),
  transferDueAt: instant.nullable(),
  transferredAt: instant.nullable(),
  receptionCheckDueAt: instant.nullable().describe('Online dossiers in status 1: when the reception check is due (a countdown).'),
  /** Officers: working time left until the check (status 1) or the dossier's (extended) due time; null when none runs. */
  countdown: workingCountdownSchema.nullable().optional(),
  /** Working time left until the active workflow step's due time; null without an active step with a due time. */
  stepCountdown: workingCountdownSchema.nullable().optional(),
  processingEndedAt: instant.nullable(),
  timeliness,
  closedAt: instant.nullable(),
  steps: z.array(stepSchema),
  supplementRequests: z.array(
    z.object({
      id: z.string(),
      stage: z.enum(['reception', 'appraisal']),
      requestedAt: instant,
      items: z.array(z.string()),
      reason: z.string(),
      isLate: z.boolean(),
      providedAt: instant.nullable(),
      dueAtBefore: instant.nullable(),
      dueAtAfter: instant.nullable(),
    }),
  ),
  extensions: z.array(z.object({ id: z.string(), requestedAt: instant, reason: z.string(), previousDueAt: instant, newDueAt: instant })),
  consultations: z.array(
    z.object({
      id: z.string(),
      stepId: z.string().nullable(),
      toAgencyId: z.string(),
      question: z.string(),
      requestedAt: instant,
      dueAt: instant,
      answeredAt: instant.nullable(),
      answer: z.string().nullable(),
    }),
  ),
  interAgencyLegs: z.array(
    z.object({
      id: z.string(),
      order: z.number().int(),
      agencyId: z.string(),
      task: z.string(),
      status: z.enum(['pending', 'active', 'completed']),
      dueAt: instant.nullable(),
      completedAt: instant.nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  financialObligations: z.array(
    z.object({
      id: z.string(),
      requestedAt: instant,
      items: z.array(z.object({ name: z.string(), amount: z.number() })),
      totalAmount: z.number(),
      pausesClock: z.boolean(),
      paidAt: instant.nullable(),
    }),
  ),
  result: z
    .object({ recordedAt: instant, kind: z.enum(['granted', 'refused']), documentNumber: z.string().nullable(), summary: z.string(), attachmentIds: z.array(z.string()) })
    .nullable(),
  dossierReturn: z
    .object({
      method: returnMethod,
      handedOverAt: instant,
      receiverName: z.string().nullable(),
      receiverRole: z.string().nullable(),
      waybillNumber: z.string().nullable(),
      deliveredAt: instant.nullable(),
    })
    .nullable(),
});
export type DossierDto = z.infer<typeof dossierSchema>;

export const dossierListItemSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  state: dossierStateSchema,
  nationalStatus: z.number().int().nullable(),
  channel: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  summary: z.string(),
  currentAgencyId: z.string(),
  submittedAt: instant,
  receivedAt: instant.nullable(),
  dueAt: instant.nullable(),
  extendedDueAt: instant.nullable(),
  version: z.number().int(),
  /** Officer inbox only: the active step, open consultations, the online reception check's due time. */
  activeStep: z
    .object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      agencyId: z.string(),
      assigneeId: z.string().nullable(),
      assigneeName: z.string().nullable(),
      dueAt: instant.nullable(),
    })
    .nullable()
    .optional(),
  /** Open consultations asked by one of my agencies (waiting for their answers). */
  openConsultations: z.number().int().optional(),
  /** Open consultations addressed to one of my agencies (to answer; the dossier is held elsewhere). */
  consultationsToAnswer: z.number().int().optional(),
  receptionCheckDueAt: instant.nullable().optional(),
  /** Officer inbox only: working time left until the due time that matters (the check's, else the step's, else the dossier's). */
  countdown: workingCountdownSchema.nullable().optional(),
  /** Officer inbox only: working time left until the dossier's own (extended) due time. */
  dossierCountdown: workingCountdownSchema.nullable().optional(),
});
export const listDossiersQuery = z.strictObject({
  agencyId: uuid.optional(),
  /** Officers: only dossiers in this state (the online queue asks for `submitted`). */
  state: dossierStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const listDossiersResponse = z.object({ items: z.array(dossierListItemSchema) });

/**
 * The officer inbox by tab (GET /dossiers/inbox): the server counts every tab and pages the chosen one, the due time
 * that matters first, with the filters applied to both.
 */
export const inboxTabSchema = z.enum(['mine', 'unit', 'nearDue', 'overdue', 'supplement', 'consultation']);
export const inboxQuery = z.strictObject({
  tab: inboxTabSchema.default('mine'),
  procedure: z.string().min(1).max(40).optional(),
  channel: channel.optional(),
  state: dossierStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const inboxResponse = z.object({
  tab: inboxTabSchema,
  /** Dossiers in each tab, with the filters applied. */
  counts: z.object({
    mine: z.number().int(),
    unit: z.number().int(),
    nearDue: z.number().int(),
    overdue: z.number().int(),
    supplement: z.number().int(),
    consultation: z.number().int(),
  }),
  /** One page of the chosen tab. */
  items: z.array(dossierListItemSchema),
  limit: z.number().int(),
  offset: z.number().int(),
  /** The procedures of the inbox's dossiers (the procedure filter's choices). */
  procedures: z.array(z.object({ code: z.string(), name: z.string() })),
  /** The server's now: the countdowns and the near-due and overdue tabs are as of it. */
  asOf: instant,
});

/**
 * The deadlines list (GET /dossiers/deadlines): every open dossier of my units at risk or overdue — the inbox's near-due
 * and overdue rows and the dossiers with a deadline alert to me — counted, one page of them, the most urgent first.
 */
export const deadlineKindSchema = z.enum([
  'due_soon',
  'overdue',
  'apology_drafted',
  'step_due_soon',
  'step_overdue',
  'consultation_overdue',
  'reception_check_due',
]);
export const deadlinesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const deadlinesResponse = z.object({
  counts: z.object({
    total: z.number().int(),
    overdue: z.number().int(),
    atRisk: z.number().int(),
    apologyDrafted: z.number().int(),
  }),
  /** One page: each dossier's inbox row and why it is listed. */
  items: z.array(dossierListItemSchema.extend({ kinds: z.array(deadlineKindSchema) })),
  limit: z.number().int(),
  offset: z.number().int(),
  /** The server's now: the countdowns and the list are as of it. */
  asOf: instant,
});

/** The online queue (GET /dossiers/queue): every dossier waiting for the desk's check counted, one page, longest waiting first. */
export const queueQuery = deadlinesQuery;
export const queueResponse = z.object({
  total: z.number().int(),
  items: z.array(dossierListItemSchema),
  limit: z.number().int(),
  offset: z.number().int(),
  asOf: instant,
});

export const dossierEventSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  at: instant,
  actorKind: z.string(),
  actorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string(),
  fromStatus: z.number().int().nullable(),
  toStatus: z.number().int().nullable(),
  note: z.string().nullable(),
  form: z.object({ kind: z.string(), set: z.string(), number: z.string().nullable(), title: z.string().nullable() }).nullable(),
  formData: z.record(z.string(), z.unknown()).nullable(),
  details: z.record(z.string(), z.unknown()),
});
export const dossierEventsResponse = z.object({ events: z.array(dossierEventSchema) });

export const controlSheetResponse = z.object({
  dossierCode: z.string().nullable(),
  form: z.object({ set: z.string(), number: z.string().nullable(), title: z.string().nullable() }),
  receivedAt: instant.nullable(),
  dueAt: instant.nullable(),
  extendedDueAt: instant.nullable(),
  timeliness,
  rows: z.array(handoverSchema),
});

export const ledgerParams = z.strictObject({ deskId: uuid });
export const ledgerQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ledgerResponse = z.object({
  form: z.object({ set: z.string(), number: z.string().nullable(), title: z.string().nullable() }),
  rows: z.array(
    z.object({
      number: z.number().int(),
      code: z.string(),
      procedureName: z.string(),
      applicantName: z.string().nullable(),
      applicantAddress: z.string().nullable(),
      applicantPhone: z.string().nullable(),
      competentAgencyId: z.string(),
      receivedAt: instant,
      dueAt: instant.nullable(),
      extendedDueAt: instant.nullable(),
      transferredAt: instant.nullable(),
      resultAt: instant.nullable(),
      returnedAt: instant.nullable(),
      returnMethod: z.string(),
      receiverName: z.string().nullable(),
    }),
  ),
});

export const deliveriesResponse = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      eventId: z.string(),
      channel: z.enum(['email', 'sms']),
      status: z.enum(['pending', 'sent', 'failed']),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: instant,
      sentAt: instant.nullable(),
    }),
  ),
});

export const alertsResponse = z.object({
  alerts: z.array(
    z.object({
      id: z.string(),
      dossierId: z.string(),
      dossierCode: z.string().nullable(),
      stepId: z.string().nullable(),
      kind: z.string(),
      subject: z.string(),
      dueAt: instant,
      createdAt: instant,
    }),
  ),
});

export const trackingParams = z.strictObject({ code: z.string().min(10).max(64) });
export const trackingBody = z.strictObject({ phoneLast4: z.string().regex(/^\d{4}$/, 'Nhập 4 chữ số cuối | Enter the last 4 digits') });
export const trackingResponse = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: z.number().int().nullable(),
  statusName: z.string().nullable(),
  receivedAt: instant.nullable(),
  dueAt: instant.nullable(),
  extendedDueAt: instant.nullable(),
  returnedAt: instant.nullable(),
  timeline: z.array(z.object({ at: instant, status: z.number().int().nullable(), statusName: z.string().nullable(), kind: z.string() })),
});

export const attachmentPurposeSchema = z.enum(['document', 'supplement', 'result']);
export const attachmentParams = z.strictObject({ id: uuid, attachmentId: uuid });
export const attachmentSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  purpose: attachmentPurposeSchema,
  requiredDocumentCode: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('Lowercase hex SHA-256 of the content'),
  reusedFromId: z.string().nullable().describe('The earlier attachment this one reuses (no upload)'),
  uploadedAt: instant,
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;
export const attachmentListResponse = z.object({ items: z.array(attachmentSchema) });
export const reusableAttachmentListResponse = z.object({
  items: z.array(attachmentSchema.extend({ dossierCode: z.string().nullable() })),
});
/** The multipart fields besides the file (documented; the multipart body is read by the route). */
export const attachmentUploadFields = z.strictObject({
  purpose: attachmentPurposeSchema.default('document'),
  requiredDocumentCode: z.string().trim().min(1).max(50).optional(),
});
export const attachmentReuseBody = z.strictObject({
  sourceAttachmentId: uuid.describe('An attachment of one of your earlier dossiers (GET /attachments/reusable)'),
  purpose: z.enum(['document', 'supplement']).default('document'),
  requiredDocumentCode: z.string().trim().min(1).max(50).nullable().default(null),
});

export const decisionIdParams = z.strictObject({ decisionId: uuid });
export const dueTimeShiftBody = z.strictObject({
  decisionId: uuid.describe('The calendar decision that moves the due time'),
  note: z.string().trim().max(2000).nullable().default(null),
});
const shiftPair = z.object({ before: instant, after: instant });
export const dueTimeShiftListResponse = z.object({
  decision: z.object({ id: z.string(), name: z.string(), revoked: z.boolean() }),
  items: z.array(
    z.object({
      dossierId: z.string(),
      code: z.string().nullable(),
      procedureName: z.string(),
      dueAt: shiftPair.nullable().describe('The dossier’s due time before and after the decision; null: it does not move'),
      extendedDueAt: instant.nullable().describe('An extension is an explicit date: it is kept as it is'),
      steps: z.array(shiftPair.extend({ stepId: z.string(), order: z.number().int() })),
    }),
  ),
});

/** A value of the online declaration as the citizen typed, chose or ticked it (dates YYYY-MM-DD, the pledge a boolean). */
export const declarationValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/**
 * The online declaration (tờ khai) filed with a dossier: the form's values by field id (the form itself — sections,
 * labels, options — is `declarationFor(procedureCode)` in ./portal-forms), and the applicant as declared.
 */
export const dossierDeclarationResponse = z.object({
  dossierId: z.string(),
  formId: z.string().describe('The declaration form: `birth-registration`, or `generic` (what is requested and the pledge)'),
  procedureCode: z.string(),
  submittedAt: instant,
  values: z.record(z.string(), declarationValueSchema).describe('Every field of the form by its id; null when left empty'),
  applicant: z
    .record(z.string(), declarationValueSchema)
    .describe('The applicant step: `applicant.*` (name, identity number, phone, e-mail, address; for a business, capacity and authorisation)'),
});
export type DossierDeclarationDto = z.infer<typeof dossierDeclarationResponse>;
