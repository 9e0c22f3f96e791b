/** What the app factory needs; main.ts builds it from configuration, tests build their own. */
import type { Clock } from '@motcua/core';
import type { Database } from '@motcua/db';
import type { AppConfig } from './config';

export interface AppDeps {
  readonly config: AppConfig;
  readonly db: Database;
  readonly clock: Clock;
}
