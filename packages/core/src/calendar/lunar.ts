/**
 * The Vietnamese lunar calendar (âm lịch), behind our own interface. The conversions come from
 * `@nghiavuive/lunar_date_vi` (ISC), which encodes Hồ Ngọc Đức's precomputed tables for the Vietnamese calendar
 * (new moons and solar terms at UTC+7 from 1968; the historical UTC+8 calendar Vietnam used before). It is the
 * Vietnamese calendar, not the Chinese one: Tết 1985 is 21 January (China: 20 February) and Tết 2007 is 17 February
 * (China: 18 February). The package builds its dates from year/month/day fields and Julian day numbers, so its
 * answers do not depend on the process time zone (lunar.test.ts checks this, and cross-checks the tables against
 * an independent implementation of Hồ Ngọc Đức's astronomical formula).
 *
 * Only day numbers cross this boundary; the package's Date-based API is never used.
 */
import { LunarDate, SolarDate } from '@nghiavuive/lunar_date_vi';
import { civilFromDay, FIRST_YEAR, LAST_YEAR, type DayNumber } from './local-time';

/** Julian day number of 1970-01-01. */
const JDN_EPOCH = 2_440_588;

export interface LunarDay {
  /** The lunar year, named by the Gregorian year in which it starts (Tết 2026 starts lunar year 2026, Bính Ngọ). */
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly isLeapMonth: boolean;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR - 1 || year > LAST_YEAR + 1) {
    throw new RangeError(`The lunar calendar is supported for ${FIRST_YEAR}–${LAST_YEAR}, not ${year}`);
  }
}

/** The solar date of a lunar date. Throws on a lunar date that does not exist (e.g. a leap month that year lacks). */
export function lunarToDay(year: number, month: number, day: number, isLeapMonth = false): DayNumber {
  assertYear(year);
  const lunar = new LunarDate({ year, month, day, leap_month: isLeapMonth });
  lunar.init();
  const solar = lunar.toSolarDate().get();
  const result = solar.julian - JDN_EPOCH;
  // The package silently normalises impossible dates; check the round trip.
  const back = dayToLunar(result);
  if (back.year !== year || back.month !== month || back.day !== day || back.isLeapMonth !== isLeapMonth) {
    throw new RangeError(`No lunar date ${day}/${month}${isLeapMonth ? ' (nhuận)' : ''}/${year}`);
  }
  return result;
}

export function dayToLunar(dayNumber: DayNumber): LunarDay {
  const { year, month, day } = civilFromDay(dayNumber);
  assertYear(year);
  const lunar = new SolarDate({ year, month, day }).toLunarDate().get();
  return { year: lunar.year, month: lunar.month, day: lunar.day, isLeapMonth: lunar.leap_month };
}

const newYearCache = new Map<number, DayNumber>();

/** Mùng 1 tháng Giêng (Tết Nguyên đán) of the lunar year starting in the given Gregorian year. */
export function lunarNewYear(year: number): DayNumber {
  let day = newYearCache.get(year);
  if (day === undefined) {
    day = lunarToDay(year, 1, 1);
    newYearCache.set(year, day);
  }
  return day;
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** The sexagenary name of a lunar year: 2026 → 'Bính Ngọ', 2025 → 'Ất Tỵ'. */
export function lunarYearName(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}

const MONTH_NAMES = ['Giêng', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười Một', 'Chạp'] as const;

/** 'mùng 1 tháng Giêng', '29 tháng Chạp', '10 tháng Ba', '5 tháng Sáu nhuận' */
export function formatLunarDay(lunar: LunarDay): string {
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  return `${day} tháng ${MONTH_NAMES[lunar.month - 1]}${lunar.isLeapMonth ? ' nhuận' : ''}`;
}
