/**
 * Dossier histories for monitoring tests: a dossier row and its events written as the engine writes them
 * (saveDossier, one transition per transaction) with the monitoring rollups brought up to date after each.
 */
import { randomUUID } from 'node:crypto';
import { defaultStatusMapping, type Dossier, type DossierEvent, type DossierEventKind, type DossierState } from '@motcua/core/dossiers';
import type { Database } from '@motcua/db';
import { legalClockCacheFor, saveDossier } from '@motcua/db/dossiers';
import { recordMonitoringFacts } from '@motcua/db/monitoring';
import { dossierAt } from '../packages/core/src/dossiers/dossier.test-builders';
import { testProcedureCase, type TestOrganisation } from './dossiers';

export interface HistoryStep {
  readonly kind: DossierEventKind;
  readonly toState: DossierState;
  readonly at: Date;
  readonly details?: Record<string, unknown>;
}

let seq = 0;

/** A dossier shell for the organisation: its dimensions are what the rollups are keyed by. */
export function historyDossier(
  org: TestOrganisation,
  options: { procedureCode?: string; channel?: Dossier['channel']; receivingAgencyId?: string; competentAgencyId?: string } = {},
): Dossier {
  return dossierAt('processing', {
    id: randomUUID(),
    procedure: testProcedureCase(org, { procedureCode: options.procedureCode ?? '1.001193' }),
    channel: options.channel ?? 'counter',
    receivingAgencyId: options.receivingAgencyId ?? org.desk,
    competentAgencyId: options.competentAgencyId ?? org.agency,
    currentAgencyId: options.competentAgencyId ?? org.agency,
    ownerUserId: null,
    receivedById: null,
    code: `${org.codes.desk}-260101-${String(++seq).padStart(5, '0')}`,
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
}

export function historyEvent(dossier: Dossier, step: HistoryStep): DossierEvent {
  return {
    id: randomUUID(),
    kind: step.kind,
    at: step.at,
    actorKind: 'system',
    actorId: null,
    actorName: 'test',
    agencyId: dossier.competentAgencyId,
    fromState: null,
    toState: step.toState,
    fromStatus: null,
    toStatus: null,
    note: null,
    form: null,
    formData: null,
    details: step.details ?? {},
  };
}

/** Writes the steps one transition at a time (state follows the steps), updating the rollups after each. */
export async function writeHistory(db: Database, dossier: Dossier, steps: readonly HistoryStep[]): Promise<Dossier> {
  const clocks = legalClockCacheFor(db);
  let saved: Dossier | null = null;
  let current = dossier;
  for (const step of steps) {
    const next: Dossier = { ...current, state: step.toState };
    await db.transaction(async (tx) => {
      const version = await saveDossier(tx, saved, next, [historyEvent(next, step)], { now: step.at, statusMapping: defaultStatusMapping });
      saved = { ...next, version };
      await recordMonitoringFacts(tx, clocks.through(tx), saved, step.at);
    });
    current = saved!;
  }
  return current;
}

/** The usual history: received (with its due time), then optionally resolved with a result, or withdrawn. */
export function receivedSteps(receivedAt: Date, dueAt: Date, end?: { kind: 'record_result' | 'withdraw'; at: Date }): HistoryStep[] {
  const steps: HistoryStep[] = [
    { kind: 'receive', toState: 'received', at: receivedAt, details: { receivedAt: receivedAt.toISOString(), dueAt: dueAt.toISOString() } },
  ];
  if (end) steps.push({ kind: end.kind, toState: end.kind === 'record_result' ? 'result_ready' : 'withdrawn', at: end.at, details: {} });
  return steps;
}
