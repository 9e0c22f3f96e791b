/**
 * How a dossier ends: refusal after appraisal (T11), stop at the applicant's request while no decision exists
 * (NĐ 118 Art. 21, Form 05 of TT 03/2025 — legal-spec §16.6), withdrawal (T14), the result (T16, status 9) and
 * its return at the desk, by post or online (T17, status 10).
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import { effectiveDueAt, type Dossier, type DossierReturn, type DossierResult } from './dossier';
import { actorNotAllowed, fieldRequired } from './dossier.errors';
import { resultStates } from './dossier-state';
import { formFor } from './forms';
import { refusalFormData, stopNoticeFormData } from './form-data';
import { actsFor, addHandover, isOwner, makeEvent, officerId, requireState, trimmed } from './guards';
import { receptionRoles } from './reception';
import { classifyTimeliness } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

const leaderRoles: readonly OfficerRole[] = ['agency_leader'];

function ended(dossier: Dossier, now: Date): Pick<Dossier, 'processingEndedAt' | 'timeliness'> {
  return { processingEndedAt: now, timeliness: dossier.dueAt ? classifyTimeliness(now, dossier.dueAt) : null };
}

export function refuseAfterAppraisal(dossier: Dossier, command: { readonly reasons: string }, context: TransitionContext): TransitionResult {
  const wrong = requireState(dossier, 'refuse', ['processing']);
  if (wrong) return err(wrong);
  if (!actsFor(context.actor, leaderRoles, dossier.competentAgencyId)) {
    return err(actorNotAllowed('refuse after appraisal', leaderRoles, dossier.competentAgencyId));
  }
  const reasons = trimmed(command.reasons);
  if (!reasons) return err(fieldRequired('reasons'));
  const next: Dossier = { ...dossier, state: 'refused_after_appraisal', ...ended(dossier, context.now), closedAt: context.now };
  const event = makeEvent(context, dossier, next, 'refuse_after_appraisal', {
    agencyId: dossier.competentAgencyId,
    note: reasons,
    form: formFor('refusal', context.now, context.policy.formSets),
    formData: refusalFormData(next, reasons, 'appraisal', context.now),
    details: { timeliness: next.timeliness },
  });
  return ok({ next, events: [event] });
}

function mayActForApplicant(dossier: Dossier, context: TransitionContext): boolean {
  return isOwner(context.actor, dossier) || actsFor(context.actor, receptionRoles, dossier.receivingAgencyId);
}

export function stopProcessing(
  dossier: Dossier,
  command: { readonly reason: string; readonly requestChannel: 'counter' | 'postal' | 'online' },
  context: TransitionContext,
): TransitionResult {
  if (resultStates.has(dossier.state)) {
    return err(domainError('DOSSIER_RESULT_EXISTS', 'A decision or result exists: processing cannot be stopped', { state: dossier.state }));
  }
  const wrong = requireState(dossier, 'stop', ['received', 'processing', 'supplement_requested', 'awaiting_payment']);
  if (wrong) return err(wrong);
  if (!mayActForApplicant(dossier, context)) return err(actorNotAllowed('stop processing', ['applicant', ...receptionRoles], dossier.receivingAgencyId));
  const reason = trimmed(command.reason);
  if (!reason) return err(fieldRequired('reason'));
  const next: Dossier = { ...dossier, state: 'stopped', ...ended(dossier, context.now), closedAt: context.now };
  const form = formFor('stop_notice', context.now, context.policy.formSets);
  const event = makeEvent(context, dossier, next, 'stop', {
    agencyId: dossier.receivingAgencyId,
    note: reason,
    form: form.number ? form : null,
    formData: form.number ? stopNoticeFormData(next, reason, command.requestChannel, context.now) : null,
    details: { requestChannel: command.requestChannel },
  });
  return ok({ next, events: [event] });
}

export function withdraw(dossier: Dossier, command: { readonly reason: string | null }, context: TransitionContext): TransitionResult {
  if (resultStates.has(dossier.state)) {
    return err(domainError('DOSSIER_RESULT_EXISTS', 'A result exists: the dossier cannot be withdrawn', { state: dossier.state }));
  }
  const wrong = requireState(dossier, 'withdraw', ['submitted', 'received', 'processing', 'supplement_requested', 'awaiting_payment']);
  if (wrong) return err(wrong);
  if (!mayActForApplicant(dossier, context)) return err(actorNotAllowed('withdraw', ['applicant', ...receptionRoles], dossier.receivingAgencyId));
  const next: Dossier = {
    ...dossier,
    state: 'withdrawn',
    ...(dossier.receivedAt ? ended(dossier, context.now) : {}),
    closedAt: context.now,
  };
  const event = makeEvent(context, dossier, next, 'withdraw', { agencyId: dossier.receivingAgencyId, note: trimmed(command.reason) });
  return ok({ next, events: [event] });
}

export function recordResult(
  dossier: Dossier,
  command: Pick<DossierResult, 'kind' | 'documentNumber' | 'summary' | 'attachmentIds' | 'signerName'>,
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'record the result of', ['processing']);
  if (wrong) return err(wrong);
  const last = [...dossier.steps].sort((a, b) => b.order - a.order)[0];
  const allowed =
    actsFor(context.actor, leaderRoles, dossier.competentAgencyId) || (last !== undefined && actsFor(context.actor, [last.role], last.agencyId));
  if (!allowed) return err(actorNotAllowed('record the result', leaderRoles, dossier.competentAgencyId));
  const unfinished = dossier.steps.filter((s) => s.status !== 'completed');
  if (unfinished.length > 0) {
    return err(domainError('DOSSIER_WORKFLOW_INCOMPLETE', 'Every step of the internal workflow must be completed first', {
      pendingSteps: unfinished.map((s) => s.order),
    }));
  }
  if (dossier.interAgencyLegs.some((l) => l.status !== 'completed')) {
    return err(domainError('DOSSIER_INTER_AGENCY_PENDING', 'Every participating agency must complete its part first', {}));
  }
  if (dossier.consultations.some((c) => c.answeredAt === null)) {
    return err(domainError('DOSSIER_CONSULTATION_PENDING', 'Consultations are unanswered', {}));
  }
  const summary = trimmed(command.summary);
  if (!summary) return err(fieldRequired('summary'));
  const result: DossierResult = { ...command, summary, recordedAt: context.now, recordedById: officerId(context.actor) };
  let next: Dossier = {
    ...dossier,
    state: 'result_ready',
    result,
    currentAgencyId: dossier.receivingAgencyId,
    ...ended(dossier, context.now),
  };
  next = {
    ...next,
    handovers: addHandover(next, context, {
      kind: 'result',
      fromAgencyId: dossier.currentAgencyId,
      fromUserId: officerId(context.actor),
      fromName: context.actor.kind === 'officer' ? context.actor.displayName : null,
      toAgencyId: dossier.receivingAgencyId,
      toUserId: null,
      toRole: 'reception_officer',
      dueAt: effectiveDueAt(dossier),
      note: null,
    }),
  };
  const event = makeEvent(context, dossier, next, 'record_result', {
    agencyId: dossier.competentAgencyId,
    note: summary,
    details: {
      kind: command.kind,
      documentNumber: command.documentNumber,
      attachmentIds: [...command.attachmentIds],
      timeliness: next.timeliness,
      dueAt: dossier.dueAt?.toISOString() ?? null,
      extendedDueAt: dossier.extendedDueAt?.toISOString() ?? null,
    },
  });
  return ok({ next, events: [event] });
}

export function returnResult(
  dossier: Dossier,
  command: {
    readonly method: DossierReturn['method'];
    readonly receiverName: string | null;
    readonly receiverRole: DossierReturn['receiverRole'];
    readonly waybillNumber: string | null;
  },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'return the result of', ['result_ready']);
  if (wrong) return err(wrong);
  const denied = !actsFor(context.actor, receptionRoles, dossier.receivingAgencyId);
  if (denied) return err(actorNotAllowed('return the result', receptionRoles, dossier.receivingAgencyId));
  if (command.method === 'counter' && (!trimmed(command.receiverName) || !command.receiverRole)) return err(fieldRequired('receiverName'));
  if (command.method === 'postal' && !trimmed(command.waybillNumber)) return err(fieldRequired('waybillNumber'));
  const postal = command.method === 'postal';
  const dossierReturn: DossierReturn = {
    method: command.method,
    handedOverAt: context.now,
    handedOverById: officerId(context.actor),
    receiverName: postal ? null : trimmed(command.receiverName),
    receiverRole: postal ? 'courier' : command.method === 'online' ? 'applicant' : command.receiverRole,
    waybillNumber: postal ? trimmed(command.waybillNumber) : null,
    deliveredAt: postal ? null : context.now,
  };
  let next: Dossier = {
    ...dossier,
    state: postal ? 'in_postal_return' : 'returned',
    dossierReturn,
    closedAt: postal ? null : context.now,
  };
  next = {
    ...next,
    handovers: addHandover(next, context, {
      kind: 'return',
      fromAgencyId: dossier.receivingAgencyId,
      fromUserId: officerId(context.actor),
      fromName: context.actor.kind === 'officer' ? context.actor.displayName : null,
      toAgencyId: null,
      toUserId: null,
      toRole: dossierReturn.receiverRole,
      dueAt: null,
      note: dossierReturn.waybillNumber,
    }),
  };
  const event = makeEvent(context, dossier, next, 'return_result', {
    agencyId: dossier.receivingAgencyId,
    details: { method: command.method, receiverRole: dossierReturn.receiverRole, waybillNumber: dossierReturn.waybillNumber },
  });
  return ok({ next, events: [event] });
}

export function confirmDelivery(
  dossier: Dossier,
  command: { readonly deliveredAt: Date | null; readonly receiverName: string | null },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'confirm the delivery of', ['in_postal_return']);
  if (wrong) return err(wrong);
  if (context.actor.kind !== 'system' && !actsFor(context.actor, receptionRoles, dossier.receivingAgencyId)) {
    return err(actorNotAllowed('confirm the delivery', receptionRoles, dossier.receivingAgencyId));
  }
  const deliveredAt = command.deliveredAt ?? context.now;
  if (deliveredAt.getTime() > context.now.getTime()) return err(fieldRequired('deliveredAt (not in the future)'));
  const next: Dossier = {
    ...dossier,
    state: 'returned',
    closedAt: context.now,
    dossierReturn: { ...dossier.dossierReturn!, deliveredAt, receiverName: trimmed(command.receiverName) },
  };
  const event = makeEvent(context, dossier, next, 'confirm_delivery', {
    agencyId: dossier.receivingAgencyId,
    details: { deliveredAt: deliveredAt.toISOString(), waybillNumber: dossier.dossierReturn?.waybillNumber ?? null },
  });
  return ok({ next, events: [event] });
}
