/**
 * The deadlines screen's rows: the officer's deadline alerts (GET /dossier-alerts) grouped by dossier, joined with
 * the inbox (GET /dossiers) for the procedure and the due time, plus inbox dossiers already overdue or due within
 * the warning window that have no alert yet. Most urgent first.
 */
import type { alertsResponse, listDossiersResponse } from '@motcua/contracts/dossiers';
import type { Infer } from '../../api';

type Alert = Infer<typeof alertsResponse>['alerts'][number];
type InboxItem = Infer<typeof listDossiersResponse>['items'][number];
export type RowCountdown = NonNullable<InboxItem['dossierCountdown']>;

export type DeadlineKind =
  | 'due_soon'
  | 'overdue'
  | 'apology_drafted'
  | 'step_due_soon'
  | 'step_overdue'
  | 'consultation_overdue'
  | 'reception_check_due';

export interface DeadlineRow {
  dossierId: string;
  code: string | null;
  procedureName: string | null;
  dueAt: string | null;
  /** Working time left until the dossier's due time, as the server's legal clock computed it. */
  countdown: RowCountdown | null;
  kinds: DeadlineKind[];
}

const deadlineAlertKinds = new Set(['due_soon', 'overdue', 'apology_drafted', 'consultation_overdue', 'reception_check_due']);

function kindOf(alert: Alert): DeadlineKind | null {
  if (!deadlineAlertKinds.has(alert.kind)) return null;
  if (alert.subject === 'step' && (alert.kind === 'due_soon' || alert.kind === 'overdue')) return `step_${alert.kind}`;
  return alert.kind as DeadlineKind;
}

export function deadlineRows(alerts: readonly Alert[], inbox: readonly InboxItem[], now: number, nearHours = 8): DeadlineRow[] {
  const byId = new Map<string, DeadlineRow>();
  const items = new Map(inbox.map((i) => [i.id, i]));
  for (const alert of alerts) {
    const kind = kindOf(alert);
    if (!kind) continue;
    const item = items.get(alert.dossierId);
    const row = byId.get(alert.dossierId) ?? {
      dossierId: alert.dossierId,
      code: alert.dossierCode,
      procedureName: item?.procedureName ?? null,
      dueAt: item ? (item.extendedDueAt ?? item.dueAt) : null,
      countdown: item?.dossierCountdown ?? null,
      kinds: [],
    };
    if (!row.kinds.includes(kind)) row.kinds.push(kind);
    // Without the inbox row, the dossier's own alert carries its due time.
    if (!item && alert.subject === 'dossier' && (!row.dueAt || alert.dueAt < row.dueAt)) row.dueAt = alert.dueAt;
    byId.set(alert.dossierId, row);
  }
  for (const item of inbox) {
    const due = item.extendedDueAt ?? item.dueAt;
    if (!due || byId.has(item.id)) continue;
    // In working time when the server counted it (a long weekend is not "near"); else wall-clock time.
    const c = item.dossierCountdown ?? null;
    const overdue = c ? c.state === 'overdue' : new Date(due).getTime() < now;
    const near = c ? c.workingMinutes <= nearHours * 60 : new Date(due).getTime() - now <= nearHours * 3600_000;
    if (!overdue && !near) continue;
    byId.set(item.id, { dossierId: item.id, code: item.code, procedureName: item.procedureName, dueAt: due, countdown: c, kinds: [overdue ? 'overdue' : 'due_soon'] });
  }
  return [...byId.values()].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
}
