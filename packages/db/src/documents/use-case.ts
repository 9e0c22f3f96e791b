/**
 * Running a document use case in one unit of work: the issued-document store bound to the transaction, the audit
 * log written at commit. The renderer and the content store come from the caller (adapters): the content store's
 * put is idempotent, so bytes written by a run that later rolls back are harmless (the next run answers the same key).
 */
import { randomUUID } from 'node:crypto';
import type { DocumentRenderer, DocumentUseCaseDeps } from '@motcua/core/documents';
import type { ContentStore } from '@motcua/core/storage';
import type { Database } from '../kernel/database';
import { withUnitOfWork, type UnitOfWorkContext } from '../kernel/unit-of-work';
import { createIssuedDocumentStore } from './issued-document.repository';

export interface DocumentServices {
  readonly renderer: DocumentRenderer;
  readonly content: ContentStore;
  readonly verificationUrl: (documentId: string) => string;
  readonly place: string;
  readonly deskSymbol: string;
}

/** A refused use case (a Result that is not ok) is thrown inside the transaction to roll back what it wrote. */
class Refusal extends Error {
  constructor(readonly value: unknown) {
    super('refused');
  }
}

const isRefusal = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;

export async function runDocumentUseCase<T>(
  db: Database,
  context: UnitOfWorkContext,
  services: DocumentServices,
  fn: (deps: DocumentUseCaseDeps) => Promise<T>,
): Promise<T> {
  try {
    return await withUnitOfWork(db, context, async (uow) => {
      const value = await fn({
      store: createIssuedDocumentStore(uow.tx),
      renderer: services.renderer,
      content: services.content,
      audit: uow.audit,
      outbox: uow.outbox,
      ids: { newId: () => randomUUID() },
      now: context.now,
      verificationUrl: services.verificationUrl,
      place: services.place,
      deskSymbol: services.deskSymbol,
      });
      if (isRefusal(value)) throw new Refusal(value);
      return value;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.value as T;
    throw error;
  }
}
