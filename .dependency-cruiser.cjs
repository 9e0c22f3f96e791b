/**
 * The dependency rules of docs/architecture (shared/design/architecture.md), enforced by `npm run lint`:
 *   core      imports only its own modules (through their index) and zod — no I/O, no framework, no db, no adapters;
 *   contracts imports only zod;
 *   db, adapters import core and their vendor libraries, never each other nor the apps;
 *   web       imports contracts and UI libraries, never core, db or adapters;
 *   nobody    imports apps/server except its own tests.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'packages/core is the pure domain: only its own files, zod and the vetted lunar table package.',
      severity: 'error',
      from: { path: '^packages/core/src' },
      to: {
        pathNot: ['^packages/core/src', '^node_modules/zod/', '^node_modules/@nghiavuive/lunar_date_vi/'],
      },
    },
    {
      name: 'core-modules-through-index',
      comment: 'A core module imports another module only through its index.ts.',
      severity: 'error',
      from: { path: '^packages/core/src/([^/]+)/' },
      to: {
        path: '^packages/core/src/([^/]+)/(?!index\\.ts$)',
        pathNot: ['^packages/core/src/$1/'],
      },
    },
    {
      name: 'contracts-only-zod',
      severity: 'error',
      from: { path: '^packages/contracts/src' },
      to: { pathNot: ['^packages/contracts/src', '^node_modules/zod/'] },
    },
    {
      name: 'db-not-adapters-or-apps',
      severity: 'error',
      from: { path: '^packages/db/src' },
      to: { path: ['^packages/adapters', '^apps/', '^packages/contracts'] },
    },
    {
      name: 'adapters-not-db-or-apps',
      severity: 'error',
      from: { path: '^packages/adapters/src' },
      to: { path: ['^packages/db', '^apps/', '^packages/contracts'] },
    },
    {
      name: 'simulators-stand-alone',
      comment:
        'A simulator of an outside system imports nothing of ours: if it shared the adapter\'s code, both would be wrong together.',
      severity: 'error',
      from: { path: '^packages/simulators' },
      to: { path: ['^packages/(core|contracts|db|adapters)', '^apps/'] },
    },
    {
      name: 'web-only-contracts',
      comment: 'The browser app imports its own files, the shared contracts and npm libraries: no other package of ours, no Node built-ins.',
      severity: 'error',
      from: { path: '^apps/web/src' },
      to: { pathNot: ['^apps/web/src', '^packages/contracts/src', '^node_modules/'] },
    },
    {
      name: 'server-is-the-root',
      comment: 'Only the server itself, its tests and the test support import apps/server.',
      severity: 'error',
      from: { pathNot: ['^apps/server', '^test-support', '^e2e', '^bench'] },
      to: { path: '^apps/server' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
