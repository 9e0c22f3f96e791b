import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@motcua/contracts/identity';
import type { InboxItem } from '../desk/desk-queries';
import { byDue, inTab, isMine, matches, noFilters, rowDue, stepGroups } from './inbox-rows';

const now = Date.parse('2026-03-02T03:00:00Z');
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
const specialist: SessionUser = { id: 'u1', kind: 'officer', displayName: 'A', roles: [{ role: 'specialist', agencyId: 'a1', agencyCode: 'c', agencyName: 'n' }] };
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
  it('takes the active step to mine when it is offered to my role or assigned to me, not to someone else', () => {
    expect(isMine(row({ activeStep: step() }), specialist)).toBe(true);
    expect(isMine(row({ activeStep: step({ assigneeId: 'u1' }) }), specialist)).toBe(true);
    expect(isMine(row({ activeStep: step({ assigneeId: 'u2' }) }), specialist)).toBe(false);
    expect(isMine(row({ activeStep: step({ role: 'department_head' }) }), specialist)).toBe(false);
    expect(isMine(row({ state: 'result_ready' }), specialist)).toBe(false);
  });

  it('judges near due and overdue on the step due time, the check due time for online dossiers', () => {
    expect(rowDue(row({ activeStep: step() }))).toBe('2026-03-02T05:00:00Z');
    expect(inTab('nearDue', row({ activeStep: step() }), specialist, now)).toBe(true);
    expect(inTab('overdue', row({ activeStep: step({ dueAt: '2026-03-02T02:00:00Z' }) }), specialist, now)).toBe(true);
    expect(inTab('nearDue', row({}), specialist, now)).toBe(false);
    const online = row({ state: 'submitted', dueAt: null, receptionCheckDueAt: '2026-03-02T01:00:00Z' });
    expect(inTab('overdue', online, specialist, now)).toBe(true);
    expect(inTab('consultation', row({ openConsultations: 1 }), specialist, now)).toBe(true);
    expect(inTab('supplement', row({ state: 'supplement_requested' }), specialist, now)).toBe(true);
  });

  it('judges near due and overdue in working time when the server sent the countdown', () => {
    const countdown = (over: Partial<NonNullable<InboxItem['countdown']>>) => ({
      dueAt: '2026-03-06T10:00:00.000Z',
      kind: 'dossier' as const,
      state: 'remaining' as const,
      workingMinutes: 480,
      days: 1,
      hours: 0,
      minutes: 0,
      workingDayMinutes: 480,
      asOf: '2026-03-02T03:00:00.000Z',
      ...over,
    });
    // Four wall-clock days away but only one working day left (a long weekend): near due.
    const r = row({ countdown: countdown({}) });
    expect(rowDue(r)).toBe('2026-03-06T10:00:00.000Z');
    expect(inTab('nearDue', r, specialist, now)).toBe(true);
    expect(inTab('nearDue', row({ countdown: countdown({ workingMinutes: 481, hours: 0, minutes: 1 }) }), specialist, now)).toBe(false);
    // Past the due time with no working minute elapsed (a Saturday): overdue, not near due.
    const late = row({ countdown: countdown({ state: 'overdue', workingMinutes: 0, days: 0 }) });
    expect(inTab('overdue', late, specialist, now)).toBe(true);
    expect(inTab('nearDue', late, specialist, now)).toBe(false);
  });

  it('waits for answers only to consultations my unit asked; one addressed to my unit is mine to answer', () => {
    const asked = row({ openConsultations: 1, consultationsToAnswer: 0 });
    const toAnswer = row({ openConsultations: 0, consultationsToAnswer: 1, activeStep: step({ role: 'department_head' }) });
    expect(inTab('consultation', asked, specialist, now)).toBe(true);
    expect(inTab('consultation', toAnswer, specialist, now)).toBe(false);
    expect(isMine(toAnswer, specialist)).toBe(true);
    expect(isMine(toAnswer, { ...specialist, roles: [{ ...specialist.roles[0]!, role: 'reception_officer' }] })).toBe(false);
  });

  it('sorts by due time with undated rows last, and filters by procedure, channel and status', () => {
    const a = row({ id: 'a', dueAt: '2026-03-05T01:00:00Z' });
    const b = row({ id: 'b', dueAt: '2026-03-03T01:00:00Z' });
    const c = row({ id: 'c', dueAt: null });
    expect([a, c, b].sort(byDue).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(matches(a, { ...noFilters, channel: 'online' })).toBe(false);
    expect(matches(a, { procedure: '1.001193', channel: 'counter', state: 'processing' })).toBe(true);
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
