import { describe, expect, it } from 'vitest';
import { nationalDecisions2026, type CalendarDecision } from './decisions';
import { dueTimeShifts } from './due-time-shift';
import { LegalClock } from './legal-clock';
import { formatInstant, parseInstant } from './local-time';
import { WorkCalendar } from './work-calendar';

const at = (text: string) => new Date(parseInstant(text)!);

/** A hypothetical decision recorded after receipts were issued: Mon 23/11/2026 off, made up on Sat 28/11. */
const swap: CalendarDecision = {
  id: 'swap-2311',
  scope: 'national',
  agencyId: null,
  name: 'Hoán đổi ngày làm việc dịp Ngày Văn hóa Việt Nam 2026',
  legalReference: 'Thông báo (giả định) của Bộ Nội vụ',
  recordedAt: new Date('2026-11-01T00:00:00Z'),
  days: [
    { date: '2026-11-23', kind: 'swapped_day_off', name: 'Nghỉ hoán đổi' },
    { date: '2026-11-28', kind: 'makeup_working_day', name: 'Làm bù' },
  ],
};

describe('due times a new decision would move', () => {
  const before = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));
  const after = new LegalClock(WorkCalendar.of({ decisions: [...nationalDecisions2026, swap] }));

  it('lists exactly the candidates whose due time changes, with both due times', () => {
    const report = dueTimeShifts(
      [
        // Received Fri 20/11 09:00, 2 working days: was Tue 24/11 holiday → Wed 25/11 09:00; now Mon 23 is off too.
        { id: 'moves-later', input: { receivedAt: at('2026-11-20T09:00:00+07:00'), limit: { amount: 2, unit: 'working-days' } } },
        // Received Fri 27/11 16:00, 1 working day: Saturday 28 now counts → due Sat 28/11 16:00 instead of Mon 30.
        { id: 'moves-earlier', input: { receivedAt: at('2026-11-27T16:00:00+07:00'), limit: { amount: 1, unit: 'working-days' } } },
        // Due before the decision's dates: unchanged.
        { id: 'unchanged', input: { receivedAt: at('2026-11-16T09:00:00+07:00'), limit: { amount: 2, unit: 'working-days' } } },
        {
          id: 'paused',
          input: {
            receivedAt: at('2026-11-16T09:00:00+07:00'),
            limit: { amount: 5, unit: 'working-days' },
            pauses: [{ from: at('2026-11-17T09:00:00+07:00'), to: null }],
          },
        },
      ],
      before,
      after,
    );
    expect(report.shifts.map((s) => [s.id, formatInstant(s.before.getTime()), formatInstant(s.after.getTime())])).toEqual([
      ['moves-later', '2026-11-25T09:00:00+07:00', '2026-11-26T09:00:00+07:00'],
      ['moves-earlier', '2026-11-30T16:00:00+07:00', '2026-11-28T16:00:00+07:00'],
    ]);
    expect(report.failures.map((f) => [f.id, f.error.code])).toEqual([['paused', 'CALENDAR_CLOCK_PAUSED']]);
  });
});
