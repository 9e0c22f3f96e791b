/**
 * The officer inbox by tab, decided on the server so that no dossier is missed however many there are: every open
 * dossier held by the officer's agencies (the online ones waiting for the desk's check aside: that is the queue)
 * and every dossier held elsewhere that one of them was consulted on and has not answered, counted per tab and
 * paged in the chosen tab, the due time that matters first — the consultation's answer for a dossier held
 * elsewhere, else the active step's, else the dossier's (extended) due time: the due time of the row's countdown.
 *
 * Tabs: mine (the active step is assigned to me, or unassigned and offered to a role I hold at the step's agency —
 * grants are per agency, a grant reaching the sub-agencies reaches their steps; with no active step, at an agency
 * where I hold a desk role, the dossiers to transfer or return; a consultation to an agency where I hold a role that
 * answer), unit (all), near due (not yet due, due within `nearDueWorkingMinutes` of working time by the competent
 * agency's legal clock), overdue, waiting for a supplement, waiting for answers (consultations my unit asked).
 * Filters (procedure, channel, state) apply to the counts and the page alike.
 */
import type { Actor, OfficerActor } from '@motcua/core/shared';
import type { LegalClockProvider } from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';
import { expandScope } from '../organization/scope.repository';
import { isUuid } from './dossier-load';
import { inboxColumns, inboxJoins, toInboxItem, type DossierInboxItem, type InboxRow } from './dossier-queries';

export const inboxTabs = ['mine', 'unit', 'nearDue', 'overdue', 'supplement', 'consultation'] as const;
export type InboxTab = (typeof inboxTabs)[number];

export interface InboxTabFilter {
  procedureCode?: string | null;
  channel?: string | null;
  state?: string | null;
}

export interface InboxTabPage {
  counts: Record<InboxTab, number>;
  items: DossierInboxItem[];
  /** The procedures of every dossier in the inbox (before the filters): the procedure filter's choices. */
  procedures: { code: string; name: string }[];
}

const answeringRoles = ['specialist', 'department_head', 'agency_leader'];
const deskRoles = ['reception_officer', 'desk_supervisor'];

/**
 * The rows: held by my agencies ($1), or held elsewhere with a consultation to one of them still open; only the
 * columns the tabs, the order and the filters need, and `consulted_only`.
 */
const openColumns = `d.id, d.state, d.channel, d.current_agency_id, d.procedure_code, d.procedure_name, d.competent_agency_id, d.submitted_at, d.due_at, d.extended_due_at`;
export const openDossiers = `open_dossier AS (
    SELECT ${openColumns}, false AS consulted_only FROM dossier d
     WHERE d.current_agency_id = ANY($1::uuid[]) AND d.closed_at IS NULL AND d.state <> 'submitted'
    UNION ALL
    SELECT ${openColumns}, true AS consulted_only FROM dossier d
     WHERE d.id IN (SELECT c.dossier_id FROM dossier_consultation c WHERE c.to_agency_id = ANY($1::uuid[]) AND c.answered_at IS NULL)
       AND NOT (d.current_agency_id = ANY($1::uuid[])) AND d.closed_at IS NULL AND d.state <> 'submitted')`;

/**
 * Parameters of the counting and paging queries: $1 my agencies, $2 now, $3/$4 the near-due limit per competent
 * agency, $5 my user id, $6 my roles by agency ("agency:role", each grant over the agencies it reaches), $7 the
 * agencies where I answer consultations, $8 the agencies where I work at the desk, $9–$11 the
 * filters (procedure code, channel, state).
 */
const dueKey = `CASE WHEN d.consulted_only AND cc.to_answer_due IS NOT NULL THEN cc.to_answer_due ELSE coalesce(s.due_at, d.extended_due_at, d.due_at) END`;
/** Whose due time `dueKey` is: the consultation's answer, the active step's, or the dossier's. */
const dueSource = `CASE WHEN d.consulted_only AND cc.to_answer_due IS NOT NULL THEN 'consultation' WHEN s.due_at IS NOT NULL THEN 'step' ELSE 'dossier' END`;
const tabConditions: Record<InboxTab, string> = {
  mine: `coalesce(cc.to_answer_mine > 0 OR CASE WHEN s.id IS NOT NULL
           THEN s.assignee_id = $5::uuid OR (s.assignee_id IS NULL AND (s.agency_id::text || ':' || s.role) = ANY($6::text[]))
           ELSE d.current_agency_id = ANY($8::uuid[]) AND d.state IN ('received', 'result_ready', 'in_postal_return') END, false)`,
  unit: 'true',
  nearDue: `coalesce(${dueKey} >= $2::timestamptz AND ${dueKey} <= nd.before, false)`,
  overdue: `coalesce(${dueKey} < $2::timestamptz, false)`,
  supplement: `d.state = 'supplement_requested'`,
  consultation: `cc.asked > 0`,
};
/**
 * The active step and the open consultations per side, as in `inboxJoins`, but joined in one pass over the
 * inbox's rows (a hash join) rather than looked up row by row: every row is counted, not only a page.
 */
const tabJoins = `LEFT JOIN (SELECT DISTINCT ON (st.dossier_id) st.* FROM dossier_step st
      WHERE st.status = 'active' AND st.dossier_id IN (SELECT id FROM open_dossier) ORDER BY st.dossier_id, st.step_order) s ON s.dossier_id = d.id
    LEFT JOIN (SELECT c.dossier_id,
        count(*) FILTER (WHERE c.from_agency_id = ANY($1::uuid[]))::int AS asked,
        count(*) FILTER (WHERE c.to_agency_id = ANY($1::uuid[]))::int AS to_answer,
        count(*) FILTER (WHERE c.to_agency_id = ANY($7::uuid[]))::int AS to_answer_mine,
        min(c.due_at) FILTER (WHERE c.to_agency_id = ANY($1::uuid[])) AS to_answer_due
      FROM dossier_consultation c WHERE c.answered_at IS NULL AND c.dossier_id IN (SELECT id FROM open_dossier) GROUP BY c.dossier_id) cc ON cc.dossier_id = d.id`;
const rowsOfInbox = `FROM open_dossier d ${tabJoins}
    LEFT JOIN unnest($3::uuid[], $4::timestamptz[]) AS nd (agency_id, before) ON nd.agency_id = d.competent_agency_id
   WHERE ($9::text IS NULL OR d.procedure_code = $9) AND ($10::text IS NULL OR d.channel = $10) AND ($11::text IS NULL OR d.state = $11)`;

/** What the inbox's counting queries need beyond the query itself: the officer's agencies and parameters $1–$11. */
export interface InboxBasis {
  agencies: string[];
  kinds: { agencyId: string; code: string; name: string }[];
  params: unknown[];
}

/**
 * The parameters of `openDossiers` and `rowsOfInbox` for an officer at `now` (see above): the near-due limit on each
 * competent agency's clock, the officer's roles, the filters. Shared by the inbox tabs and the deadlines list.
 */
export async function inboxBasis(
  q: Queryable,
  actor: OfficerActor,
  options: { filter: InboxTabFilter; now: Date; clocks: LegalClockProvider; nearDueWorkingMinutes: number },
): Promise<InboxBasis> {
  const agencies = [...actor.visibleAgencyIds];
  const kinds = await q.query<{ agencyId: string; code: string; name: string }>(
    `WITH ${openDossiers} SELECT DISTINCT d.competent_agency_id AS "agencyId", d.procedure_code AS code, d.procedure_name AS name FROM open_dossier d`,
    [agencies],
  );
  // "Near due" ends where `nearDueWorkingMinutes` of working time from now end, on each competent agency's clock.
  const competent = [...new Set(kinds.map((k) => k.agencyId))];
  const limits = await Promise.all(competent.map(async (id) => (await options.clocks.clockFor(id)).addWorkingMinutes(options.now, options.nearDueWorkingMinutes)));
  // Each grant over the agencies it reaches (its sub-agencies when it says so, the agencies it succeeded).
  const reached = await Promise.all(actor.grants.map(async (g) => ({ role: g.role as string, agencies: await expandScope(q, [g]) })));
  const agenciesWith = (roles: readonly string[]) => [...new Set(reached.filter((g) => roles.includes(g.role)).flatMap((g) => g.agencies))];
  const f = options.filter;
  const params = [
    agencies,
    options.now,
    competent,
    limits,
    isUuid(actor.userId) ? actor.userId : null,
    [...new Set(reached.flatMap((g) => g.agencies.map((a) => `${a}:${g.role}`)))],
    agenciesWith(answeringRoles),
    agenciesWith(deskRoles),
    f.procedureCode || null,
    f.channel || null,
    f.state || null,
  ];
  return { agencies, kinds, params };
}

/**
 * The inbox's rows (after `openDossiers`), each with its due time that matters (`due_key`), whose it is (`due_source`)
 * and a flag per tab (`is_mine` ...): what the inbox tabs and the deadlines list count and page.
 */
export const flaggedInbox = `flagged AS MATERIALIZED (
       SELECT d.id, d.consulted_only, d.submitted_at, ${dueKey} AS due_key, ${dueSource} AS due_source,
              ${inboxTabs.map((t) => `${tabConditions[t]} AS "is_${t}"`).join(', ')}
       ${rowsOfInbox})`;

export async function listInboxTab(
  q: Queryable,
  actor: Actor,
  options: {
    tab: InboxTab;
    filter: InboxTabFilter;
    limit: number;
    offset: number;
    now: Date;
    clocks: LegalClockProvider;
    nearDueWorkingMinutes: number;
  },
): Promise<InboxTabPage> {
  const none = Object.fromEntries(inboxTabs.map((t) => [t, 0])) as Record<InboxTab, number>;
  if (actor.kind !== 'officer') return { counts: none, items: [], procedures: [] };
  const { agencies, kinds, params } = await inboxBasis(q, actor, options);
  // One pass over the inbox's rows: each row's tabs and due time, counted, and the chosen tab's page in order (the
  // counts come on every row; a page past the end is one row of counts alone). The page's columns are then read
  // for its ids only.
  const flagged = await q.query<{ id: string | null; consultedOnly: boolean | null } & Record<InboxTab, number | string>>(
    `WITH ${openDossiers},
     ${flaggedInbox},
     counted AS (SELECT ${inboxTabs.map((t) => `count(*) FILTER (WHERE "is_${t}") AS "${t}"`).join(', ')} FROM flagged)
     SELECT counted.*, p.id, p.consulted_only AS "consultedOnly" FROM counted
       LEFT JOIN LATERAL (SELECT f.id, f.consulted_only FROM flagged f WHERE f."is_${options.tab}"
                           ORDER BY f.due_key NULLS LAST, f.submitted_at, f.id LIMIT $12 OFFSET $13) p ON true`,
    [...params, options.limit, options.offset],
  );
  const counted = flagged[0];
  const page = flagged.flatMap((r) => (r.id ? [{ id: r.id, consultedOnly: Boolean(r.consultedOnly) }] : []));
  const procedures = [...new Map(kinds.map((k) => [k.code, k.name])).entries()]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    counts: Object.fromEntries(inboxTabs.map((t) => [t, Number(counted?.[t] ?? 0)])) as Record<InboxTab, number>,
    items: await inboxItemsOf(q, page, agencies),
    procedures,
  };
}

/** The inbox rows of a page of ids, in the page's order (each row's consultations counted for `agencies`' side). */
export async function inboxItemsOf(
  q: Queryable,
  page: readonly { id: string; consultedOnly: boolean }[],
  agencies: readonly string[],
): Promise<DossierInboxItem[]> {
  if (page.length === 0) return [];
  const rows = await q.query<InboxRow>(`SELECT ${inboxColumns} FROM dossier d ${inboxJoins('$2')} WHERE d.id = ANY($1::uuid[])`, [
    page.map((p) => p.id),
    [...agencies],
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [toInboxItem(row, p.consultedOnly)] : [];
  });
}
