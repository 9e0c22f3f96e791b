/**
 * Issued forms: the outbox handler of `document.render` renders the form an event issued, stores its bytes once
 * in the content store with their SHA-256, and links the row to the event; a retried job stores nothing new.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '@motcua/core';
import { listDossierDocuments } from '@motcua/db/documents';
import { completeDeps, type AppDeps } from '../src/deps';
import { NotAnIncrementalUpdate, readIssuedDocument, storeSignedContent } from '../src/documents/index';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { removeTestStorage, testConfig } from '../../../test-support/app';
import { createTestDatabase, type TestDatabase } from '../../../test-support/databases';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../../../test-support/dossiers';

const system = { kind: 'system', name: 'test' } as const;

function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('document.render: forms rendered and stored once', () => {
  let db: TestDatabase;
  let org: TestOrganisation;
  let deps: AppDeps;
  const now = new Date('2026-03-02T02:00:00Z');

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    org = await insertTestOrganisation(db);
    deps = completeDeps({ config: testConfig(), db, clock: fixedClock(now) });
  });
  afterAll(async () => {
    await db.dispose();
    removeTestStorage(deps.config);
  });

  async function receive() {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }], 'Lê Thị Tiếp Nhận');
    const received = await receiveTestDossier(db, { officer, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    return received.value;
  }

  it('renders Form 01 of the reception, stores it under its SHA-256 and links it to the event', async () => {
    const dossier = await receive();
    const runner = createJobRunner({ db, clock: deps.clock, handlers: buildJobHandlers(deps), onlyRegisteredTopics: true });
    await runner.runOnce();
    const documents = await listDossierDocuments(db, system, dossier.id);
    expect(documents).toHaveLength(1);
    const document = documents![0]!;
    const [event] = await db.query<{ id: string }>("SELECT id FROM dossier_event WHERE dossier_id = $1 AND form_kind = 'receipt'", [dossier.id]);
    expect(document).toMatchObject({
      kind: 'receipt',
      eventId: event!.id,
      formSet: 'tt03-2025',
      formNumber: '01',
      title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      documentNumber: '1/BPTNTKQ',
      issuingAgencyId: org.desk,
      mediaType: 'application/pdf',
      origin: 'rendered',
    });
    const bytes = await deps.contentStore.get(document.storageKey);
    expect(bytes).not.toBeNull();
    expect(createHash('sha256').update(bytes!).digest('hex')).toBe(document.sha256);
    expect(bytes!.byteLength).toBe(document.sizeBytes);
    const text = pdfText(bytes!);
    for (const phrase of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${dossier.code}`,
      'Nguyễn Văn An',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG THUẬN HÓA',
      'UBND PHƯỜNG THUẬN HÓA',
      'Tờ khai đăng ký khai sinh',
      'Lê Thị Tiếp Nhận',
      'Huế, ngày 02 tháng 3 năm 2026',
    ]) {
      expect(text).toContain(phrase);
    }
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_event WHERE target_id = $1", [document.id]);
    expect(audit.map((a) => a.action)).toEqual(['document.issue']);
  });

  it('a retried job stores no second document and consumes no second number', async () => {
    const dossier = await receive();
    const [event] = await db.query<{ id: string }>("SELECT id FROM dossier_event WHERE dossier_id = $1 AND form_kind = 'receipt'", [dossier.id]);
    const handler = buildJobHandlers(deps)['document.render']!;
    const context = { db, clock: deps.clock, messageId: 'm', attempt: 1 };
    await handler({ dossierId: dossier.id, eventId: event!.id }, context);
    await handler({ dossierId: dossier.id, eventId: event!.id }, context);
    await Promise.all([1, 2, 3].map(() => handler({ dossierId: dossier.id, eventId: event!.id }, context)));
    const documents = await listDossierDocuments(db, system, dossier.id);
    expect(documents).toHaveLength(1);
    const [sequence] = await db.query<{ last_number: number }>(
      "SELECT last_number FROM issued_document_sequence WHERE issuing_agency_id = $1 AND kind = 'receipt'",
      [org.desk],
    );
    // the first test's dossier took number 1, this one number 2: the retries took none
    expect(sequence!.last_number).toBe(2);
    expect(documents![0]!.documentNumber).toBe('2/BPTNTKQ');
  });

  it('gives up for good on an event that issued no form', async () => {
    const dossier = await receive();
    const handler = buildJobHandlers(deps)['document.render']!;
    const [event] = await db.query<{ id: string }>('SELECT id FROM dossier_event WHERE dossier_id = $1 AND form_kind IS NULL LIMIT 1', [dossier.id]);
    const context = { db, clock: deps.clock, messageId: 'm', attempt: 1 };
    if (event) await expect(handler({ eventId: event.id }, context)).rejects.toThrow(/no form/);
    await expect(handler({ eventId: '00000000-0000-4000-8000-000000000000' }, context)).rejects.toThrow(/No event/);
  });

  it('gives the signing module the issued bytes and stores a signed version only when it extends them', async () => {
    const dossier = await receive();
    const [event] = await db.query<{ id: string }>("SELECT id FROM dossier_event WHERE dossier_id = $1 AND form_kind = 'receipt'", [dossier.id]);
    await buildJobHandlers(deps)['document.render']!({ eventId: event!.id }, { db, clock: deps.clock, messageId: 'm', attempt: 1 });
    const [document] = (await listDossierDocuments(db, system, dossier.id))!;
    const issued = await readIssuedDocument(db, deps.contentStore, document!.id);
    expect(issued!.document.id).toBe(document!.id);
    const appended = Buffer.concat([Buffer.from(issued!.bytes), Buffer.from('\n% incremental update\n%%EOF\n')]);
    const { stored } = await storeSignedContent(db, deps.contentStore, document!.id, appended);
    expect(stored.sha256).toBe(createHash('sha256').update(appended).digest('hex'));
    expect(await deps.contentStore.has(stored.key)).toBe(true);
    const rewritten = Buffer.from(appended);
    rewritten[100] = rewritten[100]! ^ 0xff;
    await expect(storeSignedContent(db, deps.contentStore, document!.id, rewritten)).rejects.toBeInstanceOf(NotAnIncrementalUpdate);
    expect(await readIssuedDocument(db, deps.contentStore, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
