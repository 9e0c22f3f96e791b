/**
 * Which handler delivers which outbox topic. Each module that enqueues a topic registers its handler here.
 */
import type { AppDeps } from '../deps';
import { dossierJobHandlers, dossierPeriodicTasks } from '../dossiers/dossier.jobs';
import type { JobHandler, PeriodicTask } from './job-runner';

export function buildJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { ...dossierJobHandlers(deps) };
}

export function buildPeriodicTasks(deps: AppDeps): PeriodicTask[] {
  return [...dossierPeriodicTasks(deps)];
}
