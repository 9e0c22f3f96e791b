/**
 * Pending dossiers right now, by urgency — the dashboard's live view (the rollups give the same counts at the end
 * of each day). Waiting for a supplement or a payment comes first (II.06a counts those within the due time); else
 * against the legal due time: overdue once it has passed, due within a working day when at most one working day
 * (of the competent agency's clock) is left, otherwise not yet due.
 */
import type { DossierState } from '../dossiers/index';

export type PendingCategory = 'waiting_supplement' | 'waiting_payment' | 'overdue' | 'due_within_working_day' | 'not_yet_due';

export interface PendingClock {
  workingMinutesBetween(from: Date, to: Date): number;
  workingDayMinutes(at: Date): number;
}

export function pendingCategory(state: DossierState, dueAt: Date | null, now: Date, clock: PendingClock): PendingCategory {
  if (state === 'supplement_requested') return 'waiting_supplement';
  if (state === 'awaiting_payment') return 'waiting_payment';
  if (!dueAt) return 'not_yet_due';
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return clock.workingMinutesBetween(now, dueAt) <= clock.workingDayMinutes(now) ? 'due_within_working_day' : 'not_yet_due';
}

/** Age buckets of pending dossiers (working days since reception) for the dashboard's "pending by age". */
export const pendingAgeBuckets = [1, 3, 5, 10, 20, Infinity] as const;

export function ageBucketOf(workingDays: number): number {
  const i = pendingAgeBuckets.findIndex((b) => workingDays < b);
  return i < 0 ? pendingAgeBuckets.length - 1 : i;
}
