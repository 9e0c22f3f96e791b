import { describe, expect, it } from 'vitest';
import { nationalDecisions2026, type CalendarDecision } from './decisions';
import { compareStepBudgets, LegalClock, type DueTimeInput, type TimeLimit } from './legal-clock';
import { formatInstant, localDayOf, parseInstant } from './local-time';
import { WorkCalendar } from './work-calendar';

const at = (text: string) => new Date(parseInstant(text)!);
const iso = (date: Date) => formatInstant(date.getTime());
const national = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));

function due(clock: LegalClock, receivedAt: string, limit: TimeLimit, pauses?: DueTimeInput['pauses']) {
  const result = clock.dueTime({ receivedAt: at(receivedAt), limit, pauses });
  if (!result.ok) throw new Error(result.error.message);
  return { clockStartsAt: iso(result.value.clockStartsAt), dueAt: iso(result.value.dueAt) };
}
const days = (amount: number): TimeLimit => ({ amount, unit: 'working-days' });
const hours = (amount: number): TimeLimit => ({ amount, unit: 'working-hours' });
const calendarDays = (amount: number): TimeLimit => ({ amount, unit: 'calendar-days' });

describe('worked examples of legal-spec §3.5 and §16.13 (2026 calendar with the national decisions)', () => {
  it.each([
    ['2026-02-12T10:00:00+07:00', 5, '2026-02-26T10:00:00+07:00', 'skips the Tết break 14–22/02'],
    ['2026-01-09T16:00:00+07:00', 2, '2026-01-12T16:00:00+07:00', 'Sat 10/01 is a make-up working day'],
    ['2026-04-25T20:00:00+07:00', 1, '2026-04-28T17:00:00+07:00', 'Sun 26/04 Giỗ Tổ, Mon 27/04 compensatory'],
    ['2026-03-02T09:00:00+07:00', 10, '2026-03-16T09:00:00+07:00', 'original appointment'],
    ['2026-03-09T14:00:00+07:00', 10, '2026-03-23T14:00:00+07:00', 'restart after supplementation'],
    ['2026-04-29T15:30:00+07:00', 2, '2026-05-05T15:30:00+07:00', 'skips 30/04, 01/05 and the weekend'],
    ['2026-08-21T16:00:00+07:00', 1, '2026-08-22T16:00:00+07:00', 'Sat 22/08 is a make-up working day'],
    ['2026-08-27T10:00:00+07:00', 3, '2026-09-04T10:00:00+07:00', 'skips 29/08–02/09'],
    ['2026-11-23T09:00:00+07:00', 1, '2026-11-25T09:00:00+07:00', '24/11 holiday'],
  ])('received %s, %i working days → %s (%s)', (receivedAt, amount, expected) => {
    expect(due(national, receivedAt, days(amount)).dueAt).toBe(expected);
  });

  it('starts the Giỗ Tổ example at Tue 28/04 07:00', () => {
    expect(due(national, '2026-04-25T20:00:00+07:00', days(1)).clockStartsAt).toBe('2026-04-28T07:00:00+07:00');
  });

  it('would be wrong without the make-up Saturday: the default rules alone give Tue 13/01 16:00', () => {
    const defaultsOnly = new LegalClock(WorkCalendar.of());
    expect(due(defaultsOnly, '2026-01-09T16:00:00+07:00', days(2)).dueAt).toBe('2026-01-13T16:00:00+07:00');
  });
});

describe('clock start', () => {
  it.each([
    ['inside the morning period', '2026-03-03T08:15:30+07:00', '2026-03-03T08:15:30+07:00'],
    ['exactly at opening', '2026-03-03T07:00:00+07:00', '2026-03-03T07:00:00+07:00'],
    ['before opening', '2026-03-03T06:59:59+07:00', '2026-03-03T07:00:00+07:00'],
    ['at lunch', '2026-03-03T12:00:00+07:00', '2026-03-03T13:30:00+07:00'],
    ['exactly at the end of the morning', '2026-03-03T11:30:00+07:00', '2026-03-03T13:30:00+07:00'],
    ['after closing', '2026-03-03T17:00:00+07:00', '2026-03-04T07:00:00+07:00'],
    ['on Friday night', '2026-03-06T22:00:00+07:00', '2026-03-09T07:00:00+07:00'],
    ['on a holiday', '2026-09-02T09:00:00+07:00', '2026-09-03T07:00:00+07:00'],
    ['on a make-up Saturday', '2026-01-10T09:00:00+07:00', '2026-01-10T09:00:00+07:00'],
    ['given in UTC', '2026-03-03T01:00:00Z', '2026-03-03T08:00:00+07:00'],
  ])('%s', (_case, receivedAt, expected) => {
    expect(due(national, receivedAt, hours(1)).clockStartsAt).toBe(expected);
  });
});

describe('working days and working hours', () => {
  it('stays at the end of a period when the due time lands exactly on it', () => {
    expect(due(national, '2026-03-03T07:00:00+07:00', days(1)).dueAt).toBe('2026-03-03T17:00:00+07:00');
    expect(due(national, '2026-03-03T07:00:00+07:00', hours(4.5)).dueAt).toBe('2026-03-03T11:30:00+07:00');
    expect(due(national, '2026-03-03T07:00:00+07:00', hours(4.5 + 1 / 60)).dueAt).toBe('2026-03-03T13:31:00+07:00');
  });

  it('counts hours across lunch and nights', () => {
    expect(due(national, '2026-03-03T10:00:00+07:00', hours(2)).dueAt).toBe('2026-03-03T14:00:00+07:00');
    expect(due(national, '2026-03-03T16:00:00+07:00', hours(3)).dueAt).toBe('2026-03-04T09:00:00+07:00');
  });

  it('keeps seconds', () => {
    expect(due(national, '2026-03-03T10:00:45+07:00', days(1)).dueAt).toBe('2026-03-04T10:00:45+07:00');
  });

  it('counts a working day as the working time of the day the clock starts on', () => {
    const shortDays = new LegalClock(
      WorkCalendar.of({
        workingPeriodLayers: [[{ effectiveFrom: '2026-01-01', periods: [{ start: '07:30', end: '11:30' }, { start: '13:00', end: '16:30' }] }]],
      }),
    );
    // 7.5 h a day: 2 working days from Tue 09:00 end Thu 09:00.
    expect(due(shortDays, '2026-03-03T09:00:00+07:00', days(2)).dueAt).toBe('2026-03-05T09:00:00+07:00');
    expect(due(shortDays, '2026-03-03T09:00:00+07:00', hours(7.5)).dueAt).toBe('2026-03-04T09:00:00+07:00');
  });

  it('runs across years (Tết 2027 in the default rules) and over long limits', () => {
    expect(due(national, '2026-12-31T10:00:00+07:00', days(1)).dueAt).toBe('2027-01-04T10:00:00+07:00');
    expect(due(national, '2027-02-04T10:00:00+07:00', days(1)).dueAt).toBe('2027-02-12T10:00:00+07:00');
    // 1000 working days from 2026: a bit under four years.
    expect(due(national, '2026-03-02T09:00:00+07:00', days(1000)).dueAt.slice(0, 4)).toBe('2030');
  });

  it('refuses limits that are not positive amounts up to 1000, and times outside 1900–2100', () => {
    for (const amount of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1000.5]) {
      const r = national.dueTime({ receivedAt: at('2026-03-03T09:00:00+07:00'), limit: days(amount) });
      expect(r.ok ? 'ok' : r.error.code).toBe('CALENDAR_INVALID_TIME_LIMIT');
    }
    const late = national.dueTime({ receivedAt: at('2100-12-20T09:00:00+07:00'), limit: days(30) });
    expect(late.ok ? 'ok' : late.error.code).toBe('CALENDAR_OUT_OF_RANGE');
    const early = national.dueTime({ receivedAt: at('1899-12-31T09:00:00+07:00'), limit: days(1) });
    expect(early.ok ? 'ok' : early.error.code).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('calendar days', () => {
  it('is due at the end of the last period of the day n days after the reception date', () => {
    expect(due(national, '2026-03-02T09:00:00+07:00', calendarDays(3))).toEqual({
      clockStartsAt: '2026-03-02T09:00:00+07:00',
      dueAt: '2026-03-05T17:00:00+07:00',
    });
  });

  it('counts from the reception date even when received at night or on a day off', () => {
    expect(due(national, '2026-03-06T22:00:00+07:00', calendarDays(3)).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due(national, '2026-03-07T10:00:00+07:00', calendarDays(2)).dueAt).toBe('2026-03-09T17:00:00+07:00');
  });

  it('moves to the next working day when that day is off (1 May 2026 → Mon 4 May)', () => {
    expect(due(national, '2026-04-28T09:00:00+07:00', calendarDays(3)).dueAt).toBe('2026-05-04T17:00:00+07:00');
  });

  it('treats a make-up Saturday as a working day', () => {
    expect(due(national, '2026-01-07T09:00:00+07:00', calendarDays(3)).dueAt).toBe('2026-01-10T17:00:00+07:00');
  });
});

describe('same day with a cut-off (option of a procedure case)', () => {
  const cutoff: TimeLimit = { unit: 'same-day', cutoff: '15:00' };
  it('is due at closing the same day before the cut-off, the next working day after it', () => {
    expect(due(national, '2026-03-06T14:59:00+07:00', cutoff).dueAt).toBe('2026-03-06T17:00:00+07:00');
    expect(due(national, '2026-03-06T15:00:00+07:00', cutoff).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due(national, '2026-03-07T10:00:00+07:00', cutoff).dueAt).toBe('2026-03-09T17:00:00+07:00');
    expect(due(national, '2026-03-05T18:00:00+07:00', cutoff).dueAt).toBe('2026-03-06T17:00:00+07:00');
  });
  it('refuses a malformed cut-off', () => {
    const r = national.dueTime({ receivedAt: at('2026-03-06T10:00:00+07:00'), limit: { unit: 'same-day', cutoff: '3pm' } });
    expect(r.ok ? 'ok' : r.error.code).toBe('CALENDAR_INVALID_TIME_LIMIT');
  });
});

describe('restart, pause, extension', () => {
  it('restarts the full limit after supplementation and keeps the original due time', () => {
    const first = national.dueTime({ receivedAt: at('2026-03-02T09:00:00+07:00'), limit: days(10) });
    if (!first.ok) throw new Error('unexpected');
    const restarted = national.restartAfterSupplement({
      limit: days(10),
      supplementCompletedAt: at('2026-03-09T14:00:00+07:00'),
      originalDueAt: first.value.dueAt,
    });
    if (!restarted.ok) throw new Error('unexpected');
    expect(iso(restarted.value.originalDueAt)).toBe('2026-03-16T09:00:00+07:00');
    expect(iso(restarted.value.dueAt)).toBe('2026-03-23T14:00:00+07:00');
  });

  it('does not count working time inside a pause', () => {
    const pause = { from: at('2026-03-03T10:00:00+07:00'), to: at('2026-03-04T10:00:00+07:00') };
    // 8 working hours paused: 2 working days become due a day later.
    expect(due(national, '2026-03-02T09:00:00+07:00', days(2), [pause]).dueAt).toBe('2026-03-05T09:00:00+07:00');
    // A pause over a weekend only removes the working time inside it.
    const weekend = { from: at('2026-03-06T16:00:00+07:00'), to: at('2026-03-09T08:00:00+07:00') };
    expect(due(national, '2026-03-06T09:00:00+07:00', days(1), [weekend]).dueAt).toBe('2026-03-09T11:00:00+07:00');
  });

  it('ignores pauses after the due time and those before the clock starts, and merges overlapping ones', () => {
    const after = { from: at('2026-03-10T09:00:00+07:00'), to: at('2026-03-12T09:00:00+07:00') };
    const before = { from: at('2026-02-01T09:00:00+07:00'), to: at('2026-03-01T09:00:00+07:00') };
    expect(due(national, '2026-03-02T09:00:00+07:00', days(2), [after, before]).dueAt).toBe('2026-03-04T09:00:00+07:00');
    const a = { from: at('2026-03-02T10:00:00+07:00'), to: at('2026-03-02T14:30:00+07:00') }; // 2.5 h working
    const b = { from: at('2026-03-02T13:30:00+07:00'), to: at('2026-03-02T15:30:00+07:00') }; // overlaps a by 1 h
    expect(due(national, '2026-03-02T09:00:00+07:00', hours(2), [a, b]).dueAt).toBe('2026-03-02T16:30:00+07:00');
  });

  it('has no due time while a pause is open, and a due time a pause begins at stays', () => {
    const open = national.dueTime({
      receivedAt: at('2026-03-02T09:00:00+07:00'),
      limit: days(2),
      pauses: [{ from: at('2026-03-03T10:00:00+07:00'), to: null }],
    });
    expect(open.ok ? 'ok' : open.error.code).toBe('CALENDAR_CLOCK_PAUSED');
    const atDue = { from: at('2026-03-04T09:00:00+07:00'), to: null };
    expect(due(national, '2026-03-02T09:00:00+07:00', days(2), [atDue]).dueAt).toBe('2026-03-04T09:00:00+07:00');
  });

  it('pushes a calendar-day limit by the days a pause spans', () => {
    const pause = { from: at('2026-03-03T10:00:00+07:00'), to: at('2026-03-05T10:00:00+07:00') };
    expect(due(national, '2026-03-02T09:00:00+07:00', calendarDays(3), [pause]).dueAt).toBe('2026-03-09T17:00:00+07:00');
  });

  it('extends once, with a reason, keeping the original and the extended due time', () => {
    const first = national.dueTime({ receivedAt: at('2026-03-02T09:00:00+07:00'), limit: days(10) });
    if (!first.ok) throw new Error('unexpected');
    const record = LegalClock.recordOf(first.value);
    const extended = national.extend(record, { reason: 'Cần xác minh thực địa', limit: days(5) });
    if (!extended.ok) throw new Error(extended.error.message);
    expect(iso(extended.value.originalDueAt)).toBe('2026-03-16T09:00:00+07:00');
    expect(iso(extended.value.dueAt)).toBe('2026-03-23T09:00:00+07:00');
    expect(extended.value.extension).toMatchObject({ reason: 'Cần xác minh thực địa' });
    const again = national.extend(extended.value, { reason: 'Lần nữa', newDueAt: at('2026-04-30T09:00:00+07:00') });
    expect(again.ok ? 'ok' : again.error.code).toBe('CALENDAR_EXTENSION_ALREADY_USED');
    const noReason = national.extend(record, { reason: ' ', newDueAt: at('2026-04-01T09:00:00+07:00') });
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('CALENDAR_INVALID_EXTENSION');
    const earlier = national.extend(record, { reason: 'x', newDueAt: at('2026-03-10T09:00:00+07:00') });
    expect(earlier.ok ? 'ok' : earlier.error.code).toBe('CALENDAR_INVALID_EXTENSION');
    const explicit = national.extend(record, { reason: 'x', newDueAt: at('2026-03-20T16:00:00+07:00') });
    expect(explicit.ok && iso(explicit.value.dueAt)).toBe('2026-03-20T16:00:00+07:00');
  });
});

describe('step budgets of an internal workflow', () => {
  it('gives each step its own due time on the same clock', () => {
    const steps = national.scheduleSteps(at('2026-04-24T15:00:00+07:00'), [
      { id: 'reception', amount: 4, unit: 'working-hours' },
      { id: 'appraisal', amount: 2, unit: 'working-days' },
      { id: 'signing', amount: 0.5, unit: 'working-days' },
    ]);
    if (!steps.ok) throw new Error(steps.error.message);
    expect(steps.value.map((s) => [s.id, iso(s.startsAt), iso(s.dueAt)])).toEqual([
      ['reception', '2026-04-24T15:00:00+07:00', '2026-04-28T09:00:00+07:00'],
      ['appraisal', '2026-04-28T09:00:00+07:00', '2026-05-04T09:00:00+07:00'],
      ['signing', '2026-05-04T09:00:00+07:00', '2026-05-04T15:00:00+07:00'],
    ]);
  });

  it('compares budgets with the legal limit for the catalogue', () => {
    const steps = [
      { amount: 4, unit: 'working-hours' as const },
      { amount: 2, unit: 'working-days' as const },
    ];
    expect(compareStepBudgets(steps, days(3))).toEqual({ budgetMinutes: 1200, limitMinutes: 1440, differenceMinutes: 240 });
    expect(compareStepBudgets(steps, calendarDays(3))).toEqual({ budgetMinutes: 1200, limitMinutes: null, differenceMinutes: null });
  });
});

describe('decisions and working periods', () => {
  const province = (days: CalendarDecision['days'], recordedAt = '2026-05-01T00:00:00Z'): CalendarDecision => ({
    id: `p-${recordedAt}`,
    scope: 'province',
    agencyId: 'hue',
    name: 'Nghỉ lễ địa phương',
    legalReference: 'Quyết định 1/QĐ-UBND',
    recordedAt: new Date(recordedAt),
    days,
  });

  it('overrides the default rules for exactly the listed dates, more specific scope first', () => {
    const calendar = WorkCalendar.of({
      decisions: [
        ...nationalDecisions2026,
        province([{ date: '2026-01-10', kind: 'extra_day_off', name: 'Không làm bù tại địa phương' }]),
        province([{ date: '2026-06-01', kind: 'extra_day_off', name: 'Ngày nghỉ địa phương' }]),
        province([{ date: '2026-06-01', kind: 'working_day', name: 'Đổi ý' }], '2026-05-02T00:00:00Z'),
      ],
    });
    expect(calendar.day(localDayOf(at('2026-01-10T12:00:00+07:00').getTime())).working).toBe(false);
    const clock = new LegalClock(calendar);
    expect(due(clock, '2026-01-09T16:00:00+07:00', days(2)).dueAt).toBe('2026-01-13T16:00:00+07:00');
    expect(due(clock, '2026-06-01T09:00:00+07:00', hours(1)).dueAt).toBe('2026-06-01T10:00:00+07:00');
  });

  it('rejects a decision listing a date twice or outside 1900–2100', () => {
    const twice = WorkCalendar.create({
      decisions: [province([{ date: '2026-06-01', kind: 'extra_day_off', name: 'a' }, { date: '2026-06-01', kind: 'working_day', name: 'b' }])],
    });
    expect(twice.ok ? 'ok' : twice.error.code).toBe('CALENDAR_INVALID_DECISION');
    const outside = WorkCalendar.create({ decisions: [province([{ date: '2101-01-03', kind: 'extra_day_off', name: 'a' }])] });
    expect(outside.ok ? 'ok' : outside.error.code).toBe('CALENDAR_INVALID_DECISION');
  });

  it('uses the agency’s effective-dated periods, then its parent’s, then the default', () => {
    const calendar = WorkCalendar.of({
      workingPeriodLayers: [
        [{ effectiveFrom: '2026-06-01', periods: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] }],
        [{ effectiveFrom: '2026-01-01', periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }] }],
      ],
    });
    const clock = new LegalClock(calendar);
    expect(due(clock, '2025-12-01T06:00:00+07:00', hours(1)).dueAt).toBe('2025-12-01T08:00:00+07:00');
    expect(due(clock, '2026-03-02T06:00:00+07:00', hours(1)).dueAt).toBe('2026-03-02T08:30:00+07:00');
    expect(due(clock, '2026-06-01T06:00:00+07:00', hours(1)).dueAt).toBe('2026-06-01T09:00:00+07:00');
  });

  it('rejects overlapping, reversed or malformed periods', () => {
    for (const periods of [
      [],
      [{ start: '07:00', end: '07:00' }],
      [{ start: '13:00', end: '17:00' }, { start: '07:00', end: '11:00' }],
      [{ start: '7:00', end: '11:00' }],
      [{ start: '07:00', end: '24:01' }],
    ]) {
      const r = WorkCalendar.create({ workingPeriodLayers: [[{ effectiveFrom: '2026-01-01', periods }]] });
      expect(r.ok ? 'ok' : r.error.code).toBe('CALENDAR_INVALID_WORKING_PERIODS');
    }
  });
});
