/**
 * Supplement requests (Form 02): at the reception check of an online dossier (no clock yet), or after reception
 * (legal-spec §3.3 T7–T8). At most once per dossier (NĐ 118 Art. 11); a request later than 3 working days after
 * reception is flagged (NĐ 61 Art. 19(4)). When the complete supplement arrives the clock restarts from zero and
 * the due time before it is kept; the dossier code never changes.
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import { activeStep, type Dossier, type ReceivedDocument, type SupplementRequest } from './dossier';
import { fieldRequired } from './dossier.errors';
import { timeLimitFor } from './dossier.ports';
import { formFor } from './forms';
import { receiptFormData, supplementFormData } from './form-data';
import { actorNotAllowed } from './dossier.errors';
import { actsFor, isOwner, makeEvent, officerId, requireState, trimmed } from './guards';
import { receptionRoles } from './reception';
import { isSupplementLate, stepDueAt } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

const appraisalRoles: readonly OfficerRole[] = ['specialist', 'department_head', 'agency_leader'];

function mayRequestAfterReception(dossier: Dossier, context: TransitionContext): boolean {
  const { actor } = context;
  if (actsFor(actor, receptionRoles, dossier.receivingAgencyId)) return true;
  if (actsFor(actor, appraisalRoles, dossier.competentAgencyId)) return true;
  const step = activeStep(dossier);
  return step !== null && actsFor(actor, [step.role], step.agencyId);
}

export function requestSupplement(
  dossier: Dossier,
  command: { readonly items: readonly string[]; readonly reason: string },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'request a supplement for', ['submitted', 'received', 'processing']);
  if (wrong) return err(wrong);
  const stage = dossier.state === 'submitted' ? 'reception' : 'appraisal';
  const allowed =
    stage === 'reception' ? actsFor(context.actor, receptionRoles, dossier.receivingAgencyId) : mayRequestAfterReception(dossier, context);
  if (!allowed) {
    return err(actorNotAllowed('request a supplement', stage === 'reception' ? receptionRoles : [...receptionRoles, ...appraisalRoles], dossier.receivingAgencyId));
  }
  if (dossier.supplementRequests.length >= context.policy.maxSupplementRequests) {
    return err(
      domainError('DOSSIER_SUPPLEMENT_ALREADY_REQUESTED', 'A supplement may be requested only once (NĐ 118/2025 Art. 11)', {
        requested: dossier.supplementRequests.length,
        max: context.policy.maxSupplementRequests,
      }),
    );
  }
  const items = command.items.map((i) => i.trim()).filter(Boolean);
  if (items.length === 0) return err(fieldRequired('items'));
  const reason = trimmed(command.reason);
  if (!reason) return err(fieldRequired('reason'));
  const { clock, policy, now } = context;
  const request: SupplementRequest = {
    id: context.ids.newId(),
    stage,
    resumeState: dossier.state as SupplementRequest['resumeState'],
    requestedAt: now,
    requestedById: officerId(context.actor),
    agencyId: dossier.currentAgencyId,
    items,
    reason,
    isLate:
      stage === 'appraisal' && dossier.clockStartedAt !== null
        ? isSupplementLate(clock, dossier.clockStartedAt, now, policy.supplementLateAfterWorkingDays)
        : false,
    providedAt: null,
    dueAtBefore: dossier.dueAt,
    dueAtAfter: null,
  };
  const next: Dossier = { ...dossier, state: 'supplement_requested', supplementRequests: [...dossier.supplementRequests, request] };
  const event = makeEvent(context, dossier, next, 'request_supplement', {
    agencyId: dossier.currentAgencyId,
    note: reason,
    form: formFor('supplement_request', now, policy.formSets),
    formData: supplementFormData(next, request),
    details: { supplementRequestId: request.id, stage, items, isLate: request.isLate },
  });
  return ok({ next, events: [event] });
}

export function provideSupplement(
  dossier: Dossier,
  command: { readonly documents: readonly ReceivedDocument[]; readonly note: string | null },
  context: TransitionContext,
): TransitionResult {
  const wrong = requireState(dossier, 'provide a supplement for', ['supplement_requested']);
  if (wrong) return err(wrong);
  if (!isOwner(context.actor, dossier) && !actsFor(context.actor, receptionRoles, dossier.receivingAgencyId)) {
    return err(actorNotAllowed('provide a supplement', ['applicant', ...receptionRoles], dossier.receivingAgencyId));
  }
  const open = dossier.supplementRequests.find((r) => r.providedAt === null);
  if (!open) throw new Error(`Dossier ${dossier.id} awaits a supplement but has no open request`);
  const { clock, now } = context;
  const restarts = open.stage === 'appraisal' && (dossier.clockStartedAt !== null || open.resumeState === 'processing');
  const limit = timeLimitFor(dossier.procedure, dossier.channel);
  // NĐ 61 Art. 19(4): the time limit runs again from zero once the complete supplement is received.
  const dueAt = restarts && limit ? clock.dueAt(now, limit, { sameDayCutoff: dossier.procedure.sameDayCutoff }) : dossier.dueAt;
  const steps = restarts
    ? dossier.steps.map((s) => (s.status === 'active' ? { ...s, dueAt: stepDueAt(clock, now, s.budgetHours) } : s))
    : dossier.steps;
  const closed: SupplementRequest = { ...open, providedAt: now, dueAtAfter: dueAt };
  const next: Dossier = {
    ...dossier,
    state: open.resumeState,
    documents: [...dossier.documents, ...command.documents],
    supplementRequests: dossier.supplementRequests.map((r) => (r.id === open.id ? closed : r)),
    clockStartedAt: restarts ? clock.clockStart(now) : dossier.clockStartedAt,
    dueAt,
    extendedDueAt: restarts ? null : dossier.extendedDueAt,
    steps,
  };
  const event = makeEvent(context, dossier, next, 'provide_supplement', {
    agencyId: dossier.receivingAgencyId,
    note: trimmed(command.note),
    form: restarts ? formFor('receipt', now, context.policy.formSets) : null,
    formData: restarts ? receiptFormData(next) : null,
    details: {
      supplementRequestId: open.id,
      clockRestarted: restarts,
      dueAtBefore: open.dueAtBefore?.toISOString() ?? null,
      dueAt: dueAt?.toISOString() ?? null,
      documents: command.documents.length,
    },
  });
  return ok({ next, events: [event] });
}
