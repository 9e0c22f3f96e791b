import { describe, expect, it } from 'vitest';
import { formatDate, weekdayOf } from './local-time';
import { defaultDaysOffOfYear, holidaysOfYear, statutoryHolidays, type HolidayRule } from './statutory-holidays';

const daysOff = (year: number, rules?: readonly HolidayRule[]) =>
  [...defaultDaysOffOfYear(year, rules).values()].sort((a, b) => a.date - b.date).map((d) => `${formatDate(d.date)} ${d.kind}`);

describe('statutory holidays and compensatory days (default rules)', () => {
  it('gives 2026: Tết Mon 16 – Fri 20 Feb, Giỗ Tổ on Sunday 26 Apr compensated Mon 27, 1–2 Sep, 24 Nov', () => {
    expect(daysOff(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory_day_off',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
      '2026-11-24 holiday',
    ]);
  });

  it('gives 2027: Tết from Fri 5 Feb, with two compensatory days for Sat 6 and Sun 7 (Wed 10, Thu 11)', () => {
    expect(daysOff(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory_day_off',
      '2027-02-11 compensatory_day_off',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory_day_off',
      '2027-09-01 holiday',
      '2027-09-02 holiday',
      '2027-11-24 holiday',
    ]);
  });

  it('takes 3 September when 2 September is a Monday (2030), otherwise 1 September', () => {
    expect(weekdayOf(holidaysOfYear(2030).find((h) => h.ruleId === 'national-day')!.date)).toBe(1);
    expect(daysOff(2030).filter((d) => d.startsWith('2030-09'))).toEqual(['2030-09-02 holiday', '2030-09-03 holiday']);
    expect(daysOff(2031).filter((d) => d.startsWith('2031-09'))).toEqual(['2031-09-01 holiday', '2031-09-02 holiday']);
  });

  it('compensates Quốc khánh on Sat 1 + Sun 2 Sep with Mon 3 and Tue 4 (2029), and Fri 1 + Sat 2 with Mon 4 (2028)', () => {
    expect(daysOff(2029).filter((d) => d.startsWith('2029-09'))).toEqual([
      '2029-09-01 holiday',
      '2029-09-02 holiday',
      '2029-09-03 compensatory_day_off',
      '2029-09-04 compensatory_day_off',
    ]);
    expect(daysOff(2028).filter((d) => d.startsWith('2028-09'))).toEqual([
      '2028-09-01 holiday',
      '2028-09-02 holiday',
      '2028-09-04 compensatory_day_off',
    ]);
  });

  it('compensates 24 November on a Saturday (2029 → Mon 26) and on a Sunday (2030 → Mon 25)', () => {
    expect(daysOff(2029).filter((d) => d.startsWith('2029-11'))).toEqual(['2029-11-24 holiday', '2029-11-26 compensatory_day_off']);
    expect(daysOff(2030).filter((d) => d.startsWith('2030-11'))).toEqual(['2030-11-24 holiday', '2030-11-25 compensatory_day_off']);
  });

  it('compensates 30 April and 1 May on a weekend with distinct following days (2028: Sun 30 Apr → Tue 2 May)', () => {
    // 2028: 30/4 Sunday, 1/5 Monday (holiday) → the first day that is not weekend, holiday or compensatory: Tue 2/5.
    expect(daysOff(2028).filter((d) => d.startsWith('2028-04-3') || d.startsWith('2028-05'))).toEqual([
      '2028-04-30 holiday',
      '2028-05-01 holiday',
      '2028-05-02 compensatory_day_off',
    ]);
    // 2033: 30/4 Saturday, 1/5 Sunday → Mon 2/5 and Tue 3/5.
    expect(daysOff(2033).filter((d) => d.startsWith('2033-04-3') || d.startsWith('2033-05'))).toEqual([
      '2033-04-30 holiday',
      '2033-05-01 holiday',
      '2033-05-02 compensatory_day_off',
      '2033-05-03 compensatory_day_off',
    ]);
  });

  it('applies effective dates: no 24 November before 2026, no adjacent Quốc khánh day before 2021', () => {
    expect(daysOff(2025).some((d) => d.startsWith('2025-11-24'))).toBe(false);
    expect(daysOff(2020).filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02 holiday']);
    expect(daysOff(2021).filter((d) => d.startsWith('2021-09'))).toEqual(['2021-09-01 holiday', '2021-09-02 holiday']);
  });

  it('merges holidays that fall on the same date into one day off (Giỗ Tổ on 30 April 1947)', () => {
    const day = defaultDaysOffOfYear(1947).get(holidaysOfYear(1947).find((h) => h.ruleId === 'victory-day')!.date)!;
    expect(day.name).toBe('Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch); Ngày Chiến thắng');
  });

  it('lets the list change as data: a rule that ends, and one that does not earn a compensatory day', () => {
    const rules = statutoryHolidays.map((rule) =>
      rule.id === 'vietnamese-culture-day' ? { ...rule, compensatedOnWeekend: false } : rule.id === 'labour-day' ? { ...rule, effectiveTo: '2029-12-31' } : rule,
    );
    expect(daysOff(2029, rules).filter((d) => d.startsWith('2029-11'))).toEqual(['2029-11-24 holiday']);
    expect(daysOff(2030, rules).some((d) => d.startsWith('2030-05-01'))).toBe(false);
    expect(daysOff(2029, rules).some((d) => d.startsWith('2029-05-01'))).toBe(true);
  });

  it('names each day and gives its legal basis', () => {
    const days = defaultDaysOffOfYear(2026);
    const named = [...days.values()].map((d) => [formatDate(d.date), d.name, d.legalBasis]);
    expect(named).toContainEqual(['2026-02-16', 'Tết Nguyên đán (29 tháng Chạp năm Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b']);
    expect(named).toContainEqual(['2026-02-17', 'Tết Nguyên đán (mùng 1 Tết Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b']);
    expect(named).toContainEqual([
      '2026-04-27',
      'Nghỉ bù Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch) rơi vào Chủ nhật, 26/04/2026',
      'Bộ luật Lao động 2019, Điều 111 khoản 3',
    ]);
    expect(named).toContainEqual(['2026-11-24', 'Ngày Văn hóa Việt Nam', 'Nghị quyết 28/2026/QH16 (Nghị quyết 80-NQ/TW)']);
  });

  it('has the five Tết days and every statutory day off in every year 2021–2100, none on the same date twice', () => {
    for (let year = 2021; year <= 2100; year++) {
      const holidays = holidaysOfYear(year);
      expect(holidays.filter((h) => h.ruleId === 'lunar-new-year')).toHaveLength(5);
      expect(holidays).toHaveLength(year >= 2026 ? 12 : 11);
      expect(new Set(holidays.map((h) => h.date)).size).toBe(holidays.length);
    }
  });
});
