/**
 * Timing rules of the one-stop mechanism, laid on the legal clock (never our own date arithmetic):
 * transfer timing, the reception-check window, the late-supplement flag, the extension notice window, pauses,
 * and the early / on-time / late classification.
 */
import { localDateOf, localTimeOf } from './dossier-code';
import type { Timeliness } from './dossier';
import type { LegalClock } from './dossier.ports';

/**
 * Early / on time / late against a due time (TT 01/2018 Art. 13, Form 05/06 column "Trước hạn / Đúng hạn / Quá
 * hạn"): late after the due instant; on time on the due day at or before the due instant; early on an earlier day.
 */
export function classifyTimeliness(completedAt: Date, dueAt: Date): Timeliness {
  if (completedAt.getTime() > dueAt.getTime()) return 'late';
  return localDateOf(completedAt) < localDateOf(dueAt) ? 'early' : 'on_time';
}

/**
 * When a received dossier must be with the competent agency (NĐ 118 Art. 18(2)): electronic dossiers at once; paper
 * ones within the working day, or by the start of the next working day when received after the cut-off (15:00) or
 * on a day that is not a working day.
 */
export function transferDueAt(clock: LegalClock, receivedAt: Date, isPaper: boolean, cutoff: string): Date {
  if (!isPaper) return receivedAt;
  if (clock.isWorkingDay(receivedAt) && localTimeOf(receivedAt) < cutoff) {
    const end = clock.endOfWorkingDay(receivedAt);
    return end.getTime() >= receivedAt.getTime() ? end : clock.nextWorkingDayStart(receivedAt);
  }
  return clock.nextWorkingDayStart(receivedAt);
}

/** The reception check of an online dossier is due this many working hours after submission. */
export function receptionCheckDueAt(clock: LegalClock, submittedAt: Date, workingHours: number): Date {
  return clock.addWorkingMinutes(clock.clockStart(submittedAt), Math.round(workingHours * 60));
}

/** Whether a supplement request comes later than the allowed working days after the clock started. */
export function isSupplementLate(clock: LegalClock, clockStartedAt: Date, requestedAt: Date, workingDays: number): boolean {
  return clock.workingMinutesBetween(clockStartedAt, requestedAt) > workingDays * clock.workingDayMinutes(clockStartedAt);
}

/** Whether an apology and extension may still be issued: at least `workingDays` working days before the due time. */
export function isWithinExtensionWindow(clock: LegalClock, now: Date, dueAt: Date, workingDays: number): boolean {
  return clock.workingMinutesBetween(now, dueAt) >= workingDays * clock.workingDayMinutes(now);
}

/** The due time after a pause: the paused working time does not count. */
export function dueAfterPause(clock: LegalClock, dueAt: Date, pausedAt: Date, resumedAt: Date): Date {
  const paused = Math.max(0, clock.workingMinutesBetween(pausedAt, resumedAt));
  return paused === 0 ? dueAt : clock.addWorkingMinutes(dueAt, paused);
}

/** A step's due time: its budget in working hours laid on the clock from its activation. */
export function stepDueAt(clock: LegalClock, activatedAt: Date, budgetHours: number): Date {
  return clock.addWorkingMinutes(clock.clockStart(activatedAt), Math.round(budgetHours * 60));
}

/** Working minutes left until a due time (negative when overdue). */
export function workingMinutesLeft(clock: LegalClock, now: Date, dueAt: Date): number {
  return clock.workingMinutesBetween(now, dueAt);
}
