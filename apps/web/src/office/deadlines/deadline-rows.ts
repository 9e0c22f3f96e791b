/**
 * The deadlines screen's rows come decided, counted and paged from the server (GET /dossiers/deadlines): every open
 * dossier of my units at risk or overdue, with why (`kinds`). Here: the page size and each reason's tone.
 */
import type { deadlinesResponse } from '@motcua/contracts/dossiers';
import type { Infer } from '../../api';

export type DeadlineRow = Infer<typeof deadlinesResponse>['items'][number];
export type DeadlineKind = DeadlineRow['kinds'][number];
export type DeadlineCounts = Infer<typeof deadlinesResponse>['counts'];

/** Rows per page. */
export const deadlinesPageSize = 50;

/** A passed due time is danger, a drafted apology information, a near one a warning. */
export function kindTone(kind: DeadlineKind): 'danger' | 'info' | 'warning' {
  if (kind === 'overdue' || kind === 'step_overdue' || kind === 'consultation_overdue') return 'danger';
  return kind === 'apology_drafted' ? 'info' : 'warning';
}
