/**
 * Which handler delivers which outbox topic. Each module that enqueues a topic registers its handler here.
 */
import type { AppDeps } from '../deps';
import type { JobHandler, PeriodicTask } from './job-runner';

export function buildJobHandlers(_deps: AppDeps): Record<string, JobHandler> {
  return {};
}

export function buildPeriodicTasks(_deps: AppDeps): PeriodicTask[] {
  return [];
}
