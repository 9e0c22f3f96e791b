/**
 * Time limits in working hours, so that workflow budgets (working hours) can be compared with legal limits given in
 * working days, working hours, calendar days or months.
 *
 * - 'working-hours': as is; 'working-days': × hoursPerWorkingDay (8 by default, as C1/C2 and the legal-spec §2.2 use).
 * - calendar-days (and months) are compared by their **guaranteed** working days: the fewest working days that
 *   N consecutive calendar days can contain when they start on a working day of the Monday–Friday week (the clock
 *   starts in a working period). 15 calendar days therefore give 11 working days, whatever the weekday the dossier
 *   arrives on. Public holidays are not counted out here: they depend on the date, and the legal clock handles them
 *   per dossier; a workflow that fits this check can still be stretched by Tết, which the clock then shows.
 * - months count as 28 calendar days each (the shortest month), then as calendar days.
 */
import type { TimeLimit } from '../calendar/index';
import type { ProcessingTime, TimeUnit } from './procedure';

export const DEFAULT_HOURS_PER_WORKING_DAY = 8;

export interface TimeLimitOptions {
  readonly hoursPerWorkingDay?: number;
}

/** Fewest Monday–Friday working days in `days` consecutive calendar days starting on a working day. */
export function guaranteedWorkingDays(days: number): number {
  if (days <= 0) return 0;
  let fewest = Number.POSITIVE_INFINITY;
  // weekday 0 = Monday … 4 = Friday as the first day
  for (let start = 0; start < 5; start++) {
    const fullWeeks = Math.floor(days / 7);
    let count = fullWeeks * 5;
    for (let i = 0; i < days % 7; i++) if ((start + i) % 7 < 5) count++;
    fewest = Math.min(fewest, count);
  }
  return fewest;
}

/**
 * The legal clock's time limit for a processing time (calendar module): a same-day cut-off becomes its `same-day`
 * limit; months, which the clock does not count, give null (the caller decides, e.g. by calendar months).
 * For the workflow budget rule a same-day limit counts as its stated amount (normally one working day).
 */
export function legalClockLimit(time: Pick<ProcessingTime, 'amount' | 'unit' | 'sameDayCutoff'>): TimeLimit | null {
  if (time.sameDayCutoff) return { unit: 'same-day', cutoff: time.sameDayCutoff };
  if (time.unit === 'months') return null;
  return { unit: time.unit, amount: time.amount };
}

export function limitInWorkingHours(amount: number, unit: TimeUnit, options: TimeLimitOptions = {}): number {
  const perDay = options.hoursPerWorkingDay ?? DEFAULT_HOURS_PER_WORKING_DAY;
  switch (unit) {
    case 'working-hours':
      return amount;
    case 'working-days':
      return amount * perDay;
    case 'calendar-days':
      return guaranteedWorkingDays(Math.floor(amount)) * perDay;
    case 'months':
      return guaranteedWorkingDays(Math.floor(amount * 28)) * perDay;
  }
}

const unitVi: Record<TimeUnit, string> = {
  'working-days': 'ngày làm việc',
  'working-hours': 'giờ làm việc',
  'calendar-days': 'ngày',
  months: 'tháng',
};
const unitEn: Record<TimeUnit, [string, string]> = {
  'working-days': ['working day', 'working days'],
  'working-hours': ['working hour', 'working hours'],
  'calendar-days': ['calendar day', 'calendar days'],
  months: ['month', 'months'],
};

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function describeTimeLimit(time: Pick<ProcessingTime, 'amount' | 'unit'>, language: 'vi' | 'en'): string {
  if (language === 'vi') return `${formatNumber(time.amount).replace('.', ',')} ${unitVi[time.unit]}`;
  const [one, many] = unitEn[time.unit];
  return `${formatNumber(time.amount)} ${time.amount === 1 ? one : many}`;
}

export function describeHours(hours: number, language: 'vi' | 'en'): string {
  return describeTimeLimit({ amount: hours, unit: 'working-hours' }, language);
}
