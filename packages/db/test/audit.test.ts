import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@motcua/db';
import { verifyAuditChain } from '@motcua/db/audit';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

describe.each(testBackends())('audit trail on %s', (backend) => {
  let db: TestDatabase;
  const context = { actor: { kind: 'system', name: 'test' } as const, now: new Date('2026-03-02T02:00:00Z') };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    for (let i = 1; i <= 5; i++) {
      await withUnitOfWork(db, { ...context, requestId: `req-${i}` }, async (uow) => {
        uow.audit.record({ action: 'test.write', targetType: 'thing', targetId: `t${i}`, summary: { i, tên: 'Huế' } });
      });
    }
  });
  afterAll(() => db.dispose());

  it('chains rows in order and verifies intact', async () => {
    const rows = await db.query<{ seq: number; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM audit_event ORDER BY seq',
    );
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ checkedRows: 5, firstBreak: null });
  });

  it('rejects UPDATE, DELETE and TRUNCATE', async () => {
    await expect(db.query("UPDATE audit_event SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_event WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('rolls the audit row back with a failed unit of work', async () => {
    await expect(
      withUnitOfWork(db, context, async (uow) => {
        uow.audit.record({ action: 'test.write', targetType: 'thing', targetId: 'never' });
        await uow.tx.query('SELECT 1/0');
      }),
    ).rejects.toThrow();
    const rows = await db.query("SELECT 1 FROM audit_event WHERE target_id = 'never'");
    expect(rows).toHaveLength(0);
  });

  it('names the first row edited or removed directly in the database', async () => {
    // Someone with database access bypasses the trigger and edits row 3.
    await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL session_replication_role = 'replica'");
      await tx.query(`UPDATE audit_event SET summary = '{"i": 99}'::jsonb WHERE seq = 3`);
    });
    expect((await verifyAuditChain(db)).firstBreak).toEqual({ seq: 3, reason: 'content-altered' });

    await db.transaction(async (tx) => {
      await tx.exec("SET LOCAL session_replication_role = 'replica'");
      await tx.query(`DELETE FROM audit_event WHERE seq IN (2, 3)`);
    });
    expect((await verifyAuditChain(db)).firstBreak).toEqual({ seq: 2, reason: 'row-missing' });
  });
});
