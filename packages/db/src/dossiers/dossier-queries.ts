/**
 * Read queries of the dossier engine: the officer inbox (open dossiers of an agency by due time), an applicant's
 * dossiers, the history, the desk ledger (Form 06/07), notice deliveries and officer alerts. All scoped.
 */
import type { Actor } from '@motcua/core/shared';
import type { DossierEvent, DossierState, NationalStatus } from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';
import { dossierScope, isUuid } from './dossier-load';

export interface DossierListItem {
  id: string;
  code: string | null;
  state: DossierState;
  nationalStatus: NationalStatus | null;
  channel: string;
  procedureCode: string;
  procedureName: string;
  summary: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  currentAgencyId: string;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  effectiveDueAt: Date | null;
  version: number;
}

const listColumns = `d.id, d.code, d.state, d.national_status AS "nationalStatus", d.channel,
  d.procedure_code AS "procedureCode", d.procedure_name AS "procedureName", d.summary,
  d.receiving_agency_id AS "receivingAgencyId", d.competent_agency_id AS "competentAgencyId",
  d.current_agency_id AS "currentAgencyId", d.submitted_at AS "submittedAt", d.received_at AS "receivedAt",
  d.due_at AS "dueAt", d.extended_due_at AS "extendedDueAt", d.effective_due_at AS "effectiveDueAt", d.version`;

/** An inbox row: the list item, the active step (for "my steps"), open consultations and the last supplement. */
export interface DossierInboxItem extends DossierListItem {
  activeStep: {
    id: string;
    name: string;
    role: string;
    agencyId: string;
    assigneeId: string | null;
    assigneeName: string | null;
    dueAt: Date | null;
  } | null;
  /** Open consultations asked by one of the officer's agencies: the unit waits for their answers. */
  openConsultations: number;
  /** Open consultations addressed to one of the officer's agencies: the unit must answer them. */
  consultationsToAnswer: number;
  /** The earliest due time of those consultations. */
  consultationToAnswerDueAt: Date | null;
  /** Held by another agency: in the inbox only because one of the officer's agencies must answer a consultation. */
  consultedOnly: boolean;
  /** When the last supplement arrived: an online dossier's reception check counts from it. */
  lastSupplementAt: Date | null;
}

/** The inbox row's columns over `dossier d`, its active step `s` and consultation counts `cc` (see `inboxJoins`). */
export const inboxColumns = `${listColumns},
  s.id AS "stepId", s.name AS "stepName", s.role AS "stepRole", s.agency_id AS "stepAgencyId",
  s.assignee_id AS "stepAssigneeId", s.assignee_name AS "stepAssigneeName", s.due_at AS "stepDueAt",
  cc.asked AS "openConsultations", cc.to_answer AS "consultationsToAnswer", cc.to_answer_due AS "consultationToAnswerDueAt",
  (SELECT max(r.provided_at) FROM dossier_supplement_request r WHERE r.dossier_id = d.id) AS "lastSupplementAt"`;

export type InboxRow = DossierListItem & {
  stepId: string | null;
  stepName: string | null;
  stepRole: string | null;
  stepAgencyId: string | null;
  stepAssigneeId: string | null;
  stepAssigneeName: string | null;
  stepDueAt: Date | null;
  openConsultations: number;
  consultationsToAnswer: number;
  consultationToAnswerDueAt: Date | null;
  lastSupplementAt: Date | null;
};

export function toInboxItem(r: InboxRow, consultedOnly = false): DossierInboxItem {
  const { stepId, stepName, stepRole, stepAgencyId, stepAssigneeId, stepAssigneeName, stepDueAt, ...rest } = r;
  return {
    ...rest,
    openConsultations: Number(r.openConsultations),
    consultationsToAnswer: Number(r.consultationsToAnswer),
    consultedOnly,
    activeStep:
      stepId && stepName && stepRole && stepAgencyId
        ? { id: stepId, name: stepName, role: stepRole, agencyId: stepAgencyId, assigneeId: stepAssigneeId, assigneeName: stepAssigneeName, dueAt: stepDueAt }
        : null,
  };
}

/**
 * The joins behind `inboxColumns`: the active step `s`, and the open consultations `cc` counted per side — asked by
 * the agencies in the `sides` parameter (every side when it is NULL: the system) and addressed to them.
 */
export function inboxJoins(sides: string): string {
  return `LEFT JOIN LATERAL (SELECT * FROM dossier_step st WHERE st.dossier_id = d.id AND st.status = 'active' ORDER BY st.step_order LIMIT 1) s ON true
    LEFT JOIN LATERAL (SELECT
        count(*) FILTER (WHERE ${sides}::uuid[] IS NULL OR c.from_agency_id = ANY(${sides}::uuid[]))::int AS asked,
        count(*) FILTER (WHERE c.to_agency_id = ANY(${sides}::uuid[]))::int AS to_answer,
        min(c.due_at) FILTER (WHERE c.to_agency_id = ANY(${sides}::uuid[])) AS to_answer_due
      FROM dossier_consultation c WHERE c.dossier_id = d.id AND c.answered_at IS NULL) cc ON true`;
}

/**
 * The officer inbox: open dossiers held by the given agencies (default: every agency the officer sees), the most
 * urgent first. Backed by dossier_inbox_idx (current_agency_id, effective_due_at) WHERE closed_at IS NULL. The first
 * page also carries the dossiers held elsewhere on which one of the agencies was consulted and has not answered
 * yet (dossier_consultation_open_idx): the unit must answer them. Consultations are counted per side: asked by the
 * officer's agencies (waiting for answers) and addressed to them (to answer).
 */
export async function listInbox(
  q: Queryable,
  actor: Actor,
  options: { agencyId?: string | null; state?: string | null; limit: number; offset?: number },
): Promise<DossierInboxItem[]> {
  if (actor.kind !== 'officer' && actor.kind !== 'system') return [];
  const state = options.state ?? null;
  const agencies = actor.kind === 'officer' ? [...actor.visibleAgencyIds] : [];
  if (options.agencyId && (!isUuid(options.agencyId) || (actor.kind === 'officer' && !agencies.includes(options.agencyId)))) {
    return [];
  }
  const filter = options.agencyId ? [options.agencyId] : agencies;
  // Whose side of a consultation counts: the officer's agencies (every side for the system).
  const sides = actor.kind === 'officer' ? filter : null;
  const joins = inboxJoins('$4');
  // One agency: `=` lets the index deliver rows in due-time order and stop at the limit; several: a bitmap scan.
  const agencyCondition = filter.length === 1 ? 'd.current_agency_id = $1::uuid' : 'd.current_agency_id = ANY($1::uuid[])';
  const rows = await q.query<InboxRow>(
    `SELECT ${inboxColumns} FROM dossier d ${joins}
      WHERE ${agencyCondition} AND d.closed_at IS NULL AND ($5::text IS NULL OR d.state = $5)
      ORDER BY d.effective_due_at, d.submitted_at
      LIMIT $2 OFFSET $3`,
    [filter.length === 1 ? filter[0] : filter, options.limit, options.offset ?? 0, sides, state],
  );
  if (!sides || (options.offset ?? 0) > 0) return rows.map((r) => toInboxItem(r));
  const consulted = await q.query<InboxRow>(
    `SELECT ${inboxColumns} FROM dossier d ${joins}
      WHERE d.id IN (SELECT c.dossier_id FROM dossier_consultation c WHERE c.to_agency_id = ANY($1::uuid[]) AND c.answered_at IS NULL)
        AND NOT (d.current_agency_id = ANY($1::uuid[])) AND d.closed_at IS NULL AND ($5::text IS NULL OR d.state = $5)
      ORDER BY d.effective_due_at, d.submitted_at
      LIMIT $2 OFFSET $3`,
    [filter, options.limit, 0, sides, state],
  );
  if (consulted.length === 0) return rows.map((r) => toInboxItem(r));
  const due = (r: InboxRow) => (r.effectiveDueAt ? r.effectiveDueAt.getTime() : Number.POSITIVE_INFINITY);
  const items = [...rows.map((r) => ({ r, consultedOnly: false })), ...consulted.map((r) => ({ r, consultedOnly: true }))];
  return items
    .sort((a, b) => due(a.r) - due(b.r) || a.r.submittedAt.getTime() - b.r.submittedAt.getTime())
    .slice(0, options.limit)
    .map(({ r, consultedOnly }) => toInboxItem(r, consultedOnly));
}

/** An applicant's own dossiers, newest first. */
export async function listOwnDossiers(q: Queryable, actor: Actor, options: { limit: number; offset?: number }): Promise<DossierListItem[]> {
  if (actor.kind !== 'citizen') return [];
  return q.query<DossierListItem>(
    `SELECT ${listColumns} FROM dossier d WHERE d.owner_user_id = $1 ORDER BY d.submitted_at DESC LIMIT $2 OFFSET $3`,
    [actor.userId, options.limit, options.offset ?? 0],
  );
}

type EventRow = Record<string, unknown>;

function mapEvent(r: EventRow): DossierEvent {
  return {
    id: String(r.id),
    kind: r.kind as DossierEvent['kind'],
    at: r.occurred_at as Date,
    actorKind: r.actor_kind as DossierEvent['actorKind'],
    actorId: (r.actor_id as string | null) ?? null,
    actorName: (r.actor_name as string | null) ?? null,
    agencyId: (r.agency_id as string | null) ?? null,
    fromState: (r.from_state as DossierState | null) ?? null,
    toState: r.to_state as DossierState,
    fromStatus: (r.from_status as NationalStatus | null) ?? null,
    toStatus: (r.to_status as NationalStatus | null) ?? null,
    note: (r.note as string | null) ?? null,
    form: r.form_kind
      ? {
          kind: r.form_kind as NonNullable<DossierEvent['form']>['kind'],
          set: String(r.form_set),
          number: (r.form_number as string | null) ?? null,
          title: (r.form_title as string | null) ?? null,
        }
      : null,
    formData: (r.form_data as Record<string, unknown> | null) ?? null,
    details: (r.details as Record<string, unknown>) ?? {},
  };
}

/** The history of a dossier (the caller has checked that the actor may see the dossier). */
export async function listDossierEvents(q: Queryable, dossierId: string): Promise<(DossierEvent & { seq: number })[]> {
  const rows = await q.query<EventRow>('SELECT * FROM dossier_event WHERE dossier_id = $1 ORDER BY seq', [dossierId]);
  return rows.map((r) => ({ ...mapEvent(r), seq: Number(r.seq) }));
}

export async function findDossierEvent(q: Queryable, eventId: string): Promise<(DossierEvent & { dossierId: string }) | null> {
  if (!isUuid(eventId)) return null;
  const rows = await q.query<EventRow>('SELECT * FROM dossier_event WHERE id = $1', [eventId]);
  return rows[0] ? { ...mapEvent(rows[0]), dossierId: String(rows[0].dossier_id) } : null;
}

export interface LedgerRow {
  number: number;
  year: number;
  dossierId: string;
  code: string;
  procedureCode: string;
  procedureName: string;
  setCount: number;
  applicantName: string | null;
  applicantAddress: string | null;
  applicantPhone: string | null;
  competentAgencyId: string;
  receivedAt: Date;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  transferredAt: Date | null;
  resultAt: Date | null;
  returnedAt: Date | null;
  returnMethod: string;
  receiverName: string | null;
  state: DossierState;
}

/**
 * The desk ledger (sổ theo dõi hồ sơ, Form 06 of TT 01/2018 / Form 07 of TT 03/2025): every dossier received by the
 * desk in a year, numbered continuously, with its return. Only officers who see the desk may read it.
 */
export async function listLedger(
  q: Queryable,
  actor: Actor,
  options: { deskAgencyId: string; year: number; limit: number; offset?: number },
): Promise<LedgerRow[]> {
  if (!isUuid(options.deskAgencyId)) return [];
  if (actor.kind !== 'system' && !(actor.kind === 'officer' && actor.visibleAgencyIds.includes(options.deskAgencyId))) return [];
  return q.query<LedgerRow>(
    `SELECT d.ledger_number AS number, d.ledger_year AS year, d.id AS "dossierId", d.code,
            d.procedure_code AS "procedureCode", d.procedure_name AS "procedureName",
            d.set_count AS "setCount", p.full_name AS "applicantName", p.address AS "applicantAddress",
            p.phone AS "applicantPhone", d.competent_agency_id AS "competentAgencyId", d.received_at AS "receivedAt",
            d.due_at AS "dueAt", d.extended_due_at AS "extendedDueAt", d.transferred_at AS "transferredAt",
            r.recorded_at AS "resultAt", coalesce(rt.delivered_at, rt.handed_over_at) AS "returnedAt",
            coalesce(rt.method, d.return_method) AS "returnMethod", rt.receiver_name AS "receiverName", d.state
       FROM dossier d
       LEFT JOIN dossier_party p ON p.dossier_id = d.id AND p.role = 'applicant'
       LEFT JOIN dossier_result r ON r.dossier_id = d.id
       LEFT JOIN dossier_return rt ON rt.dossier_id = d.id
      WHERE d.ledger_desk_id = $1 AND d.ledger_year = $2
      ORDER BY d.ledger_number
      LIMIT $3 OFFSET $4`,
    [options.deskAgencyId, options.year, options.limit, options.offset ?? 0],
  );
}

export interface DeliveryRow {
  id: string;
  dossierId: string;
  eventId: string;
  channel: 'email' | 'sms';
  recipient: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  providerMessageId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const deliveryColumns = `id, dossier_id AS "dossierId", event_id AS "eventId", channel, recipient, status, attempts,
  provider_message_id AS "providerMessageId", last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"`;

export async function listDeliveries(q: Queryable, dossierId: string): Promise<DeliveryRow[]> {
  return q.query<DeliveryRow>(`SELECT ${deliveryColumns} FROM notification_delivery WHERE dossier_id = $1 ORDER BY created_at, channel`, [
    dossierId,
  ]);
}

export async function findDelivery(q: Queryable, id: string): Promise<DeliveryRow | null> {
  if (!isUuid(id)) return null;
  const rows = await q.query<DeliveryRow>(`SELECT ${deliveryColumns} FROM notification_delivery WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function markDeliverySent(q: Queryable, id: string, providerMessageId: string | null, now: Date): Promise<void> {
  await q.query(
    `UPDATE notification_delivery SET status = 'sent', attempts = attempts + 1, provider_message_id = $2, sent_at = $3,
            last_error = NULL WHERE id = $1`,
    [id, providerMessageId, now],
  );
}

export async function markDeliveryFailed(q: Queryable, id: string, error: string, permanent: boolean): Promise<void> {
  await q.query(
    `UPDATE notification_delivery SET attempts = attempts + 1, last_error = left($2, 2000),
            status = CASE WHEN $3 THEN 'failed' ELSE status END WHERE id = $1`,
    [id, error, permanent],
  );
}

export interface AlertRow {
  id: string;
  dossierId: string;
  dossierCode: string | null;
  stepId: string | null;
  kind: string;
  subject: string;
  dueAt: Date;
  createdAt: Date;
}

/** Alerts addressed to the officer, or to a role the officer holds at an agency. */
export async function listAlerts(q: Queryable, actor: Actor, options: { limit: number }): Promise<AlertRow[]> {
  if (actor.kind !== 'officer') return [];
  const roleKeys = actor.grants.map((g) => `${g.agencyId}:${g.role}`);
  return q.query<AlertRow>(
    `SELECT a.id, a.dossier_id AS "dossierId", d.code AS "dossierCode", a.step_id AS "stepId", a.kind, a.subject,
            a.due_at AS "dueAt", a.created_at AS "createdAt"
       FROM dossier_alert a JOIN dossier d ON d.id = a.dossier_id
      WHERE a.acknowledged_at IS NULL
        AND (a.recipient_user_id = $1::uuid OR (a.recipient_agency_id::text || ':' || a.recipient_role) = ANY($2::text[]))
      ORDER BY a.created_at DESC LIMIT $3`,
    [isUuid(actor.userId) ? actor.userId : null, roleKeys, options.limit],
  );
}
