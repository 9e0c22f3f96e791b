/**
 * The online queue (GET /dossiers/queue, issue #7): every dossier submitted online and waiting for the desk's check
 * (status 1) at my agencies, counted, and one page of them — the longest waiting first: by when the check's clock
 * started (the last supplement's arrival, else the submission), then by submission. The old first 200 of
 * `GET /dossiers?state=submitted` hid the rest of a busy ward's queue.
 */
import type { Actor } from '@motcua/core/shared';
import type { Queryable } from '../kernel/database';
import type { DossierInboxItem } from './dossier-queries';
import { inboxItemsOf } from './inbox-tabs';

export interface OnlineQueuePage {
  total: number;
  items: DossierInboxItem[];
}

export async function listOnlineQueue(q: Queryable, actor: Actor, options: { limit: number; offset: number }): Promise<OnlineQueuePage> {
  if (actor.kind !== 'officer') return { total: 0, items: [] };
  const agencies = [...actor.visibleAgencyIds];
  const rows = await q.query<{ total: number | string; id: string | null }>(
    `WITH waiting AS MATERIALIZED (
       SELECT d.id, d.submitted_at,
              coalesce((SELECT max(r.provided_at) FROM dossier_supplement_request r WHERE r.dossier_id = d.id), d.submitted_at) AS check_from
         FROM dossier d
        WHERE d.current_agency_id = ANY($1::uuid[]) AND d.closed_at IS NULL AND d.state = 'submitted')
     SELECT (SELECT count(*) FROM waiting) AS total, p.id
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT w.id FROM waiting w ORDER BY w.check_from, w.submitted_at, w.id LIMIT $2 OFFSET $3) p ON true`,
    [agencies, options.limit, options.offset],
  );
  const page = rows.flatMap((r) => (r.id ? [{ id: r.id, consultedOnly: false }] : []));
  return { total: Number(rows[0]?.total ?? 0), items: await inboxItemsOf(q, page, agencies) };
}
