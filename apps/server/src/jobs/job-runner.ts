/**
 * Delivers the outbox: claims due messages, runs the handler registered for each topic, records the outcome.
 * Failures back off exponentially (30 s, 1 min, 2 min … capped at 6 h) up to the message's max attempts, then the
 * message stays `failed` for an operator to see. A handler that throws PermanentJobError is not retried.
 * Periodic tasks (deadline sweeps) run under a lease so that one server instance runs each at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '@motcua/core';
import type { Database } from '@motcua/db';
import { acquireLease, claimDueMessages, markMessageDone, markMessageFailed } from '@motcua/db/outbox';

export interface JobContext {
  readonly db: Database;
  readonly clock: Clock;
  readonly messageId: string;
  readonly attempt: number;
}

export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface PeriodicTask {
  readonly name: string;
  readonly everySeconds: number;
  run(context: { db: Database; clock: Clock }): Promise<void>;
}

export interface JobRunnerOptions {
  readonly db: Database;
  readonly clock: Clock;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly periodic?: readonly PeriodicTask[];
  readonly logger?: JobLogger;
  readonly batchSize?: number;
  readonly lockSeconds?: number;
  readonly pollMilliseconds?: number;
  /**
   * Claim only messages whose topic has a handler: messages enqueued for a module whose handler is not deployed
   * yet (e.g. document.render, national-portal.sync) wait, pending, instead of failing for good.
   */
  readonly onlyRegisteredTopics?: boolean;
}

const BASE_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 6 * 3600;

export function retryDelaySeconds(attempt: number): number {
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** Math.max(0, attempt - 1));
}

export function createJobRunner(options: JobRunnerOptions) {
  const { db, clock, handlers } = options;
  const holder = `runner-${randomUUID()}`;
  const lastPeriodicRun = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function deliver(): Promise<number> {
    const messages = await claimDueMessages(db, {
      now: clock.now(),
      limit: options.batchSize ?? 10,
      lockSeconds: options.lockSeconds ?? 300,
      ...(options.onlyRegisteredTopics ? { topics: Object.keys(handlers) } : {}),
    });
    for (const message of messages) {
      const handler = handlers[message.topic];
      try {
        if (!handler) throw new PermanentJobError(`No handler for topic ${message.topic}`);
        await handler(message.payload, { db, clock, messageId: message.id, attempt: message.attempts });
        await markMessageDone(db, message.id, clock.now());
      } catch (error) {
        const permanent = error instanceof PermanentJobError || message.attempts >= message.maxAttempts;
        const retryAt = permanent ? null : new Date(clock.now().getTime() + retryDelaySeconds(message.attempts) * 1000);
        await markMessageFailed(db, message.id, String((error as Error).message ?? error), retryAt);
        options.logger?.warn(
          { topic: message.topic, messageId: message.id, attempt: message.attempts, retryAt, err: error },
          permanent ? 'job failed permanently' : 'job failed, will retry',
        );
      }
    }
    return messages.length;
  }

  async function runPeriodic(): Promise<void> {
    const now = clock.now();
    for (const task of options.periodic ?? []) {
      const last = lastPeriodicRun.get(task.name) ?? 0;
      if (now.getTime() - last < task.everySeconds * 1000) continue;
      lastPeriodicRun.set(task.name, now.getTime());
      const until = new Date(now.getTime() + task.everySeconds * 1000);
      if (!(await acquireLease(db, task.name, holder, now, until))) continue;
      try {
        await task.run({ db, clock });
      } catch (error) {
        options.logger?.error({ task: task.name, err: error }, 'periodic task failed');
      }
    }
  }

  /** Delivers everything due now (repeatedly, until nothing is due) and runs due periodic tasks. */
  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await deliver();
      total += n;
      if (n === 0) break;
    }
    await runPeriodic();
    return total;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .catch((error) => options.logger?.error({ err: error }, 'job runner cycle failed'))
        .finally(schedule);
    }, options.pollMilliseconds ?? 1000);
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
