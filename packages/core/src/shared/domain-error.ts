/**
 * A domain error carries a stable string code and structured details, never an HTTP status: the server owns the
 * one table from code to status and to the Vietnamese and English titles.
 */
export interface DomainError<C extends string = string> {
  readonly code: C;
  /** English, for logs and developers; users see the title of the code in their language. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function domainError<C extends string>(
  code: C,
  message: string,
  details?: Record<string, unknown>,
): DomainError<C> {
  return details === undefined ? { code, message } : { code, message, details };
}

/** Thrown (not returned) across layers that cannot carry a Result, e.g. a route handler; the edge maps it. */
export class DomainErrorException extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainErrorException';
  }
}

/** Codes every module may use. Module codes live beside their module (e.g. calendar.errors.ts). */
export const sharedErrorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
] as const;
export type SharedErrorCode = (typeof sharedErrorCodes)[number];
