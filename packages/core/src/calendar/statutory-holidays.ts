/**
 * The default public-sector rules, as data: the statutory holidays (Bộ luật Lao động 2019 Art. 112(1), plus
 * Ngày Văn hóa Việt Nam from 2026), each with its effective dates, and the compensatory-day rule of Art. 111(3).
 * These apply to every date no official decision covers (decisions.ts).
 *
 * The law changes — 24 November shows it does — so a new holiday is a new entry with `effectiveFrom`, and an
 * abolished one gets `effectiveTo`. Earlier Labour Codes (Tết of 4 days before 2013, Giỗ Tổ only from 2007) are not
 * modelled: years before 2021 use this list except where an entry's dates say otherwise.
 */
import { lunarNewYear, lunarToDay, dayToLunar, formatLunarDay, lunarYearName } from './lunar';
import { dayFromCivil, formatVietnameseDate, isWeekend, parseDate, weekdayOf, type DayNumber } from './local-time';

interface HolidayRuleBase {
  /** Stable identifier, e.g. 'national-day'. */
  readonly id: string;
  /** Vietnamese name shown to users. */
  readonly name: string;
  readonly legalBasis: string;
  /** First date (inclusive, 'YYYY-MM-DD') on which the rule gives a holiday; absent = always. */
  readonly effectiveFrom?: string;
  /** Last date (inclusive) on which the rule gives a holiday; absent = still in force. */
  readonly effectiveTo?: string;
  /** Whether a holiday day on Saturday or Sunday earns a compensatory day (Art. 111(3)). */
  readonly compensatedOnWeekend: boolean;
}

export type HolidayRule =
  /** A fixed solar date every year. */
  | (HolidayRuleBase & { readonly kind: 'solar'; readonly month: number; readonly day: number })
  /** A fixed lunar date every year (never in a leap month). */
  | (HolidayRuleBase & { readonly kind: 'lunar'; readonly lunarMonth: number; readonly lunarDay: number })
  /** Tết: the last day of the lunar year and lunar 1/1 … `daysAfter`/1. */
  | (HolidayRuleBase & { readonly kind: 'lunar-new-year'; readonly daysAfter: number })
  /**
   * One day adjacent to a solar date: the day before, except when the date falls on one of `afterOnWeekdays`
   * (0 = Sunday … 6 = Saturday), then the day after.
   */
  | (HolidayRuleBase & {
      readonly kind: 'adjacent-day';
      readonly month: number;
      readonly day: number;
      readonly afterOnWeekdays: readonly number[];
    });

const LABOUR_CODE = 'Bộ luật Lao động 2019, Điều 112 khoản 1';

/** The statutory list in force (legal-spec §11.1, §16.13). */
export const statutoryHolidays: readonly HolidayRule[] = [
  { id: 'new-year', kind: 'solar', month: 1, day: 1, name: 'Tết Dương lịch', legalBasis: `${LABOUR_CODE} điểm a`, compensatedOnWeekend: true },
  { id: 'lunar-new-year', kind: 'lunar-new-year', daysAfter: 4, name: 'Tết Nguyên đán', legalBasis: `${LABOUR_CODE} điểm b`, compensatedOnWeekend: true },
  { id: 'hung-kings', kind: 'lunar', lunarMonth: 3, lunarDay: 10, name: 'Giỗ Tổ Hùng Vương', legalBasis: `${LABOUR_CODE} điểm e`, compensatedOnWeekend: true },
  { id: 'victory-day', kind: 'solar', month: 4, day: 30, name: 'Ngày Chiến thắng', legalBasis: `${LABOUR_CODE} điểm c`, compensatedOnWeekend: true },
  { id: 'labour-day', kind: 'solar', month: 5, day: 1, name: 'Ngày Quốc tế Lao động', legalBasis: `${LABOUR_CODE} điểm d`, compensatedOnWeekend: true },
  { id: 'national-day', kind: 'solar', month: 9, day: 2, name: 'Quốc khánh', legalBasis: `${LABOUR_CODE} điểm đ`, compensatedOnWeekend: true },
  {
    id: 'national-day-adjacent',
    kind: 'adjacent-day',
    month: 9,
    day: 2,
    afterOnWeekdays: [1],
    name: 'Quốc khánh (ngày liền kề)',
    legalBasis: `${LABOUR_CODE} điểm đ`,
    // Bộ luật Lao động 2012 gave 2 September only; the adjacent day came with the 2019 Code.
    effectiveFrom: '2021-01-01',
    compensatedOnWeekend: true,
  },
  {
    id: 'vietnamese-culture-day',
    kind: 'solar',
    month: 11,
    day: 24,
    name: 'Ngày Văn hóa Việt Nam',
    legalBasis: 'Nghị quyết 28/2026/QH16 (Nghị quyết 80-NQ/TW)',
    effectiveFrom: '2026-07-01',
    // UNVERIFIED whether Art. 111(3) applies to it (legal-spec §16.13); the issue says every holiday day does.
    compensatedOnWeekend: true,
  },
];

export const COMPENSATORY_DAY_BASIS = 'Bộ luật Lao động 2019, Điều 111 khoản 3';

/** One holiday day produced by a rule. */
export interface HolidayDay {
  readonly date: DayNumber;
  readonly ruleId: string;
  readonly name: string;
  readonly legalBasis: string;
  readonly compensatedOnWeekend: boolean;
}

/** A day that is off under the default rules (weekends aside). */
export interface DefaultDayOff {
  readonly date: DayNumber;
  readonly kind: 'holiday' | 'compensatory_day_off';
  readonly name: string;
  readonly legalBasis: string;
  /** For a compensatory day: the weekend holiday it compensates. */
  readonly compensates?: DayNumber;
}

function isInForce(rule: HolidayRule, date: DayNumber): boolean {
  if (rule.effectiveFrom && date < (parseDate(rule.effectiveFrom) ?? Number.NEGATIVE_INFINITY)) return false;
  if (rule.effectiveTo && date > (parseDate(rule.effectiveTo) ?? Number.POSITIVE_INFINITY)) return false;
  return true;
}

function ruleDays(rule: HolidayRule, year: number): { date: DayNumber; name: string }[] {
  switch (rule.kind) {
    case 'solar':
      return [{ date: dayFromCivil(year, rule.month, rule.day), name: rule.name }];
    case 'lunar': {
      const date = lunarToDay(year, rule.lunarMonth, rule.lunarDay);
      return [{ date, name: `${rule.name} (${formatLunarDay(dayToLunar(date))} âm lịch)` }];
    }
    case 'lunar-new-year': {
      const first = lunarNewYear(year);
      const lastDay = dayToLunar(first - 1);
      const days = [{ date: first - 1, name: `${rule.name} (${formatLunarDay(lastDay)} năm ${lunarYearName(year - 1)})` }];
      for (let i = 0; i < rule.daysAfter; i++) {
        days.push({ date: first + i, name: `${rule.name} (mùng ${i + 1} Tết ${lunarYearName(year)})` });
      }
      return days;
    }
    case 'adjacent-day': {
      const base = dayFromCivil(year, rule.month, rule.day);
      const date = rule.afterOnWeekdays.includes(weekdayOf(base)) ? base + 1 : base - 1;
      return [{ date, name: rule.name }];
    }
  }
}

/** Every holiday day the rules give for one Gregorian year (Tết's last day of the old lunar year included). */
export function holidaysOfYear(year: number, rules: readonly HolidayRule[] = statutoryHolidays): HolidayDay[] {
  const days: HolidayDay[] = [];
  for (const rule of rules) {
    for (const { date, name } of ruleDays(rule, year)) {
      if (!isInForce(rule, date)) continue;
      days.push({ date, ruleId: rule.id, name, legalBasis: rule.legalBasis, compensatedOnWeekend: rule.compensatedOnWeekend });
    }
  }
  return days.sort((a, b) => a.date - b.date);
}

/**
 * The days off of a year under the default rules, weekends aside: the statutory holidays, and the compensatory
 * days — for each holiday day on a Saturday or Sunday, in date order, the first following day that is not a weekend
 * day, not a holiday and not already a compensatory day. Holidays of the neighbouring years are considered so that
 * a compensatory day crossing New Year is found in the year it falls in.
 */
export function defaultDaysOffOfYear(year: number, rules: readonly HolidayRule[] = statutoryHolidays): Map<DayNumber, DefaultDayOff> {
  const holidays = [year - 1, year, year + 1].flatMap((y) => holidaysOfYear(y, rules));
  const byDate = new Map<DayNumber, HolidayDay[]>();
  for (const h of holidays) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);

  const result = new Map<DayNumber, DefaultDayOff>();
  const first = dayFromCivil(year, 1, 1);
  const last = dayFromCivil(year, 12, 31);
  const compensatory = new Set<DayNumber>();
  for (const [date, same] of [...byDate.entries()].sort((a, b) => a[0] - b[0])) {
    if (date >= first && date <= last) {
      result.set(date, {
        date,
        kind: 'holiday',
        name: same.map((h) => h.name).join('; '),
        legalBasis: [...new Set(same.map((h) => h.legalBasis))].join('; '),
      });
    }
    if (!isWeekend(date) || !same.some((h) => h.compensatedOnWeekend)) continue;
    let c = date + 1;
    while (isWeekend(c) || byDate.has(c) || compensatory.has(c)) c++;
    compensatory.add(c);
    if (c >= first && c <= last) {
      result.set(c, {
        date: c,
        kind: 'compensatory_day_off',
        name: `Nghỉ bù ${same.map((h) => h.name).join('; ')} rơi vào ${formatVietnameseDate(date)}`,
        legalBasis: COMPENSATORY_DAY_BASIS,
        compensates: date,
      });
    }
  }
  return result;
}
