#!/usr/bin/env node
// The `motcua` bin: runs the admin CLI through tsx from this checkout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, ['--import', 'tsx', `${root}apps/server/src/cli/main.ts`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
