/**
 * Demo data for a fresh embedded installation: organisation, calendar decisions, catalogue, accounts. Each
 * module contributes its seed step; steps run in order in one unit of work per step, audited as the system.
 */
import type { Clock } from '@motcua/core';
import type { Database } from '@motcua/db';
import type { AppConfig } from '../config';

export interface SeedDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly config: AppConfig;
}

export interface SeedStep {
  readonly name: string;
  run(deps: SeedDeps): Promise<void>;
}

/** In dependency order. */
export const demoSeedSteps: SeedStep[] = [];

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
