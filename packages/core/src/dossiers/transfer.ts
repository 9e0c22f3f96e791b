/**
 * T5: the desk hands the dossier to the competent agency (NĐ 118 Art. 18; legal-spec §3.3, §16.4). The internal
 * workflow of the procedure case starts (its first step active with its own due time), and the inter-agency legs
 * of a liên thông procedure start — all at once (electronic) or the first one (paper) (NĐ 61 Art. 19(6)).
 * For a boundary-free dossier, this is when the competent agency receives it and its clock starts (§16.3).
 */
import { err, ok } from '../shared/index';
import type { Dossier, Handover, InterAgencyLeg, StepInstance } from './dossier';
import { timeLimitFor } from './dossier.ports';
import { formFor } from './forms';
import { receiptFormData } from './form-data';
import { addHandover, makeEvent, requireRole, requireState, trimmed } from './guards';
import { receptionRoles } from './reception';
import { stepDueAt } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

/** Desk roles act at reception and return; the workflow the engine runs is the agency's part between them. */
const deskRoles: ReadonlySet<string> = new Set(['reception_officer', 'desk_supervisor']);

export function instantiateSteps(dossier: Dossier, context: TransitionContext): StepInstance[] {
  return [...dossier.procedure.workflow]
    .filter((d) => !deskRoles.has(d.role))
    .sort((a, b) => a.order - b.order)
    .map((d, index) => ({
      id: context.ids.newId(),
      order: index + 1,
      name: d.name,
      agencyId: d.agencyId,
      role: d.role,
      budgetHours: d.budgetHours,
      status: 'pending',
      assigneeId: null,
      assigneeName: null,
      activatedAt: null,
      dueAt: null,
      completedAt: null,
      round: 0,
    }));
}

export function activate(step: StepInstance, context: TransitionContext): StepInstance {
  return {
    ...step,
    status: 'active',
    activatedAt: context.now,
    dueAt: stepDueAt(context.clock, context.now, step.budgetHours),
    completedAt: null,
    assigneeId: null,
    assigneeName: null,
    round: step.round + 1,
  };
}

export function activateLeg(leg: InterAgencyLeg, context: TransitionContext): InterAgencyLeg {
  return { ...leg, status: 'active', activatedAt: context.now, dueAt: stepDueAt(context.clock, context.now, leg.budgetHours) };
}

function legHandover(dossier: Dossier, leg: InterAgencyLeg, context: TransitionContext): readonly Handover[] {
  return addHandover(dossier, context, {
    kind: 'inter_agency',
    fromAgencyId: dossier.receivingAgencyId,
    fromUserId: null,
    fromName: null,
    toAgencyId: leg.agencyId,
    toUserId: null,
    toRole: null,
    dueAt: leg.dueAt,
    note: leg.task,
  });
}

function startInterAgency(dossier: Dossier, context: TransitionContext): Dossier {
  const definition = dossier.procedure.interAgency;
  if (!definition) return dossier;
  const legs: InterAgencyLeg[] = [...definition.legs]
    .sort((a, b) => a.order - b.order)
    .map((l, i) => ({
      id: context.ids.newId(),
      order: i + 1,
      agencyId: l.agencyId,
      task: l.task,
      budgetHours: l.budgetHours,
      status: 'pending',
      activatedAt: null,
      dueAt: null,
      completedAt: null,
      completedById: null,
      outcome: null,
    }));
  // Electronic dossiers go to every agency at once; paper ones travel in order (NĐ 61 Art. 19(6)).
  const parallel = definition.mode === 'parallel' || !dossier.isPaper;
  let next: Dossier = { ...dossier, interAgencyLegs: legs.map((l, i) => (parallel || i === 0 ? activateLeg(l, context) : l)) };
  for (const leg of next.interAgencyLegs.filter((l) => l.status === 'active')) {
    next = { ...next, handovers: legHandover(next, leg, context) };
  }
  return next;
}

export function transfer(dossier: Dossier, command: { readonly note: string | null }, context: TransitionContext): TransitionResult {
  const wrong = requireState(dossier, 'transfer', ['received']);
  if (wrong) return err(wrong);
  const denied = requireRole(context.actor, 'transfer', receptionRoles, dossier.currentAgencyId);
  if (denied) return err(denied);
  const { clock, now } = context;
  const startsClock = dossier.clockStartedAt === null;
  const limit = timeLimitFor(dossier.procedure, dossier.channel);
  const dueAt = startsClock && limit ? clock.dueAt(now, limit, { sameDayCutoff: dossier.procedure.sameDayCutoff }) : dossier.dueAt;
  const steps = instantiateSteps(dossier, context);
  const first = steps[0] ? activate(steps[0], context) : null;
  const receiverAgencyId = first?.agencyId ?? dossier.competentAgencyId;
  let next: Dossier = {
    ...dossier,
    state: 'processing',
    currentAgencyId: receiverAgencyId,
    competentReceivedAt: now,
    transferredAt: now,
    clockStartedAt: startsClock ? clock.clockStart(now) : dossier.clockStartedAt,
    initialDueAt: dossier.initialDueAt ?? dueAt,
    dueAt,
    steps: first ? [first, ...steps.slice(1)] : steps,
  };
  next = {
    ...next,
    handovers: addHandover(next, context, {
      kind: 'transfer',
      fromAgencyId: dossier.currentAgencyId,
      fromUserId: context.actor.kind === 'officer' ? context.actor.userId : null,
      fromName: context.actor.kind === 'officer' ? context.actor.displayName : null,
      toAgencyId: receiverAgencyId,
      toUserId: null,
      toRole: first?.role ?? null,
      dueAt: first?.dueAt ?? dueAt,
      note: trimmed(command.note),
    }),
  };
  next = startInterAgency(next, context);
  const event = makeEvent(context, dossier, next, 'transfer', {
    agencyId: dossier.currentAgencyId,
    note: trimmed(command.note),
    // A boundary-free dossier gets its appointment now: the applicant is told with an updated receipt.
    form: startsClock ? formFor('receipt', now, context.policy.formSets) : null,
    formData: startsClock ? receiptFormData(next) : null,
    details: {
      toAgencyId: receiverAgencyId,
      clockStarted: startsClock,
      dueAt: dueAt?.toISOString() ?? null,
      transferDueAt: dossier.transferDueAt?.toISOString() ?? null,
      stepId: first?.id ?? null,
      stepDueAt: first?.dueAt?.toISOString() ?? null,
      legs: next.interAgencyLegs.length,
    },
  });
  return ok({ next, events: [event] });
}
