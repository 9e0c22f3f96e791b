/** The notices sent about a citizen's own dossiers (e-mail and SMS deliveries), newest first. */
import type { Queryable } from '../kernel/database';
import { ownerFilter, type RecordScope } from '../kernel/scope';

export interface OwnDelivery {
  readonly id: string;
  readonly dossierId: string;
  readonly eventId: string;
  readonly channel: 'email' | 'sms';
  readonly status: 'pending' | 'sent' | 'failed';
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

export async function listOwnDeliveries(db: Queryable, scope: RecordScope, limit = 100): Promise<OwnDelivery[]> {
  const params: unknown[] = [limit];
  const rows = await db.query<{ id: string; dossier_id: string; event_id: string; channel: 'email' | 'sms'; status: OwnDelivery['status']; created_at: Date; sent_at: Date | null }>(
    `SELECT n.id, n.dossier_id, n.event_id, n.channel, n.status, n.created_at, n.sent_at
     FROM notification_delivery n JOIN dossier d ON d.id = n.dossier_id
     WHERE ${ownerFilter(scope, 'd.owner_user_id', params)}
     ORDER BY n.created_at DESC, n.id LIMIT $1`,
    params,
  );
  return rows.map((r) => ({ id: r.id, dossierId: r.dossier_id, eventId: r.event_id, channel: r.channel, status: r.status, createdAt: r.created_at, sentAt: r.sent_at }));
}
