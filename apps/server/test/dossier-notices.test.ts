/**
 * Applicant notices through the outbox, over a real SMTP server and the VNPT SMS protocol simulator: one message
 * per status change and channel, retried after a temporary failure, never sent twice, delivery status recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@motcua/core';
import { actOnDossier } from '@motcua/core/dossiers';
import { listDeliveries, runDossierUseCase } from '@motcua/db/dossiers';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner, retryDelaySeconds } from '../src/jobs/job-runner';
import { removeTestStorage, testConfig } from '../../../test-support/app';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases';
import {
  dossierTestServices,
  insertTestOrganisation,
  receiveTestDossier,
  testOfficer,
  testProcedureCase,
  type TestOrganisation,
} from '../../../test-support/dossiers';
import { startSmtpSink, type SmtpSink } from '../../../test-support/smtp-sink';
import { startVnptSmsSimulator, type VnptSmsSimulator } from '../../../packages/simulators/sms-vnpt/src/index';

describe('applicant notices over SMTP and VNPT SMS', () => {
  let db: TestDatabase;
  let smtp: SmtpSink;
  let sms: VnptSmsSimulator;
  let org: TestOrganisation;
  let now = new Date('2026-03-02T02:00:00Z');
  const clock = { now: () => new Date(now) };
  // Each runner's configuration has a temporary content store of its own: removed after the suite.
  const configs: ReturnType<typeof testConfig>[] = [];

  beforeAll(async () => {
    [db, smtp, sms] = await Promise.all([createTestDatabase('pglite'), startSmtpSink(), startVnptSmsSimulator()]);
    org = await insertTestOrganisation(db);
  });
  afterAll(async () => {
    await Promise.all([smtp.close(), sms.close()]);
    await db.dispose();
    for (const config of configs) removeTestStorage(config);
  });

  function runner(overrides: Record<string, string> = {}) {
    const config = testConfig({
      MOTCUA_SMTP_URL: smtp.url,
      MOTCUA_SMS_VNPT_URL: sms.url,
      MOTCUA_SMS_VNPT_USER: 'motcua',
      MOTCUA_SMS_VNPT_PASSWORD: 'secret',
      MOTCUA_SMS_VNPT_LABEL_ID: 'MOTCUA',
      MOTCUA_SMS_VNPT_CONTRACT_ID: 'HD-01',
      MOTCUA_SMS_VNPT_TEMPLATE_ID: '1001',
      ...overrides,
    });
    configs.push(config);
    return createJobRunner({ db, clock, handlers: buildJobHandlers({ config, db, clock: fixedClock(now) }), onlyRegisteredTopics: true });
  }

  it('sends one e-mail and one SMS per status change, and never twice', async () => {
    const reception = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const received = await receiveTestDossier(db, { officer: reception, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    const jobs = runner();
    await jobs.runOnce();
    const mails = smtp.mailbox('an@example.vn');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`[MotCua] ${received.value.code}: Được tiếp nhận`);
    expect(mails[0]!.text).toContain('Hồ sơ của Ông/Bà đã được tiếp nhận.');
    expect(mails[0]!.text).toContain('Thời hạn trả kết quả: 05/03/2026 09:00');
    expect(sms.messagesTo('84912345678').map((m) => m.text)).toEqual([
      `MotCua: Ho so ${received.value.code} - Duoc tiep nhan, hen tra 05/03/2026 09:00`,
    ]);
    await jobs.runOnce();
    expect(smtp.mailbox('an@example.vn')).toHaveLength(1);
    const deliveries = await listDeliveries(db, received.value.id);
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'sent', 1],
      ['sms', 'sent', 1],
    ]);
    // the only pending messages left are for handlers not deployed yet (national portal); Form 01 was rendered
    const pending = await db.query<{ topic: string }>("SELECT DISTINCT topic FROM outbox_message WHERE status = 'pending' ORDER BY topic");
    expect(pending.map((p) => p.topic)).toEqual(['national-portal.sync']);
  });

  it('retries a temporary SMTP failure after its back-off and records the attempt', async () => {
    const reception = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const applicant = {
      role: 'applicant' as const,
      kind: 'person' as const,
      fullName: 'Trần Thị Bình',
      identityNumber: null,
      address: null,
      phone: null,
      email: 'binh@example.vn',
      authorisationDocument: null,
    };
    const received = await receiveTestDossier(db, {
      officer: reception,
      now,
      procedure: testProcedureCase(org),
      receivingAgencyId: org.desk,
      parties: [applicant],
    });
    if (!received.ok) throw new Error(received.error.code);
    const jobs = runner();
    smtp.failNext(1);
    await jobs.runOnce();
    expect(smtp.mailbox('binh@example.vn')).toHaveLength(0);
    let [delivery] = await listDeliveries(db, received.value.id);
    expect(delivery).toMatchObject({ channel: 'email', status: 'pending', attempts: 1 });
    expect(delivery!.lastError).toMatch(/451|Temporary/);
    now = new Date(now.getTime() + retryDelaySeconds(1) * 1000);
    await jobs.runOnce();
    expect(smtp.mailbox('binh@example.vn')).toHaveLength(1);
    [delivery] = await listDeliveries(db, received.value.id);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('records a permanent SMS rejection as failed without retrying', async () => {
    const reception = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const received = await receiveTestDossier(db, { officer: reception, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    const before = sms.messages.length;
    await runner({ MOTCUA_SMS_VNPT_TEMPLATE_ID: '9999' }).runOnce();
    const smsDelivery = (await listDeliveries(db, received.value.id)).find((d) => d.channel === 'sms');
    expect(smsDelivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(smsDelivery!.lastError).toContain('template not registered');
    expect(sms.messages.length).toBe(before);
    // a later action on the dossier still notifies for its own event
    const services = dossierTestServices(db);
    const transferred = await runDossierUseCase(db, { actor: reception, now }, services, (deps) =>
      actOnDossier(deps, received.value.id, { type: 'transfer', note: null }, null),
    );
    expect(transferred.ok).toBe(true);
    await runner().runOnce();
    expect(sms.messages.length).toBe(before + 1);
  });
});
