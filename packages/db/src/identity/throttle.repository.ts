/** Sign-in failure counters per key (account, client address); the back-off maths is in @motcua/core/identity. */
import type { ThrottleState } from '@motcua/core/identity';
import type { Queryable } from '../kernel/database';

export async function findThrottles(q: Queryable, keys: readonly string[]): Promise<Map<string, ThrottleState>> {
  const rows = await q.query<{ key: string; failures: number; last_failure_at: Date; locked_until: Date | null }>(
    'SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ANY($1::text[])',
    [keys],
  );
  return new Map(rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.last_failure_at, lockedUntil: r.locked_until }]));
}

export async function saveThrottle(q: Queryable, key: string, state: ThrottleState): Promise<void> {
  await q.query(
    `INSERT INTO login_throttle (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3, locked_until = $4`,
    [key, state.failures, state.lastFailureAt, state.lockedUntil],
  );
}

export async function clearThrottle(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
