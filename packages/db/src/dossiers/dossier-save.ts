/**
 * Saving a transition: the dossier row under optimistic concurrency (its version must not have moved), the child
 * rows that changed, and the new events appended to the history. Runs inside the use case's unit of work.
 */
import { domainError, DomainErrorException } from '@motcua/core/shared';
import {
  nationalChannelCode,
  nationalStatusOf,
  type Dossier,
  type DossierEvent,
  type StatusMapping,
} from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';

type Columns = Record<string, unknown>;

async function upsert(q: Queryable, table: string, conflict: readonly string[], row: Columns): Promise<void> {
  const names = Object.keys(row);
  const values = names.map((n) => row[n]);
  const updates = names.filter((n) => !conflict.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  await q.query(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (${conflict.join(', ')}) ${updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING'}`,
    values,
  );
}

const json = (v: unknown) => JSON.stringify(v);

function dossierColumns(d: Dossier, mapping: StatusMapping): Columns {
  return {
    code: d.code,
    code_format: d.codeFormat,
    state: d.state,
    national_status: nationalStatusOf(d.state, mapping),
    channel: d.channel,
    national_channel: nationalChannelCode[d.channel],
    entry_point: d.entryPoint,
    is_paper: d.isPaper,
    procedure_version_id: d.procedure.procedureVersionId,
    procedure_code: d.procedure.procedureCode,
    procedure_name: d.procedure.procedureName,
    case_code: d.procedure.caseCode,
    procedure_snapshot: json(d.procedure),
    receiving_agency_id: d.receivingAgencyId,
    competent_agency_id: d.competentAgencyId,
    current_agency_id: d.currentAgencyId,
    is_boundary_free: d.isBoundaryFree,
    owner_user_id: d.ownerUserId,
    summary: d.summary,
    documents: json(d.documents),
    set_count: d.setCount,
    return_method: d.returnMethod,
    ledger_desk_id: d.ledgerEntry?.deskAgencyId ?? null,
    ledger_year: d.ledgerEntry?.year ?? null,
    ledger_number: d.ledgerEntry?.number ?? null,
    submitted_at: d.submittedAt,
    received_at: d.receivedAt,
    received_by: d.receivedById,
    competent_received_at: d.competentReceivedAt,
    clock_started_at: d.clockStartedAt,
    initial_due_at: d.initialDueAt,
    due_at: d.dueAt,
    extended_due_at: d.extendedDueAt,
    clock_paused_at: d.clockPausedAt,
    transfer_due_at: d.transferDueAt,
    transferred_at: d.transferredAt,
    processing_ended_at: d.processingEndedAt,
    timeliness: d.timeliness,
    closed_at: d.closedAt,
  };
}

/** Children that are new or changed (compared by id through their JSON form). */
function changed<T extends { readonly id: string }>(before: readonly T[] | undefined, after: readonly T[]): T[] {
  const old = new Map((before ?? []).map((x) => [x.id, JSON.stringify(x)]));
  return after.filter((x) => old.get(x.id) !== JSON.stringify(x));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function saveChildren(q: Queryable, before: Dossier | null, d: Dossier): Promise<void> {
  const id = d.id;
  if (!before) {
    for (const p of d.parties) {
      await upsert(q, 'dossier_party', ['dossier_id', 'role'], {
        dossier_id: id,
        role: p.role,
        kind: p.kind,
        full_name: p.fullName,
        identity_number: p.identityNumber,
        address: p.address,
        phone: p.phone,
        email: p.email,
        authorisation_document: p.authorisationDocument,
      });
    }
  }
  if (d.postal && !same(before?.postal, d.postal)) {
    await upsert(q, 'dossier_postal', ['dossier_id'], {
      dossier_id: id,
      handover_minutes_signed_at: d.postal.handoverMinutesSignedAt,
      handover_minutes_number: d.postal.handoverMinutesNumber,
      submission_waybills: [...d.postal.submissionWaybills],
      return_by_post: d.postal.returnByPost,
      delivery_address: d.postal.deliveryAddress,
    });
  }
  for (const s of changed(before?.steps, d.steps)) {
    await upsert(q, 'dossier_step', ['id'], {
      id: s.id,
      dossier_id: id,
      step_order: s.order,
      name: s.name,
      agency_id: s.agencyId,
      role: s.role,
      budget_hours: s.budgetHours,
      status: s.status,
      assignee_id: s.assigneeId,
      assignee_name: s.assigneeName,
      activated_at: s.activatedAt,
      due_at: s.dueAt,
      completed_at: s.completedAt,
      round: s.round,
    });
  }
  for (const h of changed(before?.handovers, d.handovers)) {
    await upsert(q, 'dossier_handover', ['id'], {
      id: h.id,
      dossier_id: id,
      seq: h.seq,
      kind: h.kind,
      from_agency_id: h.fromAgencyId,
      from_user_id: h.fromUserId,
      from_name: h.fromName,
      to_agency_id: h.toAgencyId,
      to_user_id: h.toUserId,
      to_role: h.toRole,
      handed_over_at: h.at,
      due_at: h.dueAt,
      completed_at: h.completedAt,
      timeliness: h.timeliness,
      note: h.note,
    });
  }
  for (const r of changed(before?.supplementRequests, d.supplementRequests)) {
    await upsert(q, 'dossier_supplement_request', ['id'], {
      id: r.id,
      dossier_id: id,
      stage: r.stage,
      resume_state: r.resumeState,
      requested_at: r.requestedAt,
      requested_by: r.requestedById,
      agency_id: r.agencyId,
      items: json(r.items),
      reason: r.reason,
      is_late: r.isLate,
      provided_at: r.providedAt,
      due_at_before: r.dueAtBefore,
      due_at_after: r.dueAtAfter,
    });
  }
  for (const e of changed(before?.extensions, d.extensions)) {
    await upsert(q, 'dossier_extension', ['id'], {
      id: e.id,
      dossier_id: id,
      requested_at: e.requestedAt,
      requested_by: e.requestedById,
      agency_id: e.agencyId,
      reason: e.reason,
      previous_due_at: e.previousDueAt,
      new_due_at: e.newDueAt,
    });
  }
  await saveCoordination(q, before, d);
}

async function saveCoordination(q: Queryable, before: Dossier | null, d: Dossier): Promise<void> {
  const id = d.id;
  for (const c of changed(before?.consultations, d.consultations)) {
    await upsert(q, 'dossier_consultation', ['id'], {
      id: c.id,
      dossier_id: id,
      step_id: c.stepId,
      from_agency_id: c.fromAgencyId,
      to_agency_id: c.toAgencyId,
      question: c.question,
      requested_at: c.requestedAt,
      requested_by: c.requestedById,
      due_at: c.dueAt,
      answered_at: c.answeredAt,
      answered_by: c.answeredById,
      answer: c.answer,
    });
  }
  for (const l of changed(before?.interAgencyLegs, d.interAgencyLegs)) {
    await upsert(q, 'dossier_inter_agency_leg', ['id'], {
      id: l.id,
      dossier_id: id,
      leg_order: l.order,
      agency_id: l.agencyId,
      task: l.task,
      budget_hours: l.budgetHours,
      status: l.status,
      activated_at: l.activatedAt,
      due_at: l.dueAt,
      completed_at: l.completedAt,
      completed_by: l.completedById,
      outcome: l.outcome,
    });
  }
  for (const o of changed(before?.financialObligations, d.financialObligations)) {
    await upsert(q, 'dossier_financial_obligation', ['id'], {
      id: o.id,
      dossier_id: id,
      requested_at: o.requestedAt,
      requested_by: o.requestedById,
      items: json(o.items),
      total_amount: o.totalAmount,
      pauses_clock: o.pausesClock,
      paid_at: o.paidAt,
      payment_reference: o.paymentReference,
    });
  }
  if (d.result && !same(before?.result, d.result)) {
    await upsert(q, 'dossier_result', ['dossier_id'], {
      dossier_id: id,
      recorded_at: d.result.recordedAt,
      recorded_by: d.result.recordedById,
      kind: d.result.kind,
      document_number: d.result.documentNumber,
      summary: d.result.summary,
      attachment_ids: [...d.result.attachmentIds],
      signer_name: d.result.signerName,
    });
  }
  if (d.dossierReturn && !same(before?.dossierReturn, d.dossierReturn)) {
    const r = d.dossierReturn;
    await upsert(q, 'dossier_return', ['dossier_id'], {
      dossier_id: id,
      method: r.method,
      handed_over_at: r.handedOverAt,
      handed_over_by: r.handedOverById,
      receiver_name: r.receiverName,
      receiver_role: r.receiverRole,
      waybill_number: r.waybillNumber,
      delivered_at: r.deliveredAt,
    });
  }
}

async function appendEvents(q: Queryable, dossierId: string, events: readonly DossierEvent[]): Promise<void> {
  if (events.length === 0) return;
  const [{ last } = { last: 0 }] = await q.query<{ last: number }>(
    'SELECT coalesce(max(seq), 0)::int8 AS last FROM dossier_event WHERE dossier_id = $1',
    [dossierId],
  );
  let seq = last;
  for (const e of events) {
    seq++;
    await q.query(
      `INSERT INTO dossier_event (id, dossier_id, seq, kind, occurred_at, actor_kind, actor_id, actor_name, agency_id,
         from_state, to_state, from_status, to_status, note, form_kind, form_set, form_number, form_title, form_data, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
      [
        e.id,
        dossierId,
        seq,
        e.kind,
        e.at,
        e.actorKind,
        e.actorId,
        e.actorName,
        e.agencyId,
        e.fromState,
        e.toState,
        e.fromStatus,
        e.toStatus,
        e.note,
        e.form?.kind ?? null,
        e.form?.set ?? null,
        e.form?.number ?? null,
        e.form?.title ?? null,
        e.formData ? json(e.formData) : null,
        json(e.details),
      ],
    );
  }
}

/**
 * Persists a transition. A new dossier is inserted at version 1; an existing one is updated only if its version is
 * still the one it was loaded with (otherwise STALE_VERSION: someone else acted first). Returns the new version.
 */
export async function saveDossier(
  q: Queryable,
  before: Dossier | null,
  after: Dossier,
  events: readonly DossierEvent[],
  options: { now: Date; statusMapping: StatusMapping },
): Promise<number> {
  const columns = dossierColumns(after, options.statusMapping);
  let version: number;
  if (!before) {
    const names = ['id', 'version', 'created_at', 'updated_at', ...Object.keys(columns)];
    const values = [after.id, 1, options.now, options.now, ...Object.values(columns)];
    await q.query(`INSERT INTO dossier (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    version = 1;
  } else {
    const names = Object.keys(columns);
    const sets = names.map((n, i) => `${n} = $${i + 3}`);
    const rows = await q.query<{ version: number }>(
      `UPDATE dossier SET ${sets.join(', ')}, version = version + 1, updated_at = $${names.length + 3}
        WHERE id = $1 AND version = $2 RETURNING version`,
      [after.id, before.version, ...Object.values(columns), options.now],
    );
    if (rows.length === 0) {
      throw new DomainErrorException(
        domainError('STALE_VERSION', `Dossier ${after.id} changed since version ${before.version}`, { version: before.version }),
      );
    }
    version = rows[0]!.version;
  }
  await saveChildren(q, before, after);
  await appendEvents(q, after.id, events);
  return version;
}
