import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@motcua/db';
import { findOutboxMessage } from '@motcua/db/outbox';
import { createSmtpMailer } from '@motcua/adapters/notifications';
import { createJobRunner, PermanentJobError, retryDelaySeconds, type JobHandler } from '../src/jobs/job-runner';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink';

describe('job runner delivering the outbox over real SMTP', () => {
  let db: TestDatabase;
  let smtp: SmtpSink;
  let now = new Date('2026-03-02T02:00:00Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp.close();
    await db.dispose();
  });

  it('sends once, retries a temporary SMTP failure after its back-off, and records the outcome', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: 'MotCua <noreply@motcua.test>', messageIdDomain: 'motcua.test', ignoreTls: true });
    const sendEmail: JobHandler = async (payload, context) => {
      await mailer.send({
        messageId: context.messageId,
        to: String(payload.to),
        subject: String(payload.subject),
        text: String(payload.text),
      });
    };
    const runner = createJobRunner({ db, clock, handlers: { 'notification.email': sendEmail } });
    await withUnitOfWork(db, { actor: { kind: 'system', name: 'test' }, now }, async (uow) => {
      uow.outbox.enqueue({
        topic: 'notification.email',
        dedupeKey: 'e1',
        payload: { to: 'nguoidan@example.vn', subject: 'Hồ sơ đã được tiếp nhận', text: 'Mã hồ sơ: 000.00.00.H57-260302-0001' },
      });
    });

    smtp.failNext(1);
    expect(await runner.runOnce()).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    const [row] = await db.query<{ id: string }>("SELECT id FROM outbox_message WHERE dedupe_key = 'e1'");
    expect(await findOutboxMessage(db, row!.id)).toMatchObject({ status: 'pending', attempts: 1 });

    expect(await runner.runOnce()).toBe(0); // not due before its back-off
    now = new Date(now.getTime() + retryDelaySeconds(1) * 1000);
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);

    const inbox = smtp.mailbox('nguoidan@example.vn');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.subject).toBe('Hồ sơ đã được tiếp nhận');
    expect(inbox[0]!.messageId).toBe(`<${row!.id}@motcua.test>`);
    expect(await findOutboxMessage(db, row!.id)).toMatchObject({ status: 'done', attempts: 2 });
    mailer.close();
  });

  it('gives up at once on a permanent error and on a topic without a handler', async () => {
    const runner = createJobRunner({
      db,
      clock,
      handlers: {
        broken: async () => {
          throw new PermanentJobError('recipient does not exist');
        },
      },
    });
    await withUnitOfWork(db, { actor: { kind: 'system', name: 'test' }, now }, async (uow) => {
      uow.outbox.enqueue({ topic: 'broken', payload: {}, dedupeKey: 'p1' });
      uow.outbox.enqueue({ topic: 'unknown.topic', payload: {}, dedupeKey: 'p2' });
    });
    expect(await runner.runOnce()).toBe(2);
    const rows = await db.query<{ dedupe_key: string; status: string; last_error: string }>(
      "SELECT dedupe_key, status, last_error FROM outbox_message WHERE dedupe_key IN ('p1','p2') ORDER BY dedupe_key",
    );
    expect(rows).toEqual([
      { dedupe_key: 'p1', status: 'failed', last_error: 'recipient does not exist' },
      { dedupe_key: 'p2', status: 'failed', last_error: 'No handler for topic unknown.topic' },
    ]);
  });

  it('backs off exponentially and caps the delay', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30)).toBe(6 * 3600);
  });
});
