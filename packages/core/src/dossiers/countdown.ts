/**
 * The countdown officers see on the inbox, the online queue and the deadlines screen, in working time (the legal
 * clock: working periods, holidays, compensatory and swapped days): "còn 1 ngày 3 giờ làm việc", "quá hạn 2 giờ
 * làm việc". One definition, on the server's calendar; the browser only prints the parts.
 */
import type { LegalClock } from './dossier.ports';

export interface WorkingCountdown {
  readonly dueAt: Date;
  /**
   * `overdue` once the due instant has passed (even when no working minute has elapsed since, e.g. on the Saturday
   * after a Friday 17:00 due time); `due` at the due instant or less than one working minute before it.
   */
  readonly state: 'remaining' | 'overdue' | 'due';
  /** Working minutes from now to the due time, negative when overdue (whole minutes, towards zero). */
  readonly workingMinutes: number;
  /** |workingMinutes| in working days of the agency's day length, hours and minutes. */
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  /** The length of a working day used for `days` (480 with the default 07:00–11:30, 13:30–17:00). */
  readonly workingDayMinutes: number;
}

export function workingCountdown(clock: LegalClock, now: Date, dueAt: Date): WorkingCountdown {
  const exact = clock.workingMinutesBetween(now, dueAt);
  // `+ 0` turns the -0 of a zero distance into 0.
  const workingMinutes = (exact < 0 ? Math.ceil(exact) : Math.floor(exact)) + 0;
  const total = Math.abs(workingMinutes);
  // The day length of the working day the countdown counts from (now, or the due time when overdue).
  const workingDayMinutes = Math.max(1, Math.round(clock.workingDayMinutes(workingMinutes < 0 ? dueAt : now)));
  const state = now.getTime() > dueAt.getTime() ? 'overdue' : total === 0 ? 'due' : 'remaining';
  return {
    dueAt,
    state,
    workingMinutes,
    days: Math.floor(total / workingDayMinutes),
    hours: Math.floor((total % workingDayMinutes) / 60),
    minutes: (total % workingDayMinutes) % 60,
    workingDayMinutes,
  };
}
