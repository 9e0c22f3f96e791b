/**
 * T12 apology and extension (Form 04; NĐ 61 Art. 19(9), kept as configurable defaults under NĐ 118 — legal-spec
 * §16.5): at most once, no later than 1 working day before the due time, with a reason and a new due time. The
 * original due time stays; the extended one is kept beside it. For a dossier at risk, the deadline sweep drafts the
 * apology (Form 04 data) for the leader, who issues it through `extend`.
 */
import { domainError, err, ok, type OfficerRole } from '../shared/index';
import { effectiveDueAt, type Dossier, type Extension } from './dossier';
import { actorNotAllowed, fieldRequired, type DossierError } from './dossier.errors';
import { formFor } from './forms';
import { apologyFormData } from './form-data';
import { actsFor, makeEvent, officerId, requireState, trimmed } from './guards';
import { isWithinExtensionWindow } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

const extendingRoles: readonly OfficerRole[] = ['agency_leader'];
const deskRoles: readonly OfficerRole[] = ['desk_supervisor'];
const extendableStates = ['received', 'processing', 'awaiting_payment'] as const;

/** Why an extension cannot be issued now, or null when it can. */
export function extensionRefusal(dossier: Dossier, context: TransitionContext): DossierError | null {
  const wrong = requireState(dossier, 'extend', extendableStates);
  if (wrong) return wrong;
  if (dossier.extensions.length >= context.policy.maxExtensions) {
    return domainError('DOSSIER_EXTENSION_ALREADY_GRANTED', 'The due time may be extended only once', {
      granted: dossier.extensions.length,
      max: context.policy.maxExtensions,
    });
  }
  const due = effectiveDueAt(dossier);
  if (!due) return domainError('DOSSIER_INVALID_STATE', 'The dossier has no due time yet', { state: dossier.state });
  if (!isWithinExtensionWindow(context.clock, context.now, due, context.policy.extensionNoticeWorkingDays)) {
    return domainError(
      'DOSSIER_EXTENSION_TOO_LATE',
      `An apology and extension must be issued at least ${context.policy.extensionNoticeWorkingDays} working day(s) before the due time`,
      { dueAt: due.toISOString(), workingDays: context.policy.extensionNoticeWorkingDays },
    );
  }
  return null;
}

export function extendDeadline(
  dossier: Dossier,
  command: { readonly newDueAt: Date; readonly reason: string; readonly draftEventId?: string | null },
  context: TransitionContext,
): TransitionResult {
  const allowed =
    actsFor(context.actor, extendingRoles, dossier.competentAgencyId) || actsFor(context.actor, deskRoles, dossier.receivingAgencyId);
  if (!allowed) return err(actorNotAllowed('extend the due time', [...extendingRoles, ...deskRoles], dossier.competentAgencyId));
  const refused = extensionRefusal(dossier, context);
  if (refused) return err(refused);
  const reason = trimmed(command.reason);
  if (!reason) return err(fieldRequired('reason'));
  const previousDueAt = effectiveDueAt(dossier)!;
  if (command.newDueAt.getTime() <= previousDueAt.getTime()) {
    return err(domainError('DOSSIER_EXTENSION_NOT_LATER', 'The new due time must be after the current one', { dueAt: previousDueAt.toISOString() }));
  }
  const extension: Extension = {
    id: context.ids.newId(),
    requestedAt: context.now,
    requestedById: officerId(context.actor),
    agencyId: dossier.competentAgencyId,
    reason,
    previousDueAt,
    newDueAt: command.newDueAt,
  };
  const next: Dossier = { ...dossier, extendedDueAt: command.newDueAt, extensions: [...dossier.extensions, extension] };
  const event = makeEvent(context, dossier, next, 'extend', {
    agencyId: dossier.competentAgencyId,
    note: reason,
    form: formFor('apology_extension', context.now, context.policy.formSets),
    formData: apologyFormData(next, reason, previousDueAt, command.newDueAt),
    details: {
      extensionId: extension.id,
      previousDueAt: previousDueAt.toISOString(),
      newDueAt: command.newDueAt.toISOString(),
      originalDueAt: dossier.dueAt?.toISOString() ?? null,
      draftEventId: command.draftEventId ?? null,
    },
  });
  return ok({ next, events: [event] });
}

/**
 * The sweep's draft apology for a dossier at risk: Form 04 data with a proposed new due time (one more time limit
 * is not presumed: the leader edits it). Nothing changes on the dossier but its history.
 */
export function draftApology(
  dossier: Dossier,
  command: { readonly proposedDueAt: Date; readonly reason: string },
  context: TransitionContext,
): TransitionResult {
  const refused = extensionRefusal(dossier, context);
  if (refused) return err(refused);
  const previousDueAt = effectiveDueAt(dossier)!;
  const event = makeEvent(context, dossier, dossier, 'draft_apology', {
    agencyId: dossier.competentAgencyId,
    note: command.reason,
    form: formFor('apology_extension', context.now, context.policy.formSets),
    formData: { ...apologyFormData(dossier, command.reason, previousDueAt, command.proposedDueAt), isDraft: true },
    details: { dueAt: previousDueAt.toISOString(), proposedDueAt: command.proposedDueAt.toISOString() },
  });
  return ok({ next: dossier, events: [event] });
}
