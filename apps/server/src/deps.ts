/** What the app factory needs; main.ts builds it from configuration, tests build their own. */
import type { Clock } from '@motcua/core';
import type { ContentStore } from '@motcua/core/storage';
import { localContentStore, s3ContentStore } from '@motcua/adapters/storage';
import type { Database } from '@motcua/db';
import type { AppConfig } from './config';

export interface AppDeps {
  readonly config: AppConfig;
  readonly db: Database;
  readonly clock: Clock;
  /** File bytes (attachments, results, documents) under their SHA-256. */
  readonly contentStore: ContentStore;
}

/** The dependencies a caller must give; the adapters it leaves out are built from the configuration. */
export type AppDepsInput = Omit<AppDeps, 'contentStore'> & Partial<Pick<AppDeps, 'contentStore'>>;

export function completeDeps(input: AppDepsInput): AppDeps {
  if (input.contentStore) return input as AppDeps;
  const { storage } = input.config;
  return { ...input, contentStore: storage.s3 ? s3ContentStore(storage.s3) : localContentStore(storage.dir) };
}
