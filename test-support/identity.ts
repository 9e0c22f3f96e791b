/**
 * Accounts and signed-in requests for api tests.
 *
 *   const t = await createTestApp();
 *   await seedTestOrganization(t.db);                       // Huế: 000.00.00.H57, communes 000.00.40.H57 …
 *   const officer = await createOfficer(t.db, { roles: [{ role: 'specialist', agencyCode: '000.00.40.H57' }] });
 *   const headers = await signIn(t, officer);                // { cookie, 'x-csrf-token' }
 *   await t.app.inject({ method: 'POST', url: '/api/v1/…', headers, payload });
 *
 * Officers get a TOTP secret already enrolled; signIn goes through the real password and TOTP routes, computing
 * the code from the app's clock. Test clocks stand still, so signIn first forgets the officer's last used TOTP
 * step (otherwise a second sign-in in the same 30 s would be refused as a replay).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { generate, generateSecret } from 'otplib';
import { fixedClock, type Clock, type OfficerRole } from '@motcua/core';
import { withUnitOfWork, type Database } from '@motcua/db';
import { grantRole, insertUser } from '@motcua/db/identity';
import { findAgencyByCode, seedOrganization } from '@motcua/db/organization';
import { hashPassword } from '../apps/server/src/identity/passwords';
import type { TestApp } from './app';

export const TEST_PASSWORD = 'Mật-khẩu-thử-2026';
/** The clock createTestApp uses unless told otherwise. */
export const DEFAULT_TEST_CLOCK = fixedClock('2026-03-02T02:00:00Z');

export interface TestUser {
  readonly id: string;
  readonly kind: 'officer' | 'citizen';
  readonly email: string;
  readonly password: string;
  /** Officers only. */
  readonly totpSecret: string | null;
  readonly db: Database;
}

let hashed: Promise<string> | undefined;
const passwordHashFor = (password: string) =>
  password === TEST_PASSWORD ? (hashed ??= hashPassword(TEST_PASSWORD)) : hashPassword(password);
const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}@motcua.test`;

/** The Huế organisation of the demo seed (idempotent). */
export async function seedTestOrganization(db: Database): Promise<void> {
  await withUnitOfWork(db, { actor: { kind: 'system', name: 'test' }, now: new Date('2026-01-01T00:00:00Z') }, (uow) =>
    seedOrganization(uow),
  );
}

export interface OfficerSpec {
  readonly roles: readonly { role: OfficerRole; agencyCode: string; includeSubAgencies?: boolean }[];
  readonly email?: string;
  readonly displayName?: string;
  readonly password?: string;
  /** false: the officer has no TOTP yet and must enrol at first sign-in. */
  readonly enrolled?: boolean;
}

/** An officer with role grants on agencies given by code (the agencies must exist: see seedTestOrganization). */
export async function createOfficer(db: Database, spec: OfficerSpec): Promise<TestUser> {
  const password = spec.password ?? TEST_PASSWORD;
  const email = spec.email ?? uniqueEmail('officer');
  const totpSecret = spec.enrolled === false ? null : generateSecret();
  const now = new Date('2026-01-01T00:00:00Z');
  const user = await insertUser(db, {
    kind: 'officer',
    displayName: spec.displayName ?? 'Cán bộ thử nghiệm',
    email,
    passwordHash: await passwordHashFor(password),
    totpSecret,
    totpEnrolledAt: totpSecret ? now : null,
    createdAt: now,
  });
  if (!user) throw new Error(`createOfficer: ${email} exists`);
  for (const r of spec.roles) {
    const agency = await findAgencyByCode(db, r.agencyCode);
    if (!agency) throw new Error(`createOfficer: no agency ${r.agencyCode} (seed the organisation first)`);
    await grantRole(db, { userId: user.id, role: r.role, agencyId: agency.id, includeSubAgencies: r.includeSubAgencies ?? false, grantedAt: now });
  }
  return { id: user.id, kind: 'officer', email, password, totpSecret, db };
}

export async function createCitizen(
  db: Database,
  spec: { email?: string; phone?: string; displayName?: string; password?: string } = {},
): Promise<TestUser> {
  const password = spec.password ?? TEST_PASSWORD;
  const email = spec.email ?? uniqueEmail('citizen');
  const user = await insertUser(db, {
    kind: 'citizen',
    displayName: spec.displayName ?? 'Nguyễn Văn Thử',
    email,
    phone: spec.phone ?? null,
    passwordHash: await passwordHashFor(password),
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  if (!user) throw new Error(`createCitizen: ${email} exists`);
  return { id: user.id, kind: 'citizen', email, password, totpSecret: null, db };
}

export interface SignedInHeaders {
  cookie: string;
  'x-csrf-token': string;
  [header: string]: string;
}

/** Signs the user in through the real routes and returns the headers for app.inject. */
export async function signIn(target: TestApp | FastifyInstance, user: TestUser, options: { clock?: Clock } = {}): Promise<SignedInHeaders> {
  const app = 'app' in target ? target.app : target;
  const clock = options.clock ?? ('clock' in target ? target.clock : DEFAULT_TEST_CLOCK);
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { identifier: user.email, password: user.password } });
  if (login.statusCode !== 200) throw new Error(`signIn: login answered ${login.statusCode} ${login.body}`);
  let cookie = sessionCookie(login.headers['set-cookie']);
  let body = login.json();
  if (body.status === 'totp-required') {
    await user.db.query('UPDATE app_user SET totp_last_step = NULL WHERE id = $1', [user.id]);
    const code = await generate({ secret: user.totpSecret!, epoch: Math.floor(clock.now().getTime() / 1000) });
    const verify = await app.inject({ method: 'POST', url: '/api/v1/auth/totp/verify', headers: { cookie }, payload: { code } });
    if (verify.statusCode !== 200) throw new Error(`signIn: TOTP answered ${verify.statusCode} ${verify.body}`);
    cookie = sessionCookie(verify.headers['set-cookie']);
    body = verify.json();
  }
  if (body.status !== 'signed-in') throw new Error(`signIn: ${body.status} (use enrolled officers)`);
  return { cookie, 'x-csrf-token': body.csrfToken };
}

/** `motcua_session=…` from a Set-Cookie header, ready for a Cookie header. */
export function sessionCookie(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('motcua_session='));
  if (!found) throw new Error('no motcua_session cookie was set');
  return found.split(';')[0]!;
}
