/**
 * The inbox's rows and tabs (pure, tested). The server decides which tab a dossier is in, counts every tab and pages
 * the chosen one (GET /dossiers/inbox: mine, unit, near due, overdue, waiting for a supplement, waiting for
 * consultation answers), with the filters (procedure, channel, status) applied there; here are the query it is asked,
 * the due time a row shows, the online queue's order and the bulk assignment's groups.
 */
import type { InboxItem, InboxTab } from '../desk/desk-queries';

export type { InboxTab };
export const inboxTabs: readonly InboxTab[] = ['mine', 'unit', 'nearDue', 'overdue', 'supplement', 'consultation'];
/** Rows per page of a tab. */
export const inboxPageSize = 50;

/** The due time that matters for the row: the server's countdown says which (check, step, consultation, dossier). */
export function rowDue(row: InboxItem): string | null {
  if (row.countdown) return row.countdown.dueAt;
  if (row.state === 'submitted') return row.receptionCheckDueAt ?? null;
  return row.activeStep?.dueAt ?? row.extendedDueAt ?? row.dueAt;
}

export interface InboxFilters {
  procedure: string;
  channel: string;
  state: string;
}

export const noFilters: InboxFilters = { procedure: '', channel: '', state: '' };

/** The query of one page (1-based) of a tab: the filters chosen, none of the empty ones. */
export function inboxQuery(tab: InboxTab, filters: InboxFilters, page: number, pageSize = inboxPageSize): string {
  const query = new URLSearchParams({ tab });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  query.set('limit', String(pageSize));
  query.set('offset', String(Math.max(0, page - 1) * pageSize));
  return query.toString();
}

/** The query of one page (1-based) of another list the server pages (the online queue, the deadlines). */
export function pageQuery(page: number, pageSize = inboxPageSize): string {
  return new URLSearchParams({ limit: String(pageSize), offset: String(Math.max(0, page - 1) * pageSize) }).toString();
}

/** How many pages a tab of `count` rows has (at least one). */
export function pageCount(count: number, pageSize = inboxPageSize): number {
  return Math.max(1, Math.ceil(count / pageSize));
}

export function byDue(a: InboxItem, b: InboxItem): number {
  const da = rowDue(a);
  const db = rowDue(b);
  if (da === db) return a.submittedAt.localeCompare(b.submittedAt);
  if (da === null) return 1;
  if (db === null) return -1;
  return Date.parse(da) - Date.parse(db);
}

/** The selected rows grouped by their active step's agency and role: each group is assigned from its own officers. */
export interface StepGroup<R> {
  key: string;
  agencyId: string;
  role: string;
  stepName: string;
  rows: R[];
}

export function stepGroups<R extends Pick<InboxItem, 'activeStep'>>(rows: readonly R[]): StepGroup<R>[] {
  const groups = new Map<string, StepGroup<R>>();
  for (const row of rows) {
    const step = row.activeStep;
    if (!step) continue;
    const key = `${step.agencyId}|${step.role}`;
    const group = groups.get(key) ?? { key, agencyId: step.agencyId, role: step.role, stepName: step.name, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}
