import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@motcua/db';
import { acquireLease, claimDueMessages, findOutboxMessage, markMessageDone, markMessageFailed } from '@motcua/db/outbox';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

describe.each(testBackends())('outbox on %s', (backend) => {
  let db: TestDatabase;
  const t0 = new Date('2026-03-02T02:00:00Z');
  const context = { actor: { kind: 'system', name: 'test' } as const, now: t0 };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(() => db.dispose());

  it('enqueues in the transaction and never twice for the same dedupe key', async () => {
    for (let i = 0; i < 2; i++) {
      await withUnitOfWork(db, context, async (uow) => {
        uow.outbox.enqueue({ topic: 'mail', payload: { n: 1 }, dedupeKey: 'dossier-1:received' });
      });
    }
    await expect(
      withUnitOfWork(db, context, async (uow) => {
        uow.outbox.enqueue({ topic: 'mail', payload: { n: 2 }, dedupeKey: 'rolled-back' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const rows = await db.query<{ dedupe_key: string }>('SELECT dedupe_key FROM outbox_message ORDER BY created_at');
    expect(rows.map((r) => r.dedupe_key)).toEqual(['dossier-1:received']);
  });

  it('claims due messages once, and again only after the lock expires', async () => {
    const first = await claimDueMessages(db, { now: t0, limit: 10, lockSeconds: 60 });
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ topic: 'mail', attempts: 1, payload: { n: 1 } });
    expect(await claimDueMessages(db, { now: t0, limit: 10, lockSeconds: 60 })).toHaveLength(0);
    const later = new Date(t0.getTime() + 61_000);
    const reclaimed = await claimDueMessages(db, { now: later, limit: 10, lockSeconds: 60 });
    expect(reclaimed.map((m) => m.attempts)).toEqual([2]);

    await markMessageFailed(db, reclaimed[0]!.id, 'smtp 451', new Date(later.getTime() + 30_000));
    expect(await claimDueMessages(db, { now: later, limit: 10, lockSeconds: 60 })).toHaveLength(0);
    const retried = await claimDueMessages(db, { now: new Date(later.getTime() + 30_000), limit: 10, lockSeconds: 60 });
    expect(retried).toHaveLength(1);
    await markMessageDone(db, retried[0]!.id, later);
    expect(await findOutboxMessage(db, retried[0]!.id)).toMatchObject({ status: 'done', attempts: 3, lastError: null });
  });

  it('gives a lease to one holder until it expires', async () => {
    const until = new Date(t0.getTime() + 60_000);
    expect(await acquireLease(db, 'sweep', 'a', t0, until)).toBe(true);
    expect(await acquireLease(db, 'sweep', 'b', t0, until)).toBe(false);
    expect(await acquireLease(db, 'sweep', 'a', t0, until)).toBe(true);
    expect(await acquireLease(db, 'sweep', 'b', new Date(until.getTime() + 1), new Date(until.getTime() + 60_000))).toBe(true);
  });
});

describe.skipIf(!testBackends().includes('postgres'))('outbox under concurrency on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.dispose());

  it('never hands one message to two concurrent runners', async () => {
    const now = new Date('2026-03-02T02:00:00Z');
    await withUnitOfWork(db, { actor: { kind: 'system', name: 'test' }, now }, async (uow) => {
      for (let i = 0; i < 40; i++) uow.outbox.enqueue({ topic: 't', payload: { i } });
    });
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimDueMessages(db, { now, limit: 7, lockSeconds: 60 })),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids.length).toBe(40);
  });
});
