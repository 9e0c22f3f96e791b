import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../desk/desk-queries';
import { byDue, inboxQuery, noFilters, pageCount, rowDue, stepGroups } from './inbox-rows';

const row = (over: Partial<InboxItem>): InboxItem => ({
  id: 'd1',
  code: 'X-260302-0001',
  state: 'processing',
  nationalStatus: 4,
  channel: 'counter',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  summary: 's',
  currentAgencyId: 'a1',
  submittedAt: '2026-03-01T01:00:00Z',
  receivedAt: '2026-03-01T01:00:00Z',
  dueAt: '2026-03-10T01:00:00Z',
  extendedDueAt: null,
  version: 1,
  activeStep: null,
  openConsultations: 0,
  receptionCheckDueAt: null,
  ...over,
});
const step = (over: Partial<NonNullable<InboxItem['activeStep']>> = {}) => ({
  id: 's1',
  name: 'Thẩm định',
  role: 'specialist',
  agencyId: 'a1',
  assigneeId: null,
  assigneeName: null,
  dueAt: '2026-03-02T05:00:00Z',
  ...over,
});

describe('inbox rows', () => {
  it('shows the due time of the server’s countdown; without one the step’s, else the dossier’s, the check’s online', () => {
    expect(rowDue(row({ activeStep: step() }))).toBe('2026-03-02T05:00:00Z');
    expect(rowDue(row({}))).toBe('2026-03-10T01:00:00Z');
    expect(rowDue(row({ extendedDueAt: '2026-03-12T01:00:00Z' }))).toBe('2026-03-12T01:00:00Z');
    expect(rowDue(row({ state: 'submitted', dueAt: null, receptionCheckDueAt: '2026-03-02T01:00:00Z' }))).toBe('2026-03-02T01:00:00Z');
    const countdown = {
      dueAt: '2026-03-06T10:00:00.000Z',
      kind: 'consultation' as const,
      state: 'remaining' as const,
      workingMinutes: 480,
      days: 1,
      hours: 0,
      minutes: 0,
      workingDayMinutes: 480,
      asOf: '2026-03-02T03:00:00.000Z',
    };
    expect(rowDue(row({ activeStep: step(), countdown }))).toBe('2026-03-06T10:00:00.000Z');
  });

  it('asks the server for one page of one tab with the chosen filters only', () => {
    expect(inboxQuery('mine', noFilters, 1)).toBe('tab=mine&limit=50&offset=0');
    expect(inboxQuery('overdue', { procedure: '1.001193', channel: '', state: 'processing' }, 3)).toBe(
      'tab=overdue&procedure=1.001193&state=processing&limit=50&offset=100',
    );
    expect(inboxQuery('unit', { ...noFilters, channel: 'online' }, 0, 20)).toBe('tab=unit&channel=online&limit=20&offset=0');
  });

  it('counts the pages of a tab, one at least', () => {
    expect([0, 1, 50, 51, 257].map((n) => pageCount(n))).toEqual([1, 1, 1, 2, 6]);
    expect(pageCount(257, 200)).toBe(2);
  });

  it('sorts the online queue by due time with undated rows last', () => {
    const a = row({ id: 'a', dueAt: '2026-03-05T01:00:00Z' });
    const b = row({ id: 'b', dueAt: '2026-03-03T01:00:00Z' });
    const c = row({ id: 'c', dueAt: null });
    expect([a, c, b].sort(byDue).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('groups the selection by the active step’s agency and role, in the order of the first row of each group', () => {
    const rows = [
      row({ id: 'a', activeStep: step() }),
      row({ id: 'b', activeStep: step({ role: 'department_head', name: 'Xem xét' }) }),
      row({ id: 'c', activeStep: step({ id: 's3' }) }),
      row({ id: 'd', activeStep: step({ agencyId: 'a2' }) }),
      row({ id: 'e', activeStep: null }),
    ];
    const groups = stepGroups(rows);
    expect(groups.map((g) => [g.agencyId, g.role, g.stepName, g.rows.map((r) => r.id)])).toEqual([
      ['a1', 'specialist', 'Thẩm định', ['a', 'c']],
      ['a1', 'department_head', 'Xem xét', ['b']],
      ['a2', 'specialist', 'Thẩm định', ['d']],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });
});
