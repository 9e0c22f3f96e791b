/**
 * Official decisions on the working calendar: each year the Government (and sometimes a province or an agency)
 * fixes the real days — extra days off, swapped days off, make-up working Saturdays. A decision overrides the
 * default rules for exactly the dates it lists; every other date keeps its default status. When decisions overlap
 * on a date, the more specific scope wins (agency over province over national), then the later recorded one.
 */
import { err, ok, type DomainError, type Result } from '../shared/index';
import { calendarError } from './calendar.errors';
import { FIRST_YEAR, LAST_YEAR, civilFromDay, parseDate, type DayNumber } from './local-time';

export const decisionScopes = ['national', 'province', 'agency'] as const;
export type DecisionScope = (typeof decisionScopes)[number];

export const decisionDayKinds = [
  /** A holiday day as fixed by the decision (e.g. the Tết days of the year). */
  'holiday',
  'compensatory_day_off',
  /** A working day moved to a day off, made up by a working Saturday (ngày nghỉ hoán đổi). */
  'swapped_day_off',
  /** Any other day off the decision grants. */
  'extra_day_off',
  /** A Saturday or Sunday worked to make up a swapped day off (ngày làm bù). */
  'makeup_working_day',
  /** A day the default rules would give off that the decision keeps as an ordinary working day. */
  'working_day',
] as const;
export type DecisionDayKind = (typeof decisionDayKinds)[number];

export function isWorkingKind(kind: DecisionDayKind): boolean {
  return kind === 'makeup_working_day' || kind === 'working_day';
}

export interface DecisionDay {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly kind: DecisionDayKind;
  /** What the day is, in Vietnamese, e.g. 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)'. */
  readonly name: string;
}

export interface CalendarDecision {
  readonly id: string;
  readonly scope: DecisionScope;
  /** The province's or agency's id; null for a national decision. */
  readonly agencyId: string | null;
  readonly name: string;
  /** e.g. 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ' */
  readonly legalReference: string;
  /** Orders decisions of the same scope: the later recorded wins on a shared date. */
  readonly recordedAt: Date;
  readonly days: readonly DecisionDay[];
}

export const DECISION_MAX_DAYS = 366;

/** Checks a decision's own consistency (dates real and in range, no date twice, texts present). */
export function validateDecision(decision: Omit<CalendarDecision, 'id' | 'recordedAt'>): Result<true, DomainError> {
  const problems: string[] = [];
  if (decision.name.trim() === '') problems.push('name is empty');
  if (decision.legalReference.trim() === '') problems.push('legalReference is empty');
  if ((decision.scope === 'national') !== (decision.agencyId === null)) {
    problems.push('a national decision has no agency; a province or agency decision names one');
  }
  if (decision.days.length === 0) problems.push('days is empty');
  if (decision.days.length > DECISION_MAX_DAYS) problems.push(`more than ${DECISION_MAX_DAYS} days`);
  const seen = new Set<DayNumber>();
  for (const day of decision.days) {
    const date = parseDate(day.date);
    if (date === null) {
      problems.push(`${day.date} is not a date`);
      continue;
    }
    const { year } = civilFromDay(date);
    if (year < FIRST_YEAR || year > LAST_YEAR) problems.push(`${day.date} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
    if (seen.has(date)) problems.push(`${day.date} is listed twice`);
    seen.add(date);
    if (day.name.trim() === '') problems.push(`${day.date} has no name`);
  }
  return problems.length === 0 ? ok(true) : err(calendarError('CALENDAR_INVALID_DECISION', problems.join('; '), { problems }));
}

const scopeRank: Record<DecisionScope, number> = { national: 0, province: 1, agency: 2 };

/**
 * Decisions in the order they apply: later ones override earlier ones on a shared date. The sort is stable, so
 * decisions recorded at the same instant keep the order they were given in (storage gives recording order).
 */
export function orderDecisions(decisions: readonly CalendarDecision[]): CalendarDecision[] {
  return [...decisions].sort(
    (a, b) => scopeRank[a.scope] - scopeRank[b.scope] || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
}

/**
 * The national decisions of 2026 known today (legal-spec §11.3, §16.13). Migration 0101 seeds the same two rows;
 * a db test checks that they agree.
 */
export const nationalDecisions2026: readonly CalendarDecision[] = [
  {
    id: '0b1d0000-0000-4000-8000-000000002601',
    scope: 'national',
    agencyId: null,
    name: 'Hoán đổi ngày làm việc dịp Tết Dương lịch 2026',
    legalReference: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
    recordedAt: new Date('2025-12-25T00:00:00Z'),
    days: [
      { date: '2026-01-02', kind: 'swapped_day_off', name: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' },
      { date: '2026-01-10', kind: 'makeup_working_day', name: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026' },
    ],
  },
  {
    id: '0b1d0000-0000-4000-8000-000000002602',
    scope: 'national',
    agencyId: null,
    name: 'Hoán đổi ngày làm việc dịp nghỉ lễ Quốc khánh 2026',
    legalReference: 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ, mục 2',
    recordedAt: new Date('2025-10-16T00:00:00Z'),
    days: [
      { date: '2026-08-22', kind: 'makeup_working_day', name: 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026' },
      { date: '2026-08-31', kind: 'swapped_day_off', name: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)' },
    ],
  },
];
