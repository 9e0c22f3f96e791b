/**
 * The dossier store: what the use cases need from the database, bound to the unit of work's transaction. The db
 * package implements it over plain SQL; every read is scoped to the acting actor.
 */
import type { Dossier } from './dossier';
import type { DossierEvent } from './transition';

export interface NotificationDeliveryDraft {
  readonly id: string;
  readonly dossierId: string;
  readonly eventId: string;
  readonly channel: 'email' | 'sms';
  readonly recipient: string;
}

export interface AlertDraft {
  readonly id: string;
  readonly dossierId: string;
  readonly stepId: string | null;
  readonly kind: 'due_soon' | 'overdue' | 'apology_drafted' | 'consultation_overdue' | 'reception_check_due';
  readonly subject: 'dossier' | 'step' | 'consultation' | 'reception_check';
  readonly dueAt: Date;
  readonly recipientUserId: string | null;
  readonly recipientRole: string | null;
  readonly recipientAgencyId: string | null;
  /** One alert per target, kind, due time and recipient. */
  readonly dedupeKey: string;
}

export interface DossierStore {
  /** The dossier if the actor may see it; `forUpdate` locks it for the transaction. */
  find(id: string, options?: { readonly forUpdate?: boolean }): Promise<Dossier | null>;
  /** Saves a transition under optimistic concurrency (throws STALE_VERSION) and returns the new version. */
  save(before: Dossier | null, after: Dossier, events: readonly DossierEvent[]): Promise<number>;
  /** The next number of the day for a code prefix: gapless, never twice (rolled back with the transaction). */
  nextCodeSequence(prefix: string, localDate: string): Promise<number>;
  /** The next row number of a desk's ledger for a year: continuous, never twice. */
  nextLedgerNumber(deskAgencyId: string, year: number): Promise<number>;
  /** The identifier code of an agency (for the dossier code), or null when it does not exist. */
  agencyCode(agencyId: string): Promise<string | null>;
  /** Records a notice to send; false when one already exists for this event and channel. */
  createDelivery(draft: NotificationDeliveryDraft, now: Date): Promise<boolean>;
  /** Records an officer alert; false when the same alert exists already. */
  createAlert(draft: AlertDraft, now: Date): Promise<boolean>;
}
