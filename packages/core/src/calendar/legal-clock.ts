/**
 * The legal clock: due times of dossiers on a WorkCalendar (legal-spec §3.4, the hours model of real provincial
 * systems).
 *
 * - The clock starts at the reception instant when it lies inside a working period, otherwise at the start of the
 *   next working period (after closing, at lunch, on a day off).
 * - n working days = n × the working time of the day the clock starts on (8 h by default); m working hours = m h;
 *   time counts only inside working periods; a due time landing exactly on the end of a period stays there.
 * - n calendar days: due at the end of the last working period of the day n calendar days after the reception
 *   date, or of the next working day when that day is not one.
 * - Same day with a cut-off (an option of a procedure case): clock started before the cut-off → due at the end of
 *   that working day, otherwise at the end of the next working day.
 * - Pauses: working time inside a pause does not count. Restart after supplementation: the full limit runs again
 *   from the instant the complete supplement arrives. Extension: at most once, with a reason, both due times kept.
 * - Step budgets of an internal workflow are laid end to end on the same clock; each step gets its due time.
 */
import { err, ok, type DomainError, type Result } from '../shared/index';
import { calendarError } from './calendar.errors';
import { DAY_MS, MINUTE_MS, VIETNAM_OFFSET_MS, localDayOf, parseClockTime } from './local-time';
import type { WorkCalendar } from './work-calendar';

export const timeUnits = ['working-days', 'working-hours', 'calendar-days'] as const;
export type TimeUnit = (typeof timeUnits)[number];

export type TimeLimit =
  | { readonly unit: TimeUnit; readonly amount: number }
  /** Received (clock started) before `cutoff` ('HH:MM') → due the same working day, otherwise the next one. */
  | { readonly unit: 'same-day'; readonly cutoff: string };

/** The largest amount accepted in any unit. */
export const MAX_AMOUNT = 1000;
const HOUR_MS = 3_600_000;

export interface ClockPause {
  readonly from: Date;
  /** null: still paused. */
  readonly to: Date | null;
}

export interface DueTimeInput {
  readonly receivedAt: Date;
  readonly limit: TimeLimit;
  /** Intervals in which the clock stood still (e.g. waiting for a financial obligation), any order. */
  readonly pauses?: readonly ClockPause[];
}

export interface DueTime {
  readonly receivedAt: Date;
  readonly clockStartsAt: Date;
  readonly dueAt: Date;
}

export interface Extension {
  readonly reason: string;
  readonly previousDueAt: Date;
  readonly extendedDueAt: Date;
}

/** What a dossier keeps of its due time: the original (for statistics) and the current one. */
export interface DueTimeRecord {
  readonly originalDueAt: Date;
  readonly dueAt: Date;
  readonly extension: Extension | null;
}

export interface StepBudget {
  readonly id: string;
  readonly amount: number;
  readonly unit: 'working-days' | 'working-hours';
}

export interface StepDueTime {
  readonly id: string;
  readonly startsAt: Date;
  readonly dueAt: Date;
}

export function validateTimeLimit(limit: TimeLimit): Result<true, DomainError> {
  if (limit.unit === 'same-day') {
    return parseClockTime(limit.cutoff) === null
      ? err(calendarError('CALENDAR_INVALID_TIME_LIMIT', `cut-off ${limit.cutoff} is not HH:MM`))
      : ok(true);
  }
  if (!(timeUnits as readonly string[]).includes(limit.unit)) {
    return err(calendarError('CALENDAR_INVALID_TIME_LIMIT', `unknown unit ${String(limit.unit)}`));
  }
  if (!Number.isFinite(limit.amount) || limit.amount <= 0 || limit.amount > MAX_AMOUNT) {
    return err(calendarError('CALENDAR_INVALID_TIME_LIMIT', `amount must be > 0 and ≤ ${MAX_AMOUNT}`));
  }
  return ok(true);
}

const outOfRange = () =>
  calendarError('CALENDAR_OUT_OF_RANGE', 'The time lies outside the calendar years 1900–2100');

export class LegalClock {
  constructor(readonly calendar: WorkCalendar) {}

  // ------------------------------------------------------------------------------------------ fast path (ms)

  /**
   * Due time in epoch ms for a limit in a plain unit, no pauses; NaN outside the supported years. The caller has
   * validated the limit. This is the benchmarked path: O(log n), no allocation.
   */
  dueTimeMs(receivedAtMs: number, amount: number, unit: TimeUnit): number {
    const cal = this.calendar;
    if (unit === 'calendar-days') {
      const day = cal.workingDayOnOrAfter(localDayOf(receivedAtMs) + Math.ceil(amount));
      return Number.isNaN(day) ? Number.NaN : cal.endOfWorkingDayMs(day);
    }
    const start = cal.clockStartMs(receivedAtMs);
    if (Number.isNaN(start)) return Number.NaN;
    return cal.addWorkingMs(start, this.workingMsOf(amount, unit, start));
  }

  /** The working time a limit in working units stands for, measured from a clock start. */
  workingMsOf(amount: number, unit: 'working-days' | 'working-hours', clockStartMs: number): number {
    return unit === 'working-hours'
      ? Math.round(amount * HOUR_MS)
      : Math.round(amount * this.calendar.dayWorkingMs(localDayOf(clockStartMs)));
  }

  // ------------------------------------------------------------------------------------------ due times

  clockStart(at: Date): Result<Date, DomainError> {
    const start = this.calendar.clockStartMs(at.getTime());
    return Number.isNaN(start) ? err(outOfRange()) : ok(new Date(start));
  }

  dueTime(input: DueTimeInput): Result<DueTime, DomainError> {
    const valid = validateTimeLimit(input.limit);
    if (!valid.ok) return valid;
    const received = input.receivedAt.getTime();
    const start = this.calendar.clockStartMs(received);
    if (Number.isNaN(start)) return err(outOfRange());
    const due = this.dueMs(received, start, input.limit, input.pauses ?? []);
    if (!due.ok) return due;
    return ok({ receivedAt: new Date(received), clockStartsAt: new Date(start), dueAt: new Date(due.value) });
  }

  private dueMs(received: number, start: number, limit: TimeLimit, pauses: readonly ClockPause[]): Result<number, DomainError> {
    const cal = this.calendar;
    let due: number;
    if (limit.unit === 'same-day') {
      const cutoffMs = parseClockTime(limit.cutoff)! * MINUTE_MS;
      const startDay = localDayOf(start);
      const beforeCutoff = start + VIETNAM_OFFSET_MS - startDay * DAY_MS < cutoffMs;
      const day = beforeCutoff ? startDay : cal.workingDayOnOrAfter(startDay + 1);
      due = Number.isNaN(day) ? Number.NaN : cal.endOfWorkingDayMs(day);
    } else if (limit.unit === 'calendar-days') {
      const shift = this.pausedCalendarDays(received, limit.amount, pauses);
      if (!shift.ok) return shift;
      const day = cal.workingDayOnOrAfter(localDayOf(received) + Math.ceil(limit.amount) + shift.value);
      due = Number.isNaN(day) ? Number.NaN : cal.endOfWorkingDayMs(day);
    } else {
      const paused = this.addWorkingAcrossPauses(start, this.workingMsOf(limit.amount, limit.unit, start), pauses);
      if (!paused.ok) return paused;
      due = paused.value;
    }
    return Number.isNaN(due) ? err(outOfRange()) : ok(due);
  }

  /**
   * Adds working time from `start`, skipping the working time inside pauses that begin before the due time is
   * reached. A pause still open at that point stops the clock: no due time.
   */
  private addWorkingAcrossPauses(start: number, workMs: number, pauses: readonly ClockPause[]): Result<number, DomainError> {
    const cal = this.calendar;
    const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
    let cursor = start;
    let remaining = workMs;
    for (const pause of sorted) {
      const from = pause.from.getTime();
      const due = cal.addWorkingMs(cursor, remaining);
      if (Number.isNaN(due)) return err(outOfRange());
      if (from >= due) break;
      if (pause.to === null) {
        return err(calendarError('CALENDAR_CLOCK_PAUSED', 'The clock is paused; there is no due time until it runs again', {
          pausedSince: pause.from.toISOString(),
        }));
      }
      const to = pause.to.getTime();
      if (to <= cursor) continue;
      remaining -= Math.max(0, cal.workingMsBetween(cursor, Math.max(from, cursor)));
      cursor = to;
    }
    return ok(cal.addWorkingMs(cursor, remaining));
  }

  /**
   * Calendar-day limits under pauses (UNVERIFIED rule; an assumption documented in docs/calendar.md): each pause
   * that begins before the due date pushes it by the calendar days from the pause's first to its last date.
   */
  private pausedCalendarDays(received: number, amount: number, pauses: readonly ClockPause[]): Result<number, DomainError> {
    const sorted = [...pauses].sort((a, b) => a.from.getTime() - b.from.getTime());
    let dueDay = localDayOf(received) + Math.ceil(amount);
    let shift = 0;
    for (const pause of sorted) {
      const fromDay = localDayOf(pause.from.getTime());
      if (fromDay > dueDay) break;
      if (pause.to === null) {
        return err(calendarError('CALENDAR_CLOCK_PAUSED', 'The clock is paused; there is no due time until it runs again', {
          pausedSince: pause.from.toISOString(),
        }));
      }
      const days = Math.max(0, localDayOf(pause.to.getTime()) - fromDay);
      shift += days;
      dueDay += days;
    }
    return ok(shift);
  }

  /**
   * Restart after supplementation (NĐ 61 Art. 19(4)): the full limit runs again from the instant the complete
   * supplement arrived. The caller keeps its original due time for statistics; it is returned alongside.
   */
  restartAfterSupplement(input: {
    readonly limit: TimeLimit;
    readonly supplementCompletedAt: Date;
    readonly originalDueAt: Date;
    readonly pauses?: readonly ClockPause[];
  }): Result<DueTime & { readonly originalDueAt: Date }, DomainError> {
    const restarted = this.dueTime({ receivedAt: input.supplementCompletedAt, limit: input.limit, pauses: input.pauses });
    return restarted.ok ? ok({ ...restarted.value, originalDueAt: input.originalDueAt }) : restarted;
  }

  /** The first due time of a dossier as a record to keep. */
  static recordOf(due: DueTime): DueTimeRecord {
    return { originalDueAt: due.dueAt, dueAt: due.dueAt, extension: null };
  }

  /**
   * Extends a due time, at most once, with a reason: either to a given later instant, or by a limit counted from
   * the current due time. Both the original and the extended due times stay in the record.
   */
  extend(
    record: DueTimeRecord,
    request: { readonly reason: string } & ({ readonly newDueAt: Date } | { readonly limit: TimeLimit }),
  ): Result<DueTimeRecord, DomainError> {
    if (record.extension) {
      return err(calendarError('CALENDAR_EXTENSION_ALREADY_USED', 'The due time was already extended once'));
    }
    if (request.reason.trim() === '') {
      return err(calendarError('CALENDAR_INVALID_EXTENSION', 'An extension needs a reason'));
    }
    let extended: number;
    if ('newDueAt' in request) {
      extended = request.newDueAt.getTime();
    } else {
      if (request.limit.unit === 'same-day') {
        return err(calendarError('CALENDAR_INVALID_EXTENSION', 'An extension is counted in days or hours'));
      }
      const valid = validateTimeLimit(request.limit);
      if (!valid.ok) return valid;
      const due = this.dueMs(record.dueAt.getTime(), record.dueAt.getTime(), request.limit, []);
      if (!due.ok) return due;
      extended = due.value;
    }
    if (!(extended > record.dueAt.getTime())) {
      return err(calendarError('CALENDAR_INVALID_EXTENSION', 'The extended due time must be later than the current one'));
    }
    const extendedDueAt = new Date(extended);
    return ok({
      originalDueAt: record.originalDueAt,
      dueAt: extendedDueAt,
      extension: { reason: request.reason, previousDueAt: record.dueAt, extendedDueAt },
    });
  }

  /**
   * Lays the step budgets of an internal workflow end to end on the clock from `clockStartsAt`: step i is due when
   * the budgets of steps 1…i have elapsed (working days count the working time of the clock's first day).
   */
  scheduleSteps(clockStartsAt: Date, steps: readonly StepBudget[]): Result<StepDueTime[], DomainError> {
    const start = this.calendar.clockStartMs(clockStartsAt.getTime());
    if (Number.isNaN(start)) return err(outOfRange());
    const result: StepDueTime[] = [];
    let elapsed = 0;
    let previous = start;
    for (const step of steps) {
      const valid = validateTimeLimit({ unit: step.unit, amount: step.amount });
      if (!valid.ok) return valid;
      elapsed += this.workingMsOf(step.amount, step.unit, start);
      const due = this.calendar.addWorkingMs(start, elapsed);
      if (Number.isNaN(due)) return err(outOfRange());
      result.push({ id: step.id, startsAt: new Date(previous), dueAt: new Date(due) });
      previous = due;
    }
    return ok(result);
  }

  /** Working time between two instants, in ms (for statistics, e.g. the QĐ 766 elapsed-time formula). */
  workingTimeBetween(from: Date, to: Date): Result<number, DomainError> {
    const ms = this.calendar.workingMsBetween(from.getTime(), to.getTime());
    return Number.isNaN(ms) ? err(outOfRange()) : ok(ms);
  }

  /** The instant `ms` of working time after `from`. */
  addWorkingTime(from: Date, ms: number): Result<Date, DomainError> {
    const due = this.calendar.addWorkingMs(from.getTime(), ms);
    return Number.isNaN(due) ? err(outOfRange()) : ok(new Date(due));
  }
}

/**
 * The catalogue's check of an internal workflow: the step budgets, in working minutes, against the legal time
 * limit (working days count `dayMinutes`, 480 by default). Calendar-day and same-day limits cannot be compared in
 * working time: `limitMinutes` is null then.
 */
export function compareStepBudgets(
  steps: readonly Pick<StepBudget, 'amount' | 'unit'>[],
  limit: TimeLimit,
  dayMinutes = 480,
): { budgetMinutes: number; limitMinutes: number | null; differenceMinutes: number | null } {
  const minutes = (amount: number, unit: TimeUnit) =>
    unit === 'working-hours' ? amount * 60 : unit === 'working-days' ? amount * dayMinutes : Number.NaN;
  const budgetMinutes = steps.reduce((sum, s) => sum + minutes(s.amount, s.unit), 0);
  const limitMinutes = limit.unit === 'working-days' || limit.unit === 'working-hours' ? minutes(limit.amount, limit.unit) : null;
  return { budgetMinutes, limitMinutes, differenceMinutes: limitMinutes === null ? null : limitMinutes - budgetMinutes };
}
