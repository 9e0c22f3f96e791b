/**
 * Who is calling: every request carries `request.actor` (anonymous unless a session says otherwise — the session
 * hook in ./session.ts sets it). Route handlers state what they need with these guards; the repositories
 * then scope every query to that actor.
 */
import type { FastifyRequest } from 'fastify';
import {
  DomainErrorException,
  domainError,
  type Actor,
  type CitizenActor,
  type OfficerActor,
  type OfficerRole,
} from '@motcua/core';
import type { Clock } from '@motcua/core';
import type { UnitOfWorkContext } from '@motcua/db';
import './session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Anonymous callers: 401, worded "session expired" when they sent a cookie of a dead session. */
function unauthenticated(request: FastifyRequest, message: string): DomainErrorException {
  return new DomainErrorException(
    request.sessionExpired
      ? domainError('AUTH_SESSION_EXPIRED', 'The session expired or was revoked')
      : domainError('UNAUTHENTICATED', message),
  );
}

export function requireOfficer(request: FastifyRequest, roles?: readonly OfficerRole[]): OfficerActor {
  const actor = request.actor;
  if (actor.kind !== 'officer') {
    if (actor.kind === 'anonymous') throw unauthenticated(request, 'An officer session is required');
    throw new DomainErrorException(domainError('FORBIDDEN', 'Only officers may do this'));
  }
  if (roles && !actor.grants.some((g) => roles.includes(g.role))) {
    throw new DomainErrorException(domainError('FORBIDDEN', `One of the roles ${roles.join(', ')} is required`));
  }
  return actor;
}

export function requireCitizen(request: FastifyRequest): CitizenActor {
  const actor = request.actor;
  if (actor.kind !== 'citizen') {
    if (actor.kind === 'anonymous') throw unauthenticated(request, 'A citizen session is required');
    throw new DomainErrorException(domainError('FORBIDDEN', 'Only applicants may do this'));
  }
  return actor;
}

/** The unit-of-work context of a request: its actor, its request id, the injected clock's now. */
export function contextOf(request: FastifyRequest, clock: Clock): UnitOfWorkContext {
  return { actor: request.actor, requestId: String(request.id), now: clock.now() };
}
