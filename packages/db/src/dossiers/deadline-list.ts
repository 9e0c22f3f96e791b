/**
 * The deadlines list (GET /dossiers/deadlines, issue #7): every open dossier of my units at risk or overdue, decided
 * on the server so that none is missed however many there are — the inbox's near-due and overdue rows (the same
 * rule and due time as the inbox tabs: `inboxBasis`, `rowsOfInbox`) and every open dossier in my scope with a deadline
 * alert addressed to me or to a role I hold at its agency (a desk supervisor's dossier held by the competent agency),
 * counted and paged, the most urgent due time first. Each row says why it is listed (`kinds`): the alerts' kinds and
 * the inbox's own (the due time that matters passed or is near, and whose it is).
 */
import type { Actor } from '@motcua/core/shared';
import type { LegalClockProvider } from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';
import { dossierScope } from './dossier-load';
import type { DossierInboxItem } from './dossier-queries';
import { flaggedInbox, inboxBasis, inboxItemsOf, openDossiers } from './inbox-tabs';

export const deadlineKinds = [
  'due_soon',
  'overdue',
  'apology_drafted',
  'step_due_soon',
  'step_overdue',
  'consultation_overdue',
  'reception_check_due',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
const overdueKinds: DeadlineKind[] = ['overdue', 'step_overdue', 'consultation_overdue'];

export interface DeadlineCounts {
  /** Every dossier listed. */
  total: number;
  /** Listed for a due time passed (the dossier's, a step's, a consultation's). */
  overdue: number;
  /** Listed for a due time near, none passed. */
  atRisk: number;
  /** With an apology (Form 04) drafted and not yet dismissed. */
  apologyDrafted: number;
}

export interface DeadlinePage {
  counts: DeadlineCounts;
  items: (DossierInboxItem & { kinds: DeadlineKind[] })[];
}

/** An alert's kind on the list: a step's own due soon / overdue are told apart from the dossier's. */
const alertKind = `CASE WHEN a.subject = 'step' AND a.kind IN ('due_soon', 'overdue') THEN 'step_' || a.kind ELSE a.kind END`;
/** The inbox's own reason for a row, from its tab flags and whose due time is the row's. */
const inboxKind = `CASE WHEN f."is_overdue" THEN CASE f.due_source WHEN 'step' THEN 'step_overdue' WHEN 'consultation' THEN 'consultation_overdue' ELSE 'overdue' END
  WHEN f."is_nearDue" THEN CASE f.due_source WHEN 'step' THEN 'step_due_soon' ELSE 'due_soon' END END`;

export async function listDeadlines(
  q: Queryable,
  actor: Actor,
  options: { limit: number; offset: number; now: Date; clocks: LegalClockProvider; nearDueWorkingMinutes: number },
): Promise<DeadlinePage> {
  if (actor.kind !== 'officer') return { counts: { total: 0, overdue: 0, atRisk: 0, apologyDrafted: 0 }, items: [] };
  const { agencies, params } = await inboxBasis(q, actor, { ...options, filter: {} });
  // $12 my roles per agency ("agency:role"), $13/$14 the page; the scope's parameter comes last.
  const all = [...params, actor.grants.map((g) => `${g.agencyId}:${g.role}`), options.limit, options.offset];
  const scope = dossierScope(actor, all, 'ad');
  const rows = await q.query<{ id: string | null; consultedOnly: boolean | null; kinds: DeadlineKind[] | null } & Record<keyof DeadlineCounts, number | string>>(
    `WITH ${openDossiers},
     ${flaggedInbox},
     alerted AS (
       SELECT a.dossier_id AS id, array_agg(DISTINCT ${alertKind}) AS kinds
         FROM dossier_alert a JOIN dossier ad ON ad.id = a.dossier_id
        WHERE a.acknowledged_at IS NULL AND ad.closed_at IS NULL
          AND (a.recipient_user_id = $5::uuid OR (a.recipient_agency_id::text || ':' || a.recipient_role) = ANY($12::text[]))
          -- Only what still holds: a step's alert while the step is active, the dossier's for its current due time
          -- (an extension leaves the old ones behind), the online check's while it waits for the check.
          AND (a.step_id IS NULL OR EXISTS (SELECT 1 FROM dossier_step st WHERE st.id = a.step_id AND st.status = 'active'))
          AND (a.subject <> 'dossier' OR a.due_at = ad.effective_due_at)
          AND (a.subject <> 'reception_check' OR ad.state = 'submitted')
          AND ${scope}
        GROUP BY a.dossier_id),
     listed AS MATERIALIZED (
       SELECT f.id, f.consulted_only, f.submitted_at, f.due_key,
              array(SELECT DISTINCT k FROM unnest(coalesce(al.kinds, '{}') || ${inboxKind}) k WHERE k IS NOT NULL) AS kinds
         FROM flagged f LEFT JOIN alerted al ON al.id = f.id
        WHERE f."is_nearDue" OR f."is_overdue" OR al.id IS NOT NULL
       UNION ALL
       SELECT al.id, false, d.submitted_at, coalesce(s.due_at, d.extended_due_at, d.due_at), al.kinds
         FROM alerted al JOIN dossier d ON d.id = al.id
         LEFT JOIN LATERAL (SELECT st.due_at FROM dossier_step st WHERE st.dossier_id = d.id AND st.status = 'active' ORDER BY st.step_order LIMIT 1) s ON true
        WHERE NOT EXISTS (SELECT 1 FROM flagged f WHERE f.id = al.id)),
     counted AS (
       SELECT count(*) AS total,
              count(*) FILTER (WHERE kinds && $${all.length + 1}::text[]) AS overdue,
              count(*) FILTER (WHERE NOT (kinds && $${all.length + 1}::text[])) AS "atRisk",
              count(*) FILTER (WHERE 'apology_drafted' = ANY(kinds)) AS "apologyDrafted"
         FROM listed)
     SELECT counted.*, p.id, p.consulted_only AS "consultedOnly", p.kinds FROM counted
       LEFT JOIN LATERAL (SELECT l.id, l.consulted_only, l.kinds FROM listed l
                           ORDER BY l.due_key NULLS LAST, l.submitted_at, l.id LIMIT $13 OFFSET $14) p ON true`,
    [...all, overdueKinds],
  );
  const first = rows[0];
  const page = rows.flatMap((r) => (r.id ? [{ id: r.id, consultedOnly: Boolean(r.consultedOnly), kinds: r.kinds ?? [] }] : []));
  const kindsOf = new Map(page.map((p) => [p.id, sortKinds(p.kinds)]));
  const items = await inboxItemsOf(q, page, agencies);
  return {
    counts: {
      total: Number(first?.total ?? 0),
      overdue: Number(first?.overdue ?? 0),
      atRisk: Number(first?.atRisk ?? 0),
      apologyDrafted: Number(first?.apologyDrafted ?? 0),
    },
    items: items.map((i) => ({ ...i, kinds: kindsOf.get(i.id) ?? [] })),
  };
}

/** The kinds in a fixed order: passed before near, the dossier's before a step's. */
function sortKinds(kinds: readonly string[]): DeadlineKind[] {
  const order: readonly DeadlineKind[] = ['overdue', 'step_overdue', 'consultation_overdue', 'due_soon', 'step_due_soon', 'reception_check_due', 'apology_drafted'];
  return order.filter((k) => kinds.includes(k));
}
