import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalDecisions2026 } from './decisions';
import { LegalClock, type TimeUnit } from './legal-clock';
import { DAY_MS, VIETNAM_OFFSET_MS, localDayOf } from './local-time';
import { WorkCalendar } from './work-calendar';

const calendar = WorkCalendar.of({
  decisions: nationalDecisions2026,
  // An agency whose periods change mid-2027, to exercise the effective-dated periods too.
  workingPeriodLayers: [[{ effectiveFrom: '2027-07-01', periods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }] }]],
});
const clock = new LegalClock(calendar);

const FROM = Date.UTC(2026, 0, 1) - VIETNAM_OFFSET_MS;
const TO = Date.UTC(2031, 0, 1) - VIETNAM_OFFSET_MS;
const instant = fc.integer({ min: FROM, max: TO });
const unit = fc.constantFrom<TimeUnit>('working-days', 'working-hours', 'calendar-days');
const amount = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 60, noNaN: true }));
const HOUR = 3_600_000;

function dueOf(receivedAt: number, a: number, u: TimeUnit) {
  const result = clock.dueTime({ receivedAt: new Date(receivedAt), limit: { amount: a, unit: u } });
  if (!result.ok) throw new Error(result.error.message);
  return { start: result.value.clockStartsAt.getTime(), due: result.value.dueAt.getTime() };
}

/** Whether t lies inside a working period (start, end] of its day. */
function insideOrAtEndOfPeriod(t: number): boolean {
  const date = localDayOf(t - 1);
  const day = calendar.day(date);
  if (!day.working) return false;
  const minutes = (t + VIETNAM_OFFSET_MS - date * DAY_MS) / 60_000;
  return day.periods.some((p) => {
    const [sh, sm] = p.start.split(':').map(Number) as [number, number];
    const [eh, em] = p.end.split(':').map(Number) as [number, number];
    return minutes > sh * 60 + sm && minutes <= eh * 60 + em;
  });
}

describe('properties of the legal clock (fast-check)', () => {
  it('due ≥ clock start ≥ reception', () => {
    fc.assert(
      fc.property(instant, amount, unit, (r, a, u) => {
        const { start, due } = dueOf(r, a, u);
        expect(start).toBeGreaterThanOrEqual(r);
        expect(due).toBeGreaterThanOrEqual(start);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the reception instant', () => {
    fc.assert(
      fc.property(instant, instant, amount, unit, (r1, r2, a, u) => {
        const [early, late] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(dueOf(early, a, u).due).toBeLessThanOrEqual(dueOf(late, a, u).due);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotonic in the amount', () => {
    fc.assert(
      fc.property(instant, amount, amount, unit, (r, a1, a2, u) => {
        const [small, large] = a1 <= a2 ? [a1, a2] : [a2, a1];
        expect(dueOf(r, small, u).due).toBeLessThanOrEqual(dueOf(r, large, u).due);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds working hours additively: a then b equals a + b', () => {
    const hours = fc.integer({ min: 1, max: 400 * 60 }).map((minutes) => minutes / 60);
    fc.assert(
      fc.property(instant, hours, hours, (r, a, b) => {
        const direct = dueOf(r, a + b, 'working-hours').due;
        const first = dueOf(r, a, 'working-hours').due;
        expect(dueOf(first, b, 'working-hours').due).toBe(direct);
        const viaAdd = clock.addWorkingTime(new Date(first), Math.round(b * HOUR));
        expect(viaAdd.ok && viaAdd.value.getTime()).toBe(direct);
      }),
      { numRuns: 2000 },
    );
  });

  it('puts every due time inside or at the end of a working period', () => {
    fc.assert(
      fc.property(instant, amount, unit, (r, a, u) => {
        expect(insideOrAtEndOfPeriod(dueOf(r, a, u).due)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the limit as working time between clock start and due time', () => {
    fc.assert(
      fc.property(instant, amount, fc.constantFrom<TimeUnit>('working-days', 'working-hours'), (r, a, u) => {
        const { start, due } = dueOf(r, a, u);
        const expected = clock.workingMsOf(a, u as 'working-days' | 'working-hours', start);
        expect(calendar.workingMsBetween(start, due)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the fast path', () => {
    fc.assert(
      fc.property(instant, amount, unit, (r, a, u) => {
        expect(clock.dueTimeMs(r, a, u)).toBe(dueOf(r, a, u).due);
      }),
      { numRuns: 2000 },
    );
  });
});
