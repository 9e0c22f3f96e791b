/**
 * Runs a catalogue use case in one unit of work with the store, audit log and clock bound to it. A use case that
 * returns an error rolls the whole transaction back (nothing half-written, no audit row), and the error is
 * returned as a value. A dry run rolls back a success too and returns it: what would happen, nothing written.
 */
import type { Result } from '@motcua/core';
import { actorId } from '@motcua/core';
import type { CatalogDeps, TimeLimitOptions } from '@motcua/core/catalog';
import type { Database } from '../kernel/database';
import { withUnitOfWork, type UnitOfWorkContext } from '../kernel/unit-of-work';
import { createCatalogStore } from './catalog-store';

class RolledBack<E> extends Error {
  constructor(readonly error: E) {
    super('use case returned an error; transaction rolled back');
  }
}

class DryRun<T> extends Error {
  constructor(readonly result: Result<T, never>) {
    super('dry run; transaction rolled back');
  }
}

export async function runCatalogUseCase<T, E>(
  db: Database,
  context: UnitOfWorkContext,
  useCase: (deps: CatalogDeps) => Promise<Result<T, E>>,
  timeLimits?: TimeLimitOptions,
  options: { readonly dryRun?: boolean } = {},
): Promise<Result<T, E>> {
  try {
    return await withUnitOfWork(db, context, async (uow) => {
      const result = await useCase({
        store: createCatalogStore(uow.tx),
        audit: uow.audit,
        now: context.now,
        actorId: actorId(context.actor),
        ...(timeLimits ? { timeLimits } : {}),
      });
      if (!result.ok) throw new RolledBack(result.error);
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, error: error.error as E };
    if (error instanceof DryRun) return error.result as Result<T, E>;
    throw error;
  }
}
