/**
 * The dossier engine's background work: delivering applicant notices from the outbox (topic
 * `notification.dossier`), and the periodic deadline sweep (warnings, overdue alerts, drafted apologies).
 */
import { deliverNotice, sweepDossierDeadlines, type NoticeStore } from '@motcua/core/dossiers';
import type { Database, Queryable } from '@motcua/db';
import {
  findDelivery,
  findDossier,
  findDossierEvent,
  markDeliveryFailed,
  markDeliverySent,
  runDossierUseCase,
} from '@motcua/db/dossiers';
import type { AppDeps } from '../deps';
import { PermanentJobError, type JobHandler, type PeriodicTask } from '../jobs/job-runner';
import { dossierServices } from './dossier.services';

const system = { kind: 'system', name: 'dossier-jobs' } as const;

function noticeStore(db: Queryable, now: () => Date): NoticeStore {
  return {
    findDelivery: (id) => findDelivery(db, id),
    findDossier: (id) => findDossier(db, system, id),
    findEvent: (id) => findDossierEvent(db, id),
    markSent: (id, providerMessageId) => markDeliverySent(db, id, providerMessageId, now()),
    markFailed: (id, error, permanent) => markDeliveryFailed(db, id, error, permanent),
  };
}

export function dossierJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  const services = dossierServices(deps);
  return {
    'notification.dossier': async (payload, context) => {
      const outcome = await deliverNotice(
        {
          store: noticeStore(context.db, () => context.clock.now()),
          mailer: services.mailer,
          sms: services.sms,
          trackingUrl: services.trackingUrl,
        },
        String(payload.deliveryId),
      );
      if (outcome.kind === 'retry') throw new Error(outcome.error);
      if (outcome.kind === 'failed') throw new PermanentJobError(outcome.error);
    },
  };
}

/** The open dossiers a sweep looks at: due within the horizon, with steps due, online ones awaiting their check. */
export async function sweepCandidates(db: Queryable, horizon: Date, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `(SELECT d.id FROM dossier d
       WHERE d.closed_at IS NULL AND d.effective_due_at <= $1 AND d.state IN ('received', 'processing', 'awaiting_payment')
       ORDER BY d.effective_due_at LIMIT $2)
     UNION
     (SELECT s.dossier_id FROM dossier_step s WHERE s.status = 'active' AND s.due_at <= $1 ORDER BY s.due_at LIMIT $2)
     UNION
     (SELECT c.dossier_id FROM dossier_consultation c WHERE c.answered_at IS NULL AND c.due_at <= $1 ORDER BY c.due_at LIMIT $2)
     UNION
     (SELECT d.id FROM dossier d WHERE d.state = 'submitted' ORDER BY d.submitted_at LIMIT $2)`,
    [horizon, limit],
  );
  return rows.map((r) => r.id);
}

/** One sweep: each candidate in its own unit of work, so one bad dossier does not stop the others. */
export async function sweepDeadlines(deps: AppDeps, db: Database, now: Date): Promise<{ dossiers: number; alerts: number; apologies: number }> {
  const services = dossierServices(deps);
  // Working time is counted by the clock per dossier; the calendar horizon only bounds the candidates (Tết can
  // put 2 working days 12 calendar days apart).
  const horizon = new Date(now.getTime() + 21 * 24 * 3600 * 1000);
  const ids = await sweepCandidates(db, horizon, 1000);
  let alerts = 0;
  let apologies = 0;
  for (const id of ids) {
    const result = await runDossierUseCase(db, { actor: { kind: 'system', name: 'deadline-sweep' }, now }, services, (d) =>
      sweepDossierDeadlines(d, id),
    );
    if (result.ok) {
      alerts += result.value.alerts;
      if (result.value.apologyDrafted) apologies++;
    }
  }
  return { dossiers: ids.length, alerts, apologies };
}

export function dossierPeriodicTasks(deps: AppDeps): PeriodicTask[] {
  return [
    {
      name: 'dossier-deadline-sweep',
      everySeconds: deps.config.dossiers.sweepSeconds,
      run: async ({ db, clock }) => {
        await sweepDeadlines(deps, db, clock.now());
      },
    },
  ];
}
