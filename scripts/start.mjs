#!/usr/bin/env node
/**
 * `npm start`: builds the web app when its sources changed, then starts the server — on the embedded database
 * under ./data with the demo data on first start, unless DATABASE_URL says otherwise.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWebIfStale } from './build-web.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`MotCua needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');
const status = buildWebIfStale();
if (status !== 0) process.exit(status);

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
