/**
 * Working periods: the daily opening hours in which the legal clock runs, per agency and effective-dated.
 * Default 07:00–11:30 and 13:30–17:00 (8 working hours), Asia/Ho_Chi_Minh; the same periods apply to every working
 * day, make-up Saturdays included.
 */
import { err, ok, type DomainError, type Result } from '../shared/index';
import { calendarError } from './calendar.errors';
import { MINUTE_MS, parseClockTime, parseDate } from './local-time';

export interface WorkingPeriod {
  /** 'HH:MM', local time */
  readonly start: string;
  /** 'HH:MM', local time, after start; '24:00' allowed */
  readonly end: string;
}

export interface WorkingPeriodSchedule {
  /** The first date ('YYYY-MM-DD') on which the periods apply; they apply until the next schedule's date. */
  readonly effectiveFrom: string;
  readonly periods: readonly WorkingPeriod[];
}

/** Common practice (legal-spec §3.4 item 4); the official hours of each desk are set per agency. */
export const defaultWorkingPeriods: readonly WorkingPeriod[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** Parsed periods of one day, in milliseconds after local midnight; shared by every day with the same periods. */
export interface PeriodSet {
  readonly periods: readonly WorkingPeriod[];
  readonly startsMs: readonly number[];
  readonly endsMs: readonly number[];
  /** Working time of each period. */
  readonly lengthsMs: readonly number[];
  /** Working time before each period starts. */
  readonly beforeMs: readonly number[];
  readonly totalMs: number;
}

export const MAX_PERIODS_PER_DAY = 6;

export function parseWorkingPeriods(periods: readonly WorkingPeriod[]): Result<PeriodSet, DomainError> {
  const problems: string[] = [];
  if (periods.length === 0) problems.push('at least one working period is needed');
  if (periods.length > MAX_PERIODS_PER_DAY) problems.push(`at most ${MAX_PERIODS_PER_DAY} periods a day`);
  const startsMs: number[] = [];
  const endsMs: number[] = [];
  let previousEnd = -1;
  for (const [i, period] of periods.entries()) {
    const start = parseClockTime(period.start);
    const end = parseClockTime(period.end);
    if (start === null || end === null) {
      problems.push(`period ${i + 1}: times must be HH:MM between 00:00 and 24:00`);
      continue;
    }
    if (end <= start) problems.push(`period ${i + 1}: ${period.end} is not after ${period.start}`);
    if (start < previousEnd) problems.push(`period ${i + 1} starts before the previous one ends`);
    previousEnd = end;
    startsMs.push(start * MINUTE_MS);
    endsMs.push(end * MINUTE_MS);
  }
  if (problems.length > 0) {
    return err(calendarError('CALENDAR_INVALID_WORKING_PERIODS', problems.join('; '), { problems }));
  }
  const lengthsMs = startsMs.map((s, i) => endsMs[i]! - s);
  const beforeMs: number[] = [];
  let total = 0;
  for (const length of lengthsMs) {
    beforeMs.push(total);
    total += length;
  }
  return ok({ periods: [...periods], startsMs, endsMs, lengthsMs, beforeMs, totalMs: total });
}

export function validateWorkingPeriodSchedule(schedule: WorkingPeriodSchedule): Result<PeriodSet, DomainError> {
  if (parseDate(schedule.effectiveFrom) === null) {
    return err(
      calendarError('CALENDAR_INVALID_WORKING_PERIODS', `effectiveFrom ${schedule.effectiveFrom} is not a date`, {
        problems: ['effectiveFrom is not a date'],
      }),
    );
  }
  return parseWorkingPeriods(schedule.periods);
}

/** Working time in [00:00, timeOfDay) of a day with these periods. */
export function workedBefore(set: PeriodSet, timeOfDayMs: number): number {
  for (let k = 0; k < set.startsMs.length; k++) {
    if (timeOfDayMs <= set.startsMs[k]!) return set.beforeMs[k]!;
    if (timeOfDayMs < set.endsMs[k]!) return set.beforeMs[k]! + timeOfDayMs - set.startsMs[k]!;
  }
  return set.totalMs;
}

/** The earliest time of day by which `workedMs` (0 < workedMs ≤ total) of the day's working time has elapsed. */
export function timeAfterWorking(set: PeriodSet, workedMs: number): number {
  let remaining = workedMs;
  for (let k = 0; k < set.startsMs.length; k++) {
    if (remaining <= set.lengthsMs[k]!) return set.startsMs[k]! + remaining;
    remaining -= set.lengthsMs[k]!;
  }
  return set.endsMs[set.endsMs.length - 1]!;
}

/** '07:00–11:30, 13:30–17:00' */
export function describePeriods(periods: readonly WorkingPeriod[]): string {
  return periods.map((p) => `${p.start}–${p.end}`).join(', ');
}
