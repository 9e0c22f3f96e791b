#!/usr/bin/env node
/** Type-checks the three TypeScript worlds: pure core (no Node types), the Node side, and the browser app. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
let failed = false;
for (const project of ['packages/core/tsconfig.json', 'tsconfig.json', 'apps/web/tsconfig.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--pretty'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed: ${project}`);
    failed = true;
  }
}
if (!failed) console.log('typecheck: all projects compile');
process.exit(failed ? 1 : 0);
