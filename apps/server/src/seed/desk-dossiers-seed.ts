/**
 * Demo dossiers for the desk's screens at Phường Phú Xuân (docs/office.md): two dossiers the demo citizen submitted
 * online, waiting in the online queue with their check countdown; one received at the counter and waiting to be
 * transferred ("my steps" of the reception officer); one whose supplement was requested ("waiting for supplement").
 * Through the engine's use cases, only when no online dossier exists yet (a second seed adds nothing).
 */
import { randomUUID } from 'node:crypto';
import type { CitizenActor, OfficerActor } from '@motcua/core';
import { legalDateOf } from '@motcua/core/catalog';
import { actOnDossier, receiveDossierAtDesk, submitDossierOnline, type NewDossierRequest, type Party } from '@motcua/core/dossiers';
import { findEffectiveVersion } from '@motcua/db/catalog';
import { legalClockCacheFor, runDossierUseCase } from '@motcua/db/dossiers';
import { findUserByIdentifier } from '@motcua/db/identity';
import { findAgencyByCode } from '@motcua/db/organization';
import { catalogProcedureCaseReader } from '../catalog/procedure-case-reader';
import { policyOf } from '../dossiers/dossier.services';
import { DEMO_CITIZEN_EMAIL } from '../identity/identity.seed';
import type { Clock } from '@motcua/core';
import type { Database } from '@motcua/db';
import type { AppConfig } from '../config';

const minute = 60_000;

interface SeedDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: AppConfig;
}

function person(fullName: string, phone: string, address: string, email: string | null = null): Party {
  return { role: 'applicant', kind: 'person', fullName, identityNumber: null, address, phone, email, authorisationDocument: null };
}

export async function seedDeskDossiers(deps: SeedDeps): Promise<number> {
  const [online] = await deps.db.query<{ n: number }>("SELECT count(*)::int8 AS n FROM dossier WHERE channel = 'online'");
  if (Number(online?.n ?? 0) > 0) return 0;
  const [desk, committee, citizenUser] = await Promise.all([
    findAgencyByCode(deps.db, '001.01.40.H57'),
    findAgencyByCode(deps.db, '000.00.40.H57'),
    findUserByIdentifier(deps.db, { kind: 'email', value: DEMO_CITIZEN_EMAIL }),
  ]);
  const now = deps.clock.now();
  const version = await findEffectiveVersion(deps.db, '1.001193', legalDateOf(now));
  const caseCode = version?.content.cases[0]?.id;
  if (!desk || !committee || !citizenUser || !version || !caseCode) return 0;
  // Read before the units of work (PGlite has one connection).
  const snapshot = await catalogProcedureCaseReader(deps.db, { hoursPerWorkingDay: deps.config.catalog.hoursPerWorkingDay }).findCase(version.id, caseCode, desk.id);
  if (!snapshot) return 0;
  const cases = { findCase: async () => snapshot };
  const services = { policy: policyOf(deps.config), clocks: legalClockCacheFor(deps.db) };
  const citizen: CitizenActor = { kind: 'citizen', userId: citizenUser.id, displayName: citizenUser.displayName };
  const officer: OfficerActor = {
    kind: 'officer',
    userId: randomUUID(),
    displayName: 'Dữ liệu mẫu',
    grants: [{ role: 'reception_officer', agencyId: desk.id, includeSubAgencies: false }],
    visibleAgencyIds: [desk.id, committee.id],
  };
  const request = (applicant: Party, summary: string): NewDossierRequest => ({
    procedureVersionId: version.id,
    caseCode,
    receivingAgencyId: desk.id,
    parties: [applicant],
    documents: [{ code: null, name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0 }],
    setCount: 1,
    summary,
    returnMethod: 'counter',
    entryPoint: 'provincial_portal',
    postal: null,
  });
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }, what: string): T => {
    if (!result.ok) throw new Error(`demo desk dossier ${what}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };

  for (const [applicant, summary, ago] of [
    [person('Nguyễn Thị Người Dân', '0935111222', '3 Lê Lợi, phường Phú Xuân, Huế', DEMO_CITIZEN_EMAIL), 'Đăng ký khai sinh cho con Nguyễn Gia Bảo (nộp trực tuyến)', 3 * 60],
    [person('Nguyễn Thị Người Dân', '0935111222', '3 Lê Lợi, phường Phú Xuân, Huế', DEMO_CITIZEN_EMAIL), 'Đăng ký khai sinh cho con Nguyễn Gia Hân (nộp trực tuyến)', 30],
  ] as const) {
    must(await runDossierUseCase(deps.db, { actor: citizen, now: new Date(now.getTime() - ago * minute) }, services, (d) => submitDossierOnline({ ...d, cases }, request(applicant, summary))), 'online');
  }
  const counter = (applicant: Party, summary: string, at: Date) =>
    runDossierUseCase(deps.db, { actor: officer, now: at }, services, (d) =>
      receiveDossierAtDesk({ ...d, cases }, { ...request(applicant, summary), entryPoint: 'counter', channel: 'counter' }),
    );
  must(await counter(person('Hoàng Văn Em', '0911444555', '20 Trần Hưng Đạo, phường Phú Xuân, Huế'), 'Đăng ký khai sinh cho con Hoàng Minh Phúc', new Date(now.getTime() - 20 * minute)), 'counter');
  const incomplete = must(await counter(person('Võ Thị Giang', '0977666888', '5 Hùng Vương, phường Phú Xuân, Huế'), 'Đăng ký khai sinh cho con Võ Anh Thư', new Date(now.getTime() - 60 * minute)), 'counter');
  must(
    await runDossierUseCase(deps.db, { actor: officer, now: new Date(now.getTime() - 50 * minute) }, services, (d) =>
      actOnDossier(d, incomplete.id, { type: 'request_supplement', items: ['Giấy chứng sinh (bản chính)'], reason: 'Hồ sơ thiếu giấy chứng sinh.' }, null),
    ),
    'supplement',
  );
  return 4;
}
