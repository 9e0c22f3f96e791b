#!/usr/bin/env node
/**
 * `npm test`: every check and every suite — lint (dependency rules), typecheck, the web build, then vitest's
 * unit, db, api, web and e2e projects. Ends with one line `N passed, N failed` (lint, typecheck and the build
 * count as one test each). Extra arguments go to vitest, e.g. `npm test -- --project unit`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args, env = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status === 0) passed++;
  else {
    failed++;
    process.stdout.write(`✖ ${name} failed\n`);
  }
  return result.status === 0;
}

const node = process.execPath;
step('lint (dependency rules, core purity)', node, ['scripts/lint.mjs']);
step('typecheck', node, ['scripts/typecheck.mjs']);
step('web build', node, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn']);

const reportDir = path.join(root, 'test-results');
mkdirSync(reportDir, { recursive: true });
const report = path.join(reportDir, 'vitest.json');
rmSync(report, { force: true });
process.stdout.write('\n▶ vitest (unit, db, api, web, e2e)\n');
const vitest = spawnSync(
  node,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { cwd: root, stdio: 'inherit', env: process.env },
);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  skipped += json.numPendingTests + json.numTodoTests;
  // A file that fails to load (syntax error, failing hook) has no failing test of its own: count it.
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')) {
      failed++;
      process.stdout.write(`✖ ${path.relative(root, file.name)} failed outside any test: ${file.message}\n`);
    }
  }
} else {
  failed++;
  process.stdout.write(`✖ vitest produced no report (exit ${vitest.status})\n`);
}
if (vitest.status !== 0 && failed === 0) failed++;

if (skipped > 0) process.stdout.write(`(${skipped} skipped — each skip names its reason in the output above)\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
