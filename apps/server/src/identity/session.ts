/**
 * Server-side sessions. The cookie `motcua_session` holds 256 random bits; the database keeps only their SHA-256.
 * The onRequest hook turns a live session into `request.actor` (officers with their grants and visible
 * agencies, citizens with their id), slides the idle expiry, and enforces CSRF on writes: a signed-in session's
 * POST/PUT/PATCH/DELETE must carry `x-csrf-token` equal to the session's token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, OfficerActor } from '@motcua/core';
import { extendedIdleExpiry, isSessionLive, newSessionTimes, type SessionStage } from '@motcua/core/identity';
import type { Queryable } from '@motcua/db';
import {
  findSession,
  findUserById,
  insertSession,
  listActiveGrants,
  touchSession,
  type GrantWithAgency,
  type Session,
  type User,
} from '@motcua/db/identity';
import { expandScope } from '@motcua/db/organization';
import type { SessionUser } from '@motcua/contracts/identity';
import type { AuthConfig } from '../config';
import type { AppDeps } from '../deps';
import { sendProblem } from '../http/error-handler';

export const SESSION_COOKIE = 'motcua_session';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestSession {
  readonly idHash: string;
  readonly userId: string;
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly pendingTotpSecret: string | null;
  /** The signed-in user as the web app sees it (active sessions only). */
  readonly user: SessionUser | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's live session, if any (active or a half-session awaiting the TOTP code). */
    session: RequestSession | null;
    /** The request carried a session cookie whose session expired or was revoked. */
    sessionExpired: boolean;
  }
}

export const hashSessionId = (token: string): string => createHash('sha256').update(token).digest('hex');
export const randomToken = (): string => randomBytes(32).toString('base64url');

export function policyOf(auth: AuthConfig) {
  return { idleSeconds: auth.sessionIdleSeconds, absoluteSeconds: auth.sessionAbsoluteSeconds, pendingSeconds: auth.sessionPendingSeconds };
}

/** Creates a session and returns its cookie value (to set) and CSRF token. */
export async function createSession(
  q: Queryable,
  auth: AuthConfig,
  input: { userId: string; stage: SessionStage; now: Date; pendingTotpSecret?: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const times = newSessionTimes(input.now, input.stage, policyOf(auth));
  await insertSession(q, {
    idHash: hashSessionId(token),
    userId: input.userId,
    stage: input.stage,
    csrfToken,
    pendingTotpSecret: input.pendingTotpSecret ?? null,
    createdAt: input.now,
    ...times,
  });
  return { token, csrfToken, expiresAt: times.absoluteExpiresAt };
}

export function setSessionCookie(reply: FastifyReply, auth: AuthConfig, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: auth.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, auth: AuthConfig): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: auth.secureCookies, path: '/' });
}

export function toSessionUser(user: User, grants: readonly GrantWithAgency[]): SessionUser {
  return {
    id: user.id,
    kind: user.kind,
    displayName: user.displayName,
    roles: grants.map((g) => ({ role: g.role, agencyId: g.agencyId, agencyCode: g.agencyCode, agencyName: g.agencyName })),
  };
}

/** The actor of a signed-in user: officers get their grants and every agency those reach (with predecessors). */
export async function actorOf(q: Queryable, user: User, grants: readonly GrantWithAgency[]): Promise<Actor> {
  if (user.kind === 'citizen') return { kind: 'citizen', userId: user.id, displayName: user.displayName };
  const officer: OfficerActor = {
    kind: 'officer',
    userId: user.id,
    displayName: user.displayName,
    grants: grants.map((g) => ({ role: g.role, agencyId: g.agencyId, includeSubAgencies: g.includeSubAgencies })),
    visibleAgencyIds: await expandScope(q, grants),
  };
  return officer;
}

async function loadSession(deps: AppDeps, request: FastifyRequest, token: string): Promise<void> {
  const now = deps.clock.now();
  const session = await findSession(deps.db, hashSessionId(token));
  if (!session || !isSessionLive(session, now)) {
    request.sessionExpired = true;
    return;
  }
  const user = await findUserById(deps.db, session.userId);
  if (!user?.isActive) {
    request.sessionExpired = true;
    return;
  }
  let sessionUser: SessionUser | null = null;
  if (session.stage === 'active') {
    const grants = user.kind === 'officer' ? await listActiveGrants(deps.db, user.id) : [];
    request.actor = await actorOf(deps.db, user, grants);
    sessionUser = toSessionUser(user, grants);
    await slideExpiry(deps, session, now);
  }
  request.session = {
    idHash: session.idHash,
    userId: session.userId,
    stage: session.stage,
    csrfToken: session.csrfToken,
    pendingTotpSecret: session.pendingTotpSecret,
    user: sessionUser,
  };
}

async function slideExpiry(deps: AppDeps, session: Session, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < 60_000) return;
  await touchSession(deps.db, session.idHash, now, extendedIdleExpiry(session, now, policyOf(deps.config.auth)));
}

/** Replaces the anonymous default of app.ts: must be installed after @fastify/cookie. */
export function installSessionHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = { kind: 'anonymous' };
    request.session = null;
    request.sessionExpired = false;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    await loadSession(deps, request, token);
    if (request.sessionExpired) clearSessionCookie(reply, deps.config.auth);
    const session = request.session as RequestSession | null;
    if (session?.stage === 'active' && WRITE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
        return sendProblem(request, reply, 'CSRF_REJECTED');
      }
    }
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return x.equals(y);
}
