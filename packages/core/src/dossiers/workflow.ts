/**
 * T6: executing the internal workflow (TT 01/2018 Art. 8). The active step is offered to every officer with its
 * role in its unit; one claims it, or a head or leader assigns it. Completing a step hands the dossier to the next
 * one (a control-sheet row, its own due time from its budget); a step may send the dossier back to an earlier step
 * with a reason.
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import type { Dossier, StepInstance } from './dossier';
import { actorNotAllowed, fieldRequired, type DossierError } from './dossier.errors';
import { actsFor, addHandover, makeEvent, officerId, requireState, trimmed } from './guards';
import { activate } from './transfer';
import type { TransitionContext, TransitionResult } from './transition';

const assigningRoles: readonly OfficerRole[] = ['department_head', 'agency_leader'];

function findActiveStep(dossier: Dossier, stepId: string): StepInstance | DossierError {
  const step = dossier.steps.find((s) => s.id === stepId);
  if (!step) return domainError('DOSSIER_STEP_NOT_FOUND', `No step ${stepId}`, { stepId });
  if (step.status !== 'active') return domainError('DOSSIER_STEP_NOT_ACTIVE', `Step ${step.order} is ${step.status}`, { stepId });
  return step;
}

function isError(value: StepInstance | DossierError): value is DossierError {
  return 'code' in value;
}

function replaceStep(dossier: Dossier, step: StepInstance): readonly StepInstance[] {
  return dossier.steps.map((s) => (s.id === step.id ? step : s));
}

export function claimStep(dossier: Dossier, command: { readonly stepId: string }, context: TransitionContext): TransitionResult {
  const wrong = requireState(dossier, 'claim a step of', ['processing']);
  if (wrong) return err(wrong);
  const step = findActiveStep(dossier, command.stepId);
  if (isError(step)) return err(step);
  if (!actsFor(context.actor, [step.role], step.agencyId)) return err(actorNotAllowed('claim this step', [step.role], step.agencyId));
  if (step.assigneeId !== null) {
    return err(domainError('DOSSIER_STEP_ALREADY_ASSIGNED', `Step ${step.order} is already assigned`, { stepId: step.id }));
  }
  const actor = context.actor as Extract<typeof context.actor, { kind: 'officer' }>;
  const claimed: StepInstance = { ...step, assigneeId: actor.userId, assigneeName: actor.displayName };
  const next: Dossier = { ...dossier, steps: replaceStep(dossier, claimed) };
  const event = makeEvent(context, dossier, next, 'claim_step', {
    agencyId: step.agencyId,
    details: { stepId: step.id, order: step.order, assigneeId: actor.userId },
  });
  return ok({ next, events: [event] });
}

export function assignStep(
  dossier: Dossier,
  command: { readonly stepId: string; readonly assigneeId: string; readonly assigneeName: string },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'assign a step of', ['processing']);
  if (wrong) return err(wrong);
  const step = findActiveStep(dossier, command.stepId);
  if (isError(step)) return err(step);
  if (!actsFor(context.actor, assigningRoles, step.agencyId) && !actsFor(context.actor, assigningRoles, dossier.competentAgencyId)) {
    return err(actorNotAllowed('assign this step', assigningRoles, step.agencyId));
  }
  if (!trimmed(command.assigneeId)) return err(fieldRequired('assigneeId'));
  const assigned: StepInstance = { ...step, assigneeId: command.assigneeId, assigneeName: trimmed(command.assigneeName) };
  const next: Dossier = { ...dossier, steps: replaceStep(dossier, assigned) };
  const event = makeEvent(context, dossier, next, 'assign_step', {
    agencyId: step.agencyId,
    details: { stepId: step.id, order: step.order, assigneeId: command.assigneeId, previousAssigneeId: step.assigneeId },
  });
  return ok({ next, events: [event] });
}

/** The assignee acts; an unassigned step may be completed by anyone with its role (completing claims it). */
function mayActOnStep(step: StepInstance, context: TransitionContext): DossierError | null {
  if (!actsFor(context.actor, [step.role], step.agencyId)) return actorNotAllowed('act on this step', [step.role], step.agencyId);
  if (step.assigneeId !== null && step.assigneeId !== officerId(context.actor)) {
    return domainError('DOSSIER_STEP_NOT_ASSIGNEE', `Step ${step.order} is assigned to another officer`, { stepId: step.id });
  }
  return null;
}

export function completeStep(
  dossier: Dossier,
  command: { readonly stepId: string; readonly note: string | null },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'complete a step of', ['processing']);
  if (wrong) return err(wrong);
  const step = findActiveStep(dossier, command.stepId);
  if (isError(step)) return err(step);
  const denied = mayActOnStep(step, context);
  if (denied) return err(denied);
  const pending = dossier.consultations.filter((c) => c.stepId === step.id && c.answeredAt === null);
  if (pending.length > 0) {
    return err(domainError('DOSSIER_CONSULTATION_PENDING', 'Consultations of this step are unanswered', { count: pending.length }));
  }
  const actor = context.actor as Extract<typeof context.actor, { kind: 'officer' }>;
  const done: StepInstance = {
    ...step,
    status: 'completed',
    completedAt: context.now,
    assigneeId: step.assigneeId ?? actor.userId,
    assigneeName: step.assigneeName ?? actor.displayName,
  };
  const following = dossier.steps.filter((s) => s.order > step.order).sort((a, b) => a.order - b.order)[0];
  const activated = following ? activate(following, context) : null;
  let next: Dossier = {
    ...dossier,
    steps: dossier.steps.map((s) => (s.id === step.id ? done : activated && s.id === activated.id ? activated : s)),
    currentAgencyId: activated?.agencyId ?? dossier.currentAgencyId,
  };
  if (activated) {
    next = {
      ...next,
      handovers: addHandover(next, context, {
        kind: 'step',
        fromAgencyId: step.agencyId,
        fromUserId: actor.userId,
        fromName: actor.displayName,
        toAgencyId: activated.agencyId,
        toUserId: null,
        toRole: activated.role,
        dueAt: activated.dueAt,
        note: trimmed(command.note),
      }),
    };
  }
  const event = makeEvent(context, dossier, next, 'complete_step', {
    agencyId: step.agencyId,
    note: trimmed(command.note),
    details: {
      stepId: step.id,
      order: step.order,
      stepDueAt: step.dueAt?.toISOString() ?? null,
      nextStepId: activated?.id ?? null,
      nextStepDueAt: activated?.dueAt?.toISOString() ?? null,
      workflowCompleted: activated === null,
    },
  });
  return ok({ next, events: [event] });
}

export function returnStep(
  dossier: Dossier,
  command: { readonly stepId: string; readonly toStepId: string; readonly reason: string },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'return a step of', ['processing']);
  if (wrong) return err(wrong);
  const step = findActiveStep(dossier, command.stepId);
  if (isError(step)) return err(step);
  const denied = mayActOnStep(step, context);
  if (denied) return err(denied);
  const target = dossier.steps.find((s) => s.id === command.toStepId);
  if (!target || target.order >= step.order) {
    return err(domainError('DOSSIER_STEP_RETURN_INVALID', 'A step returns the dossier only to an earlier step', { toStepId: command.toStepId }));
  }
  const reason = trimmed(command.reason);
  if (!reason) return err(fieldRequired('reason'));
  const actor = context.actor as Extract<typeof context.actor, { kind: 'officer' }>;
  const reactivated = { ...activate(target, context), assigneeId: target.assigneeId, assigneeName: target.assigneeName };
  const steps = dossier.steps.map((s) => {
    if (s.id === step.id) return { ...s, status: 'pending' as const, completedAt: null };
    if (s.id === target.id) return reactivated;
    // Steps between the target and the returning one must be done again.
    if (s.order > target.order && s.order < step.order) return { ...s, status: 'pending' as const, completedAt: null };
    return s;
  });
  let next: Dossier = { ...dossier, steps, currentAgencyId: target.agencyId };
  next = {
    ...next,
    handovers: addHandover(next, context, {
      kind: 'return_step',
      fromAgencyId: step.agencyId,
      fromUserId: actor.userId,
      fromName: actor.displayName,
      toAgencyId: target.agencyId,
      toUserId: target.assigneeId,
      toRole: target.role,
      dueAt: reactivated.dueAt,
      note: reason,
    }),
  };
  const event = makeEvent(context, dossier, next, 'return_step', {
    agencyId: step.agencyId,
    note: reason,
    details: { stepId: step.id, toStepId: target.id, fromOrder: step.order, toOrder: target.order },
  });
  return ok({ next, events: [event] });
}
