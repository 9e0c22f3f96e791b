import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork, scopeOf, type RecordScope } from '@motcua/db';
import {
  consumeTotpStep,
  findCitizenInScope,
  findOfficerInScope,
  findSession,
  findUserByIdentifier,
  grantRole,
  insertSession,
  insertUser,
  listActiveGrants,
  listOfficersInScope,
  revokeGrant,
  revokeUserSessions,
  touchSession,
} from '@motcua/db/identity';
import { expandScope, findAgencyByCode, seedOrganization } from '@motcua/db/organization';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

const now = new Date('2026-03-02T02:00:00Z');
const context = { actor: { kind: 'system', name: 'test' } as const, now };

describe.each(testBackends())('identity repositories on %s', (backend) => {
  let db: TestDatabase;
  let phuXuan: string;
  let kimLong: string;
  const officerIds: Record<string, string> = {};
  const citizenIds: string[] = [];

  const officerScope = async (agencyId: string, includeSubAgencies = false): Promise<RecordScope> =>
    scopeOf({
      kind: 'officer',
      userId: 'x',
      displayName: 'x',
      grants: [],
      visibleAgencyIds: await expandScope(db, [{ agencyId, includeSubAgencies }]),
    });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await withUnitOfWork(db, context, (uow) => seedOrganization(uow));
    phuXuan = (await findAgencyByCode(db, '000.00.40.H57'))!.id;
    kimLong = (await findAgencyByCode(db, '000.00.41.H57'))!.id;
    for (const [name, agencyId] of [['px', phuXuan], ['kl', kimLong]] as const) {
      const user = await insertUser(db, { kind: 'officer', displayName: name, email: `${name}@motcua.test`, createdAt: now });
      await grantRole(db, { userId: user!.id, role: 'specialist', agencyId, includeSubAgencies: false, grantedAt: now });
      officerIds[name] = user!.id;
    }
    for (const email of ['a@dan.test', 'b@dan.test']) {
      citizenIds.push((await insertUser(db, { kind: 'citizen', displayName: email, email, createdAt: now }))!.id);
    }
  });
  afterAll(() => db.dispose());

  it('refuses a second account with the same e-mail and finds accounts by normalised identifier', async () => {
    expect(await insertUser(db, { kind: 'citizen', displayName: 'dup', email: 'a@dan.test', createdAt: now })).toBeNull();
    expect((await findUserByIdentifier(db, { kind: 'email', value: 'a@dan.test' }))!.id).toBe(citizenIds[0]);
    expect(await findUserByIdentifier(db, { kind: 'phone', value: '0912345678' })).toBeNull();
  });

  it('lets an officer see officers of their own commune only; others answer like absent', async () => {
    const scope = await officerScope(phuXuan);
    expect((await findOfficerInScope(db, officerIds.px!, scope))!.displayName).toBe('px');
    expect(await findOfficerInScope(db, officerIds.kl!, scope)).toBeNull();
    expect((await listOfficersInScope(db, scope)).map((u) => u.displayName)).toEqual(['px']);
    const city = await officerScope((await findAgencyByCode(db, '000.00.00.H57'))!.id, true);
    expect((await listOfficersInScope(db, city)).map((u) => u.displayName)).toEqual(['kl', 'px']);
  });

  it('lets a citizen see only their own account', async () => {
    const own = scopeOf({ kind: 'citizen', userId: citizenIds[0]!, displayName: 'a' });
    expect((await findCitizenInScope(db, citizenIds[0]!, own))!.email).toBe('a@dan.test');
    expect(await findCitizenInScope(db, citizenIds[1]!, own)).toBeNull();
    expect(await findCitizenInScope(db, citizenIds[1]!, await officerScope(phuXuan))).toBeNull();
  });

  it('grants and revokes roles, once each', async () => {
    const id = officerIds.px!;
    const grant = await grantRole(db, { userId: id, role: 'monitor', agencyId: kimLong, includeSubAgencies: true, grantedAt: now });
    expect(grant).not.toBeNull();
    expect(await grantRole(db, { userId: id, role: 'monitor', agencyId: kimLong, includeSubAgencies: true, grantedAt: now })).toBeNull();
    expect((await listActiveGrants(db, id)).map((g) => [g.role, g.agencyCode])).toEqual([
      ['specialist', '000.00.40.H57'],
      ['monitor', '000.00.41.H57'],
    ]);
    expect((await revokeGrant(db, id, grant!, now))!.role).toBe('monitor');
    expect(await revokeGrant(db, id, grant!, now)).toBeNull();
    expect(await listActiveGrants(db, id)).toHaveLength(1);
  });

  it('accepts each TOTP time step once', async () => {
    expect(await consumeTotpStep(db, officerIds.px!, 100)).toBe(true);
    expect(await consumeTotpStep(db, officerIds.px!, 100)).toBe(false);
    expect(await consumeTotpStep(db, officerIds.px!, 99)).toBe(false);
    expect(await consumeTotpStep(db, officerIds.px!, 101)).toBe(true);
  });

  it('stores sessions by hash, touches at most once a minute, revokes all of a user', async () => {
    const base = {
      userId: citizenIds[0]!,
      stage: 'active' as const,
      csrfToken: 'c',
      pendingTotpSecret: null,
      createdAt: now,
      idleExpiresAt: new Date(now.getTime() + 1800_000),
      absoluteExpiresAt: new Date(now.getTime() + 43_200_000),
    };
    await insertSession(db, { ...base, idHash: 'h1' });
    await insertSession(db, { ...base, idHash: 'h2' });
    await touchSession(db, 'h1', new Date(now.getTime() + 30_000), new Date(now.getTime() + 1830_000));
    expect((await findSession(db, 'h1'))!.idleExpiresAt).toEqual(base.idleExpiresAt);
    await touchSession(db, 'h1', new Date(now.getTime() + 61_000), new Date(now.getTime() + 1861_000));
    expect((await findSession(db, 'h1'))!.idleExpiresAt).toEqual(new Date(now.getTime() + 1861_000));
    expect(await revokeUserSessions(db, citizenIds[0]!, now, 'test')).toBe(2);
    expect((await findSession(db, 'h2'))!.revokedAt).toEqual(now);
  });
});
