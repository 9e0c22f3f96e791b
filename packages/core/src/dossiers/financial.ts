/**
 * T13 financial obligation (status 6): the agency asks the applicant to pay fees or taxes (items and integer VND
 * amounts). The clock pauses while waiting only when the procedure case says so (legal-spec §3.3 T13: a sectoral
 * rule, per-procedure); on payment the paused working time is added to the due times.
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import { activeStep, type Dossier, type FinancialObligation } from './dossier';
import { actorNotAllowed, fieldRequired } from './dossier.errors';
import { actsFor, makeEvent, officerId, requireState, trimmed } from './guards';
import { receptionRoles } from './reception';
import { dueAfterPause } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

const agencyRoles: readonly OfficerRole[] = ['specialist', 'department_head', 'agency_leader'];

export function requestPayment(
  dossier: Dossier,
  command: { readonly items: readonly { readonly name: string; readonly amount: number }[] },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'request a payment for', ['processing']);
  if (wrong) return err(wrong);
  const step = activeStep(dossier);
  const allowed =
    actsFor(context.actor, agencyRoles, dossier.competentAgencyId) || (step !== null && actsFor(context.actor, [step.role], step.agencyId));
  if (!allowed) return err(actorNotAllowed('request a payment', agencyRoles, dossier.competentAgencyId));
  const items = command.items.map((i) => ({ name: i.name.trim(), amount: i.amount }));
  if (items.length === 0 || items.some((i) => !i.name)) return err(fieldRequired('items'));
  if (items.some((i) => !Number.isSafeInteger(i.amount) || i.amount < 0)) return err(fieldRequired('items.amount (integer VND ≥ 0)'));
  const totalAmount = items.reduce((sum, i) => sum + i.amount, 0);
  if (totalAmount <= 0) return err(fieldRequired('items.amount (a positive total)'));
  const pausesClock = dossier.procedure.pausesClockOnFinancialObligation;
  const obligation: FinancialObligation = {
    id: context.ids.newId(),
    requestedAt: context.now,
    requestedById: officerId(context.actor),
    items,
    totalAmount,
    pausesClock,
    paidAt: null,
    paymentReference: null,
  };
  const next: Dossier = {
    ...dossier,
    state: 'awaiting_payment',
    financialObligations: [...dossier.financialObligations, obligation],
    clockPausedAt: pausesClock ? context.now : null,
  };
  const event = makeEvent(context, dossier, next, 'request_payment', {
    agencyId: dossier.competentAgencyId,
    details: { obligationId: obligation.id, totalAmount, items, pausesClock },
  });
  return ok({ next, events: [event] });
}

export function confirmPayment(
  dossier: Dossier,
  command: { readonly reference: string | null },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'confirm a payment for', ['awaiting_payment']);
  if (wrong) return err(wrong);
  const allowed =
    context.actor.kind === 'system' ||
    actsFor(context.actor, receptionRoles, dossier.receivingAgencyId) ||
    actsFor(context.actor, agencyRoles, dossier.competentAgencyId);
  if (!allowed) return err(actorNotAllowed('confirm a payment', [...receptionRoles, ...agencyRoles], dossier.receivingAgencyId));
  const open = dossier.financialObligations.find((o) => o.paidAt === null);
  if (!open) return err(domainError('DOSSIER_INVALID_STATE', 'No unpaid financial obligation', { state: dossier.state }));
  const { clock, now } = context;
  const pausedAt = dossier.clockPausedAt;
  const shift = (d: Date | null) => (d && pausedAt ? dueAfterPause(clock, d, pausedAt, now) : d);
  const next: Dossier = {
    ...dossier,
    state: 'processing',
    clockPausedAt: null,
    dueAt: shift(dossier.dueAt),
    extendedDueAt: shift(dossier.extendedDueAt),
    steps: dossier.steps.map((s) => (s.status === 'active' ? { ...s, dueAt: shift(s.dueAt) } : s)),
    financialObligations: dossier.financialObligations.map((o) =>
      o.id === open.id ? { ...o, paidAt: now, paymentReference: trimmed(command.reference) } : o,
    ),
  };
  const pausedMinutes = pausedAt ? Math.max(0, clock.workingMinutesBetween(pausedAt, now)) : 0;
  const event = makeEvent(context, dossier, next, 'confirm_payment', {
    agencyId: dossier.competentAgencyId,
    details: {
      obligationId: open.id,
      pausedWorkingMinutes: pausedMinutes,
      dueAtBefore: dossier.dueAt?.toISOString() ?? null,
      dueAt: next.dueAt?.toISOString() ?? null,
    },
  });
  return ok({ next, events: [event] });
}
