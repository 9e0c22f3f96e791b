/**
 * Demo data for a fresh embedded installation: organisation, calendar decisions, catalogue, accounts. Each
 * module contributes its seed step; steps run in order in one unit of work per step, audited as the system.
 */
import type { Clock } from '@motcua/core';
import { withUnitOfWork, type Database } from '@motcua/db';
import { seedOrganization } from '@motcua/db/organization';
import { seedDemoAccounts } from '../identity/identity.seed';
import type { AppConfig } from '../config';
import { seedCatalog } from './catalog-seed';
import { seedDeskDossiers } from './desk-dossiers-seed';
import { seedOfficeDossiersIfNone } from './office-dossiers-seed';
import { initDemoPki } from '../signatures/pki-demo';

export interface SeedDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: AppConfig;
}

export interface SeedStep {
  readonly name: string;
  run(deps: SeedDeps): Promise<void>;
}

const system = (name: string) => ({ kind: 'system', name }) as const;

/** Thành phố Huế after the 2025 reform: city, departments, service centre, 40 communes/wards, one merge. */
export const organizationSeedStep: SeedStep = {
  name: 'organisation (thành phố Huế)',
  run: ({ db, clock }) =>
    withUnitOfWork(db, { actor: system('seed:organization'), now: clock.now() }, async (uow) => {
      await seedOrganization(uow);
    }),
};

/** Demo officers of the city service centre and Phường Phú Xuân, a system administrator, a citizen. */
export const identitySeedStep: SeedStep = {
  name: 'demo accounts',
  run: (deps) => seedDemoAccounts(deps),
};

/** The reference procedures of Huế, after the organisation (department procedures name its agencies). */
export const catalogSeedStep: SeedStep = {
  name: 'catalogue (thủ tục hành chính tham chiếu)',
  run: async ({ db, clock, config }) => {
    await seedCatalog(db, clock.now(), { hoursPerWorkingDay: config.catalog.hoursPerWorkingDay });
  },
};

/** Dossiers for the leader's desk, the deadlines screen and the ledger (Phường Phú Xuân), after the catalogue. */
export const officeDossiersSeedStep: SeedStep = {
  name: 'hồ sơ mẫu (bàn lãnh đạo, hạn xử lý, sổ theo dõi)',
  run: (deps) => seedOfficeDossiersIfNone(deps),
};

/** The DEMO certificate authority, agency seals and leaders' certificates (after the accounts). */
export const pkiSeedStep: SeedStep = {
  name: 'DEMO signing certificates (pki init-demo)',
  run: async (deps) => {
    if (!deps.config.signatures.production) await initDemoPki(deps);
  },
};

/** The desk's demo dossiers (online queue, a dossier to transfer, one waiting for its supplement), after the leader's. */
export const deskDossiersSeedStep: SeedStep = {
  name: 'hồ sơ mẫu (tiếp nhận trực tuyến, chờ chuyển, chờ bổ sung)',
  run: async (deps) => {
    await seedDeskDossiers(deps);
  },
};

/** In dependency order. */
export const demoSeedSteps: SeedStep[] = [organizationSeedStep, identitySeedStep, catalogSeedStep, pkiSeedStep, officeDossiersSeedStep, deskDossiersSeedStep];

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int8 AS n FROM agency');
  return (rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(deps: SeedDeps, onStep?: (name: string) => void): Promise<void> {
  for (const step of demoSeedSteps) {
    onStep?.(step.name);
    await step.run(deps);
  }
}

export async function seedDemoIfEmpty(deps: SeedDeps): Promise<boolean> {
  if (!(await isDatabaseEmpty(deps.db))) return false;
  await seedDemo(deps);
  return true;
}
