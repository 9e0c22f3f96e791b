/**
 * Idempotency keys for submissions and receptions: a retried request with the same key from the same caller
 * creates nothing new and answers exactly what the first one answered. The key is claimed first thing in the
 * transaction: a concurrent duplicate waits on it, then reads the stored answer; a failed first attempt rolls its
 * claim back, so the retry runs for real. The same key with a different request is refused.
 */
import type { Queryable } from '../kernel/database';

export interface IdempotencyRequest {
  /** Who and what: e.g. `<user id>:POST /dossiers`. */
  readonly scope: string;
  readonly key: string;
  /** SHA-256 of the request (body and parameters). */
  readonly requestHash: string;
}

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: unknown;
}

export type Claim = { readonly kind: 'claimed' } | { readonly kind: 'replay'; readonly response: StoredResponse } | { readonly kind: 'mismatch' };

export async function claimIdempotencyKey(q: Queryable, request: IdempotencyRequest, now: Date): Promise<Claim> {
  const inserted = await q.query(
    `INSERT INTO idempotency_record (scope, key, request_hash, status_code, response, created_at)
     VALUES ($1, $2, $3, 0, 'null'::jsonb, $4) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
    [request.scope, request.key, request.requestHash, now],
  );
  if (inserted.length === 1) return { kind: 'claimed' };
  const rows = await q.query<{ request_hash: string; status_code: number; response: unknown }>(
    'SELECT request_hash, status_code, response FROM idempotency_record WHERE scope = $1 AND key = $2',
    [request.scope, request.key],
  );
  const row = rows[0];
  if (!row) throw new Error('An idempotency record vanished while being read');
  if (row.request_hash !== request.requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', response: { statusCode: row.status_code, body: row.response } };
}

export async function completeIdempotencyKey(q: Queryable, request: IdempotencyRequest, response: StoredResponse): Promise<void> {
  await q.query('UPDATE idempotency_record SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2', [
    request.scope,
    request.key,
    response.statusCode,
    JSON.stringify(response.body),
  ]);
}
