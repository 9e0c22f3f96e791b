/** Reads and verification of the hash-chained audit trail (writes go through the unit of work). */
import type { Queryable } from '../kernel/database';

export interface AuditChainBreak {
  /** seq of the first row whose content, hash or link does not match the chain. */
  seq: number;
  reason: 'content-altered' | 'link-broken' | 'row-missing' | 'tail-missing';
}

export interface AuditVerification {
  checkedRows: number;
  firstBreak: AuditChainBreak | null;
}

const ZERO_HASH = '0'.repeat(64);
const BATCH = 5000;

/**
 * Walks the whole chain in seq order, recomputing each row's hash in the database (the same function the insert
 * trigger uses), and names the first broken row. `onProgress` gets the number of rows checked so far.
 */
export async function verifyAuditChain(
  db: Queryable,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const [head] = await db.query<{ last_seq: number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1',
  );
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>('SELECT count(*)::int8 AS total FROM audit_event');
  let expectedSeq = 1;
  let expectedPrev = ZERO_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.query<{ seq: number; prev_hash: string; hash: string; recomputed: string }>(
      `SELECT seq, prev_hash, hash, audit_event_digest(a) AS recomputed
         FROM audit_event a WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, BATCH],
    );
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { checkedRows: checked, firstBreak: { seq: expectedSeq, reason: 'row-missing' } };
      if (row.prev_hash !== expectedPrev) return { checkedRows: checked, firstBreak: { seq: row.seq, reason: 'link-broken' } };
      if (row.recomputed !== row.hash) return { checkedRows: checked, firstBreak: { seq: row.seq, reason: 'content-altered' } };
      expectedPrev = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked, total);
    if (rows.length < BATCH) break;
  }
  if (head && (head.last_seq !== expectedSeq - 1 || head.last_hash !== expectedPrev)) {
    return { checkedRows: checked, firstBreak: { seq: expectedSeq, reason: 'tail-missing' } };
  }
  return { checkedRows: checked, firstBreak: null };
}

export interface AuditRow {
  seq: number;
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  agencyId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  summary: Record<string, unknown>;
  requestId: string | null;
}

export async function listAuditEventsForTarget(db: Queryable, targetType: string, targetId: string): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT seq, occurred_at AS "occurredAt", actor_kind AS "actorKind", actor_id AS "actorId", agency_id AS "agencyId",
            action, target_type AS "targetType", target_id AS "targetId", summary, request_id AS "requestId"
       FROM audit_event WHERE target_type = $1 AND target_id = $2 ORDER BY seq`,
    [targetType, targetId],
  );
}
