#!/usr/bin/env node
/**
 * Lint: the architecture's dependency rules (dependency-cruiser) and the purity of core, which a module graph
 * cannot see: core reads no clock, no environment and no global I/O.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let failures = 0;

const cruise = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs',
   'packages', 'apps/server/src', 'apps/web/src', '--output-type', 'err'],
  { cwd: root, stdio: 'inherit' },
);
if (cruise.status !== 0) failures++;

const forbidden = [
  [/\bDate\.now\(/, 'Date.now() — take a Clock'],
  [/new Date\(\)/, 'new Date() without an argument — take a Clock'],
  [/\bprocess\./, 'process — configuration is passed in'],
  [/\bMath\.random\(/, 'Math.random() — take an id or random source port'],
  [/\b(setTimeout|setInterval)\(/, 'timers — core is synchronous domain logic'],
  [/\bfetch\(/, 'fetch — I/O belongs in adapters'],
];
function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) yield full;
  }
}
for (const file of files(path.join(root, 'packages/core/src'))) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const [pattern, why] of forbidden) {
      if (pattern.test(line)) {
        console.error(`${path.relative(root, file)}:${i + 1}: core must stay pure: ${why}`);
        failures++;
      }
    }
  });
}

if (failures === 0) console.log('lint: dependency rules and core purity hold');
process.exit(failures === 0 ? 0 : 1);
