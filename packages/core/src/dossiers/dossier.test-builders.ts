/**
 * Builders for the dossier engine's unit tests: officers, citizens, a procedure case snapshot, a transition
 * context. Not exported from the module's index.
 */
import { LegalClock as CalendarClock, WorkCalendar, nationalDecisions2026 } from '../calendar/index';
import type { CitizenActor, OfficerActor, OfficerRole } from '../shared/index';
import { legalClockOf } from './calendar-clock';
import type { Dossier, Party, StepInstance } from './dossier';
import type { IdSource, LegalClock, ProcedureCaseSnapshot } from './dossier.ports';
import { defaultDossierPolicy, type DossierPolicy } from './policy';
import type { NewDossierInput } from './reception';
import type { TransitionContext } from './transition';

export const desk = 'a0000000-0000-4000-8000-000000000001';
export const agency = 'a0000000-0000-4000-8000-000000000002';
export const department = 'a0000000-0000-4000-8000-000000000003';
export const otherDesk = 'a0000000-0000-4000-8000-000000000004';
export const consultedAgency = 'a0000000-0000-4000-8000-000000000005';

export function officer(userId: string, grants: readonly { role: OfficerRole; agencyId: string }[]): OfficerActor {
  return {
    kind: 'officer',
    userId,
    displayName: `Cán bộ ${userId}`,
    grants: grants.map((g) => ({ ...g, includeSubAgencies: false })),
    visibleAgencyIds: [...new Set(grants.map((g) => g.agencyId))],
  };
}

export function citizen(userId: string): CitizenActor {
  return { kind: 'citizen', userId, displayName: 'Nguyễn Văn An' };
}

export const receptionist = officer('u-reception', [{ role: 'reception_officer', agencyId: desk }]);
export const specialist = officer('u-specialist', [{ role: 'specialist', agencyId: department }]);
export const specialist2 = officer('u-specialist-2', [{ role: 'specialist', agencyId: department }]);
export const head = officer('u-head', [{ role: 'department_head', agencyId: department }]);
export const leader = officer('u-leader', [{ role: 'agency_leader', agencyId: agency }]);
export const supervisor = officer('u-supervisor', [{ role: 'desk_supervisor', agencyId: desk }]);

export function procedureCase(overrides: Partial<ProcedureCaseSnapshot> = {}): ProcedureCaseSnapshot {
  return {
    procedureVersionId: 'v-1',
    procedureCode: '1.000894',
    procedureName: 'Đăng ký khai sinh',
    caseCode: 'default',
    caseName: 'Đăng ký khai sinh đúng hạn',
    competentAgencyId: agency,
    receivingAgencyIds: [desk],
    timeLimits: [{ channel: 'any', amount: 3, unit: 'working-days' }],
    sameDayCutoff: null,
    pausesClockOnFinancialObligation: false,
    isCentrallyProvided: false,
    requiredDocuments: [],
    fees: [],
    workflow: [
      { order: 1, name: 'Thẩm định', agencyId: department, role: 'specialist', budgetHours: 12 },
      { order: 2, name: 'Xem xét', agencyId: department, role: 'department_head', budgetHours: 6 },
      { order: 3, name: 'Phê duyệt', agencyId: agency, role: 'agency_leader', budgetHours: 6 },
    ],
    interAgency: null,
    allowsPostalSubmission: true,
    allowsPostalReturn: true,
    ...overrides,
  };
}

export const applicant: Party = {
  role: 'applicant',
  kind: 'person',
  fullName: 'Nguyễn Văn An',
  identityNumber: '046090001234',
  address: '12 Lê Lợi, phường Thuận Hóa, Huế',
  phone: '0912345678',
  email: 'an@example.vn',
  authorisationDocument: null,
};

export function newDossierInput(overrides: Partial<NewDossierInput> = {}): NewDossierInput {
  return {
    procedure: procedureCase(),
    receivingAgencyId: desk,
    parties: [applicant],
    documents: [{ code: 'TK', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    setCount: 1,
    summary: 'Đăng ký khai sinh cho con',
    returnMethod: 'counter',
    entryPoint: 'counter',
    postal: null,
    ...overrides,
  };
}

export function sequentialIds(prefix = 'id'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

/**
 * A clock that must not be consulted: guard tests prove a refusal happens before any legal time is computed.
 * Tests of due times use the calendar module's real clock.
 */
export const unusedClock: LegalClock = new Proxy({} as LegalClock, {
  get(_target, property) {
    if (property === 'then') return undefined;
    throw new Error(`The legal clock was consulted (${String(property)}) where a guard should have refused first`);
  },
});

export function contextFor(
  actor: TransitionContext['actor'],
  options: { now?: Date; clock?: LegalClock; policy?: DossierPolicy; ids?: IdSource } = {},
): TransitionContext {
  return {
    actor,
    now: options.now ?? new Date('2026-03-02T02:00:00Z'),
    clock: options.clock ?? unusedClock,
    policy: options.policy ?? defaultDossierPolicy,
    ids: options.ids ?? sequentialIds(),
  };
}

/** A dossier in a given state with plausible fields; steps instantiated from the procedure case when processing. */
export function dossierAt(state: Dossier['state'], overrides: Partial<Dossier> = {}): Dossier {
  const received = state !== 'submitted' && state !== 'guided';
  const procedure = overrides.procedure ?? procedureCase();
  const steps: StepInstance[] = procedure.workflow.map((d, i) => ({
    id: `step-${i + 1}`,
    order: i + 1,
    name: d.name,
    agencyId: d.agencyId,
    role: d.role,
    budgetHours: d.budgetHours,
    status: state === 'processing' && i === 0 ? 'active' : 'pending',
    assigneeId: null,
    assigneeName: null,
    activatedAt: state === 'processing' && i === 0 ? new Date('2026-03-02T02:00:00Z') : null,
    dueAt: state === 'processing' && i === 0 ? new Date('2026-03-03T07:00:00Z') : null,
    completedAt: null,
    round: state === 'processing' && i === 0 ? 1 : 0,
  }));
  return {
    id: 'dossier-1',
    version: 3,
    code: received ? '000.00.07.H57-260302-0001' : null,
    codeFormat: received ? 'tt01-2018' : null,
    state,
    channel: 'online',
    entryPoint: 'national_portal',
    isPaper: false,
    procedure,
    receivingAgencyId: desk,
    competentAgencyId: agency,
    currentAgencyId: state === 'processing' ? department : desk,
    isBoundaryFree: false,
    ownerUserId: 'citizen-1',
    summary: 'Đăng ký khai sinh cho con',
    parties: [applicant],
    documents: [],
    setCount: 1,
    returnMethod: 'online',
    postal: null,
    ledgerEntry: received ? { deskAgencyId: desk, year: 2026, number: 1 } : null,
    submittedAt: new Date('2026-03-01T02:00:00Z'),
    receivedAt: received ? new Date('2026-03-02T02:00:00Z') : null,
    receivedById: received ? 'u-reception' : null,
    competentReceivedAt: null,
    clockStartedAt: received ? new Date('2026-03-02T02:00:00Z') : null,
    initialDueAt: received ? new Date('2026-03-05T02:00:00Z') : null,
    dueAt: received ? new Date('2026-03-05T02:00:00Z') : null,
    extendedDueAt: null,
    clockPausedAt: null,
    transferDueAt: null,
    transferredAt: null,
    processingEndedAt: null,
    timeliness: null,
    closedAt: null,
    steps: state === 'processing' ? steps : [],
    handovers: [],
    supplementRequests: [],
    extensions: [],
    consultations: [],
    interAgencyLegs: [],
    financialObligations: [],
    result: null,
    dossierReturn: null,
    ...overrides,
  };
}

/** The real legal clock: the calendar module with the national 2026 decisions and the default working periods. */
export function realClock(): LegalClock {
  return legalClockOf(new CalendarClock(WorkCalendar.of({ decisions: nationalDecisions2026 })));
}

/** A local Việt Nam wall-clock time 'YYYY-MM-DD HH:MM' as an instant. */
export function local(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}:00+07:00`);
}
