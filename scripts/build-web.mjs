#!/usr/bin/env node
/**
 * Builds the web app when its sources (apps/web, packages/contracts) changed since the last build. Run by
 * `npm install` (the `prepare` script) so that `npm start` starts serving at once, and again by `npm start`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const sources = [path.join(root, 'apps/web'), path.join(root, 'packages/contracts')];
const built = path.join(root, 'apps/web/dist/index.html');

function newestChange(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = path.join(dir, name);
    const stat = statSync(full);
    newest = Math.max(newest, stat.isDirectory() ? newestChange(full) : stat.mtimeMs);
  }
  return newest;
}

export function buildWebIfStale() {
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestChange));
  if (!stale) return 0;
  console.log('Building the web app…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    console.log('Vite is not installed (production install without dev dependencies): skipping the web build.');
    return 0;
  }
  const result = spawnSync(process.execPath, [vite, 'build', path.join(root, 'apps/web'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(buildWebIfStale());
