/**
 * The DossierStore port over plain SQL, bound to one transaction and one actor (every read scoped to it).
 */
import type { Actor } from '@motcua/core/shared';
import type { AlertDraft, DossierStore, NotificationDeliveryDraft, StatusMapping } from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';
import { findDossier, isUuid } from './dossier-load';
import { saveDossier } from './dossier-save';

export function createDossierStore(
  tx: Queryable,
  options: { actor: Actor; now: Date; statusMapping: StatusMapping },
): DossierStore {
  return {
    find: (id, findOptions) => findDossier(tx, options.actor, id, findOptions),
    save: (before, after, events) => saveDossier(tx, before, after, events, { now: options.now, statusMapping: options.statusMapping }),
    nextCodeSequence: (prefix, localDate) => nextCodeSequence(tx, prefix, localDate),
    nextLedgerNumber: (desk, year) => nextLedgerNumber(tx, desk, year),
    async agencyCode(agencyId) {
      if (!isUuid(agencyId)) return null;
      const rows = await tx.query<{ code: string }>('SELECT code FROM agency WHERE id = $1', [agencyId]);
      return rows[0]?.code ?? null;
    },
    createDelivery: (draft, now) => createDelivery(tx, draft, now),
    createAlert: (draft, now) => createAlert(tx, draft, now),
  };
}

/**
 * The next number for a code prefix (unit + local date). The counter row is incremented in the caller's
 * transaction: concurrent receptions queue on its lock, a rollback gives the number back — no gap, no duplicate.
 */
export async function nextCodeSequence(q: Queryable, prefix: string, localDate: string): Promise<number> {
  const rows = await q.query<{ last_value: number }>(
    `INSERT INTO dossier_code_sequence (prefix, local_date, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_value = dossier_code_sequence.last_value + 1
     RETURNING last_value`,
    [prefix, localDate],
  );
  return rows[0]!.last_value;
}

/** The next row of a desk's ledger for a year, by the same rule. */
export async function nextLedgerNumber(q: Queryable, deskAgencyId: string, year: number): Promise<number> {
  const rows = await q.query<{ last_value: number }>(
    `INSERT INTO desk_ledger_sequence (desk_agency_id, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (desk_agency_id, year) DO UPDATE SET last_value = desk_ledger_sequence.last_value + 1
     RETURNING last_value`,
    [deskAgencyId, year],
  );
  return rows[0]!.last_value;
}

async function createDelivery(q: Queryable, d: NotificationDeliveryDraft, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO notification_delivery (id, dossier_id, event_id, channel, recipient, status, created_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6)
     ON CONFLICT (event_id, channel) DO NOTHING RETURNING id`,
    [d.id, d.dossierId, d.eventId, d.channel, d.recipient, now],
  );
  return rows.length === 1;
}

async function createAlert(q: Queryable, a: AlertDraft, now: Date): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO dossier_alert (id, dossier_id, step_id, kind, subject, due_at, recipient_user_id, recipient_role,
                                recipient_agency_id, created_at, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [a.id, a.dossierId, a.stepId, a.kind, a.subject, a.dueAt, a.recipientUserId, a.recipientRole, a.recipientAgencyId, now, a.dedupeKey],
  );
  return rows.length === 1;
}
