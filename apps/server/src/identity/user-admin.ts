/**
 * Account administration outside HTTP (the admin CLI, the demo seed): create officers, reset their second
 * factor, read a demo officer's current TOTP code. Every write is audited as the acting system.
 */
import { domainError, err, ok, officerRoles, type Clock, type DomainError, type OfficerRole, type Result } from '@motcua/core';
import { checkPassword, normalizeEmail, passwordMessages } from '@motcua/core/identity';
import { withUnitOfWork, type Database, type UnitOfWork } from '@motcua/db';
import { findUserByIdentifier, grantRole, insertUser, revokeUserSessions, setTotpSecret, type User } from '@motcua/db/identity';
import { findAgencyByCode } from '@motcua/db/organization';
import { hashPassword } from './passwords';
import { currentTotpCode } from './totp';

export interface AdminDeps {
  readonly db: Database;
  readonly clock: Clock;
}

type AdminError = DomainError<'VALIDATION_FAILED' | 'AGENCY_NOT_FOUND' | 'AUTH_ALREADY_REGISTERED' | 'USER_NOT_FOUND' | 'FORBIDDEN'>;

export interface NewOfficerAccount {
  readonly email: string;
  readonly password: string;
  readonly role: string;
  readonly agencyCode: string;
  readonly displayName?: string;
  readonly includeSubAgencies?: boolean;
  /** Demo accounts: published password and TOTP secret. */
  readonly isDemo?: boolean;
  readonly totpSecret?: string;
}

export async function createOfficerAccount(
  deps: AdminDeps,
  actorName: string,
  input: NewOfficerAccount,
): Promise<Result<{ userId: string }, AdminError>> {
  const email = normalizeEmail(input.email);
  if (!email) return err(domainError('VALIDATION_FAILED', `Not an e-mail address: ${input.email}`));
  if (!(officerRoles as readonly string[]).includes(input.role)) {
    return err(domainError('VALIDATION_FAILED', `Unknown role ${input.role}; one of: ${officerRoles.join(', ')}`));
  }
  const problem = checkPassword(input.password, [email]);
  if (problem) return err(domainError('VALIDATION_FAILED', passwordMessages[problem].split(' | ')[1]!));
  const agency = await findAgencyByCode(deps.db, input.agencyCode);
  if (!agency) return err(domainError('AGENCY_NOT_FOUND', `No agency with code ${input.agencyCode}`));
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return withUnitOfWork(deps.db, { actor: { kind: 'system', name: actorName }, now }, async (uow) => {
    const user = await registerOfficer(uow, {
      email,
      displayName: input.displayName ?? email,
      passwordHash,
      role: input.role as OfficerRole,
      agency,
      includeSubAgencies: input.includeSubAgencies ?? false,
      isDemo: input.isDemo ?? false,
      totpSecret: input.totpSecret ?? null,
    });
    if (!user) return err(domainError('AUTH_ALREADY_REGISTERED', `${email} already has an account`));
    return ok({ userId: user.id });
  });
}

/**
 * Creates an officer account with its first role grant inside the caller's unit of work, audited (user created,
 * role granted). Null when the e-mail address already has an account. Used by the CLI, the demo seed and
 * POST /officers.
 */
export async function registerOfficer(
  uow: UnitOfWork,
  input: {
    email: string;
    displayName: string;
    passwordHash: string;
    role: OfficerRole;
    agency: { id: string; code: string };
    includeSubAgencies: boolean;
    isDemo?: boolean;
    totpSecret?: string | null;
  },
): Promise<User | null> {
  const now = uow.context.now;
  const user = await insertUser(uow.tx, {
    kind: 'officer',
    displayName: input.displayName,
    email: input.email,
    passwordHash: input.passwordHash,
    totpSecret: input.totpSecret ?? null,
    totpEnrolledAt: input.totpSecret ? now : null,
    isDemo: input.isDemo ?? false,
    createdAt: now,
  });
  if (!user) return null;
  const { role, agency, includeSubAgencies } = input;
  const grantId = await grantRole(uow.tx, { userId: user.id, role, agencyId: agency.id, includeSubAgencies, grantedAt: now });
  uow.audit.record({
    action: 'identity.user.create',
    targetType: 'user',
    targetId: user.id,
    agencyId: agency.id,
    summary: { kind: 'officer', isDemo: user.isDemo },
  });
  uow.audit.record({
    action: 'identity.role.grant',
    targetType: 'role_grant',
    targetId: grantId!,
    agencyId: agency.id,
    summary: { userId: user.id, role, agencyCode: agency.code, includeSubAgencies },
  });
  return user;
}

/** Forgets an officer's TOTP secret (they enrol again at next sign-in) and signs them out everywhere. */
export async function resetTwoFactor(deps: AdminDeps, actorName: string, rawEmail: string): Promise<Result<{ revokedSessions: number }, AdminError>> {
  const email = normalizeEmail(rawEmail);
  const user = email ? await findUserByIdentifier(deps.db, { kind: 'email', value: email }) : null;
  if (!user || user.kind !== 'officer') return err(domainError('USER_NOT_FOUND', `No officer ${rawEmail}`));
  const now = deps.clock.now();
  return withUnitOfWork(deps.db, { actor: { kind: 'system', name: actorName }, now }, async (uow) => {
    await setTotpSecret(uow.tx, user.id, null, null);
    const revokedSessions = await revokeUserSessions(uow.tx, user.id, now, '2fa-reset');
    uow.audit.record({ action: 'identity.totp.reset', targetType: 'user', targetId: user.id, summary: { revokedSessions } });
    return ok({ revokedSessions });
  });
}

/** The current TOTP code of a demo officer (whose secret is published anyway); refused for real accounts. */
export async function demoTotpCode(deps: AdminDeps, rawEmail: string): Promise<Result<string, AdminError>> {
  const email = normalizeEmail(rawEmail);
  const user = email ? await findUserByIdentifier(deps.db, { kind: 'email', value: email }) : null;
  if (!user || user.kind !== 'officer') return err(domainError('USER_NOT_FOUND', `No officer ${rawEmail}`));
  if (!user.isDemo) return err(domainError('FORBIDDEN', `${rawEmail} is not a demo account: its codes are never shown`));
  if (!user.totpSecret) return err(domainError('USER_NOT_FOUND', `${rawEmail} has no TOTP secret (enrol at sign-in)`));
  return ok(await currentTotpCode(user.totpSecret, deps.clock.now()));
}
