/** Errors the portal's routes raise, as the shared codes (NOT_FOUND, STALE_VERSION, CONFLICT). */
import { DomainErrorException, domainError } from '@motcua/core';

export const notFound = (entity: string) => new DomainErrorException(domainError('NOT_FOUND', `No ${entity} with this id`, { entity }));

export const staleVersion = (currentVersion: number) =>
  new DomainErrorException(
    domainError('STALE_VERSION', 'Someone else saved this record since you read it (another device or tab); reload it', {
      currentVersion,
    }),
  );
