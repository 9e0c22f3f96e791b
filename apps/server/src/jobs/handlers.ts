/**
 * Which handler delivers which outbox topic. Each module that enqueues a topic registers its handler here.
 */
import { completeDeps, type AppDepsInput } from '../deps';
import { dossierJobHandlers, dossierPeriodicTasks } from '../dossiers/dossier.jobs';
import { monitoringJobHandlers } from '../monitoring/monitoring.exports';
import type { JobHandler, PeriodicTask } from './job-runner';

export function buildJobHandlers(deps: AppDepsInput): Record<string, JobHandler> {
  return { ...dossierJobHandlers(completeDeps(deps)), ...monitoringJobHandlers(completeDeps(deps)) };
}

export function buildPeriodicTasks(deps: AppDepsInput): PeriodicTask[] {
  return [...dossierPeriodicTasks(completeDeps(deps))];
}
