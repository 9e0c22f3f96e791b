/**
 * Demo dossiers for the leader's desk, the deadlines screen and the desk ledger, at Phường Phú Xuân (its service
 * centre receives, its people's committee decides): two dossiers waiting for the leader's approval, one at risk of
 * being late (its appraisal step is overdue) with the apology the deadline sweep drafts, and two dossiers whose
 * results were returned. They go through the engine's real use cases (reception, transfer, steps, result,
 * return, the sweep), acted by a seed officer, on instants in the past so the clocks have run.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, OfficerActor, OfficerRole } from '@motcua/core';
import { legalDateOf } from '@motcua/core/catalog';
import {
  actOnDossier,
  receiveDossierAtDesk,
  type Dossier,
  type DossierAction,
  type Party,
  type ProcedureCaseReader,
  type ProcedureCaseSnapshot,
} from '@motcua/core/dossiers';
import type { Database } from '@motcua/db';
import { findEffectiveVersion } from '@motcua/db/catalog';
import { findDossier, legalClockCacheFor, runDossierUseCase } from '@motcua/db/dossiers';
import { findAgencyByCode } from '@motcua/db/organization';
import { catalogProcedureCaseReader } from '../catalog/procedure-case-reader';
import type { AppConfig } from '../config';
import { completeDeps } from '../deps';
import { sweepDeadlines } from '../dossiers/dossier.jobs';
import { policyOf } from '../dossiers/dossier.services';

export const officeDemoAgencies = { committee: '000.00.40.H57', desk: '000.01.40.H57' } as const;

interface Deps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: AppConfig;
}

interface Place {
  readonly committee: string;
  readonly desk: string;
}

const hour = 3600_000;
const day = 24 * hour;

function applicant(fullName: string, phone: string, address: string): Party {
  return { role: 'applicant', kind: 'person', fullName, identityNumber: null, address, phone, email: null, authorisationDocument: null };
}

function seedOfficer(place: Place): OfficerActor {
  const grants: { role: OfficerRole; agencyId: string }[] = [
    { role: 'reception_officer', agencyId: place.desk },
    { role: 'specialist', agencyId: place.committee },
    { role: 'department_head', agencyId: place.committee },
    { role: 'agency_leader', agencyId: place.committee },
  ];
  return {
    kind: 'officer',
    userId: randomUUID(),
    displayName: 'Dữ liệu mẫu',
    grants: grants.map((g) => ({ ...g, includeSubAgencies: false })),
    visibleAgencyIds: [place.committee, place.desk],
  };
}

/**
 * The catalogue's case, decided by the committee through a three-step workflow whose first budget is given. Read
 * before the reception's unit of work (PGlite has one connection: no read beside an open transaction).
 */
async function demoCase(db: Database, place: Place, versionId: string, caseCode: string, spec: DemoDossierSpec): Promise<ProcedureCaseReader> {
  const found = await catalogProcedureCaseReader(db).findCase(versionId, caseCode, place.desk);
  if (!found) throw new Error(`demo dossier: no case ${caseCode} of ${spec.procedureCode} for the desk`);
  const snapshot: ProcedureCaseSnapshot = {
    ...found,
    competentAgencyId: place.committee,
    receivingAgencyIds: [place.desk],
    timeLimits: [{ channel: 'any', amount: spec.limitDays, unit: 'working-days' }],
    sameDayCutoff: null,
    interAgency: null,
    workflow: [
      { order: 1, name: 'Thẩm định hồ sơ', agencyId: place.committee, role: 'specialist', budgetHours: spec.appraisalHours },
      { order: 2, name: 'Xem xét, trình ký', agencyId: place.committee, role: 'department_head', budgetHours: 4 },
      { order: 3, name: 'Phê duyệt, ký kết quả', agencyId: place.committee, role: 'agency_leader', budgetHours: 4 },
    ],
  };
  return { findCase: async () => snapshot };
}

export interface DemoDossierSpec {
  readonly procedureCode: string;
  readonly applicant: Party;
  readonly summary: string;
  /** When it was received. */
  readonly receivedAt: Date;
  readonly limitDays: number;
  readonly appraisalHours: number;
  /** How far it goes: steps completed (0–3), then the result recorded and returned. */
  readonly completedSteps: number;
  readonly resultAt?: Date;
  readonly returnedAt?: Date;
}

const servicesOf = (deps: Deps) => ({ policy: policyOf(deps.config), clocks: legalClockCacheFor(deps.db) });

async function act(deps: Deps, actor: OfficerActor, now: Date, dossierId: string, action: DossierAction): Promise<Dossier> {
  const services = servicesOf(deps);
  const result = await runDossierUseCase(deps.db, { actor, now }, services, (d) => actOnDossier(d, dossierId, action, null));
  if (!result.ok) throw new Error(`demo dossier ${action.type}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Receives one demo dossier at the place's desk and takes it as far as the spec says. */
export async function createDemoDossier(deps: Deps, place: Place, spec: DemoDossierSpec): Promise<Dossier> {
  const actor = seedOfficer(place);
  const version = await findEffectiveVersion(deps.db, spec.procedureCode, legalDateOf(spec.receivedAt));
  const caseCode = version?.content.cases[0]?.id;
  if (!version || !caseCode) throw new Error(`demo dossier: procedure ${spec.procedureCode} is not in the catalogue`);
  const cases = await demoCase(deps.db, place, version.id, caseCode, spec);
  const received = await runDossierUseCase(deps.db, { actor, now: spec.receivedAt }, servicesOf(deps), (d) =>
    receiveDossierAtDesk(
      { ...d, cases },
      {
        procedureVersionId: version.id,
        caseCode,
        receivingAgencyId: place.desk,
        parties: [spec.applicant],
        documents: [{ code: null, name: 'Tờ khai theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 }],
        setCount: 1,
        summary: spec.summary,
        returnMethod: 'counter',
        entryPoint: 'counter',
        postal: null,
        channel: 'counter',
      },
    ),
  );
  if (!received.ok) throw new Error(`demo dossier reception: ${received.error.code} ${received.error.message}`);
  let at = new Date(spec.receivedAt.getTime() + 5 * 60_000);
  let dossier = await act(deps, actor, at, received.value.id, { type: 'transfer', note: null });
  for (let i = 0; i < spec.completedSteps; i++) {
    const step = dossier.steps.find((s) => s.status === 'active');
    if (!step) break;
    at = new Date(at.getTime() + 30 * 60_000);
    dossier = await act(deps, actor, at, dossier.id, { type: 'complete_step', stepId: step.id, note: null });
  }
  if (spec.resultAt) {
    dossier = await act(deps, actor, spec.resultAt, dossier.id, {
      type: 'record_result',
      kind: 'granted',
      documentNumber: null,
      summary: 'Cấp giấy theo đề nghị',
      attachmentIds: [],
      signerName: null,
    });
  }
  if (spec.returnedAt) {
    dossier = await act(deps, actor, spec.returnedAt, dossier.id, {
      type: 'return_result',
      method: 'counter',
      receiverName: spec.applicant.fullName,
      receiverRole: 'applicant',
      waybillNumber: null,
    });
  }
  return dossier;
}

export interface OfficeDemoDossiers {
  readonly awaitingLeader: Dossier[];
  readonly atRisk: Dossier;
  readonly returned: Dossier[];
}

/** The five demo dossiers, then one deadline sweep (which drafts the apology for the one at risk). */
export async function seedOfficeDossiers(deps: Deps): Promise<OfficeDemoDossiers | null> {
  const [committee, desk] = await Promise.all([
    findAgencyByCode(deps.db, officeDemoAgencies.committee),
    findAgencyByCode(deps.db, officeDemoAgencies.desk),
  ]);
  if (!committee || !desk) return null;
  const place = { committee: committee.id, desk: desk.id };
  const now = deps.clock.now();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const awaitingLeader = [
    await createDemoDossier(deps, place, {
      procedureCode: '1.001193',
      applicant: applicant('Trần Thị Bình', '0905123456', '15 Đinh Tiên Hoàng, phường Phú Xuân, Huế'),
      summary: 'Đăng ký khai sinh cho con Trần Minh Khoa',
      receivedAt: ago(2 * hour),
      limitDays: 10,
      appraisalHours: 16,
      completedSteps: 2,
    }),
    await createDemoDossier(deps, place, {
      procedureCode: '1.000656',
      applicant: applicant('Lê Văn Cường', '0914222333', '8 Mai Thúc Loan, phường Phú Xuân, Huế'),
      summary: 'Đăng ký khai tử cho ông Lê Văn Dũng',
      receivedAt: ago(90 * 60_000),
      limitDays: 10,
      appraisalHours: 16,
      completedSteps: 2,
    }),
  ];
  // Received ten days ago with a four-hour appraisal: that step is long overdue, so the dossier is at risk while an
  // extension is still possible (its twenty working days are far from over).
  await createDemoDossier(deps, place, {
    procedureCode: '1.001193',
    applicant: applicant('Hoàng Văn Em', '0935777888', '22 Lê Duẩn, phường Phú Xuân, Huế'),
    summary: 'Đăng ký khai sinh cho con Hoàng Gia Huy',
    receivedAt: ago(10 * day),
    limitDays: 20,
    appraisalHours: 4,
    completedSteps: 0,
  });
  const returned = [
    await createDemoDossier(deps, place, {
      procedureCode: '1.001193',
      applicant: applicant('Phạm Thị Giang', '0983444555', '3 Trần Hưng Đạo, phường Phú Xuân, Huế'),
      summary: 'Đăng ký khai sinh cho con Phạm Bảo Ngọc',
      receivedAt: ago(6 * day),
      limitDays: 5,
      appraisalHours: 16,
      completedSteps: 3,
      resultAt: ago(4 * day),
      returnedAt: ago(3 * day),
    }),
    await createDemoDossier(deps, place, {
      procedureCode: '1.000656',
      applicant: applicant('Võ Văn Hải', '0977666111', '40 Chi Lăng, phường Phú Xuân, Huế'),
      summary: 'Đăng ký khai tử cho bà Võ Thị Lan',
      receivedAt: ago(5 * day),
      limitDays: 5,
      appraisalHours: 16,
      completedSteps: 3,
      resultAt: ago(3 * day),
      returnedAt: ago(2 * day),
    }),
  ];
  await sweepDeadlines(completeDeps(deps), deps.db, now);
  const [atRiskRow] = await deps.db.query<{ id: string }>(
    `SELECT dossier_id AS id FROM dossier_event WHERE kind = 'draft_apology' ORDER BY occurred_at DESC LIMIT 1`,
  );
  const atRisk = atRiskRow ? await loadDossier(deps, place, atRiskRow.id) : null;
  if (!atRisk) throw new Error('demo dossiers: the deadline sweep drafted no apology for the dossier at risk');
  return { awaitingLeader, atRisk, returned };
}

function loadDossier(deps: Deps, place: Place, id: string): Promise<Dossier | null> {
  return findDossier(deps.db, seedOfficer(place), id);
}

/** Only into a database without dossiers (a second `seed --demo` adds none). */
export async function seedOfficeDossiersIfNone(deps: Deps): Promise<void> {
  const [row] = await deps.db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM dossier');
  if (Number(row?.n ?? 0) > 0) return;
  await seedOfficeDossiers(deps);
}
