/**
 * Use case (run by the outbox job for topic `notification.dossier`): send one notice to the applicant — one event,
 * one channel — and record its delivery. A delivery already sent is never sent again; a failure is recorded and
 * retried by the job runner with back-off; an impossible one (channel off, bad address) fails for good.
 */
import type { EmailMessage, Mailer, SmsSender } from '../notifications/index';
import type { Dossier } from './dossier';
import { renderApplicantNotice } from './notices';
import type { DossierEvent } from './transition';

export interface NoticeDelivery {
  readonly id: string;
  readonly dossierId: string;
  readonly eventId: string;
  readonly channel: 'email' | 'sms';
  readonly recipient: string;
  readonly status: 'pending' | 'sent' | 'failed';
}

export interface NoticeStore {
  findDelivery(id: string): Promise<NoticeDelivery | null>;
  findDossier(id: string): Promise<Dossier | null>;
  findEvent(id: string): Promise<DossierEvent | null>;
  markSent(id: string, providerMessageId: string | null): Promise<void>;
  markFailed(id: string, error: string, permanent: boolean): Promise<void>;
}

export type NoticeOutcome =
  | { readonly kind: 'sent'; readonly providerMessageId: string | null }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'retry'; readonly error: string }
  | { readonly kind: 'failed'; readonly error: string };

export interface DeliverNoticeDeps {
  readonly store: NoticeStore;
  readonly mailer: Mailer | null;
  readonly sms: SmsSender | null;
  /** The public tracking page of a dossier code, for the link in e-mails. */
  readonly trackingUrl: (code: string) => string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function deliverNotice(deps: DeliverNoticeDeps, deliveryId: string): Promise<NoticeOutcome> {
  const delivery = await deps.store.findDelivery(deliveryId);
  if (!delivery) return { kind: 'skipped', reason: 'no such delivery' };
  if (delivery.status !== 'pending') return { kind: 'skipped', reason: `already ${delivery.status}` };
  const [dossier, event] = [await deps.store.findDossier(delivery.dossierId), await deps.store.findEvent(delivery.eventId)];
  if (!dossier || !event) {
    await deps.store.markFailed(delivery.id, 'dossier or event missing', true);
    return { kind: 'failed', error: 'dossier or event missing' };
  }
  const notice = renderApplicantNotice(dossier, event, dossier.code ? deps.trackingUrl(dossier.code) : null);
  const fail = async (error: string): Promise<NoticeOutcome> => {
    await deps.store.markFailed(delivery.id, error, true);
    return { kind: 'failed', error };
  };
  try {
    if (delivery.channel === 'email') {
      if (!deps.mailer) return await fail('e-mail is not configured');
      if (!EMAIL.test(delivery.recipient)) return await fail('not an e-mail address');
      const message: EmailMessage = { messageId: delivery.id, to: delivery.recipient, subject: notice.subject, text: notice.text };
      const sent = await deps.mailer.send(message);
      if (!sent.accepted) return await fail(`refused: ${sent.response}`);
      await deps.store.markSent(delivery.id, null);
      return { kind: 'sent', providerMessageId: null };
    }
    if (!deps.sms) return await fail('SMS is not configured');
    const sent = await deps.sms.send({ messageId: delivery.id, to: delivery.recipient, text: notice.shortText });
    await deps.store.markSent(delivery.id, sent.providerMessageId);
    return { kind: 'sent', providerMessageId: sent.providerMessageId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // An adapter marks a rejection that no retry can cure (bad number, unknown template) as permanent.
    if ((error as { permanent?: unknown } | null)?.permanent === true) return await fail(message);
    await deps.store.markFailed(delivery.id, message, false);
    return { kind: 'retry', error: message };
  }
}
