import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  formatDate,
  formatInstant,
  formatVietnameseInstant,
  parseClockTime,
  parseDate,
  parseInstant,
  weekdayOf,
} from './local-time';

describe('Vietnam local time', () => {
  it('parses ISO 8601 instants with Z, offsets in every spelling, or none (Vietnam time)', () => {
    const expected = Date.UTC(2026, 3, 25, 13, 0, 0);
    for (const text of [
      '2026-04-25T20:00:00+07:00',
      '2026-04-25T20:00:00+0700',
      '2026-04-25T20:00:00+07',
      '2026-04-25T20:00+07:00',
      '2026-04-25T13:00:00Z',
      '2026-04-25t13:00:00z',
      '2026-04-25 20:00:00+07:00',
      '2026-04-25T20:00:00 07:00',
      '2026-04-25T20:00:00',
      '2026-04-25T08:00:00-05:00',
      '2026-04-25T20:00:00.000+07:00',
    ]) {
      expect([text, parseInstant(text)]).toEqual([text, expected]);
    }
    expect(parseInstant('2026-04-25T20:00:00.123456789+07:00')).toBe(expected + 123);
  });

  it('refuses what is not a real date and time', () => {
    for (const text of [
      '',
      'yesterday',
      '2026-04-25',
      '2026-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-04-31T10:00:00Z',
      '2026-04-25T24:00:00Z',
      '2026-04-25T23:60:00Z',
      '2026-04-25T23:59:60Z',
      '2026-04-25T10:00:00+24:00',
      '2026-4-25T10:00:00Z',
      '2026-04-25T10:00:00ZZ',
      '12345',
    ]) {
      expect([text, parseInstant(text)]).toEqual([text, null]);
    }
    expect(parseInstant('2028-02-29T10:00:00Z')).not.toBeNull();
  });

  it('formats instants in +07:00 to the second, before 1970 too', () => {
    expect(formatInstant(Date.UTC(2026, 3, 28, 10, 0, 0))).toBe('2026-04-28T17:00:00+07:00');
    expect(formatInstant(Date.UTC(2026, 3, 28, 10, 0, 0, 999))).toBe('2026-04-28T17:00:00+07:00');
    expect(formatInstant(Date.UTC(1900, 0, 1, 0, 0, 1))).toBe('1900-01-01T07:00:01+07:00');
    expect(formatInstant(Date.UTC(2026, 11, 31, 17, 0, 0))).toBe('2027-01-01T00:00:00+07:00');
    expect(formatVietnameseInstant(Date.UTC(2026, 3, 28, 10, 0, 30))).toBe('17:00:30 thứ Ba, 28/04/2026');
  });

  it('round-trips dates and instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromCivil(1900, 1, 1), max: dayFromCivil(2100, 12, 31) }), (day) => {
        const { year, month, day: d } = civilFromDay(day);
        expect(dayFromCivil(year, month, d)).toBe(day);
        expect(parseDate(formatDate(day))).toBe(day);
        expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }), (ms) => {
        const seconds = Math.floor(ms / 1000) * 1000;
        expect(parseInstant(formatInstant(ms))).toBe(seconds);
        expect(formatInstant(ms).slice(0, 19)).toBe(new Date(seconds + 7 * 3_600_000).toISOString().slice(0, 19));
      }),
    );
  });

  it('parses clock times 00:00–24:00', () => {
    expect(parseClockTime('07:30')).toBe(450);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:01')).toBeNull();
    expect(parseClockTime('7:30')).toBeNull();
    expect(parseClockTime('07:60')).toBeNull();
  });
});
