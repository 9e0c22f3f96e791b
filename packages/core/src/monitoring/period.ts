/**
 * Report periods (legal-spec §12: the reporting regime of TT 01/2020/TT-VPCP; month, quarter, 6 months and year
 * are used by the national formulas — granularity UNVERIFIED, so any custom range is accepted too). Dates are local
 * dates (Asia/Ho_Chi_Minh) 'YYYY-MM-DD', both ends included.
 */
import { domainError, err, ok, type DomainError, type Result } from '../shared/index';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export interface Period {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
}

export interface PeriodRequest {
  readonly kind: PeriodKind;
  readonly year?: number;
  /** month 1–12, quarter 1–4, half 1–2. */
  readonly index?: number;
  readonly from?: string;
  readonly to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CUSTOM_DAYS = 3 * 366;

const pad = (v: number) => String(v).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}

function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function invalid(message: string): Result<never, DomainError<'MONITORING_PERIOD_INVALID'>> {
  return err(domainError('MONITORING_PERIOD_INVALID', message));
}

export function resolvePeriod(request: PeriodRequest): Result<Period, DomainError<'MONITORING_PERIOD_INVALID'>> {
  if (request.kind === 'custom') {
    const { from, to } = request;
    if (!from || !to || !isRealDate(from) || !isRealDate(to)) return invalid('A custom period needs from and to as YYYY-MM-DD');
    if (from > to) return invalid('The period ends before it starts');
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > MAX_CUSTOM_DAYS) return invalid(`A custom period is at most ${MAX_CUSTOM_DAYS} days`);
    return ok({ kind: 'custom', from, to });
  }
  const year = request.year;
  if (!year || !Number.isInteger(year) || year < 2000 || year > 2100) return invalid('year must be between 2000 and 2100');
  const index = request.kind === 'year' ? 1 : request.index;
  const max = { month: 12, quarter: 4, half: 2, year: 1 }[request.kind];
  if (!index || !Number.isInteger(index) || index < 1 || index > max) return invalid(`index must be 1–${max} for a ${request.kind}`);
  const months = { month: 1, quarter: 3, half: 6, year: 12 }[request.kind];
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return ok({ kind: request.kind, from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(year, lastMonth) });
}

/** The ISO week (Monday) a local date belongs to, as the Monday's date. */
export function weekStartOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - dow * 86_400_000).toISOString().slice(0, 10);
}

/** The day before a local date. */
export function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
