/**
 * The outbox's delivery side: claim due messages (FOR UPDATE SKIP LOCKED, so several runners never take the same
 * row), then mark each done or failed with its back-off. Messages are written by the unit of work.
 */
import type { Queryable } from '../kernel/database';

export interface OutboxRow {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
}

export type OutboxStatus = 'pending' | 'processing' | 'done' | 'failed';

/**
 * Claims up to `limit` due messages: pending ones whose time has come, and processing ones whose lock expired (a
 * runner that died mid-delivery). Claimed rows are locked for `lockSeconds`.
 */
export async function claimDueMessages(
  db: Queryable,
  options: { now: Date; limit: number; lockSeconds: number; topics?: readonly string[] },
): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `UPDATE outbox_message m
        SET status = 'processing', attempts = m.attempts + 1,
            locked_until = $1::timestamptz + make_interval(secs => $3)
      WHERE m.id IN (
        SELECT id FROM outbox_message
         WHERE ((status = 'pending' AND available_at <= $1) OR (status = 'processing' AND locked_until < $1))
           AND ($4::text[] IS NULL OR topic = ANY($4::text[]))
         ORDER BY available_at, created_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m.topic, m.payload, m.attempts, m.max_attempts AS "maxAttempts", m.created_at AS "createdAt"`,
    [options.now, options.limit, options.lockSeconds, options.topics ? [...options.topics] : null],
  );
}

export async function markMessageDone(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE outbox_message SET status = 'done', completed_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1`,
    [id, now],
  );
}

/** A failed attempt: retry at `retryAt`, or give up (status failed) when it is null. */
export async function markMessageFailed(
  db: Queryable,
  id: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db.query(
    `UPDATE outbox_message
        SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            available_at = coalesce($3::timestamptz, available_at),
            locked_until = NULL,
            last_error = left($2, 2000)
      WHERE id = $1`,
    [id, error, retryAt],
  );
}

export interface OutboxSummaryRow {
  topic: string;
  status: OutboxStatus;
  count: number;
}

export async function summarizeOutbox(db: Queryable): Promise<OutboxSummaryRow[]> {
  return db.query<OutboxSummaryRow>(
    `SELECT topic, status, count(*)::int8 AS count FROM outbox_message GROUP BY topic, status ORDER BY topic, status`,
  );
}

export async function findOutboxMessage(
  db: Queryable,
  id: string,
): Promise<(OutboxRow & { status: OutboxStatus; lastError: string | null; dedupeKey: string | null }) | null> {
  const rows = await db.query<OutboxRow & { status: OutboxStatus; lastError: string | null; dedupeKey: string | null }>(
    `SELECT id, topic, payload, attempts, max_attempts AS "maxAttempts", created_at AS "createdAt", status,
            last_error AS "lastError", dedupe_key AS "dedupeKey"
       FROM outbox_message WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * A lease for periodic work (deadline sweeps): whoever holds the named lease runs the work; others skip. Returns
 * true when `holder` holds it until `until`.
 */
export async function acquireLease(db: Queryable, name: string, holder: string, now: Date, until: Date): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO job_lease (name, holder, held_until) VALUES ($1, $2, $4)
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, held_until = EXCLUDED.held_until
       WHERE job_lease.held_until < $3 OR job_lease.holder = EXCLUDED.holder
     RETURNING name`,
    [name, holder, now, until],
  );
  return rows.length === 1;
}
