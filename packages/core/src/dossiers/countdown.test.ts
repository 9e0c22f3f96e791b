/**
 * The working-time countdown at its boundaries, on the real calendar (national 2026 decisions, 07:00–11:30 and
 * 13:30–17:00): weekends, lunch, Tết 2026 (16–20 February), the swapped day off of Friday 2 January 2026.
 */
import { describe, expect, it } from 'vitest';
import { workingCountdown } from './countdown';
import { local, realClock } from './dossier.test-builders';

const clock = realClock();
const at = (now: string, due: string) => workingCountdown(clock, local(now), local(due));
const parts = (c: ReturnType<typeof workingCountdown>) => [c.state, c.workingMinutes, c.days, c.hours, c.minutes];

describe('workingCountdown', () => {
  it('Friday afternoon to Monday morning counts only the working hours between (1 h Friday + 1 h Monday)', () => {
    // 2026-03-13 is a Friday.
    expect(parts(at('2026-03-13 16:00', '2026-03-16 08:00'))).toEqual(['remaining', 120, 0, 2, 0]);
  });

  it('overdue since Friday 16:00, seen on Monday 08:00: 2 working hours late, not 64 hours', () => {
    expect(parts(at('2026-03-16 08:00', '2026-03-13 16:00'))).toEqual(['overdue', -120, 0, 2, 0]);
  });

  it('past the due time with no working minute elapsed (the Saturday after a Friday 17:00 due time) is overdue by 0', () => {
    expect(parts(at('2026-03-14 10:00', '2026-03-13 17:00'))).toEqual(['overdue', 0, 0, 0, 0]);
  });

  it('the weekend itself does not move the countdown', () => {
    expect(at('2026-03-14 10:00', '2026-03-16 09:00').workingMinutes).toBe(120);
    expect(at('2026-03-15 23:59', '2026-03-16 09:00').workingMinutes).toBe(120);
  });

  it('a due time at 17:00 reached exactly is due, not overdue; one minute later is overdue', () => {
    expect(at('2026-03-13 17:00', '2026-03-13 17:00').state).toBe('due');
    expect(parts(at('2026-03-16 07:01', '2026-03-13 17:00'))).toEqual(['overdue', -1, 0, 0, 1]);
  });

  it('lunch does not count: 11:00 to 14:00 is 1 hour of working time', () => {
    expect(parts(at('2026-03-13 11:00', '2026-03-13 14:00'))).toEqual(['remaining', 60, 0, 1, 0]);
  });

  it('Tết 2026 (Monday 16 to Friday 20 February) is skipped: Friday 13 at 16:00 to Monday 23 at 10:00 is 4 hours', () => {
    expect(parts(at('2026-02-13 16:00', '2026-02-23 10:00'))).toEqual(['remaining', 240, 0, 4, 0]);
    // Seen during Tết, the whole countdown is still ahead: Monday 23, 07:00 to 10:00.
    expect(parts(at('2026-02-18 09:00', '2026-02-23 10:00'))).toEqual(['remaining', 180, 0, 3, 0]);
  });

  it('days are working days of 8 hours: 1 day 3 hours, across the swapped day off of Friday 2 January 2026', () => {
    // Wednesday 31 Dec 2025 10:00 → Monday 5 Jan 2026 15:00: 31/12 10:00–11:30 and 13:30–17:00 = 5 h; 1/1 holiday,
    // 2/1 swapped day off, the weekend; 5/1 07:00–11:30 and 13:30–15:00 = 6 h → 11 h = 1 working day 3 hours.
    expect(parts(at('2025-12-31 10:00', '2026-01-05 15:00'))).toEqual(['remaining', 660, 1, 3, 0]);
  });

  it('keeps minutes below an hour and rounds partial minutes towards zero', () => {
    const c = workingCountdown(clock, new Date(local('2026-03-13 10:00').getTime() + 30_000), local('2026-03-13 10:46'));
    expect(parts(c)).toEqual(['remaining', 45, 0, 0, 45]);
  });
});
