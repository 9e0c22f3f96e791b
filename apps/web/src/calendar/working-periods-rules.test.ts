import { describe, expect, it } from 'vitest';
import { clockMinutes, dailyMinutes, periodProblems, sortedPeriods } from './working-periods-rules';

describe('working periods in the browser (the server rule of parseWorkingPeriods)', () => {
  it('reads HH:MM from 00:00 to 24:00 and nothing else', () => {
    expect(clockMinutes('07:00')).toBe(420);
    expect(clockMinutes('24:00')).toBe(1440);
    expect(clockMinutes('24:01')).toBeNull();
    expect(clockMinutes('7:00')).toBeNull();
    expect(clockMinutes('07:60')).toBeNull();
    expect(clockMinutes('')).toBeNull();
  });

  it('accepts the default 07:00–11:30, 13:30–17:00 (8 h) and periods that touch', () => {
    expect(periodProblems([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }])).toEqual([]);
    expect(dailyMinutes([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }])).toBe(480);
    expect(periodProblems([{ start: '07:00', end: '12:00' }, { start: '12:00', end: '16:00' }])).toEqual([]);
  });

  it('refuses an inverted or empty period and an overlap, whatever order the rows were entered in', () => {
    expect(periodProblems([{ start: '11:30', end: '07:00' }])).toEqual([{ kind: 'inverted', row: 0 }]);
    expect(periodProblems([{ start: '08:00', end: '08:00' }])).toEqual([{ kind: 'inverted', row: 0 }]);
    expect(periodProblems([{ start: '13:30', end: '17:00' }, { start: '07:00', end: '14:00' }])).toEqual([{ kind: 'overlap', row: 0, previous: 1 }]);
    expect(periodProblems([{ start: '7h', end: '11:00' }])).toEqual([{ kind: 'format', row: 0, field: 'start' }]);
  });

  it('sends the rows in time order, so the server sees no overlap where there is none', () => {
    expect(sortedPeriods([{ start: '13:30', end: '17:00' }, { start: ' 07:00', end: '11:30 ' }])).toEqual([
      { start: '07:00', end: '11:30' },
      { start: '13:30', end: '17:00' },
    ]);
    expect(dailyMinutes([{ start: '13:00', end: '16:00' }, { start: '07:00', end: '11:00' }, { start: '18:00', end: '17:00' }])).toBe(420);
  });
});
