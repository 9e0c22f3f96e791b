import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStatusMapping, type Dossier, type DossierEvent } from '@motcua/core/dossiers';
import { withUnitOfWork } from '@motcua/db';
import { createDossierStore, findDossier, nextCodeSequence, nextLedgerNumber, saveDossier } from '@motcua/db/dossiers';
import { listDossierEvents, listInbox, listLedger } from '@motcua/db/dossiers';
import { dossierAt, procedureCase } from '../../core/src/dossiers/dossier.test-builders';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';
import { insertTestOrganisation, testCitizen, testOfficer, type TestOrganisation } from '../../../test-support/dossiers';

const now = new Date('2026-03-02T02:00:00Z');
const system = { kind: 'system', name: 'test' } as const;
const options = { now, statusMapping: defaultStatusMapping };

function processingDossier(org: TestOrganisation, ownerUserId: string): Dossier {
  const procedure = procedureCase({
    competentAgencyId: org.agency,
    receivingAgencyIds: [org.desk],
    workflow: [
      { order: 1, name: 'Thẩm định', agencyId: org.department, role: 'specialist', budgetHours: 12 },
      { order: 2, name: 'Phê duyệt', agencyId: org.agency, role: 'agency_leader', budgetHours: 4 },
    ],
  });
  const base = dossierAt('processing', {
    id: randomUUID(),
    procedure,
    receivingAgencyId: org.desk,
    competentAgencyId: org.agency,
    currentAgencyId: org.department,
    ownerUserId,
    code: `${org.codes.desk}-260302-${String(Math.floor(Math.random() * 9000) + 1000)}`,
    ledgerEntry: { deskAgencyId: org.desk, year: 2026, number: Math.floor(Math.random() * 1_000_000) + 1 },
  });
  return {
    ...base,
    steps: base.steps.map((s) => ({ ...s, id: randomUUID() })),
    handovers: [
      {
        id: randomUUID(),
        seq: 1,
        kind: 'reception',
        fromAgencyId: null,
        fromUserId: null,
        fromName: null,
        toAgencyId: org.desk,
        toUserId: null,
        toRole: 'reception_officer',
        at: now,
        dueAt: now,
        completedAt: null,
        timeliness: null,
        note: null,
      },
    ],
    postal: { handoverMinutesSignedAt: now, handoverMinutesNumber: 'BB-1', submissionWaybills: ['EB1VN'], returnByPost: false, deliveryAddress: null },
  };
}

function event(dossier: Dossier, kind: DossierEvent['kind']): DossierEvent {
  return {
    id: randomUUID(),
    kind,
    at: now,
    actorKind: 'system',
    actorId: 'test',
    actorName: 'test',
    agencyId: dossier.receivingAgencyId,
    fromState: null,
    toState: dossier.state,
    fromStatus: null,
    toStatus: 4,
    note: null,
    form: { kind: 'receipt', set: 'tt03-2025', number: '01', title: 'Giấy tiếp nhận' },
    formData: { dossierCode: dossier.code },
    details: { a: 1 },
  };
}

describe.each(testBackends())('dossier store on %s', (backend) => {
  let db: TestDatabase;
  let org: TestOrganisation;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    org = await insertTestOrganisation(db);
  });
  afterAll(() => db.dispose());

  it('saves and loads the whole aggregate, field for field', async () => {
    const owner = testCitizen();
    const dossier = processingDossier(org, owner.userId);
    const version = await db.transaction((tx) => saveDossier(tx, null, dossier, [event(dossier, 'receive')], options));
    expect(version).toBe(1);
    const loaded = await findDossier(db, system, dossier.id);
    expect(loaded).toEqual({ ...dossier, version: 1 });
    const events = await listDossierEvents(db, dossier.id);
    expect(events.map((e) => [e.seq, e.kind, e.form?.number])).toEqual([[1, 'receive', '01']]);
  });

  it('updates under optimistic concurrency: a stale version is refused and nothing is written', async () => {
    const dossier = processingDossier(org, testCitizen().userId);
    await db.transaction((tx) => saveDossier(tx, null, dossier, [], options));
    const v1 = (await findDossier(db, system, dossier.id))!;
    const claimed: Dossier = { ...v1, steps: v1.steps.map((s, i) => (i === 0 ? { ...s, assigneeId: randomUUID(), assigneeName: 'A' } : s)) };
    expect(await db.transaction((tx) => saveDossier(tx, v1, claimed, [event(claimed, 'claim_step')], options))).toBe(2);
    const other: Dossier = { ...v1, summary: 'changed by someone late' };
    await expect(db.transaction((tx) => saveDossier(tx, v1, other, [event(other, 'claim_step')], options))).rejects.toMatchObject({
      error: { code: 'STALE_VERSION' },
    });
    const after = (await findDossier(db, system, dossier.id))!;
    expect(after.version).toBe(2);
    expect(after.summary).toBe(dossier.summary);
    expect((await listDossierEvents(db, dossier.id)).map((e) => e.seq)).toEqual([1]);
  });

  it('keeps the history append-only', async () => {
    const dossier = processingDossier(org, testCitizen().userId);
    await db.transaction((tx) => saveDossier(tx, null, dossier, [event(dossier, 'receive')], options));
    await expect(db.query("UPDATE dossier_event SET note = 'rewritten' WHERE dossier_id = $1", [dossier.id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM dossier_event WHERE dossier_id = $1', [dossier.id])).rejects.toThrow(/append-only/);
  });

  it('scopes reads: the owner and officers of its agencies see it, others get nothing', async () => {
    const owner = testCitizen();
    const dossier = processingDossier(org, owner.userId);
    await db.transaction((tx) => saveDossier(tx, null, dossier, [], options));
    expect(await findDossier(db, owner, dossier.id)).not.toBeNull();
    expect(await findDossier(db, testCitizen(), dossier.id)).toBeNull();
    expect(await findDossier(db, testOfficer([{ role: 'specialist', agencyId: org.department }]), dossier.id)).not.toBeNull();
    expect(await findDossier(db, testOfficer([{ role: 'reception_officer', agencyId: org.otherDesk }]), dossier.id)).toBeNull();
    expect(await findDossier(db, { kind: 'anonymous' }, dossier.id)).toBeNull();
    expect(await findDossier(db, system, 'not-a-uuid')).toBeNull();
  });

  it('lists the inbox of an agency by due time and the desk ledger by number', async () => {
    const inboxOrg = await insertTestOrganisation(db);
    const later = { ...processingDossier(inboxOrg, testCitizen().userId), dueAt: new Date('2026-03-20T02:00:00Z') };
    const sooner = { ...processingDossier(inboxOrg, testCitizen().userId), dueAt: new Date('2026-03-04T02:00:00Z') };
    const extended = {
      ...processingDossier(inboxOrg, testCitizen().userId),
      dueAt: new Date('2026-03-03T02:00:00Z'),
      extendedDueAt: new Date('2026-03-10T02:00:00Z'),
    };
    for (const d of [later, sooner, extended]) await db.transaction((tx) => saveDossier(tx, null, d, [], options));
    const officer = testOfficer([{ role: 'specialist', agencyId: inboxOrg.department }]);
    const inbox = await listInbox(db, officer, { limit: 10 });
    expect(inbox.map((d) => d.id)).toEqual([sooner.id, extended.id, later.id]);
    // the inbox row carries the active step (for "my steps") and the open consultations
    const active = sooner.steps.find((step) => step.status === 'active');
    expect(inbox[0]!.activeStep?.id ?? null).toBe(active?.id ?? null);
    if (active) expect(inbox[0]!.activeStep).toMatchObject({ role: active.role, agencyId: active.agencyId, assigneeId: active.assigneeId });
    expect(inbox[0]!.openConsultations).toBe(sooner.consultations.filter((c) => c.answeredAt === null).length);
    expect(await listInbox(db, testOfficer([{ role: 'specialist', agencyId: org.department }]), { agencyId: inboxOrg.department, limit: 10 })).toEqual([]);
    const supervisor = testOfficer([{ role: 'desk_supervisor', agencyId: inboxOrg.desk }]);
    const ledger = await listLedger(db, supervisor, { deskAgencyId: inboxOrg.desk, year: 2026, limit: 10 });
    expect(ledger).toHaveLength(3);
    expect(ledger.map((r) => r.number)).toEqual([...ledger.map((r) => r.number)].sort((a, b) => a - b));
    expect(ledger[0]).toMatchObject({ applicantName: 'Nguyễn Văn An', returnedAt: null });
    expect(await listLedger(db, officer, { deskAgencyId: inboxOrg.desk, year: 2026, limit: 10 })).toEqual([]);
  });

  it('numbers codes per prefix and ledgers per desk and year from 1, and a rollback gives the number back', async () => {
    const prefix = `${org.codes.desk}-260302-`;
    expect(await db.transaction((tx) => nextCodeSequence(tx, prefix, '2026-03-02'))).toBe(1);
    await expect(
      db.transaction(async (tx) => {
        expect(await nextCodeSequence(tx, prefix, '2026-03-02')).toBe(2);
        throw new Error('reception failed');
      }),
    ).rejects.toThrow('reception failed');
    expect(await db.transaction((tx) => nextCodeSequence(tx, prefix, '2026-03-02'))).toBe(2);
    expect(await db.transaction((tx) => nextCodeSequence(tx, `${org.codes.desk}-260303-`, '2026-03-03'))).toBe(1);
    expect(await db.transaction((tx) => nextLedgerNumber(tx, org.otherDesk, 2026))).toBe(1);
    expect(await db.transaction((tx) => nextLedgerNumber(tx, org.otherDesk, 2026))).toBe(2);
    expect(await db.transaction((tx) => nextLedgerNumber(tx, org.otherDesk, 2027))).toBe(1);
  });

  it('records one notice delivery per event and channel, and one alert per dedupe key', async () => {
    const dossier = processingDossier(org, testCitizen().userId);
    const e = event(dossier, 'transfer');
    await db.transaction((tx) => saveDossier(tx, null, dossier, [e], options));
    await withUnitOfWork(db, { actor: system, now }, async (uow) => {
      const store = createDossierStore(uow.tx, { actor: system, now, statusMapping: defaultStatusMapping });
      const draft = { dossierId: dossier.id, eventId: e.id, channel: 'email' as const, recipient: 'an@example.vn' };
      expect(await store.createDelivery({ ...draft, id: randomUUID() }, now)).toBe(true);
      expect(await store.createDelivery({ ...draft, id: randomUUID() }, now)).toBe(false);
      expect(await store.createDelivery({ ...draft, channel: 'sms', recipient: '0912345678', id: randomUUID() }, now)).toBe(true);
      const alert = {
        dossierId: dossier.id,
        stepId: null,
        kind: 'due_soon' as const,
        subject: 'dossier' as const,
        dueAt: now,
        recipientUserId: null,
        recipientRole: 'desk_supervisor',
        recipientAgencyId: org.desk,
        dedupeKey: `k-${dossier.id}`,
      };
      expect(await store.createAlert({ ...alert, id: randomUUID() }, now)).toBe(true);
      expect(await store.createAlert({ ...alert, id: randomUUID() }, now)).toBe(false);
      expect(await store.agencyCode(org.desk)).toBe(org.codes.desk);
      expect(await store.agencyCode(randomUUID())).toBeNull();
    });
  });
});

describe.skipIf(!testBackends().includes('postgres'))('gapless numbering under concurrency on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.dispose());

  it('gives 50 concurrent transactions the numbers 1–50, and the committed ones stay gapless when some roll back', async () => {
    const prefix = 'T.CONCURRENT-260302-';
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        db.transaction(async (tx) => {
          const n = await nextCodeSequence(tx, prefix, '2026-03-02');
          await tx.query('SELECT pg_sleep(0.002)');
          if (i % 10 === 9) throw new Error(`crash after taking ${n}`);
          return n;
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value);
    expect(committed).toHaveLength(45);
    expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });
});
