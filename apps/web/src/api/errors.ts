/**
 * A failed API call as one typed error. Problem+json answers (RFC 9457) keep their `code`, the `title` in the
 * language the client asked for, and field errors keyed by the request field ('identifier', 'applicant.phone').
 * Two codes come from the client itself: NETWORK_ERROR (no answer) and INVALID_RESPONSE (an answer that breaks
 * the contract — a bug, reported to the user as an unexpected error).
 */
import { problemSchema, type Problem } from '@motcua/contracts/problem';

export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer came. */
    readonly status: number,
    /** The problem's stable code (AUTH_INVALID_CREDENTIALS …) or a client code. */
    readonly code: string,
    /** The problem's title in the requested language; empty for client codes (the UI says it). */
    readonly title: string,
    /** Field path (without the 'body.' / 'query.' prefix) → message. */
    readonly fieldErrors: Readonly<Record<string, string>>,
    readonly problem: Problem | null,
  ) {
    super(title || code);
  }

  get requestId(): string | undefined {
    return this.problem?.requestId;
  }

  /** The problem's `details` (e.g. `retryAfterSeconds` of AUTH_LOCKED). */
  get details(): Record<string, unknown> {
    return this.problem?.details ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** 'body.applicant.phone' → 'applicant.phone'; 'query.page' → 'page'. */
export function fieldKey(field: string): string {
  return field.replace(/^(body|query|params|headers)\./, '');
}

export function apiErrorFromProblem(status: number, json: unknown): ApiError {
  const parsed = problemSchema.safeParse(json);
  if (!parsed.success) return new ApiError(status, 'INVALID_RESPONSE', '', {}, null);
  const problem = parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const error of problem.errors ?? []) fieldErrors[fieldKey(error.field)] ??= error.message;
  return new ApiError(status, problem.code, problem.title, fieldErrors, problem);
}
