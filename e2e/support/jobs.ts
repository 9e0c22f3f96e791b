/**
 * The server's job runner for browser tests, as `npm start` runs it beside the app (apps/server/src/main.ts): every
 * registered topic (document.sign signs approved results with the certificates in the store), polled often so
 * that a page polling for the outcome sees it within a second or two. Stop it before closing the server.
 */
import { buildJobHandlers } from '../../apps/server/src/jobs/handlers';
import { createJobRunner, type JobRunner } from '../../apps/server/src/jobs/job-runner';
import type { TestServer } from './server';

export function startJobRunner(server: TestServer, pollMilliseconds = 300): JobRunner {
  const runner = createJobRunner({ db: server.db, clock: server.clock, handlers: buildJobHandlers(server), onlyRegisteredTopics: true, pollMilliseconds });
  runner.start();
  return runner;
}

/** The job runner once, now: runs what is due (the forms issued so far rendered to PDF), for a test that shows the wait first. */
export async function runJobsOnce(server: TestServer): Promise<void> {
  await createJobRunner({ db: server.db, clock: server.clock, handlers: buildJobHandlers(server), onlyRegisteredTopics: true }).runOnce();
}
