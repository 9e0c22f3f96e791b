/**
 * Reception (legal-spec §3.3 T1–T4, §7, §16.3): online submission (status 1), reception at the counter or of a
 * postal dossier, guidance to complete at the counter (Form 02, nothing received), refusal (Form 03), and the
 * reception check of an online dossier. Reception assigns the dossier code (handed in by the repository, which
 * owns the gapless sequence), records Form 01 data and starts the legal clock — or, for a dossier received
 * regardless of administrative boundary, leaves it to start when the competent agency receives it.
 */
import { err, ok, type OfficerRole } from '../shared/index';
import type { Dossier, LedgerEntry, Party, PostalData, ReceivedDocument } from './dossier';
import { domainError } from '../shared/index';
import { fieldRequired, type DossierError } from './dossier.errors';
import { timeLimitFor, type Channel, type EntryPoint, type ProcedureCaseSnapshot } from './dossier.ports';
import { formFor } from './forms';
import { receiptFormData, refusalFormData, supplementFormData } from './form-data';
import { addHandover, makeEvent, requireRole, requireState, trimmed } from './guards';
import { transferDueAt } from './timing';
import type { TransitionContext, TransitionResult } from './transition';

export const receptionRoles: readonly OfficerRole[] = ['reception_officer', 'desk_supervisor'];

export interface NewDossierInput {
  readonly procedure: ProcedureCaseSnapshot;
  readonly receivingAgencyId: string;
  readonly parties: readonly Party[];
  readonly documents: readonly ReceivedDocument[];
  readonly setCount: number;
  readonly summary: string;
  readonly returnMethod: 'counter' | 'postal' | 'online';
  readonly entryPoint: EntryPoint;
  readonly postal: PostalData | null;
}

/** What the repository assigned for a reception: the code from the day's sequence and the ledger row. */
export interface ReceptionAssignment {
  readonly code: string;
  readonly codeFormat: string;
  readonly ledgerEntry: LedgerEntry;
}

function validateInput(input: NewDossierInput, channel: Channel): DossierError | null {
  if (!input.parties.some((p) => p.role === 'applicant')) return fieldRequired('parties.applicant');
  if (!trimmed(input.summary)) return fieldRequired('summary');
  if (timeLimitFor(input.procedure, channel) === null) {
    return domainError('DOSSIER_TIME_LIMIT_MISSING', `The procedure case has no time limit for channel ${channel}`, {
      channel,
    });
  }
  if (channel === 'postal' && !input.procedure.allowsPostalSubmission) {
    return domainError('DOSSIER_POSTAL_NOT_ALLOWED', 'This procedure cannot be submitted by post', { direction: 'submit' });
  }
  if (input.returnMethod === 'postal') {
    if (!input.procedure.allowsPostalReturn) {
      return domainError('DOSSIER_POSTAL_NOT_ALLOWED', 'This procedure cannot be returned by post', { direction: 'return' });
    }
    if (!trimmed(input.postal?.deliveryAddress)) return fieldRequired('postal.deliveryAddress');
  }
  if (channel === 'postal' && !input.postal?.handoverMinutesSignedAt) return fieldRequired('postal.handoverMinutesSignedAt');
  return null;
}

function newDossier(id: string, input: NewDossierInput, channel: Channel, submittedAt: Date): Dossier {
  const limits = input.procedure.receivingAgencyIds;
  return {
    id,
    version: 0,
    code: null,
    codeFormat: null,
    state: 'submitted',
    channel,
    entryPoint: input.entryPoint,
    isPaper: channel !== 'online',
    procedure: input.procedure,
    receivingAgencyId: input.receivingAgencyId,
    competentAgencyId: input.procedure.competentAgencyId,
    currentAgencyId: input.receivingAgencyId,
    isBoundaryFree: limits.length > 0 && !limits.includes(input.receivingAgencyId),
    ownerUserId: null,
    summary: input.summary.trim(),
    parties: input.parties,
    documents: input.documents,
    setCount: input.setCount,
    returnMethod: input.returnMethod,
    postal: input.postal,
    ledgerEntry: null,
    submittedAt,
    receivedAt: null,
    receivedById: null,
    competentReceivedAt: null,
    clockStartedAt: null,
    initialDueAt: null,
    dueAt: null,
    extendedDueAt: null,
    clockPausedAt: null,
    transferDueAt: null,
    transferredAt: null,
    processingEndedAt: null,
    timeliness: null,
    closedAt: null,
    steps: [],
    handovers: [],
    supplementRequests: [],
    extensions: [],
    consultations: [],
    interAgencyLegs: [],
    financialObligations: [],
    result: null,
    dossierReturn: null,
  };
}

/**
 * Marks a dossier received at `receivedAt`: code, ledger row, transfer due time, and the clock — unless the dossier
 * is boundary-free and the clock waits for the competent agency.
 */
function markReceived(dossier: Dossier, assignment: ReceptionAssignment, receivedAt: Date, context: TransitionContext): Dossier {
  const { clock, policy } = context;
  const limit = timeLimitFor(dossier.procedure, dossier.channel);
  const waitsForAgency = dossier.isBoundaryFree && policy.clockStartsAtCompetentAgency;
  const dueAt = limit && !waitsForAgency ? clock.dueAt(receivedAt, limit, { sameDayCutoff: dossier.procedure.sameDayCutoff }) : null;
  const transferDue = transferDueAt(clock, receivedAt, dossier.isPaper, policy.paperTransferCutoff);
  // Control sheet, first row: the desk receives the dossier and must hand it to the competent agency in time.
  const handovers = addHandover(dossier, context, {
    kind: 'reception',
    fromAgencyId: null,
    fromUserId: null,
    fromName: null,
    toAgencyId: dossier.receivingAgencyId,
    toUserId: context.actor.kind === 'officer' ? context.actor.userId : null,
    toRole: 'reception_officer',
    dueAt: transferDue,
    note: null,
  }).map((h) => ({ ...h, at: receivedAt }));
  return {
    ...dossier,
    handovers,
    state: 'received',
    code: assignment.code,
    codeFormat: assignment.codeFormat,
    ledgerEntry: assignment.ledgerEntry,
    receivedAt,
    receivedById: context.actor.kind === 'officer' ? context.actor.userId : null,
    clockStartedAt: waitsForAgency ? null : clock.clockStart(receivedAt),
    initialDueAt: dueAt,
    dueAt,
    transferDueAt: transferDue,
  };
}

function receiptEvent(before: Dossier | null, next: Dossier, context: TransitionContext) {
  return makeEvent(context, before, next, 'receive', {
    agencyId: next.receivingAgencyId,
    form: formFor('receipt', context.now, context.policy.formSets),
    formData: receiptFormData(next),
    details: {
      code: next.code,
      receivedAt: next.receivedAt?.toISOString(),
      dueAt: next.dueAt?.toISOString() ?? null,
      transferDueAt: next.transferDueAt?.toISOString() ?? null,
      isBoundaryFree: next.isBoundaryFree,
      channel: next.channel,
      entryPoint: next.entryPoint,
    },
  });
}

/** T4 start: an applicant submits online; the desk must check it within the configured working time. */
export function submitOnline(input: NewDossierInput, context: TransitionContext): TransitionResult {
  if (context.actor.kind !== 'citizen') {
    return err(domainError('DOSSIER_ACTOR_NOT_ALLOWED', 'Only an applicant submits online', { action: 'submit' }));
  }
  const invalid = validateInput(input, 'online');
  if (invalid) return err(invalid);
  const next: Dossier = { ...newDossier(context.ids.newId(), input, 'online', context.now), ownerUserId: context.actor.userId };
  const event = makeEvent(context, null, next, 'submit', {
    agencyId: input.receivingAgencyId,
    details: { channel: 'online', entryPoint: input.entryPoint },
  });
  return ok({ next, events: [event] });
}

/** T1 (counter) and postal reception: a new dossier received at once with its code and Form 01. */
export function receiveAtDesk(
  input: NewDossierInput & { readonly channel: 'counter' | 'postal'; readonly ownerUserId?: string | null },
  assignment: ReceptionAssignment,
  context: TransitionContext,
): TransitionResult {
  const denied = requireRole(context.actor, 'receive', receptionRoles, input.receivingAgencyId);
  if (denied) return err(denied);
  const invalid = validateInput(input, input.channel);
  if (invalid) return err(invalid);
  // Postal: the signing of the hand-over minutes is the legal submission time (QĐ 45/2016 Art. 7(4)).
  const receivedAt = input.channel === 'postal' ? input.postal!.handoverMinutesSignedAt! : context.now;
  if (receivedAt.getTime() > context.now.getTime()) return err(fieldRequired('postal.handoverMinutesSignedAt (not in the future)'));
  const base: Dossier = { ...newDossier(context.ids.newId(), input, input.channel, receivedAt), ownerUserId: input.ownerUserId ?? null };
  const next = markReceived(base, assignment, receivedAt, context);
  return ok({ next, events: [receiptEvent(null, next, context)] });
}

/** T2: incomplete at the counter — one full guidance (Form 02); nothing is received, no code, no clock. */
export function guideAtCounter(
  input: NewDossierInput & { readonly items: readonly string[]; readonly reason: string },
  context: TransitionContext,
): TransitionResult {
  const denied = requireRole(context.actor, 'guide', receptionRoles, input.receivingAgencyId);
  if (denied) return err(denied);
  if (input.items.length === 0) return err(fieldRequired('items'));
  if (!trimmed(input.reason)) return err(fieldRequired('reason'));
  const base = newDossier(context.ids.newId(), input, 'counter', context.now);
  const next: Dossier = { ...base, state: 'guided', closedAt: context.now };
  const event = makeEvent(context, null, next, 'guide', {
    agencyId: input.receivingAgencyId,
    note: input.reason,
    form: formFor('supplement_request', context.now, context.policy.formSets),
    formData: supplementFormData(next, { items: input.items, reason: input.reason, requestedAt: context.now, stage: 'reception' }),
    details: { items: [...input.items] },
  });
  return ok({ next, events: [event] });
}

/** T3 at the counter: refusal with concrete reasons (Form 03); nothing is received. */
export function refuseAtCounter(input: NewDossierInput & { readonly reason: string }, context: TransitionContext): TransitionResult {
  const denied = requireRole(context.actor, 'refuse', receptionRoles, input.receivingAgencyId);
  if (denied) return err(denied);
  if (!trimmed(input.reason)) return err(fieldRequired('reason'));
  const base = newDossier(context.ids.newId(), input, 'counter', context.now);
  const next: Dossier = { ...base, state: 'refused_at_reception', closedAt: context.now };
  const event = makeEvent(context, null, next, 'refuse_at_reception', {
    agencyId: input.receivingAgencyId,
    note: input.reason,
    form: formFor('refusal', context.now, context.policy.formSets),
    formData: refusalFormData(next, input.reason, 'reception', context.now),
  });
  return ok({ next, events: [event] });
}

/** T4: the desk receives an online dossier after its check (status 1 → 2). */
export function receiveOnline(dossier: Dossier, assignment: ReceptionAssignment, context: TransitionContext): TransitionResult {
  const wrong = requireState(dossier, 'receive', ['submitted']);
  if (wrong) return err(wrong);
  const denied = requireRole(context.actor, 'receive', receptionRoles, dossier.receivingAgencyId);
  if (denied) return err(denied);
  const next = markReceived(dossier, assignment, context.now, context);
  return ok({ next, events: [receiptEvent(dossier, next, context)] });
}

/** T3/T4: the desk refuses an online dossier (wrong authority, not eligible) with reasons (Form 03). */
export function refuseOnline(dossier: Dossier, reason: string, context: TransitionContext): TransitionResult {
  const wrong = requireState(dossier, 'refuse', ['submitted']);
  if (wrong) return err(wrong);
  const denied = requireRole(context.actor, 'refuse', receptionRoles, dossier.receivingAgencyId);
  if (denied) return err(denied);
  if (!trimmed(reason)) return err(fieldRequired('reason'));
  const next: Dossier = { ...dossier, state: 'refused_at_reception', closedAt: context.now };
  const event = makeEvent(context, dossier, next, 'refuse_at_reception', {
    agencyId: dossier.receivingAgencyId,
    note: reason,
    form: formFor('refusal', context.now, context.policy.formSets),
    formData: refusalFormData(next, reason, 'reception', context.now),
  });
  return ok({ next, events: [event] });
}
