/**
 * The dossier engine's LegalClock port over the calendar module's legal clock: every due time, working-time
 * distance and working-day boundary comes from the agency's WorkCalendar (its working periods, holidays and
 * decisions). A time outside the calendar's years 1900–2100 is a bug here, not an expected outcome: it throws.
 */
import { localDayOf, type LegalClock as CalendarClock } from '../calendar/index';
import type { LegalClock, TimeLimit } from './dossier.ports';

const MINUTE_MS = 60_000;

function must(ms: number, what: string): Date {
  if (Number.isNaN(ms)) throw new RangeError(`${what} lies outside the calendar's years`);
  return new Date(ms);
}

export function legalClockOf(clock: CalendarClock): LegalClock {
  const calendar = clock.calendar;
  const nextWorkingDay = (day: number) => {
    const next = calendar.workingDayOnOrAfter(day);
    if (Number.isNaN(next)) throw new RangeError('No working day before the end of the calendar');
    return next;
  };
  return {
    workingDayMinutes(at: Date): number {
      return calendar.dayWorkingMs(nextWorkingDay(localDayOf(at.getTime()))) / MINUTE_MS;
    },
    clockStart(at: Date): Date {
      return must(calendar.clockStartMs(at.getTime()), 'The reception time');
    },
    dueAt(at: Date, limit: TimeLimit, options?: { readonly sameDayCutoff?: string | null }): Date {
      // A case with a same-day cut-off is a same-day procedure: due the same working day, or the next one after
      // the cut-off (legal-spec §3.4 item 3).
      const due = options?.sameDayCutoff
        ? clock.dueTime({ receivedAt: at, limit: { unit: 'same-day', cutoff: options.sameDayCutoff } })
        : clock.dueTime({ receivedAt: at, limit });
      if (!due.ok) throw new RangeError(`No due time: ${due.error.message}`);
      return due.value.dueAt;
    },
    addWorkingMinutes(at: Date, minutes: number): Date {
      if (minutes <= 0) return at;
      return must(calendar.addWorkingMs(at.getTime(), Math.round(minutes * MINUTE_MS)), 'The due time');
    },
    workingMinutesBetween(from: Date, to: Date): number {
      const ms = calendar.workingMsBetween(from.getTime(), to.getTime());
      if (Number.isNaN(ms)) throw new RangeError('The interval lies outside the calendar years');
      return ms / MINUTE_MS;
    },
    nextWorkingDayStart(at: Date): Date {
      return must(calendar.startOfWorkingDayMs(nextWorkingDay(localDayOf(at.getTime()) + 1)), 'The next working day');
    },
    isWorkingDay(at: Date): boolean {
      return calendar.isWorkingDay(localDayOf(at.getTime()));
    },
    endOfWorkingDay(at: Date): Date {
      return must(calendar.endOfWorkingDayMs(nextWorkingDay(localDayOf(at.getTime()))), 'The end of the working day');
    },
  };
}
