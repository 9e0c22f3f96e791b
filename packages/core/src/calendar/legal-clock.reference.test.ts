/**
 * Cross-check against a slow, obviously correct reference: the default rules and the 2026 national decisions
 * written out again from the text with JavaScript's UTC Date (not our day arithmetic, not our holiday
 * table), and due times found by stepping minute by minute. Random cases over 2026 and 2028–2040.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalDecisions2026 } from './decisions';
import { LegalClock, type TimeUnit } from './legal-clock';
import { formatInstant } from './local-time';
import { lunarNewYear, lunarToDay } from './lunar';
import { WorkCalendar } from './work-calendar';

const MINUTE = 60_000;
const DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;

// ---- the reference ------------------------------------------------------------------------------------------
const keyOfUtcDay = (utcDay: number) => new Date(utcDay * DAY).toISOString().slice(0, 10);
const utcDayOf = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / DAY;
const isWeekendKey = (utcDay: number) => [0, 6].includes(new Date(utcDay * DAY).getUTCDay());

function referenceHolidays(year: number): number[] {
  const days = [utcDayOf(year, 1, 1), utcDayOf(year, 4, 30), utcDayOf(year, 5, 1), utcDayOf(year, 9, 2)];
  // Lunar days come from the lunar module (tested on its own against the formula): day numbers are UTC days.
  const tet = lunarNewYear(year);
  for (let i = -1; i <= 3; i++) days.push(tet + i); // the last day of the old year, then lunar 1/1 … 4/1
  days.push(lunarToDay(year, 3, 10));
  if (year >= 2021) {
    const secondSeptember = utcDayOf(year, 9, 2);
    days.push(new Date(secondSeptember * DAY).getUTCDay() === 1 ? secondSeptember + 1 : secondSeptember - 1);
  }
  if (year >= 2026) days.push(utcDayOf(year, 11, 24));
  return days;
}

const decisions2026: Record<string, boolean> = {
  '2026-01-02': false,
  '2026-01-10': true,
  '2026-08-31': false,
  '2026-08-22': true,
};

const workingDayCache = new Map<number, boolean>();
function referenceIsWorkingDay(utcDay: number): boolean {
  const cached = workingDayCache.get(utcDay);
  if (cached !== undefined) return cached;
  const year = new Date(utcDay * DAY).getUTCFullYear();
  const holidays = new Set([year - 1, year, year + 1].flatMap(referenceHolidays));
  const compensatory = new Set<number>();
  for (const h of [...holidays].sort((a, b) => a - b)) {
    if (!isWeekendKey(h)) continue;
    let c = h + 1;
    while (isWeekendKey(c) || holidays.has(c) || compensatory.has(c)) c++;
    compensatory.add(c);
  }
  const decided = decisions2026[keyOfUtcDay(utcDay)];
  const working = decided ?? (!isWeekendKey(utcDay) && !holidays.has(utcDay) && !compensatory.has(utcDay));
  workingDayCache.set(utcDay, working);
  return working;
}

function referenceIsWorkingMinute(t: number): boolean {
  const local = t + OFFSET;
  const day = Math.floor(local / DAY);
  if (!referenceIsWorkingDay(day)) return false;
  const minute = Math.floor((local - day * DAY) / MINUTE);
  return (minute >= 7 * 60 && minute < 11 * 60 + 30) || (minute >= 13 * 60 + 30 && minute < 17 * 60);
}

function referenceDue(receivedAt: number, amount: number, unit: TimeUnit): { start: number; due: number } {
  let t = receivedAt;
  while (!referenceIsWorkingMinute(t)) t += MINUTE;
  const start = t;
  if (unit === 'calendar-days') {
    let day = Math.floor((receivedAt + OFFSET) / DAY) + amount;
    while (!referenceIsWorkingDay(day)) day++;
    return { start, due: day * DAY - OFFSET + 17 * 3_600_000 };
  }
  let remaining = unit === 'working-days' ? amount * 480 : amount * 60;
  while (remaining > 0) {
    if (referenceIsWorkingMinute(t)) remaining--;
    t += MINUTE;
  }
  return { start, due: t };
}

// ---- the comparison -----------------------------------------------------------------------------------------
const clock = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));

const year = fc.oneof(fc.constant(2026), fc.integer({ min: 2028, max: 2040 }));
const receivedAt = year.chain((y) =>
  fc.integer({ min: 0, max: 365 * 24 * 60 - 1 }).map((minute) => Date.UTC(y, 0, 1) - OFFSET + minute * MINUTE),
);
const limit = fc.oneof(
  fc.record({ unit: fc.constant<TimeUnit>('working-days'), amount: fc.oneof(fc.integer({ min: 1, max: 25 }), fc.constantFrom(0.5, 1.5, 0.25)) }),
  fc.record({ unit: fc.constant<TimeUnit>('working-hours'), amount: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constantFrom(0.5, 2.5)) }),
  fc.record({ unit: fc.constant<TimeUnit>('calendar-days'), amount: fc.integer({ min: 1, max: 60 }) }),
);

describe('the legal clock agrees with a minute-stepping reference', () => {
  it('on random receptions across 2026 and 2028–2040', () => {
    fc.assert(
      fc.property(receivedAt, limit, (received, { unit, amount }) => {
        const expected = referenceDue(received, amount, unit);
        const actual = clock.dueTime({ receivedAt: new Date(received), limit: { unit, amount } });
        expect(actual.ok).toBe(true);
        if (!actual.ok) return;
        expect(formatInstant(actual.value.dueAt.getTime())).toBe(formatInstant(expected.due));
        if (unit !== 'calendar-days') {
          expect(formatInstant(actual.value.clockStartsAt.getTime())).toBe(formatInstant(expected.start));
        }
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('on large limits (up to 1000) that cross several years', () => {
    const large = fc.oneof(
      fc.record({ unit: fc.constant<TimeUnit>('working-days'), amount: fc.integer({ min: 100, max: 1000 }) }),
      fc.record({ unit: fc.constant<TimeUnit>('working-hours'), amount: fc.integer({ min: 500, max: 1000 }) }),
      fc.record({ unit: fc.constant<TimeUnit>('calendar-days'), amount: fc.integer({ min: 300, max: 1000 }) }),
    );
    fc.assert(
      fc.property(receivedAt, large, (received, { unit, amount }) => {
        const actual = clock.dueTime({ receivedAt: new Date(received), limit: { unit, amount } });
        expect(actual.ok && formatInstant(actual.value.dueAt.getTime())).toBe(formatInstant(referenceDue(received, amount, unit).due));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('on every day of the years: the working/non-working status', () => {
    const calendar = clock.calendar;
    for (const y of [2026, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039, 2040]) {
      for (const day of calendar.daysOfYear(y)) {
        if (day.working !== referenceIsWorkingDay(day.date)) {
          expect({ date: keyOfUtcDay(day.date), working: day.working }).toEqual({
            date: keyOfUtcDay(day.date),
            working: referenceIsWorkingDay(day.date),
          });
        }
      }
    }
  }, 60_000);
});
