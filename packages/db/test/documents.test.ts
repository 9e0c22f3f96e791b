/**
 * Issued documents on both back ends: concurrent renders of one event's form store one document and take one
 * number; the stored row's content cannot be changed or deleted, and an approval or a replacement is set once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '@motcua/adapters/documents';
import { localContentStore } from '@motcua/adapters/storage';
import { issueEventForm } from '@motcua/core/documents';
import { listDossierDocuments, runDocumentUseCase, type DocumentServices } from '@motcua/db/documents';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../../../test-support/dossiers';

const system = { kind: 'system', name: 'test' } as const;
const now = new Date('2026-03-02T02:00:00Z');

describe.each(testBackends())('issued documents on %s', (backend) => {
  let db: TestDatabase;
  let org: TestOrganisation;
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-test-files-'));
  const services: DocumentServices = {
    renderer: { render: renderPdf },
    content: localContentStore(dir),
    verificationUrl: (id) => `http://localhost:3000/xac-thuc/${id}`,
    place: 'Huế',
    deskSymbol: 'BPTNTKQ',
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    org = await insertTestOrganisation(db);
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function receiptEvent(): Promise<{ dossierId: string; eventId: string }> {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const received = await receiveTestDossier(db, { officer, now, procedure: testProcedureCase(org), receivingAgencyId: org.desk });
    if (!received.ok) throw new Error(received.error.code);
    const [event] = await db.query<{ id: string }>("SELECT id FROM dossier_event WHERE dossier_id = $1 AND form_kind = 'receipt'", [received.value.id]);
    return { dossierId: received.value.id, eventId: event!.id };
  }

  const issue = (eventId: string) => runDocumentUseCase(db, { actor: system, now }, services, (deps) => issueEventForm(deps, eventId));

  it('stores one document and takes one number when the same form is rendered four times at once', async () => {
    const { dossierId, eventId } = await receiptEvent();
    const results = await Promise.all([1, 2, 3, 4].map(() => issue(eventId)));
    const ids = new Set(results.map((r) => (r.ok ? r.value.id : r.error.kind)));
    expect(ids.size).toBe(1);
    expect(await listDossierDocuments(db, system, dossierId)).toHaveLength(1);
    const [sequence] = await db.query<{ last_number: number }>(
      "SELECT last_number FROM issued_document_sequence WHERE issuing_agency_id = $1 AND kind = 'receipt' AND year = 2026",
      [org.desk],
    );
    expect(sequence!.last_number).toBe(1);
  });

  it('keeps the content immutable; approval and replacement are set once', async () => {
    const { eventId } = await receiptEvent();
    const issued = await issue(eventId);
    if (!issued.ok) throw new Error(issued.error.kind);
    const id = issued.value.id;
    await expect(db.query("UPDATE issued_document SET sha256 = repeat('0', 64) WHERE id = $1", [id])).rejects.toThrow(/immutable/);
    await expect(db.query('UPDATE issued_document SET document_number = $2 WHERE id = $1', [id, '99/X'])).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM issued_document WHERE id = $1', [id])).rejects.toThrow(/never deleted/);
    await db.query("UPDATE issued_document SET approved_at = $2, approved_by = 'officer:a' WHERE id = $1", [id, now]);
    await expect(db.query("UPDATE issued_document SET approved_by = 'officer:b' WHERE id = $1", [id])).rejects.toThrow(/immutable/);
    const { eventId: other } = await receiptEvent();
    const second = await issue(other);
    if (!second.ok) throw new Error(second.error.kind);
    await db.query('UPDATE issued_document SET replaced_by = $2 WHERE id = $1', [id, second.value.id]);
    await expect(db.query('UPDATE issued_document SET replaced_by = NULL WHERE id = $1', [id])).rejects.toThrow(/immutable/);
  });
});
