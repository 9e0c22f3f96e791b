/**
 * The inbox's tabs and filters over the rows GET /dossiers answers (pure, tested): my steps, my unit, near due,
 * overdue, waiting for a supplement, waiting for consultation answers; the online queue. Sorted by the due time
 * that matters for the row (the active step's, else the dossier's; the reception check's in the queue).
 */
import type { SessionUser } from '@motcua/contracts/identity';
import type { InboxItem } from '../desk/desk-queries';

export type InboxTab = 'mine' | 'unit' | 'nearDue' | 'overdue' | 'supplement' | 'consultation';
export const inboxTabs: readonly InboxTab[] = ['mine', 'unit', 'nearDue', 'overdue', 'supplement', 'consultation'];

/**
 * "Near due": within one working day (8 working hours) by the server's countdown in working time; a row without
 * one (an older server) falls back to 24 hours of wall-clock time.
 */
export const nearDueWorkingHours = 8;
const nearDueWallHours = 24;
const deskStates = new Set(['received', 'result_ready', 'in_postal_return']);
const deskRoles = new Set(['reception_officer', 'desk_supervisor']);

/** The due time that matters for the row: the server's countdown says which (check, step, dossier). */
export function rowDue(row: InboxItem): string | null {
  if (row.countdown) return row.countdown.dueAt;
  if (row.state === 'submitted') return row.receptionCheckDueAt ?? null;
  return row.activeStep?.dueAt ?? row.extendedDueAt ?? row.dueAt;
}

const answeringRoles = new Set(['specialist', 'department_head', 'agency_leader']);

export function isMine(row: InboxItem, user: SessionUser): boolean {
  const roles = new Set(user.roles.map((g) => g.role));
  // My unit was consulted on a dossier held elsewhere: answering it is my work.
  if ((row.consultationsToAnswer ?? 0) > 0 && [...roles].some((r) => answeringRoles.has(r))) return true;
  const step = row.activeStep;
  if (step) return step.assigneeId === user.id || (step.assigneeId === null && roles.has(step.role as SessionUser['roles'][number]['role']));
  return [...roles].some((r) => deskRoles.has(r)) && deskStates.has(row.state);
}

export function inTab(tab: InboxTab, row: InboxItem, user: SessionUser, now: number): boolean {
  const due = rowDue(row);
  const c = row.countdown;
  const left = due ? Date.parse(due) - now : null;
  switch (tab) {
    case 'mine':
      return isMine(row, user);
    case 'unit':
      return true;
    case 'nearDue':
      if (c) return c.state !== 'overdue' && c.workingMinutes <= nearDueWorkingHours * 60;
      return left !== null && left >= 0 && left <= nearDueWallHours * 3_600_000;
    case 'overdue':
      if (c) return c.state === 'overdue';
      return left !== null && left < 0;
    case 'supplement':
      return row.state === 'supplement_requested';
    case 'consultation':
      // Waiting for answers to consultations my unit asked (the engine's open branches from my agencies).
      return (row.openConsultations ?? 0) > 0;
  }
}

export interface InboxFilters {
  procedure: string;
  channel: string;
  state: string;
}

export const noFilters: InboxFilters = { procedure: '', channel: '', state: '' };

export function matches(row: InboxItem, f: InboxFilters): boolean {
  return (!f.procedure || row.procedureCode === f.procedure) && (!f.channel || row.channel === f.channel) && (!f.state || row.state === f.state);
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
