/**
 * Ports every write use case gets: the audit log and the outbox are written in the same transaction as the change
 * (the adapter buffers them and writes them at commit, audit rows last).
 */
export interface AuditEntry {
  /** A domain verb, `<module>.<verb>`, e.g. 'dossier.receive', 'calendar.decision.record'. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** What changed, without personal data beyond what the target already identifies. */
  readonly summary?: Readonly<Record<string, unknown>>;
  /** The agency on whose behalf the actor acted, when there is one. */
  readonly agencyId?: string | null;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

export interface OutboxMessage {
  /** e.g. 'notification.email', 'document.render', 'document.sign', 'national-portal.sync' */
  readonly topic: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The same key is never enqueued twice: a retried request produces no duplicate side effect. */
  readonly dedupeKey?: string;
  readonly availableAt?: Date;
}

export interface Outbox {
  enqueue(message: OutboxMessage): void;
}
