/**
 * A unit of work: one transaction in which a use case runs, with the audit log and the outbox bound to it.
 * Outbox rows and audit rows are buffered and written at the end, audit rows last: the audit chain's row lock is
 * then held only for the commit. A serialisation failure or deadlock retries the whole unit (the function must
 * therefore only touch the database, which is how use cases are written).
 */
import { actorId, type Actor, type AuditEntry, type AuditLog, type Outbox, type OutboxMessage } from '@motcua/core/shared';
import { isRetryableTransactionError, type Database, type Queryable } from './database';

export interface UnitOfWorkContext {
  readonly actor: Actor;
  readonly requestId?: string | null;
  /** The instant recorded on audit rows; injected so that tests are deterministic. */
  readonly now: Date;
}

export interface UnitOfWork {
  readonly tx: Queryable;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly context: UnitOfWorkContext;
}

const MAX_ATTEMPTS = 4;

export async function withUnitOfWork<T>(
  db: Database,
  context: UnitOfWorkContext,
  fn: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const auditEntries: AuditEntry[] = [];
        const messages: OutboxMessage[] = [];
        const result = await fn({
          tx,
          context,
          audit: { record: (entry) => void auditEntries.push(entry) },
          outbox: { enqueue: (message) => void messages.push(message) },
        });
        await writeOutbox(tx, messages, context.now);
        await writeAudit(tx, auditEntries, context);
        return result;
      });
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isRetryableTransactionError(error)) continue;
      throw error;
    }
  }
}

async function writeOutbox(tx: Queryable, messages: readonly OutboxMessage[], now: Date): Promise<void> {
  for (const m of messages) {
    await tx.query(
      `INSERT INTO outbox_message (topic, dedupe_key, payload, available_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [m.topic, m.dedupeKey ?? null, JSON.stringify(m.payload), m.availableAt ?? now],
    );
  }
}

async function writeAudit(tx: Queryable, entries: readonly AuditEntry[], context: UnitOfWorkContext): Promise<void> {
  for (const e of entries) {
    await tx.query(
      `INSERT INTO audit_event (occurred_at, actor_kind, actor_id, agency_id, action, target_type, target_id, summary,
                                request_id, seq, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, '', '')`,
      [
        context.now,
        context.actor.kind,
        actorId(context.actor),
        e.agencyId ?? null,
        e.action,
        e.targetType,
        e.targetId,
        JSON.stringify(e.summary ?? {}),
        context.requestId ?? null,
      ],
    );
  }
}
