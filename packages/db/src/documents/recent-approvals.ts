/**
 * The result documents an officer approved recently, newest first: the leader's desk shows their signing progress
 * from the server, so that a reload (or a crashed tab) loses nothing. Found through the officer's audit trail
 * (`audit_event_actor_idx`: the approvals are audited as `document.result.approve`) and confirmed on the document
 * itself (approved by this officer, since then), within the dossiers the officer may see.
 */
import type { Actor } from '@motcua/core/shared';
import type { Queryable } from '../kernel/database';
import { dossierScope } from '../dossiers/dossier-load';

export interface RecentApproval {
  documentId: string;
  dossierId: string;
  dossierCode: string | null;
  title: string;
  approvedAt: Date;
}

export async function listRecentApprovals(q: Queryable, actor: Actor, options: { since: Date; limit: number }): Promise<RecentApproval[]> {
  if (actor.kind !== 'officer') return [];
  const params: unknown[] = [actor.userId, options.since, options.limit];
  return q.query<RecentApproval>(
    `SELECT i.id AS "documentId", i.dossier_id AS "dossierId", d.code AS "dossierCode", i.title, i.approved_at AS "approvedAt"
       FROM (SELECT DISTINCT a.target_id FROM audit_event a
              WHERE a.actor_id = $1 AND a.action = 'document.result.approve' AND a.target_type = 'issued_document' AND a.occurred_at >= $2) a
       JOIN issued_document i ON i.id::text = a.target_id
       JOIN dossier d ON d.id = i.dossier_id
      WHERE i.approved_by = 'officer:' || $1 AND i.approved_at >= $2 AND ${dossierScope(actor, params)}
      ORDER BY i.approved_at DESC, i.id
      LIMIT $3`,
    params,
  );
}
