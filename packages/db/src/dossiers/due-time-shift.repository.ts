/** Candidates for a calendar decision's due-time shifts: open dossiers the actor sees whose clock runs. */
import type { Actor } from '@motcua/core';
import type { Queryable } from '../kernel/database';
import { dossierScope } from './dossier-load';

/**
 * Ids of the dossiers (received or processing, clock running) the actor may see whose due time, or an active
 * step's, is on or after `since` (a day inserted before a due time can move it; one after cannot).
 */
export async function dueTimeShiftCandidates(q: Queryable, actor: Actor, since: Date, limit: number): Promise<string[]> {
  const params: unknown[] = [since, limit];
  const scope = dossierScope(actor, params);
  const rows = await q.query<{ id: string }>(
    `SELECT d.id FROM dossier d
      WHERE d.state IN ('received', 'processing') AND d.clock_paused_at IS NULL
        AND (d.due_at >= $1 OR EXISTS (SELECT 1 FROM dossier_step s WHERE s.dossier_id = d.id AND s.status = 'active' AND s.due_at >= $1))
        AND ${scope}
      ORDER BY d.due_at, d.id LIMIT $2`,
    params,
  );
  return rows.map((r) => r.id);
}
