/**
 * Which handler delivers which outbox topic. Each module that enqueues a topic registers its handler here.
 */
import { completeDeps, type AppDepsInput } from '../deps';
import { dossierJobHandlers, dossierPeriodicTasks } from '../dossiers/dossier.jobs';
import { monitoringJobHandlers } from '../monitoring/monitoring.exports';
import { documentJobHandlers } from '../documents/document.jobs';
import { signatureJobHandlers, signaturePeriodicTasks } from '../signatures/signature.jobs';
import type { JobHandler, JobLogger, PeriodicTask } from './job-runner';

export function buildJobHandlers(deps: AppDepsInput): Record<string, JobHandler> {
  const complete = completeDeps(deps);
  return { ...dossierJobHandlers(complete), ...monitoringJobHandlers(complete), ...documentJobHandlers(complete), ...signatureJobHandlers(complete) };
}

export function buildPeriodicTasks(deps: AppDepsInput, logger?: JobLogger): PeriodicTask[] {
  return [...dossierPeriodicTasks(completeDeps(deps)), ...signaturePeriodicTasks(deps.config, logger)];
}
