/**
 * Running a dossier use case in one unit of work. A use case answers a Result; a refusal must still undo whatever
 * the use case wrote before refusing (a consumed code number, a ledger row), so a refusal is thrown inside the
 * transaction to roll it back and turned into the Result again outside. STALE_VERSION from the save is a refusal too.
 */
import { randomUUID } from 'node:crypto';
import { DomainErrorException, domainError, err, type DomainError, type Result } from '@motcua/core/shared';
import type { DossierPolicy, DossierUseCaseDeps } from '@motcua/core/dossiers';
import type { Database } from '../kernel/database';
import { withUnitOfWork, type UnitOfWorkContext } from '../kernel/unit-of-work';
import { createDossierStore } from './dossier-store';
import { withMonitoring } from '../monitoring/dossier-hook';
import type { LegalClockCache } from './legal-clocks';
import { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyRequest, type StoredResponse } from './idempotency';

class Refusal extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export const randomIds = { newId: () => randomUUID() };

export interface DossierUseCaseServices {
  readonly clocks: LegalClockCache;
  readonly policy: DossierPolicy;
}

export type Answer<T> = { readonly kind: 'fresh'; readonly value: T } | { readonly kind: 'replay'; readonly response: StoredResponse };

export async function runDossierUseCase<T, E extends DomainError>(
  db: Database,
  context: UnitOfWorkContext,
  services: DossierUseCaseServices,
  fn: (deps: DossierUseCaseDeps) => Promise<Result<T, E>>,
): Promise<Result<T, E | DomainError>> {
  const answer = await runIdempotentDossierUseCase(db, context, services, fn, null);
  if (!answer.ok) return answer;
  if (answer.value.kind !== 'fresh') throw new Error('A use case without an idempotency key cannot be a replay');
  return { ok: true, value: answer.value.value };
}

/**
 * Like runDossierUseCase, with an Idempotency-Key: the key is claimed in the same transaction; a repeat answers
 * the stored response (`replay`), a different request under the same key is refused (IDEMPOTENCY_KEY_REUSED).
 */
export async function runIdempotentDossierUseCase<T, E extends DomainError>(
  db: Database,
  context: UnitOfWorkContext,
  services: DossierUseCaseServices,
  fn: (deps: DossierUseCaseDeps) => Promise<Result<T, E>>,
  idempotency: (IdempotencyRequest & { readonly respond: (value: T) => StoredResponse }) | null,
): Promise<Result<Answer<T>, E | DomainError>> {
  try {
    return await withUnitOfWork(db, context, async (uow): Promise<Result<Answer<T>, E>> => {
      if (idempotency) {
        const claim = await claimIdempotencyKey(uow.tx, idempotency, context.now);
        if (claim.kind === 'mismatch') {
          throw new Refusal(domainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request'));
        }
        if (claim.kind === 'replay') return { ok: true, value: { kind: 'replay', response: claim.response } };
      }
      const clocks = services.clocks.through(uow.tx);
      const store = createDossierStore(uow.tx, { actor: context.actor, now: context.now, statusMapping: services.policy.statusMapping });
      const deps: DossierUseCaseDeps = {
        // The monitoring rollups follow every saved transition in this same transaction.
        store: withMonitoring(store, uow.tx, clocks, context.now),
        clocks,
        audit: uow.audit,
        outbox: uow.outbox,
        ids: randomIds,
        policy: services.policy,
        actor: context.actor,
        now: context.now,
      };
      const result = await fn(deps);
      if (!result.ok) throw new Refusal(result.error);
      if (idempotency) await completeIdempotencyKey(uow.tx, idempotency, idempotency.respond(result.value));
      return { ok: true, value: { kind: 'fresh', value: result.value } };
    });
  } catch (error) {
    if (error instanceof Refusal) return err(error.error);
    if (error instanceof DomainErrorException) return err(error.error);
    throw error;
  }
}
