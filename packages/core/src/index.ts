/**
 * @motcua/core — the domain, pure TypeScript. Modules are imported through their own index:
 * `@motcua/core/shared`, `@motcua/core/calendar`, ... This root re-exports only the shared kernel and the union
 * of every module's error codes (the server's error table must cover each one).
 */
export * from './shared/index';
export type { ErrorCode } from './error-codes';
export { errorCodes } from './error-codes';
