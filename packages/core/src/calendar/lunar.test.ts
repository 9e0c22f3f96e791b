import { describe, expect, it } from 'vitest';
import { civilFromDay, dayFromCivil, formatDate, parseDate } from './local-time';
import { dayToLunar, formatLunarDay, lunarNewYear, lunarToDay, lunarYearName } from './lunar';

/**
 * An independent implementation of Hồ Ngọc Đức's astronomical algorithm (new moons and major solar terms, at a
 * given time zone), written from his published method, to cross-check the table package behind lunar.ts.
 */
const INT = Math.floor;
function newMoonDay(k: number, timeZone: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let C1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  C1 = C1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  C1 = C1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  C1 = C1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  C1 = C1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  C1 = C1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  C1 = C1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return INT(jd1 + C1 - deltaT + 0.5 + timeZone / 24);
}
function sunLongitudeSector(jdn: number, timeZone: number): number {
  const T = (jdn - 2451545.5 - timeZone / 24) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L = L - Math.PI * 2 * INT(L / (Math.PI * 2));
  return INT((L / Math.PI) * 6);
}
const jdn = (y: number, m: number, d: number) => dayFromCivil(y, m, d) + 2_440_588;
function lunarMonth11(year: number, tz: number): number {
  const off = jdn(year, 12, 31) - 2415021;
  const k = INT(off / 29.530588853);
  const nm = newMoonDay(k, tz);
  return sunLongitudeSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunLongitudeSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}
function formulaSolarToLunar(day: number, tz = 7) {
  const { year } = civilFromDay(day);
  const jd = day + 2_440_588;
  const k = INT((jd - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > jd) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(year, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, tz);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, tz);
  }
  const lunarDay = jd - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let isLeapMonth = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) isLeapMonth = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, isLeapMonth };
}

const d = (text: string) => parseDate(text)!;

describe('Vietnamese lunar calendar', () => {
  it('gives Tết on the Vietnamese dates, also where China differs (1968, 1985, 2007)', () => {
    const tet: Record<number, string> = {
      1968: '1968-01-29', // China: 30 Jan
      1985: '1985-01-21', // China: 20 Feb
      2007: '2007-02-17', // China: 18 Feb
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
    };
    for (const [year, date] of Object.entries(tet)) expect(formatDate(lunarNewYear(Number(year)))).toBe(date);
  });

  it('gives Giỗ Tổ (10/3) and the last day of the lunar year as the law texts report them', () => {
    expect(formatDate(lunarToDay(2024, 3, 10))).toBe('2024-04-18');
    expect(formatDate(lunarToDay(2025, 3, 10))).toBe('2025-04-07');
    expect(formatDate(lunarToDay(2026, 3, 10))).toBe('2026-04-26');
    expect(formatDate(lunarToDay(2027, 3, 10))).toBe('2027-04-16');
    expect(formatDate(lunarToDay(2028, 3, 10))).toBe('2028-04-04');
    // 27 and 29 tháng Chạp Ất Tỵ (month 12 of lunar year 2025 has 29 days)
    expect(formatDate(lunarToDay(2025, 12, 27))).toBe('2026-02-14');
    expect(dayToLunar(d('2026-02-16'))).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(dayToLunar(d('2027-02-05'))).toEqual({ year: 2026, month: 12, day: 29, isLeapMonth: false });
  });

  it('knows leap months', () => {
    expect(dayToLunar(d('2025-07-25'))).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(formatDate(lunarToDay(2025, 6, 1, true))).toBe('2025-07-25');
    expect(formatDate(lunarToDay(2023, 2, 1, true))).toBe('2023-03-22');
    expect(formatDate(lunarToDay(2020, 4, 1, true))).toBe('2020-05-23');
    // Giỗ Tổ 2023 is in the regular third month, after the leap second month: Saturday 29 April.
    expect(formatDate(lunarToDay(2023, 3, 10))).toBe('2023-04-29');
    expect(() => lunarToDay(2026, 6, 1, true)).toThrow(RangeError);
    expect(formatLunarDay({ year: 2025, month: 6, day: 5, isLeapMonth: true })).toBe('mùng 5 tháng Sáu nhuận');
  });

  it('names lunar years', () => {
    expect(lunarYearName(2025)).toBe('Ất Tỵ');
    expect(lunarYearName(2026)).toBe('Bính Ngọ');
    expect(lunarYearName(2027)).toBe('Đinh Mùi');
    expect(lunarYearName(1900)).toBe('Canh Tý');
  });

  it('is consistent over 1900–2100: Tết 20 Jan–21 Feb, months of 29 or 30 days, 12 or 13 months, round trip', () => {
    for (let year = 1900; year <= 2100; year++) {
      const tet = lunarNewYear(year);
      expect(tet).toBeGreaterThanOrEqual(dayFromCivil(year, 1, 20));
      expect(tet).toBeLessThanOrEqual(dayFromCivil(year, 2, 21));
      if (year === 2100) break;
      const next = lunarNewYear(year + 1);
      const months: { month: number; isLeapMonth: boolean }[] = [];
      for (let start = tet; start < next; ) {
        const lunar = dayToLunar(start);
        expect(lunar).toMatchObject({ year, day: 1 });
        months.push({ month: lunar.month, isLeapMonth: lunar.isLeapMonth });
        const length = dayToLunar(start + 29).day === 1 ? 29 : 30;
        expect(dayToLunar(start + length).day).toBe(1);
        start += length;
      }
      const leaps = months.filter((m) => m.isLeapMonth);
      expect(months.length).toBe(12 + leaps.length);
      expect(leaps.length).toBeLessThanOrEqual(1);
      expect(months.filter((m) => !m.isLeapMonth).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    }
    for (let day = dayFromCivil(1900, 1, 31); day <= dayFromCivil(2100, 12, 31); day += 13) {
      const lunar = dayToLunar(day);
      expect(lunarToDay(lunar.year, lunar.month, lunar.day, lunar.isLeapMonth)).toBe(day);
    }
  }, 30_000);

  it("agrees day by day with Hồ Ngọc Đức's formula at UTC+7 for 1968–2053", () => {
    for (let day = dayFromCivil(1968, 1, 1); day <= dayFromCivil(2053, 12, 31); day++) {
      const table = dayToLunar(day);
      const formula = formulaSolarToLunar(day);
      if (table.day !== formula.day || table.month !== formula.month || table.isLeapMonth !== formula.isLeapMonth) {
        expect({ date: formatDate(day), ...table }).toEqual({ date: formatDate(day), ...formula });
      }
    }
  }, 30_000);

  it('differs from the UTC+8 (Chinese) computation where the Vietnamese calendar does', () => {
    expect(formulaSolarToLunar(d('1985-01-21'), 7)).toMatchObject({ month: 1, day: 1 });
    expect(formulaSolarToLunar(d('1985-01-21'), 8)).not.toMatchObject({ month: 1, day: 1 });
    expect(formulaSolarToLunar(d('2007-02-17'), 8)).not.toMatchObject({ month: 1, day: 1 });
    expect(formulaSolarToLunar(d('2007-02-18'), 8)).toMatchObject({ month: 1, day: 1 });
  });

  it('refuses years outside the supported range', () => {
    expect(() => lunarNewYear(1850)).toThrow(RangeError);
    expect(() => dayToLunar(dayFromCivil(2150, 1, 1))).toThrow(RangeError);
  });
});
