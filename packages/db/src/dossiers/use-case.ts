/**
 * Running a dossier use case in one unit of work. A use case answers a Result; a refusal must still undo whatever
 * the use case wrote before refusing (a consumed code number, a ledger row), so a refusal is thrown inside the
 * transaction to roll it back and turned into the Result again outside. STALE_VERSION from the save is a refusal too.
 */
import { randomUUID } from 'node:crypto';
import { DomainErrorException, err, type DomainError, type Result } from '@motcua/core/shared';
import type { DossierPolicy, DossierUseCaseDeps, LegalClockProvider } from '@motcua/core/dossiers';
import type { Database } from '../kernel/database';
import { withUnitOfWork, type UnitOfWorkContext } from '../kernel/unit-of-work';
import { createDossierStore } from './dossier-store';

class Refusal extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export const randomIds = { newId: () => randomUUID() };

export async function runDossierUseCase<T, E extends DomainError>(
  db: Database,
  context: UnitOfWorkContext,
  services: { clocks: LegalClockProvider; policy: DossierPolicy },
  fn: (deps: DossierUseCaseDeps) => Promise<Result<T, E>>,
): Promise<Result<T, E | DomainError>> {
  try {
    return await withUnitOfWork(db, context, async (uow) => {
      const deps: DossierUseCaseDeps = {
        store: createDossierStore(uow.tx, { actor: context.actor, now: context.now, statusMapping: services.policy.statusMapping }),
        clocks: services.clocks,
        audit: uow.audit,
        outbox: uow.outbox,
        ids: randomIds,
        policy: services.policy,
        actor: context.actor,
        now: context.now,
      };
      const result = await fn(deps);
      if (!result.ok) throw new Refusal(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return err(error.error);
    if (error instanceof DomainErrorException) return err(error.error);
    throw error;
  }
}
