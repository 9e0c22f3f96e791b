/**
 * Sign-in use cases: password step (with lockout and a uniform answer for unknown accounts), the officer's TOTP
 * step or first enrolment, registration of citizens, sign-out. Each runs in one unit of work and audits its
 * outcome — failures too, which is why failures are returned as values (a thrown error would roll back the audit
 * row). Audit rows never hold the attempted password nor, for unknown accounts, the identifier typed.
 */
import { createHash } from 'node:crypto';
import { domainError, err, ok, type DomainError, type Result } from '@motcua/core';
import {
  accountLockoutPolicy,
  addressLockoutPolicy,
  lockRemainingSeconds,
  parseIdentifier,
  registerFailure,
  type LockoutPolicy,
} from '@motcua/core/identity';
import { withUnitOfWork, type Queryable, type UnitOfWork, type UnitOfWorkContext } from '@motcua/db';
import {
  clearThrottle,
  consumeTotpStep,
  findOidcIdentityUser,
  findThrottles,
  findUserById,
  findUserByIdentifier,
  insertUser,
  linkOidcIdentity,
  listActiveGrants,
  revokeSession,
  saveThrottle,
  setTotpSecret,
  type User,
} from '@motcua/db/identity';
import type { SessionUser } from '@motcua/contracts/identity';
import type { AppDeps } from '../deps';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, toSessionUser, type RequestSession } from './session';
import { newTotpSecret, totpEnrolment, verifyTotpCode } from './totp';

export interface NewSessionCookie {
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export type LoginOutcome =
  | { status: 'signed-in'; user: SessionUser; cookie: NewSessionCookie }
  | { status: 'totp-required'; cookie: NewSessionCookie }
  | { status: 'totp-enrolment-required'; enrolment: { secret: string; otpauthUrl: string; qrSvg: string }; cookie: NewSessionCookie };

type AuthError = DomainError<'AUTH_INVALID_CREDENTIALS' | 'AUTH_LOCKED' | 'AUTH_INVALID_TOTP' | 'AUTH_NO_PENDING_SIGN_IN'>;

const accountKey = (user: User | null, identifier: string) =>
  user ? `account:${user.id}` : `account:?${createHash('sha256').update(identifier).digest('hex').slice(0, 32)}`;
const addressKey = (ip: string) => `ip:${ip}`;

async function lockedFor(q: Queryable, keys: readonly string[], now: Date): Promise<number> {
  const states = await findThrottles(q, keys);
  return Math.max(0, ...keys.map((k) => lockRemainingSeconds(states.get(k) ?? null, now)));
}

async function countFailure(q: Queryable, key: string, now: Date, policy: LockoutPolicy): Promise<void> {
  const states = await findThrottles(q, [key]);
  await saveThrottle(q, key, registerFailure(states.get(key) ?? null, now, policy));
}

const locked = (seconds: number): AuthError =>
  domainError('AUTH_LOCKED', 'Too many failed attempts', { retryAfterSeconds: seconds });

export async function signInWithPassword(
  deps: AppDeps,
  context: UnitOfWorkContext,
  input: { identifier: string; password: string; ip: string },
): Promise<Result<LoginOutcome, AuthError>> {
  const identifier = parseIdentifier(input.identifier);
  const user = identifier ? await findUserByIdentifier(deps.db, identifier) : null;
  const keys = [accountKey(user, identifier?.value ?? input.identifier.trim().toLowerCase()), addressKey(input.ip)];
  const now = context.now;
  const wait = await lockedFor(deps.db, keys, now);
  if (wait > 0) {
    await withUnitOfWork(deps.db, context, async (uow) => auditLoginFailure(uow, user, 'locked'));
    return err(locked(wait));
  }
  const usable = user !== null && user.isActive && user.passwordHash !== null;
  const passwordOk = await verifyPassword(usable ? user.passwordHash : null, input.password);
  if (!usable || !passwordOk) {
    await withUnitOfWork(deps.db, context, async (uow) => {
      await countFailure(uow.tx, keys[0]!, now, accountLockoutPolicy);
      await countFailure(uow.tx, keys[1]!, now, addressLockoutPolicy);
      auditLoginFailure(uow, user, user ? 'wrong-password' : 'unknown-account');
    });
    return err(domainError('AUTH_INVALID_CREDENTIALS', 'Wrong identifier or password'));
  }
  return ok(
    await withUnitOfWork(deps.db, context, async (uow): Promise<LoginOutcome> => {
      await clearThrottle(uow.tx, keys[0]!);
      if (user.kind === 'citizen') return signedIn(deps, uow, user, 'password');
      if (user.totpSecret && user.totpEnrolledAt) {
        const cookie = await createSession(uow.tx, deps.config.auth, { userId: user.id, stage: 'totp-pending', now });
        uow.audit.record({ action: 'identity.login.password-accepted', targetType: 'user', targetId: user.id });
        return { status: 'totp-required', cookie };
      }
      const secret = newTotpSecret();
      const cookie = await createSession(uow.tx, deps.config.auth, {
        userId: user.id,
        stage: 'totp-enrolment',
        now,
        pendingTotpSecret: secret,
      });
      uow.audit.record({ action: 'identity.totp.enrolment-offered', targetType: 'user', targetId: user.id });
      const enrolment = await totpEnrolment(deps.config.auth.totpIssuer, user.email ?? user.displayName, secret);
      return { status: 'totp-enrolment-required', enrolment, cookie };
    }),
  );
}

function auditLoginFailure(uow: UnitOfWork, user: User | null, reason: 'locked' | 'wrong-password' | 'unknown-account') {
  uow.audit.record({
    action: 'identity.login.fail',
    targetType: 'user',
    targetId: user?.id ?? 'unknown',
    summary: { reason },
  });
}

async function signedIn(
  deps: AppDeps,
  uow: UnitOfWork,
  user: User,
  method: string,
): Promise<{ status: 'signed-in'; user: SessionUser; cookie: NewSessionCookie }> {
  const cookie = await createSession(uow.tx, deps.config.auth, { userId: user.id, stage: 'active', now: uow.context.now });
  const grants = user.kind === 'officer' ? await listActiveGrants(uow.tx, user.id) : [];
  uow.audit.record({ action: 'identity.login.success', targetType: 'user', targetId: user.id, summary: { method } });
  return { status: 'signed-in', user: toSessionUser(user, grants), cookie };
}

/**
 * The officer's second step: a TOTP code for the half-session (stage 'totp-pending'), or — on first sign-in — the
 * first code from the newly scanned secret (stage 'totp-enrolment'), which enrols it. The half-session is
 * replaced by a new session id (no fixation).
 */
export async function completeTotp(
  deps: AppDeps,
  context: UnitOfWorkContext,
  session: RequestSession | null,
  code: string,
  mode: 'verify' | 'enrol',
): Promise<Result<{ status: 'signed-in'; user: SessionUser; cookie: NewSessionCookie }, AuthError>> {
  const expected = mode === 'verify' ? 'totp-pending' : 'totp-enrolment';
  if (!session || session.stage !== expected) {
    return err(domainError('AUTH_NO_PENDING_SIGN_IN', `No sign-in waiting for a TOTP ${mode}`));
  }
  const user = await findUserById(deps.db, session.userId);
  if (!user) return err(domainError('AUTH_NO_PENDING_SIGN_IN', 'The account is gone'));
  const key = `account:${user.id}`;
  const now = context.now;
  const wait = await lockedFor(deps.db, [key], now);
  if (wait > 0) return err(locked(wait));
  const secret = mode === 'verify' ? user.totpSecret : session.pendingTotpSecret;
  const step = secret ? await verifyTotpCode(secret, code, now, mode === 'verify' ? user.totpLastStep : null) : null;
  return withUnitOfWork(deps.db, context, async (uow) => {
    if (step === null || (mode === 'verify' && !(await consumeTotpStep(uow.tx, user.id, step)))) {
      await countFailure(uow.tx, key, now, accountLockoutPolicy);
      uow.audit.record({ action: 'identity.totp.fail', targetType: 'user', targetId: user.id, summary: { mode } });
      return err(domainError('AUTH_INVALID_TOTP', 'Wrong or reused one-time code'));
    }
    if (mode === 'enrol') {
      await setTotpSecret(uow.tx, user.id, secret, now);
      await consumeTotpStep(uow.tx, user.id, step);
      uow.audit.record({ action: 'identity.totp.enrol', targetType: 'user', targetId: user.id });
    }
    await clearThrottle(uow.tx, key);
    await revokeSession(uow.tx, session.idHash, now, 'promoted');
    return ok(await signedIn(deps, uow, user, 'password+totp'));
  });
}

export async function registerCitizen(
  deps: AppDeps,
  context: UnitOfWorkContext,
  input: { fullName: string; email: string | null; phone: string | null; password: string },
): Promise<Result<{ status: 'signed-in'; user: SessionUser; cookie: NewSessionCookie }, DomainError<'AUTH_ALREADY_REGISTERED'>>> {
  const passwordHash = await hashPassword(input.password);
  return withUnitOfWork(deps.db, context, async (uow) => {
    const user = await insertUser(uow.tx, {
      kind: 'citizen',
      displayName: input.fullName,
      email: input.email,
      phone: input.phone,
      passwordHash,
      createdAt: context.now,
    });
    if (!user) return err(domainError('AUTH_ALREADY_REGISTERED', 'The e-mail address or phone number is registered'));
    uow.audit.record({ action: 'identity.user.register', targetType: 'user', targetId: user.id, summary: { kind: 'citizen' } });
    return ok(await signedIn(deps, uow, user, 'registration'));
  });
}

export async function signOut(deps: AppDeps, context: UnitOfWorkContext, session: RequestSession | null): Promise<void> {
  if (!session) return;
  await withUnitOfWork(deps.db, context, async (uow) => {
    if (await revokeSession(uow.tx, session.idHash, context.now, 'logout')) {
      uow.audit.record({ action: 'identity.logout', targetType: 'user', targetId: session.userId });
    }
  });
}

/**
 * A citizen signed in by the OpenID Connect provider: the identity (issuer, sub) is linked to one account, created
 * at first sign-in. A verified e-mail address is kept on the new account unless another account already uses it
 * (never linked automatically: that would let whoever controls the provider take over the account).
 */
export async function signInWithOidc(
  deps: AppDeps,
  context: UnitOfWorkContext,
  claims: { issuer: string; subject: string; name: string | null; email: string | null },
): Promise<NewSessionCookie> {
  return withUnitOfWork(deps.db, context, async (uow) => {
    const linked = await findOidcIdentityUser(uow.tx, claims.issuer, claims.subject);
    let user = linked ? await findUserById(uow.tx, linked) : null;
    if (!user) {
      const base = { kind: 'citizen' as const, displayName: claims.name ?? 'Người dùng', createdAt: context.now };
      user = (claims.email ? await insertUser(uow.tx, { ...base, email: claims.email }) : null) ?? (await insertUser(uow.tx, base))!;
      await linkOidcIdentity(uow.tx, claims.issuer, claims.subject, user.id, context.now);
      uow.audit.record({
        action: 'identity.user.register',
        targetType: 'user',
        targetId: user.id,
        summary: { kind: 'citizen', method: 'oidc', issuer: claims.issuer },
      });
    }
    return (await signedIn(deps, uow, user, 'oidc')).cookie;
  });
}
