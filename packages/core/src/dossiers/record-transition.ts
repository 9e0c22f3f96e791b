/**
 * What every use case does with a transition, in its one transaction: save the new state and the events (under
 * optimistic concurrency), write an audit row per event, and enqueue the side effects through the outbox —
 * the applicant's notices (e-mail, SMS) for every status change, the rendering of each form issued, the signing of
 * a result, and the national-portal sync. Nothing is sent inline.
 */
import type { Actor, AuditLog, Outbox } from '../shared/index';
import { partyOf, type Dossier } from './dossier';
import type { DossierStore } from './dossier-store.ports';
import type { IdSource, LegalClockProvider } from './dossier.ports';
import { notifiesApplicant } from './notices';
import type { DossierPolicy } from './policy';
import type { DossierEvent, Transition, TransitionContext } from './transition';

export interface DossierUseCaseDeps {
  readonly store: DossierStore;
  readonly clocks: LegalClockProvider;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly ids: IdSource;
  readonly policy: DossierPolicy;
  readonly actor: Actor;
  readonly now: Date;
}

export const dossierTopics = {
  notice: 'notification.dossier',
  renderForm: 'document.render',
  signResult: 'document.sign',
  nationalSync: 'national-portal.sync',
} as const;

export async function transitionContext(deps: DossierUseCaseDeps, clockAgencyId: string): Promise<TransitionContext> {
  return {
    now: deps.now,
    actor: deps.actor,
    clock: await deps.clocks.clockFor(clockAgencyId),
    policy: deps.policy,
    ids: deps.ids,
  };
}

/** Where the applicant is told: e-mail and SMS to the applicant (else the owner) when they gave them. */
function recipients(dossier: Dossier): { channel: 'email' | 'sms'; recipient: string }[] {
  const party = partyOf(dossier, 'applicant') ?? partyOf(dossier, 'owner');
  const out: { channel: 'email' | 'sms'; recipient: string }[] = [];
  if (party?.email) out.push({ channel: 'email', recipient: party.email });
  if (party?.phone) out.push({ channel: 'sms', recipient: party.phone });
  return out;
}

async function enqueueNotices(deps: DossierUseCaseDeps, dossier: Dossier, event: DossierEvent): Promise<void> {
  for (const { channel, recipient } of recipients(dossier)) {
    const id = deps.ids.newId();
    const created = await deps.store.createDelivery({ id, dossierId: dossier.id, eventId: event.id, channel, recipient }, deps.now);
    if (created) {
      deps.outbox.enqueue({ topic: dossierTopics.notice, payload: { deliveryId: id }, dedupeKey: `notice:${event.id}:${channel}` });
    }
  }
}

function enqueueDocuments(deps: DossierUseCaseDeps, dossier: Dossier, event: DossierEvent): void {
  // A draft (the sweep's apology for the leader to review) is not issued: no number from the desk's series, no seal.
  const isDraft = event.formData?.['isDraft'] === true;
  if (event.form?.number && !isDraft) {
    deps.outbox.enqueue({
      topic: dossierTopics.renderForm,
      payload: {
        dossierId: dossier.id,
        eventId: event.id,
        formKind: event.form.kind,
        formSet: event.form.set,
        formNumber: event.form.number,
        sign: true,
      },
      dedupeKey: `render:${event.id}`,
    });
  }
  if (event.kind === 'record_result' && dossier.result && dossier.result.attachmentIds.length > 0) {
    deps.outbox.enqueue({
      topic: dossierTopics.signResult,
      payload: { dossierId: dossier.id, eventId: event.id, attachmentIds: [...dossier.result.attachmentIds] },
      dedupeKey: `sign-result:${event.id}`,
    });
  }
}

/** Saves the transition and writes its audit rows and outbox jobs; returns the dossier as saved. */
export async function recordTransition(deps: DossierUseCaseDeps, before: Dossier | null, transition: Transition): Promise<Dossier> {
  const { next, events } = transition;
  const version = await deps.store.save(before, next, events);
  const saved: Dossier = { ...next, version };
  for (const event of events) {
    deps.audit.record({
      action: `dossier.${event.kind}`,
      targetType: 'dossier',
      targetId: saved.id,
      agencyId: event.agencyId,
      summary: {
        code: saved.code,
        eventId: event.id,
        fromState: event.fromState,
        toState: event.toState,
        version,
        ...(event.form?.number ? { form: `${event.form.set}/${event.form.number}` } : {}),
      },
    });
    if (notifiesApplicant(event)) await enqueueNotices(deps, saved, event);
    enqueueDocuments(deps, saved, event);
    if (event.toStatus !== null && (event.toStatus !== event.fromStatus || event.kind === 'extend')) {
      deps.outbox.enqueue({
        topic: dossierTopics.nationalSync,
        payload: { dossierId: saved.id, eventId: event.id, status: event.toStatus },
        dedupeKey: `national-sync:${event.id}`,
      });
    }
  }
  return saved;
}
