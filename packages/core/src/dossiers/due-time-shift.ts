/**
 * A calendar decision recorded after receipts were issued (an extra day off, a make-up working day) can move the
 * due times of open dossiers and of their active steps. The law does not let them be rewritten silently (issue 3,
 * docs/calendar.md §6): the engine lists the moves (`dueTimeShiftOf`, under the calendar before and after the
 * decision) and a desk supervisor applies them (`shiftDueTime`, one event per dossier). The due time is recomputed
 * exactly as the engine computed it — from the clock's start (reception, or the complete supplement), the case's
 * limit for the channel, its same-day cut-off, and the working time paused for financial obligations — so the move
 * listed is the move applied. The first due time (`initialDueAt`) and the extension (an explicit date) stay.
 */
import { domainError, err, ok } from '../shared/index';
import type { Dossier } from './dossier';
import { actorNotAllowed } from './dossier.errors';
import { timeLimitFor, type LegalClock } from './dossier.ports';
import { actsFor, makeEvent, requireState, trimmed } from './guards';
import type { TransitionContext, TransitionResult } from './transition';

export interface StepDueTimeShift {
  readonly stepId: string;
  readonly order: number;
  readonly before: Date;
  readonly after: Date;
}

export interface DossierDueTimeShift {
  readonly dossierId: string;
  /** Null when the dossier's own due time does not move (only a step's does). */
  readonly dueAt: { readonly before: Date; readonly after: Date } | null;
  readonly steps: readonly StepDueTimeShift[];
}

/** States whose legal clock runs: the due time means something and may be shifted. */
const runningStates = ['received', 'processing'] as const;

/** The dossier's due time on a clock, the way reception, transfer and supplement computed it; null without one. */
export function dueAtOn(dossier: Dossier, clock: LegalClock): Date | null {
  const limit = timeLimitFor(dossier.procedure, dossier.channel);
  if (!limit || !dossier.clockStartedAt || dossier.clockPausedAt) return null;
  let due = clock.dueAt(dossier.clockStartedAt, limit, { sameDayCutoff: dossier.procedure.sameDayCutoff });
  for (const o of dossier.financialObligations) {
    if (o.pausesClock && o.paidAt && o.requestedAt >= dossier.clockStartedAt) {
      due = clock.addWorkingMinutes(due, Math.max(0, clock.workingMinutesBetween(o.requestedAt, o.paidAt)));
    }
  }
  return due;
}

function stepDueAtOn(step: Dossier['steps'][number], clock: LegalClock): Date | null {
  return step.status === 'active' && step.activatedAt ? clock.addWorkingMinutes(step.activatedAt, step.budgetHours * 60) : null;
}

/**
 * What moves between the calendar the receipts used (`before`) and the one now in force (`after`) and is not applied
 * yet; null: nothing.
 */
export function dueTimeShiftOf(dossier: Dossier, before: LegalClock, after: LegalClock): DossierDueTimeShift | null {
  if (!(runningStates as readonly string[]).includes(dossier.state)) return null;
  const oldDue = dueAtOn(dossier, before);
  const newDue = dueAtOn(dossier, after);
  // A move already applied (the stored due time is the one `after` gives) is not listed again.
  const pending = (stored: Date | null, a: Date) => stored === null || stored.getTime() !== a.getTime();
  const dueAt =
    oldDue && newDue && oldDue.getTime() !== newDue.getTime() && pending(dossier.dueAt, newDue) ? { before: oldDue, after: newDue } : null;
  const steps: StepDueTimeShift[] = [];
  for (const s of dossier.steps) {
    const b = stepDueAtOn(s, before);
    const a = stepDueAtOn(s, after);
    if (b && a && b.getTime() !== a.getTime() && pending(s.dueAt, a)) steps.push({ stepId: s.id, order: s.order, before: b, after: a });
  }
  return dueAt || steps.length > 0 ? { dossierId: dossier.id, dueAt, steps } : null;
}

/**
 * The desk supervisor applies a calendar decision to one dossier: its due time and its active steps' due times
 * are recomputed on the clock now in force (which holds the decision). Refused when nothing moves.
 */
export function shiftDueTime(
  dossier: Dossier,
  command: { readonly decisionId: string; readonly note: string | null },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'shift the due time of', runningStates);
  if (wrong) return err(wrong);
  if (!actsFor(context.actor, ['desk_supervisor'], dossier.receivingAgencyId)) {
    return err(actorNotAllowed('apply a calendar decision to the due time', ['desk_supervisor'], dossier.receivingAgencyId));
  }
  const newDue = dueAtOn(dossier, context.clock);
  const stepShifts = dossier.steps.flatMap((s) => {
    const a = stepDueAtOn(s, context.clock);
    return a && s.dueAt && a.getTime() !== s.dueAt.getTime() ? [{ stepId: s.id, order: s.order, before: s.dueAt, after: a }] : [];
  });
  const dueMoves = newDue !== null && dossier.dueAt !== null && newDue.getTime() !== dossier.dueAt.getTime();
  if (!dueMoves && stepShifts.length === 0) {
    return err(domainError('DOSSIER_DUE_TIME_UNCHANGED', 'The calendar in force gives the same due times', {}));
  }
  const byStep = new Map(stepShifts.map((s) => [s.stepId, s.after]));
  const next: Dossier = {
    ...dossier,
    dueAt: dueMoves ? newDue : dossier.dueAt,
    steps: dossier.steps.map((s) => (byStep.has(s.id) ? { ...s, dueAt: byStep.get(s.id)! } : s)),
  };
  const event = makeEvent(context, dossier, next, 'shift_due_time', {
    agencyId: dossier.receivingAgencyId,
    note: trimmed(command.note),
    details: {
      decisionId: command.decisionId,
      dueAtBefore: dossier.dueAt?.toISOString() ?? null,
      dueAtAfter: next.dueAt?.toISOString() ?? null,
      initialDueAt: dossier.initialDueAt?.toISOString() ?? null,
      steps: stepShifts.map((s) => ({ stepId: s.stepId, order: s.order, before: s.before.toISOString(), after: s.after.toISOString() })),
    },
  });
  return ok({ next, events: [event] });
}
