/** One admin CLI command: `npm run motcua -- <name> [positionals] [--options]`. */
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly options?: ParseArgsConfig['options'];
  /** Usage of the positional arguments, e.g. '<file>'; commands without it take none. */
  readonly positionals?: string;
  run(options: Record<string, string | boolean | undefined>, positionals?: readonly string[]): Promise<number>;
}
