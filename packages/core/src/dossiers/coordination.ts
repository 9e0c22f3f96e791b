/**
 * T9 consultation (NĐ 61 Art. 19(5)): the step's officer asks another unit for an opinion within a sub-deadline;
 * that unit answers. T10 inter-agency legs (NĐ 61 Art. 19(6)–(7)): each participating agency completes its part
 * by its own sub-deadline; a paper chain hands over to the next agency; the lead agency assembles the result.
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import { activeStep, type Consultation, type Dossier } from './dossier';
import { actorNotAllowed, fieldRequired } from './dossier.errors';
import { actsFor, addHandover, completeHandover, makeEvent, officerId, requireState, trimmed } from './guards';
import { activateLeg } from './transfer';
import { stepDueAt } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

const answeringRoles: readonly OfficerRole[] = ['specialist', 'department_head', 'agency_leader'];

export function requestConsultation(
  dossier: Dossier,
  command: { readonly toAgencyId: string; readonly question: string; readonly budgetHours: number },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'consult on', ['processing']);
  if (wrong) return err(wrong);
  const step = activeStep(dossier);
  const fromAgencyId = step?.agencyId ?? dossier.competentAgencyId;
  const roles: readonly OfficerRole[] = step ? [step.role] : answeringRoles;
  if (!actsFor(context.actor, roles, fromAgencyId)) return err(actorNotAllowed('request a consultation', roles, fromAgencyId));
  const question = trimmed(command.question);
  if (!question) return err(fieldRequired('question'));
  if (!(command.budgetHours > 0)) return err(fieldRequired('budgetHours'));
  const consultation: Consultation = {
    id: context.ids.newId(),
    stepId: step?.id ?? null,
    fromAgencyId,
    toAgencyId: command.toAgencyId,
    question,
    requestedAt: context.now,
    requestedById: officerId(context.actor),
    dueAt: stepDueAt(context.clock, context.now, command.budgetHours),
    answeredAt: null,
    answeredById: null,
    answer: null,
  };
  let next: Dossier = { ...dossier, consultations: [...dossier.consultations, consultation] };
  next = {
    ...next,
    handovers: addHandover(next, context, {
      kind: 'consultation',
      fromAgencyId,
      fromUserId: officerId(context.actor),
      fromName: context.actor.kind === 'officer' ? context.actor.displayName : null,
      toAgencyId: command.toAgencyId,
      toUserId: null,
      toRole: null,
      dueAt: consultation.dueAt,
      note: `consultation:${consultation.id}`,
    }),
  };
  const event = makeEvent(context, dossier, next, 'request_consultation', {
    agencyId: fromAgencyId,
    note: question,
    details: { consultationId: consultation.id, toAgencyId: command.toAgencyId, dueAt: consultation.dueAt.toISOString() },
  });
  return ok({ next, events: [event] });
}

export function answerConsultation(
  dossier: Dossier,
  command: { readonly consultationId: string; readonly answer: string },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'answer a consultation on', ['processing', 'supplement_requested', 'awaiting_payment']);
  if (wrong) return err(wrong);
  const consultation = dossier.consultations.find((c) => c.id === command.consultationId);
  if (!consultation) {
    return err(domainError('DOSSIER_CONSULTATION_NOT_FOUND', `No consultation ${command.consultationId}`, { consultationId: command.consultationId }));
  }
  if (consultation.answeredAt !== null) {
    return err(domainError('DOSSIER_CONSULTATION_ANSWERED', 'This consultation was already answered', { consultationId: consultation.id }));
  }
  if (!actsFor(context.actor, answeringRoles, consultation.toAgencyId)) {
    return err(actorNotAllowed('answer this consultation', answeringRoles, consultation.toAgencyId));
  }
  const answer = trimmed(command.answer);
  if (!answer) return err(fieldRequired('answer'));
  const answered: Consultation = { ...consultation, answeredAt: context.now, answeredById: officerId(context.actor), answer };
  const marker = `consultation:${consultation.id}`;
  const next: Dossier = {
    ...dossier,
    consultations: dossier.consultations.map((c) => (c.id === consultation.id ? answered : c)),
    handovers: dossier.handovers.map((h) => (h.kind === 'consultation' && h.note === marker && !h.completedAt ? completeHandover(h, context.now) : h)),
  };
  const event = makeEvent(context, dossier, next, 'answer_consultation', {
    agencyId: consultation.toAgencyId,
    note: answer,
    details: {
      consultationId: consultation.id,
      dueAt: consultation.dueAt.toISOString(),
      isLate: context.now.getTime() > consultation.dueAt.getTime(),
    },
  });
  return ok({ next, events: [event] });
}

export function completeLeg(
  dossier: Dossier,
  command: { readonly legId: string; readonly outcome: string },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'complete an inter-agency part of', ['processing']);
  if (wrong) return err(wrong);
  const leg = dossier.interAgencyLegs.find((l) => l.id === command.legId);
  if (!leg) return err(domainError('DOSSIER_LEG_NOT_FOUND', `No inter-agency leg ${command.legId}`, { legId: command.legId }));
  if (leg.status !== 'active') return err(domainError('DOSSIER_LEG_NOT_ACTIVE', `Leg ${leg.order} is ${leg.status}`, { legId: leg.id }));
  if (!actsFor(context.actor, answeringRoles, leg.agencyId)) return err(actorNotAllowed('complete this part', answeringRoles, leg.agencyId));
  const outcome = trimmed(command.outcome);
  if (!outcome) return err(fieldRequired('outcome'));
  const done = { ...leg, status: 'completed' as const, completedAt: context.now, completedById: officerId(context.actor), outcome };
  const following = dossier.interAgencyLegs.filter((l) => l.status === 'pending').sort((a, b) => a.order - b.order)[0];
  const activated = following ? activateLeg(following, context) : null;
  let next: Dossier = {
    ...dossier,
    interAgencyLegs: dossier.interAgencyLegs.map((l) => (l.id === leg.id ? done : activated && l.id === activated.id ? activated : l)),
    handovers: dossier.handovers.map((h) =>
      h.kind === 'inter_agency' && h.toAgencyId === leg.agencyId && !h.completedAt ? completeHandover(h, context.now) : h,
    ),
  };
  if (activated) {
    // A paper chain: this agency forwards the dossier and its partial result to the next (Phiếu chuyển xử lý).
    next = {
      ...next,
      handovers: addHandover(next, context, {
        kind: 'inter_agency',
        fromAgencyId: leg.agencyId,
        fromUserId: officerId(context.actor),
        fromName: context.actor.kind === 'officer' ? context.actor.displayName : null,
        toAgencyId: activated.agencyId,
        toUserId: null,
        toRole: null,
        dueAt: activated.dueAt,
        note: activated.task,
      }),
    };
  }
  const event = makeEvent(context, dossier, next, 'complete_leg', {
    agencyId: leg.agencyId,
    note: outcome,
    details: {
      legId: leg.id,
      order: leg.order,
      dueAt: leg.dueAt?.toISOString() ?? null,
      isLate: leg.dueAt ? context.now.getTime() > leg.dueAt.getTime() : false,
      nextLegId: activated?.id ?? null,
    },
  });
  return ok({ next, events: [event] });
}
