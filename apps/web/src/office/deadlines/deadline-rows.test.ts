import { describe, expect, it } from 'vitest';
import { fromVietnamInput, toVietnamInput } from '../leader/office-time';
import { deadlineRows } from './deadline-rows';

const alert = (over: Partial<Parameters<typeof deadlineRows>[0][number]>) => ({
  id: 'a',
  dossierId: 'd1',
  dossierCode: 'X-1',
  stepId: null,
  kind: 'due_soon',
  subject: 'dossier',
  dueAt: '2026-03-05T02:00:00.000Z',
  createdAt: '2026-03-02T02:00:00.000Z',
  ...over,
});
const item = (over: Partial<Parameters<typeof deadlineRows>[1][number]>) => ({
  id: 'd2',
  code: 'X-2',
  state: 'processing' as const,
  nationalStatus: 4,
  channel: 'counter',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  summary: '',
  currentAgencyId: 'a',
  submittedAt: '2026-03-01T02:00:00.000Z',
  receivedAt: '2026-03-01T02:00:00.000Z',
  dueAt: '2026-03-02T03:00:00.000Z',
  extendedDueAt: null,
  version: 1,
  ...over,
});

describe('deadline rows', () => {
  const now = new Date('2026-03-02T02:00:00Z').getTime();

  it('groups a dossier’s alerts, names step alerts apart, and ignores other kinds', () => {
    const rows = deadlineRows(
      [alert({ kind: 'overdue', subject: 'step' }), alert({ id: 'b', kind: 'apology_drafted' }), alert({ id: 'c', kind: 'assigned' })],
      [],
      now,
    );
    expect(rows).toEqual([{ dossierId: 'd1', code: 'X-1', procedureName: null, dueAt: '2026-03-05T02:00:00.000Z', countdown: null, kinds: ['step_overdue', 'apology_drafted'] }]);
  });

  it('adds inbox dossiers overdue or due within the window, most urgent first, and leaves the others out', () => {
    const rows = deadlineRows(
      [alert({})],
      [
        item({}),
        item({ id: 'd3', code: 'X-3', dueAt: '2026-03-01T02:00:00.000Z' }),
        item({ id: 'd4', code: 'X-4', dueAt: '2026-03-20T02:00:00.000Z' }),
        item({ id: 'd5', code: 'X-5', dueAt: '2026-03-01T02:00:00.000Z', extendedDueAt: '2026-03-30T02:00:00.000Z' }),
      ],
      now,
    );
    expect(rows.map((r) => [r.code, r.kinds])).toEqual([
      ['X-3', ['overdue']],
      ['X-2', ['due_soon']],
      ['X-1', ['due_soon']],
    ]);
  });

  it('judges the window in working time when the server sent the dossier countdown', () => {
    const countdown = (state: 'remaining' | 'overdue', workingMinutes: number) => ({
      dueAt: '2026-03-02T03:00:00.000Z',
      kind: 'dossier' as const,
      state,
      workingMinutes,
      days: 0,
      hours: 0,
      minutes: 0,
      workingDayMinutes: 480,
      asOf: '2026-03-02T02:00:00.000Z',
    });
    const rows = deadlineRows(
      [],
      [
        // Three wall-clock days away, but 6 working hours (a weekend between): due soon.
        item({ id: 'd6', code: 'X-6', dueAt: '2026-03-05T02:00:00.000Z', dossierCountdown: countdown('remaining', 360) }),
        // One wall-clock hour away but 9 working hours in this (fictional) calendar: not in the window.
        item({ id: 'd7', code: 'X-7', dossierCountdown: countdown('remaining', 540) }),
        item({ id: 'd8', code: 'X-8', dossierCountdown: countdown('overdue', 0) }),
      ],
      now,
    );
    expect(rows.map((r) => [r.code, r.kinds, r.countdown?.workingMinutes])).toEqual([
      ['X-8', ['overdue'], 0],
      ['X-6', ['due_soon'], 360],
    ]);
  });

  it('reads datetime-local values as Vietnam time whatever the browser’s zone', () => {
    expect(fromVietnamInput('2026-03-05T09:00')).toBe('2026-03-05T02:00:00.000Z');
    expect(toVietnamInput('2026-03-05T17:30:00.000Z')).toBe('2026-03-06T00:30');
    expect(fromVietnamInput('2026-03-05')).toBeNull();
  });
});
