/**
 * The calendar never depends on the process time zone: Vietnam is UTC+7 all year and everything is arithmetic on
 * epoch milliseconds. Node applies a change of process.env.TZ at once, so the same computations are repeated here
 * under several zones (CI also runs the unit and api suites a second time under TZ=America/New_York).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nationalDecisions2026 } from './decisions';
import { explainDueTime } from './explain';
import { LegalClock, type TimeUnit } from './legal-clock';
import { formatInstant, parseInstant } from './local-time';
import { dayToLunar, lunarToDay } from './lunar';
import { WorkCalendar } from './work-calendar';

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const original = env.TZ;
afterAll(() => {
  if (original === undefined) delete env.TZ;
  else env.TZ = original;
});

function snapshot(): string[] {
  const clock = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));
  const out: string[] = [];
  const cases: [string, number, TimeUnit][] = [
    ['2026-04-25T20:00:00+07:00', 1, 'working-days'],
    ['2026-01-09T16:00:00+07:00', 2, 'working-days'],
    ['2026-03-08T01:30:00Z', 3, 'working-hours'], // the New York DST change night
    ['2026-11-01T06:30:00Z', 2, 'calendar-days'], // the New York DST end night
    ['2030-09-01T23:59:59+07:00', 1, 'working-days'],
  ];
  for (const [received, amount, unit] of cases) {
    const input = { receivedAt: new Date(parseInstant(received)!), limit: { amount, unit } };
    const due = clock.dueTime(input);
    if (!due.ok) throw new Error(due.error.message);
    out.push(formatInstant(due.value.clockStartsAt.getTime()), formatInstant(due.value.dueAt.getTime()));
    out.push(...explainDueTime(clock, input, due.value));
  }
  out.push(String(lunarToDay(2026, 3, 10)), JSON.stringify(dayToLunar(lunarToDay(2025, 6, 1, true))));
  return out;
}

describe('independence from the process time zone', () => {
  it('gives identical due times, explanations and lunar dates under every zone', () => {
    env.TZ = 'Asia/Ho_Chi_Minh';
    const reference = snapshot();
    expect(reference[1]).toBe('2026-04-28T17:00:00+07:00');
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'America/St_Johns', 'Pacific/Pago_Pago']) {
      env.TZ = zone;
      expect({ zone, lines: snapshot() }).toEqual({ zone, lines: reference });
    }
  });
});
