/**
 * Loading the dossier aggregate: the dossier row and its child tables, mapped explicitly to core types (ADR 0002).
 * Reads that may return personal or agency data take the caller's scope and filter in SQL; out of scope answers
 * exactly like absent.
 */
import type { Actor } from '@motcua/core/shared';
import type {
  Consultation,
  Dossier,
  DossierResult,
  DossierReturn,
  Extension,
  FinancialObligation,
  Handover,
  InterAgencyLeg,
  Party,
  PostalData,
  ProcedureCaseSnapshot,
  StepInstance,
  SupplementRequest,
} from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';

type Row = Record<string, unknown>;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : (v as Date));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** SQL condition limiting dossiers (alias d) to what the actor may see; appends its parameter. */
export function dossierScope(actor: Actor, params: unknown[], alias = 'd'): string {
  switch (actor.kind) {
    case 'system':
      return 'true';
    case 'citizen':
      params.push(actor.userId);
      return `${alias}.owner_user_id = $${params.length}::uuid`;
    case 'officer':
      params.push([...actor.visibleAgencyIds]);
      return `(${alias}.receiving_agency_id = ANY($${params.length}::uuid[]) OR ${alias}.competent_agency_id = ANY($${params.length}::uuid[])
        OR ${alias}.current_agency_id = ANY($${params.length}::uuid[])
        OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = ${alias}.id AND s.agency_id = ANY($${params.length}::uuid[]))
        OR EXISTS (SELECT 1 FROM dossier_consultation c WHERE c.dossier_id = ${alias}.id AND c.to_agency_id = ANY($${params.length}::uuid[]))
        OR EXISTS (SELECT 1 FROM dossier_inter_agency_leg l WHERE l.dossier_id = ${alias}.id AND l.agency_id = ANY($${params.length}::uuid[])))`;
    case 'anonymous':
      return 'false';
  }
}

function mapParty(r: Row): Party {
  return {
    role: r.role as Party['role'],
    kind: r.kind as Party['kind'],
    fullName: String(r.full_name),
    identityNumber: str(r.identity_number),
    address: str(r.address),
    phone: str(r.phone),
    email: str(r.email),
    authorisationDocument: str(r.authorisation_document),
  };
}

function mapStep(r: Row): StepInstance {
  return {
    id: String(r.id),
    order: Number(r.step_order),
    name: String(r.name),
    agencyId: String(r.agency_id),
    role: r.role as StepInstance['role'],
    budgetHours: Number(r.budget_hours),
    status: r.status as StepInstance['status'],
    assigneeId: str(r.assignee_id),
    assigneeName: str(r.assignee_name),
    activatedAt: date(r.activated_at),
    dueAt: date(r.due_at),
    completedAt: date(r.completed_at),
    round: Number(r.round),
  };
}

function mapHandover(r: Row): Handover {
  return {
    id: String(r.id),
    seq: Number(r.seq),
    kind: r.kind as Handover['kind'],
    fromAgencyId: str(r.from_agency_id),
    fromUserId: str(r.from_user_id),
    fromName: str(r.from_name),
    toAgencyId: str(r.to_agency_id),
    toUserId: str(r.to_user_id),
    toRole: str(r.to_role),
    at: r.handed_over_at as Date,
    dueAt: date(r.due_at),
    completedAt: date(r.completed_at),
    timeliness: (r.timeliness as Handover['timeliness']) ?? null,
    note: str(r.note),
  };
}

function mapSupplement(r: Row): SupplementRequest {
  return {
    id: String(r.id),
    stage: r.stage as SupplementRequest['stage'],
    resumeState: r.resume_state as SupplementRequest['resumeState'],
    requestedAt: r.requested_at as Date,
    requestedById: String(r.requested_by),
    agencyId: String(r.agency_id),
    items: r.items as string[],
    reason: String(r.reason),
    isLate: Boolean(r.is_late),
    providedAt: date(r.provided_at),
    dueAtBefore: date(r.due_at_before),
    dueAtAfter: date(r.due_at_after),
  };
}

function mapExtension(r: Row): Extension {
  return {
    id: String(r.id),
    requestedAt: r.requested_at as Date,
    requestedById: String(r.requested_by),
    agencyId: String(r.agency_id),
    reason: String(r.reason),
    previousDueAt: r.previous_due_at as Date,
    newDueAt: r.new_due_at as Date,
  };
}

function mapConsultation(r: Row): Consultation {
  return {
    id: String(r.id),
    stepId: str(r.step_id),
    fromAgencyId: String(r.from_agency_id),
    toAgencyId: String(r.to_agency_id),
    question: String(r.question),
    requestedAt: r.requested_at as Date,
    requestedById: String(r.requested_by),
    dueAt: r.due_at as Date,
    answeredAt: date(r.answered_at),
    answeredById: str(r.answered_by),
    answer: str(r.answer),
  };
}

function mapLeg(r: Row): InterAgencyLeg {
  return {
    id: String(r.id),
    order: Number(r.leg_order),
    agencyId: String(r.agency_id),
    task: String(r.task),
    budgetHours: Number(r.budget_hours),
    status: r.status as InterAgencyLeg['status'],
    activatedAt: date(r.activated_at),
    dueAt: date(r.due_at),
    completedAt: date(r.completed_at),
    completedById: str(r.completed_by),
    outcome: str(r.outcome),
  };
}

function mapObligation(r: Row): FinancialObligation {
  return {
    id: String(r.id),
    requestedAt: r.requested_at as Date,
    requestedById: String(r.requested_by),
    items: r.items as FinancialObligation['items'],
    totalAmount: Number(r.total_amount),
    pausesClock: Boolean(r.pauses_clock),
    paidAt: date(r.paid_at),
    paymentReference: str(r.payment_reference),
  };
}

function mapResult(r: Row | undefined): DossierResult | null {
  if (!r) return null;
  return {
    recordedAt: r.recorded_at as Date,
    recordedById: String(r.recorded_by),
    kind: r.kind as DossierResult['kind'],
    documentNumber: str(r.document_number),
    summary: String(r.summary),
    attachmentIds: (r.attachment_ids as string[] | null) ?? [],
    signerName: str(r.signer_name),
  };
}

function mapReturn(r: Row | undefined): DossierReturn | null {
  if (!r) return null;
  return {
    method: r.method as DossierReturn['method'],
    handedOverAt: r.handed_over_at as Date,
    handedOverById: String(r.handed_over_by),
    receiverName: str(r.receiver_name),
    receiverRole: (r.receiver_role as DossierReturn['receiverRole']) ?? null,
    waybillNumber: str(r.waybill_number),
    deliveredAt: date(r.delivered_at),
  };
}

function mapPostal(r: Row | undefined): PostalData | null {
  if (!r) return null;
  return {
    handoverMinutesSignedAt: date(r.handover_minutes_signed_at),
    handoverMinutesNumber: str(r.handover_minutes_number),
    submissionWaybills: (r.submission_waybills as string[] | null) ?? [],
    returnByPost: Boolean(r.return_by_post),
    deliveryAddress: str(r.delivery_address),
  };
}

async function children(q: Queryable, id: string) {
  const by = (table: string, order: string) => q.query<Row>(`SELECT * FROM ${table} WHERE dossier_id = $1 ORDER BY ${order}`, [id]);
  // Sequential: one connection per transaction serves one statement at a time anyway.
  const parties = await by('dossier_party', 'role');
  const postal = await by('dossier_postal', 'dossier_id');
  const steps = await by('dossier_step', 'step_order');
  const handovers = await by('dossier_handover', 'seq');
  const supplements = await by('dossier_supplement_request', 'requested_at, id');
  const extensions = await by('dossier_extension', 'requested_at, id');
  const consultations = await by('dossier_consultation', 'requested_at, id');
  const legs = await by('dossier_inter_agency_leg', 'leg_order');
  const obligations = await by('dossier_financial_obligation', 'requested_at, id');
  const result = await by('dossier_result', 'dossier_id');
  const ret = await by('dossier_return', 'dossier_id');
  return { parties, postal, steps, handovers, supplements, extensions, consultations, legs, obligations, result, ret };
}

export function mapDossier(r: Row, c: Awaited<ReturnType<typeof children>>): Dossier {
  return {
    id: String(r.id),
    version: Number(r.version),
    code: str(r.code),
    codeFormat: str(r.code_format),
    state: r.state as Dossier['state'],
    channel: r.channel as Dossier['channel'],
    entryPoint: r.entry_point as Dossier['entryPoint'],
    isPaper: Boolean(r.is_paper),
    procedure: r.procedure_snapshot as ProcedureCaseSnapshot,
    receivingAgencyId: String(r.receiving_agency_id),
    competentAgencyId: String(r.competent_agency_id),
    currentAgencyId: String(r.current_agency_id),
    isBoundaryFree: Boolean(r.is_boundary_free),
    ownerUserId: str(r.owner_user_id),
    summary: String(r.summary),
    parties: c.parties.map(mapParty),
    documents: r.documents as Dossier['documents'],
    setCount: Number(r.set_count),
    returnMethod: r.return_method as Dossier['returnMethod'],
    postal: mapPostal(c.postal[0]),
    ledgerEntry:
      r.ledger_desk_id === null
        ? null
        : { deskAgencyId: String(r.ledger_desk_id), year: Number(r.ledger_year), number: Number(r.ledger_number) },
    submittedAt: r.submitted_at as Date,
    receivedAt: date(r.received_at),
    receivedById: str(r.received_by),
    competentReceivedAt: date(r.competent_received_at),
    clockStartedAt: date(r.clock_started_at),
    initialDueAt: date(r.initial_due_at),
    dueAt: date(r.due_at),
    extendedDueAt: date(r.extended_due_at),
    clockPausedAt: date(r.clock_paused_at),
    transferDueAt: date(r.transfer_due_at),
    transferredAt: date(r.transferred_at),
    processingEndedAt: date(r.processing_ended_at),
    timeliness: (r.timeliness as Dossier['timeliness']) ?? null,
    closedAt: date(r.closed_at),
    steps: c.steps.map(mapStep),
    handovers: c.handovers.map(mapHandover),
    supplementRequests: c.supplements.map(mapSupplement),
    extensions: c.extensions.map(mapExtension),
    consultations: c.consultations.map(mapConsultation),
    interAgencyLegs: c.legs.map(mapLeg),
    financialObligations: c.obligations.map(mapObligation),
    result: mapResult(c.result[0]),
    dossierReturn: mapReturn(c.ret[0]),
  };
}

/**
 * Loads a dossier the actor may see, or null. `forUpdate` locks the row for the transaction: two officers acting on
 * one dossier at once queue here, and the second sees the first one's result.
 */
export async function findDossier(
  q: Queryable,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Dossier | null> {
  if (!isUuid(id)) return null;
  const params: unknown[] = [id];
  const scope = dossierScope(actor, params);
  const rows = await q.query<Row>(
    `SELECT d.* FROM dossier d WHERE d.id = $1 AND ${scope}${options.forUpdate ? ' FOR UPDATE OF d' : ''}`,
    params,
  );
  const row = rows[0];
  if (!row) return null;
  return mapDossier(row, await children(q, id));
}

/** The dossier with this code, unscoped (public tracking checks its second factor itself). */
export async function findDossierByCode(q: Queryable, code: string): Promise<Dossier | null> {
  const rows = await q.query<Row>('SELECT d.* FROM dossier d WHERE d.code = $1', [code]);
  const row = rows[0];
  if (!row) return null;
  return mapDossier(row, await children(q, String(row.id)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
