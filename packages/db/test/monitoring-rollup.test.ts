/**
 * The incremental rollups equal a full recomputation from the raw events, after random event streams applied one
 * transition at a time and interleaved between dossiers (PGlite and PostgreSQL). Plus: the real dossier use case
 * updates them in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStatusMapping, type Dossier, type DossierEvent, type DossierEventKind, type DossierState } from '@motcua/core/dossiers';
import { cellKey, figuresOf, normalizeCell, sumCells, sumsForPeriod, type RollupCell } from '@motcua/core/monitoring';
import { legalClockCacheFor, saveDossier } from '@motcua/db/dossiers';
import { periodSums, readRollupCells, recomputeCells, recordMonitoringFacts, rollupGrains } from '@motcua/db/monitoring';
import { dossierAt } from '../../core/src/dossiers/dossier.test-builders';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';
import { insertTestOrganisation, receiveTestDossier, testOfficer, testProcedureCase, type TestOrganisation } from '../../../test-support/dossiers';
import { historyEvent } from '../../../test-support/monitoring';

const HOUR = 3_600_000;
const saveOptions = { now: new Date('2026-03-02T02:00:00Z'), statusMapping: defaultStatusMapping };

interface Step {
  readonly kind: DossierEventKind;
  readonly toState: DossierState;
  readonly hours: number;
  readonly details: (at: Date) => Record<string, unknown>;
}

const due = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR).toISOString();

/** A random but well-formed history: submit?, receive, transfer, supplement, payment, extension, an end, a return. */
const historyArb: fc.Arbitrary<Step[]> = fc
  .record({
    online: fc.boolean(),
    withdrawnBeforeReception: fc.boolean(),
    dueHours: fc.integer({ min: 4, max: 400 }),
    gaps: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 8, maxLength: 8 }),
    supplement: fc.boolean(),
    payment: fc.boolean(),
    extend: fc.boolean(),
    end: fc.constantFrom('record_result', 'refuse_after_appraisal', 'stop', 'withdraw', 'open'),
    returnMethod: fc.constantFrom('counter', 'online', 'postal', 'none'),
    cut: fc.integer({ min: 1, max: 9 }),
  })
  .map((r) => {
    const steps: Step[] = [];
    const g = r.gaps;
    if (r.online) {
      steps.push({ kind: 'submit', toState: 'submitted', hours: 0, details: () => ({ channel: 'online' }) });
      if (r.withdrawnBeforeReception) {
        steps.push({ kind: 'withdraw', toState: 'withdrawn', hours: g[0]!, details: () => ({}) });
        return steps;
      }
    }
    steps.push({ kind: 'receive', toState: 'received', hours: g[0]!, details: (at) => ({ receivedAt: at.toISOString(), dueAt: due(at, r.dueHours) }) });
    steps.push({ kind: 'transfer', toState: 'processing', hours: g[1]! % 8, details: () => ({ clockStarted: false }) });
    if (r.supplement) {
      steps.push({ kind: 'request_supplement', toState: 'supplement_requested', hours: g[2]!, details: () => ({ stage: 'appraisal' }) });
      steps.push({ kind: 'provide_supplement', toState: 'processing', hours: g[3]!, details: (at) => ({ clockRestarted: true, dueAt: due(at, r.dueHours) }) });
    }
    if (r.payment) {
      steps.push({ kind: 'request_payment', toState: 'awaiting_payment', hours: g[4]!, details: () => ({}) });
      steps.push({ kind: 'confirm_payment', toState: 'processing', hours: g[5]!, details: (at) => ({ dueAt: due(at, r.dueHours) }) });
    }
    if (r.extend) steps.push({ kind: 'extend', toState: 'processing', hours: g[6]! % 24, details: (at) => ({ newDueAt: due(at, r.dueHours * 2) }) });
    if (r.end !== 'open') {
      const toState: DossierState = r.end === 'record_result' ? 'result_ready' : r.end === 'refuse_after_appraisal' ? 'refused_after_appraisal' : r.end === 'stop' ? 'stopped' : 'withdrawn';
      steps.push({ kind: r.end, toState, hours: g[7]!, details: () => ({}) });
      if (r.end === 'record_result' && r.returnMethod !== 'none') {
        steps.push({ kind: 'return_result', toState: 'returned', hours: 2, details: () => ({ method: r.returnMethod }) });
      }
    }
    return steps.slice(0, Math.max(1, Math.min(steps.length, r.cut + 1)));
  });

function eventOf(dossier: Dossier, step: Step, at: Date): DossierEvent {
  return historyEvent(dossier, { kind: step.kind, toState: step.toState, at, details: step.details(at) });
}

function normalized(cells: Iterable<RollupCell>): Map<string, RollupCell> {
  const out = new Map<string, RollupCell>();
  for (const cell of sumCells(cells).values()) {
    const n = normalizeCell(cell);
    if (n) out.set(cellKey(n), n);
  }
  return out;
}

let codeSeq = 0;

describe.each(testBackends())('monitoring rollups on %s', (backend) => {
  let db: TestDatabase;
  let org: TestOrganisation;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    org = await insertTestOrganisation(db);
  });
  afterAll(() => db.dispose());

  it('equal a full recomputation from the raw events after random interleaved event streams', async () => {
    const clocks = legalClockCacheFor(db);
    const procedures = ['1.001193', '2.000123', '1.004227'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(historyArb, fc.integer({ min: 0, max: 2 }), fc.constantFrom('counter', 'online', 'postal'), fc.integer({ min: 0, max: 45 * 24 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        async (histories, order) => {
          const live = histories.map(([steps, p, channel, offsetHours]) => {
            const base = dossierAt('processing', {
              id: randomUUID(),
              procedure: testProcedureCase(org, { procedureCode: procedures[p]! }),
              channel: channel as Dossier['channel'],
              receivingAgencyId: p === 2 ? org.otherDesk : org.desk,
              competentAgencyId: p === 1 ? org.department : org.agency,
              currentAgencyId: org.agency,
              ownerUserId: null,
              receivedById: null,
              code: `${org.codes.desk}-260220-${String(++codeSeq).padStart(5, '0')}`,
              ledgerEntry: null,
              steps: [],
              handovers: [],
              supplementRequests: [],
              extensions: [],
              consultations: [],
              interAgencyLegs: [],
              financialObligations: [],
              result: null,
              dossierReturn: null,
              postal: null,
            });
            return { dossier: base, saved: null as Dossier | null, steps, next: 0, at: new Date(Date.UTC(2026, 1, 20, 1) + offsetHours * HOUR) };
          });
          // Apply one transition at a time, picking the dossier by the random order.
          for (let i = 0; live.some((d) => d.next < d.steps.length); i++) {
            const pending = live.filter((d) => d.next < d.steps.length);
            const d = pending[(order[i % order.length] ?? 0) % pending.length]!;
            const step = d.steps[d.next++]!;
            d.at = new Date(d.at.getTime() + step.hours * HOUR);
            const event = eventOf(d.dossier, step, d.at);
            await db.transaction(async (tx) => {
              const version = await saveDossier(tx, d.saved, d.dossier, [event], saveOptions);
              d.saved = { ...d.dossier, version };
              d.dossier = d.saved;
              await recordMonitoringFacts(tx, clocks.through(tx), d.dossier, d.at);
            });
          }
          const incremental = normalized(await readRollupCells(db));
          const recomputed = normalized(await recomputeCells(db, clocks.through(db)));
          expect([...incremental.keys()].sort()).toEqual([...recomputed.keys()].sort());
          for (const [key, cell] of recomputed) expect(incremental.get(key), key).toEqual(cell);
          // The week and month grains hold the same sums as the days they cover.
          for (const grain of rollupGrains.slice(1)) {
            const byGrain = normalized([...recomputed.values()].map((c) => ({ ...c, day: grain.start(c.day), procedureCode: grain.allProcedures ? '*' : c.procedureCode })));
            const table = grain.table;
            const stored = normalized(await readRollupCells(db, table));
            expect(new Map([...stored].sort()), table).toEqual(new Map([...byGrain].sort()));
          }
        },
      ),
      { numRuns: backend === 'postgres' ? 12 : 15 },
    );
  }, 240_000);

  it('read any period (whole months, partial months by their days or by month minus days) as the day rows add up', async () => {
    // The rows written by the property runs above span 20/02 to early May 2026.
    const days = await readRollupCells(db);
    expect(days.length).toBeGreaterThan(0);
    const day = (offset: number) => new Date(Date.UTC(2026, 1, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 80 }), async (start, length) => {
        const from = day(start);
        const to = day(start + length);
        const [stored] = await periodSums(db, { agencyIds: null, from, to, groupBy: 'none' });
        const [ii06a] = await periodSums(db, { agencyIds: [org.agency, org.desk, org.department, org.otherDesk], from, to, groupBy: 'none', only: 'ii06a' });
        const expected = figuresOf(sumsForPeriod(days, from, to));
        expect(figuresOf(stored!.sums), `${from}..${to}`).toEqual(expected);
        expect(figuresOf(ii06a!.sums).received, `${from}..${to}`).toEqual(expected.received);
        expect(figuresOf(ii06a!.sums).pending.total, `${from}..${to}`).toEqual(expected.pending.total);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('are updated by the dossier use case in its own transaction', async () => {
    const officer = testOfficer([{ role: 'reception_officer', agencyId: org.desk }]);
    const procedure = testProcedureCase(org, { procedureCode: '9.999999' });
    const now = new Date('2026-04-06T02:00:00Z');
    const received = await receiveTestDossier(db, { officer, now, procedure, receivingAgencyId: org.desk });
    expect(received.ok).toBe(true);
    const rows = await db.query<{ received: number; received_counter: number; pending_delta: number }>(
      `SELECT received, received_counter, pending_delta FROM monitoring_rollup WHERE procedure_code = '9.999999' AND day = '2026-04-06'`,
    );
    expect(rows).toEqual([{ received: 1, received_counter: 1, pending_delta: 1 }]);
    const facts = await db.query<{ received_at: Date }>(`SELECT received_at FROM monitoring_dossier_fact WHERE procedure_code = '9.999999'`);
    expect(facts.map((f) => f.received_at.toISOString())).toEqual([now.toISOString()]);
  });
});
