import { describe, expect, it } from 'vitest';
import { LegalClock as CalendarClock, WorkCalendar, nationalDecisions2026 } from '../calendar/index';
import { legalClockOf } from '../dossiers/index';
import {
  buildIi07b,
  contributionDelta,
  contributionOf,
  figuresOf,
  foldDossierFacts,
  ii06aColumnsOf,
  isOverdueAt,
  pendingCategory,
  percentileBound,
  resolvePeriod,
  sumCells,
  sumsForPeriod,
  type DossierDimensions,
  type MonitoringEvent,
} from './index';

/** The real legal clock: the calendar module with the national 2026 decisions and the default working periods. */
const realClock = () => legalClockOf(new CalendarClock(WorkCalendar.of({ decisions: nationalDecisions2026 })));
const local = (value: string) => new Date(`${value.replace(' ', 'T')}:00+07:00`);

const dims: DossierDimensions = { competentAgencyId: 'agency', receivingAgencyId: 'desk', procedureCode: '1.001193', channel: 'online' };

function ev(kind: MonitoringEvent['kind'], at: string, toState: MonitoringEvent['toState'], details: Record<string, unknown> = {}): MonitoringEvent {
  return { kind, at: local(at), toState, details };
}

const iso = (s: string) => local(s).toISOString();

/** Received Mon 02/03/2026 09:00, 10 working days → due Mon 16/03/2026 09:00 (legal-spec §3.5). */
const received = [
  ev('submit', '2026-03-02 08:30', 'submitted'),
  ev('receive', '2026-03-02 09:00', 'received', { receivedAt: iso('2026-03-02 09:00'), dueAt: iso('2026-03-16 09:00') }),
  ev('transfer', '2026-03-02 09:30', 'processing', { clockStarted: false, dueAt: iso('2026-03-16 09:00') }),
];

const result = (at: string) => ev('record_result', at, 'result_ready', { kind: 'granted' });

describe('early / on time / late against the legal due time (legal-spec §3.4 rule 7)', () => {
  it('judges the exact boundary: at the due instant on time, one minute later late, an earlier day early', () => {
    expect(foldDossierFacts([...received, result('2026-03-16 09:00')]).timeliness).toBe('on_time');
    expect(foldDossierFacts([...received, result('2026-03-16 09:01')]).timeliness).toBe('late');
    expect(foldDossierFacts([...received, result('2026-03-16 07:00')]).timeliness).toBe('on_time');
    expect(foldDossierFacts([...received, result('2026-03-13 16:59')]).timeliness).toBe('early');
  });

  it('counts a late result as pending overdue from the due instant until it is resolved', () => {
    const facts = foldDossierFacts([...received, result('2026-03-18 10:00')]);
    expect(facts.overdue).toEqual([{ from: local('2026-03-16 09:00'), to: local('2026-03-18 10:00') }]);
    expect(isOverdueAt(facts, local('2026-03-16 08:59'))).toBe(false);
    expect(isOverdueAt(facts, local('2026-03-16 09:01'))).toBe(true);
    expect(isOverdueAt(facts, local('2026-03-18 10:00'))).toBe(false);
  });

  it('restarts the clock after a supplement: judged against the new due time; the wait is neither overdue nor processing time', () => {
    const events = [
      ...received,
      ev('request_supplement', '2026-03-04 10:00', 'supplement_requested', { stage: 'appraisal' }),
      ev('provide_supplement', '2026-03-09 14:00', 'processing', { clockRestarted: true, dueAt: iso('2026-03-23 14:00') }),
      result('2026-03-20 10:00'),
    ];
    const clock = realClock();
    const facts = foldDossierFacts(events, clock);
    expect(facts.timeliness).toBe('early');
    expect(facts.dueAt).toEqual(local('2026-03-23 14:00'));
    expect(facts.overdue).toEqual([]);
    expect(facts.supplementRequestsAt).toHaveLength(1);
    expect(facts.waitingSupplement).toEqual([{ from: local('2026-03-04 10:00'), to: local('2026-03-09 14:00') }]);
    const expected =
      clock.workingMinutesBetween(local('2026-03-02 09:00'), local('2026-03-20 10:00')) -
      clock.workingMinutesBetween(local('2026-03-04 10:00'), local('2026-03-09 14:00'));
    expect(facts.processingWorkingMinutes).toBe(expected);
    // Waiting for a supplement past the old due time is not overdue (II.06a: within the due time).
    const waiting = foldDossierFacts([
      ...received,
      ev('request_supplement', '2026-03-13 10:00', 'supplement_requested', { stage: 'appraisal' }),
    ]);
    expect(isOverdueAt(waiting, local('2026-03-20 10:00'))).toBe(false);
    expect(waiting.waitingSupplement).toEqual([{ from: local('2026-03-13 10:00'), to: null }]);
  });

  it('keeps judging against the original due time after an extension, and reports the extended one beside it', () => {
    const events = [
      ...received,
      ev('extend', '2026-03-12 10:00', 'processing', { newDueAt: iso('2026-03-20 17:00'), previousDueAt: iso('2026-03-16 09:00') }),
      result('2026-03-18 10:00'),
    ];
    const facts = foldDossierFacts(events);
    expect(facts.timeliness).toBe('late');
    expect(facts.timelinessExtended).toBe('early');
    expect(facts.apologiesAt).toEqual([local('2026-03-12 10:00')]);
    const cells = contributionOf(dims, facts);
    const sums = sumsForPeriod(cells, '2026-03-01', '2026-03-31');
    const f = figuresOf(sums);
    expect(f.resolved).toMatchObject({ total: 1, late: 1, extended: 1, extendedLate: 0 });
    expect(f.apologies).toBe(1);
  });

  it('counts a withdrawal after reception as resolved on time, and a withdrawal before reception nowhere', () => {
    const withdrawn = foldDossierFacts([...received, ev('withdraw', '2026-03-20 10:00', 'withdrawn')]);
    expect(withdrawn).toMatchObject({ resolution: 'withdrawn', timeliness: 'on_time' });
    const f = figuresOf(sumsForPeriod(contributionOf(dims, withdrawn), '2026-03-01', '2026-03-31'));
    expect(f.resolved).toMatchObject({ total: 1, onTime: 1, withdrawn: 1 });
    const never = foldDossierFacts([ev('submit', '2026-03-02 08:30', 'submitted'), ev('withdraw', '2026-03-02 10:00', 'withdrawn')]);
    expect(never.receivedAt).toBeNull();
    expect(contributionOf(dims, never)).toEqual([]);
  });

  it('starts the clock of a boundary-free dossier at the transfer', () => {
    const events = [
      ev('receive', '2026-03-02 09:00', 'received', { receivedAt: iso('2026-03-02 09:00'), dueAt: null }),
      ev('transfer', '2026-03-03 09:00', 'processing', { clockStarted: true, dueAt: iso('2026-03-17 09:00') }),
      result('2026-03-17 09:00'),
    ];
    const facts = foldDossierFacts(events, realClock());
    expect(facts.timeliness).toBe('on_time');
    expect(facts.processingWorkingMinutes).toBe(realClock().workingMinutesBetween(local('2026-03-03 09:00'), local('2026-03-17 09:00')));
  });

  it('measures processing time in whole working minutes, also from instants with seconds', () => {
    const at = new Date(local('2026-03-02 09:00').getTime() + 29_123);
    const events = [
      ev('receive', '2026-03-02 09:00', 'received', { receivedAt: at.toISOString(), dueAt: iso('2026-03-16 09:00') }),
      { ...result('2026-03-03 10:00'), at: new Date(local('2026-03-03 10:00').getTime() + 1_500) },
    ];
    const minutes = foldDossierFacts(events, realClock()).processingWorkingMinutes!;
    expect(Number.isInteger(minutes)).toBe(true);
    expect(minutes).toBe(9 * 60);
  });

  it('counts the return online as an electronic result', () => {
    const facts = foldDossierFacts([...received, result('2026-03-10 10:00'), ev('return_result', '2026-03-10 11:00', 'returned', { method: 'online' })]);
    expect(facts).toMatchObject({ returnedOnline: true, returnedAt: local('2026-03-10 11:00') });
  });
});

describe('rollup contributions and period figures', () => {
  const late = foldDossierFacts([...received, result('2026-03-18 10:00')]);
  const open = foldDossierFacts(received);

  it('carries a dossier pending at the end of February into March and keeps the II.06a identity', () => {
    const feb = foldDossierFacts([
      ev('receive', '2026-02-26 09:00', 'received', { receivedAt: iso('2026-02-26 09:00'), dueAt: iso('2026-03-03 09:00') }),
      result('2026-03-05 09:00'),
    ]);
    const cells = [...contributionOf(dims, feb), ...contributionOf({ ...dims, channel: 'postal' }, late), ...contributionOf(dims, open)];
    const march = figuresOf(sumsForPeriod(cells, '2026-03-01', '2026-03-31'));
    expect(march.received).toEqual({ total: 2, counter: 0, online: 1, postal: 1, carriedOver: 1 });
    expect(march.resolved).toMatchObject({ total: 2, early: 0, onTime: 0, late: 2 });
    expect(march.pending).toMatchObject({ total: 1, overdue: 1, withinDue: 0 });
    const row = ii06aColumnsOf(march);
    expect(row.receivedTotal).toBe(row.receivedOnline + row.receivedDirectOrPostal + row.carriedOver);
    expect(row.receivedTotal).toBe(row.resolvedTotal + row.pendingTotal);
    expect(row.resolvedTotal).toBe(row.resolvedEarly + row.resolvedOnTime + row.resolvedLate);
    // At the end of 17/03 the open dossier and the late one are both pending and overdue.
    const mid = figuresOf(sumsForPeriod(cells, '2026-03-01', '2026-03-17'));
    expect(mid.pending).toMatchObject({ total: 2, overdue: 2 });
    const before = figuresOf(sumsForPeriod(cells, '2026-03-01', '2026-03-15'));
    expect(before.pending).toMatchObject({ total: 2, overdue: 0, withinDue: 2 });
  });

  it('a transition adds exactly the difference of the contributions', () => {
    const before = contributionOf(dims, open);
    const after = contributionOf(dims, late);
    const delta = contributionDelta(before, after);
    const applied = [...sumCells([...before, ...delta]).values()];
    const expected = [...sumCells(after).values()];
    const norm = (cells: typeof applied) =>
      cells
        .map((c) => ({ ...c, counters: Object.fromEntries(Object.entries(c.counters).filter(([, n]) => n !== 0)) }))
        .filter((c) => Object.keys(c.counters).length > 0)
        .sort((a, b) => a.day.localeCompare(b.day));
    expect(norm(applied)).toEqual(norm(expected));
    expect(contributionDelta(after, after)).toEqual([]);
  });

  it('reports the 90th percentile as the bound of its histogram bucket', () => {
    expect(percentileBound({}, 0.9)).toBeNull();
    expect(percentileBound({ 0: 9, 5: 1 }, 0.9)).toBe(1);
    expect(percentileBound({ 0: 8, 5: 2 }, 0.9)).toBe(16);
  });
});

describe('live pending categories', () => {
  const clock = realClock();
  it('sorts by waiting, overdue, due within one working day, not yet due', () => {
    const now = local('2026-03-13 10:00');
    expect(pendingCategory('supplement_requested', local('2026-03-01 10:00'), now, clock)).toBe('waiting_supplement');
    expect(pendingCategory('awaiting_payment', null, now, clock)).toBe('waiting_payment');
    expect(pendingCategory('processing', local('2026-03-13 09:59'), now, clock)).toBe('overdue');
    // Friday 10:00 → Monday 10:00 is one working day.
    expect(pendingCategory('processing', local('2026-03-16 10:00'), now, clock)).toBe('due_within_working_day');
    expect(pendingCategory('processing', local('2026-03-16 10:01'), now, clock)).toBe('not_yet_due');
  });
});

describe('report periods', () => {
  it('resolves month, quarter, half, year and custom ranges', () => {
    expect(resolvePeriod({ kind: 'month', year: 2026, index: 2 })).toEqual({ ok: true, value: { kind: 'month', from: '2026-02-01', to: '2026-02-28' } });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, index: 4 })).toMatchObject({ value: { from: '2026-10-01', to: '2026-12-31' } });
    expect(resolvePeriod({ kind: 'half', year: 2026, index: 1 })).toMatchObject({ value: { from: '2026-01-01', to: '2026-06-30' } });
    expect(resolvePeriod({ kind: 'year', year: 2026 })).toMatchObject({ value: { from: '2026-01-01', to: '2026-12-31' } });
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-05', to: '2026-03-04' })).toMatchObject({ ok: false, error: { code: 'MONITORING_PERIOD_INVALID' } });
    expect(resolvePeriod({ kind: 'custom', from: '2026-02-30', to: '2026-03-04' })).toMatchObject({ ok: false });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, index: 5 })).toMatchObject({ ok: false });
  });
});

describe('Biểu II.07b from the catalogue', () => {
  const commune = { kind: 'rule', agencyKind: 'people_committee', agencyLevel: 'commune' } as const;
  const communeDesk = { kind: 'rule', agencyKind: 'desk', agencyLevel: 'commune' } as const;
  const department = { kind: 'agency', agencyId: 'dept' } as const;
  const external = { kind: 'external' } as const;
  const catalogue = [
    { code: 'a', levels: ['commune'], competentAgency: commune, receivingDesks: [communeDesk], workflowAgencies: [commune] },
    { code: 'b', levels: ['province', 'commune'], competentAgency: department, receivingDesks: [communeDesk], workflowAgencies: [] },
    { code: 'c', levels: ['province'], competentAgency: department, receivingDesks: [], workflowAgencies: [department] },
    { code: 'd', levels: ['central'], competentAgency: external, receivingDesks: [communeDesk], workflowAgencies: [external] },
    { code: 'e', levels: ['district_legacy'], competentAgency: external, receivingDesks: [external], workflowAgencies: [] },
  ];

  it('counts the whole catalogue: local competence, at one-stop desks, with internal workflows, per level', () => {
    const report = buildIi07b('2026-11-28', catalogue);
    expect(report.unit).toBeNull();
    expect(report.localCompetence).toEqual({ total: 4, province: 2, district: 1, commune: 2 });
    // e is received only by a body outside the tree; d is central.
    expect(report.oneStop).toEqual({ total: 3, province: 2, district: 0, commune: 2 });
    expect(report.internalWorkflows).toEqual({ total: 2, province: 1, district: 0, commune: 1 });
  });

  it('counts for a unit what its agencies are competent for, receive at their desks and have workflows for', () => {
    const ward = { code: 'W', name: 'Phường', agencies: [{ id: 'ward', kind: 'people_committee', level: 'commune' }, { id: 'ward-desk', kind: 'desk', level: 'commune' }] };
    const report = buildIi07b('2026-11-28', catalogue, ward);
    expect(report.unit).toEqual({ code: 'W', name: 'Phường' });
    // Competent: a only (b and c are the department's). One-stop: a and b (received at the commune desks; d is central).
    expect(report.localCompetence).toEqual({ total: 1, province: 0, district: 0, commune: 1 });
    expect(report.oneStop).toEqual({ total: 2, province: 1, district: 0, commune: 2 });
    expect(report.internalWorkflows).toEqual({ total: 1, province: 0, district: 0, commune: 1 });
    const dept = buildIi07b('2026-11-28', catalogue, { code: 'S', name: 'Sở', agencies: [{ id: 'dept', kind: 'department', level: 'province' }] });
    // The department decides b and c; c has no desk listed, so it is received at the department's own one-stop.
    expect(dept.localCompetence).toEqual({ total: 2, province: 2, district: 0, commune: 1 });
    expect(dept.oneStop).toEqual({ total: 1, province: 1, district: 0, commune: 0 });
    expect(dept.internalWorkflows).toEqual({ total: 1, province: 1, district: 0, commune: 0 });
  });
});
