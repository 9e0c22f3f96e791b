/**
 * Test data for the dossier engine: a small organisation (a desk, an agency with a department, a second desk and a
 * consulted agency) inserted as real rows, and officers and citizens acting for them.
 */
import { randomUUID } from 'node:crypto';
import { ok, type CitizenActor, type OfficerActor, type OfficerRole } from '@motcua/core';
import {
  assignReception,
  defaultDossierPolicy,
  receiveAtDesk,
  recordTransition,
  transitionContext,
  type DossierPolicy,
  type Party,
  type ProcedureCaseSnapshot,
} from '@motcua/core/dossiers';
import type { Database, Queryable } from '@motcua/db';
import { legalClockCacheFor, runDossierUseCase } from '@motcua/db/dossiers';

export interface TestOrganisation {
  desk: string;
  agency: string;
  department: string;
  otherDesk: string;
  consulted: string;
  codes: Record<'desk' | 'agency' | 'department' | 'otherDesk' | 'consulted', string>;
}

/** Inserts agencies with unique codes (several organisations may live in one test database). */
export async function insertTestOrganisation(db: Queryable): Promise<TestOrganisation> {
  const n = randomUUID().slice(0, 6).toUpperCase();
  const codes = {
    agency: `000.${n}.00.H57`,
    desk: `001.${n}.01.H57`,
    department: `002.${n}.01.H57`,
    otherDesk: `003.${n}.01.H57`,
    consulted: `004.${n}.01.H57`,
  };
  const ids = { agency: randomUUID(), desk: randomUUID(), department: randomUUID(), otherDesk: randomUUID(), consulted: randomUUID() };
  const insert = (id: string, code: string, name: string, kind: string, parent: string | null) =>
    db.query(
      `INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from) VALUES ($1, $2, $3, $4, 'commune', $5, '2025-07-01')`,
      [id, code, name, kind, parent],
    );
  await insert(ids.agency, codes.agency, 'UBND phường Thuận Hóa', 'people_committee', null);
  await insert(ids.desk, codes.desk, 'Trung tâm Phục vụ hành chính công phường Thuận Hóa', 'desk', ids.agency);
  await insert(ids.department, codes.department, 'Phòng Văn hóa - Xã hội', 'department', ids.agency);
  await insert(ids.otherDesk, codes.otherDesk, 'Trung tâm Phục vụ hành chính công phường Phú Xuân', 'desk', null);
  await insert(ids.consulted, codes.consulted, 'Công an phường Thuận Hóa', 'police', null);
  return { ...ids, codes };
}

export function testOfficer(roles: readonly { role: OfficerRole; agencyId: string }[], name = 'Cán bộ'): OfficerActor {
  return {
    kind: 'officer',
    userId: randomUUID(),
    displayName: name,
    grants: roles.map((r) => ({ ...r, includeSubAgencies: false })),
    visibleAgencyIds: [...new Set(roles.map((r) => r.agencyId))],
  };
}

export function testCitizen(name = 'Nguyễn Văn An'): CitizenActor {
  return { kind: 'citizen', userId: randomUUID(), displayName: name };
}

/** The dossier services the server builds, on a test database: the calendar module's clocks, the default rules. */
export function dossierTestServices(db: Database, policy: DossierPolicy = defaultDossierPolicy) {
  return { policy, clocks: legalClockCacheFor(db) };
}

/** A procedure case as the dossier keeps it, for the test organisation. */
export function testProcedureCase(org: TestOrganisation, overrides: Partial<ProcedureCaseSnapshot> = {}): ProcedureCaseSnapshot {
  return {
    procedureVersionId: randomUUID(),
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    caseCode: 'dung-han',
    caseName: 'Đăng ký khai sinh đúng hạn',
    competentAgencyId: org.agency,
    receivingAgencyIds: [org.desk],
    timeLimits: [{ channel: 'any', amount: 3, unit: 'working-days' }],
    sameDayCutoff: null,
    pausesClockOnFinancialObligation: false,
    isCentrallyProvided: false,
    requiredDocuments: [],
    fees: [],
    workflow: [
      { order: 1, name: 'Thẩm định hồ sơ', agencyId: org.department, role: 'specialist', budgetHours: 12 },
      { order: 2, name: 'Xem xét, trình ký', agencyId: org.department, role: 'department_head', budgetHours: 4 },
      { order: 3, name: 'Phê duyệt', agencyId: org.agency, role: 'agency_leader', budgetHours: 4 },
    ],
    interAgency: null,
    allowsPostalSubmission: true,
    allowsPostalReturn: true,
    ...overrides,
  };
}

export const testApplicant: Party = {
  role: 'applicant',
  kind: 'person',
  fullName: 'Nguyễn Văn An',
  identityNumber: '046090001234',
  address: '12 Lê Lợi, phường Thuận Hóa, Huế',
  phone: '0912345678',
  email: 'an@example.vn',
  authorisationDocument: null,
};

/**
 * Receives a counter dossier the way the reception use case does (code, ledger row, Form 01, clock, audit, outbox),
 * with the procedure case given as the snapshot the dossier keeps.
 */
export async function receiveTestDossier(
  db: Database,
  options: {
    officer: OfficerActor;
    now: Date;
    procedure: ProcedureCaseSnapshot;
    receivingAgencyId: string;
    parties?: Party[];
    services?: ReturnType<typeof dossierTestServices>;
  },
) {
  const services = options.services ?? dossierTestServices(db);
  return runDossierUseCase(db, { actor: options.officer, now: options.now }, services, async (deps) => {
    const assignment = await assignReception(deps.store, deps.policy, {
      receivingAgencyId: options.receivingAgencyId,
      competentAgencyId: options.procedure.competentAgencyId,
      receivedAt: options.now,
      isCentrallyProvided: false,
    });
    if (!assignment.ok) return assignment;
    const input = {
      procedure: options.procedure,
      receivingAgencyId: options.receivingAgencyId,
      parties: options.parties ?? [testApplicant],
      documents: [{ code: 'TK', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
      setCount: 1,
      summary: 'Đăng ký khai sinh cho con',
      returnMethod: 'counter' as const,
      entryPoint: 'counter' as const,
      postal: null,
      channel: 'counter' as const,
    };
    const transition = receiveAtDesk(input, assignment.value, await transitionContext(deps, options.receivingAgencyId));
    if (!transition.ok) return transition;
    return ok(await recordTransition(deps, null, transition.value));
  });
}
