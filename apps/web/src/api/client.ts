/**
 * The typed fetch wrapper every screen uses. Same-origin cookies carry the session; writes carry the CSRF token
 * from GET /api/v1/auth/session in `x-csrf-token`; `Accept-Language` follows the page's language (<html lang>),
 * so problem titles come back in it. Answers are parsed with the zod schemas of @motcua/contracts; failures
 * become an ApiError.
 */
import { sessionResponse } from '@motcua/contracts/identity';
import { ApiError, apiErrorFromProblem } from './errors';

/** Anything with zod's `parse` (the web app depends on contracts only, not on zod itself). */
export interface Parser<T> {
  parse(value: unknown): T;
}

/** The type a contract schema parses to: `Infer<typeof loginBody>`. */
export type Infer<S extends Parser<unknown>> = ReturnType<S['parse']>;
export type SessionResponse = Infer<typeof sessionResponse>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  body?: unknown;
  schema?: Parser<T>;
  signal?: AbortSignal;
  /** Extra headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

const apiBase = '/api/v1';
let csrfToken: string | null = null;

export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Sign-in answers carry the new session's token: use it for the writes that follow. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

function language(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'vi';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(response.status, 'INVALID_RESPONSE', '', {}, null);
  }
}

async function send(method: Method, path: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    csrfToken ??= (await fetchSession()).csrfToken;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(`${apiBase}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', '', {}, null);
  }
}

export async function apiRequest<T = undefined>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 403 && method !== 'GET') {
    // The session (and its token) may have been renewed since we read it: fetch the token again, retry once.
    const problem = (await readJson(response.clone())) as { code?: string } | undefined;
    if (problem?.code === 'CSRF_REJECTED') {
      csrfToken = (await fetchSession()).csrfToken;
      response = await send(method, path, options);
    }
  }
  const json = await readJson(response);
  if (!response.ok) throw apiErrorFromProblem(response.status, json);
  if (!options.schema) return undefined as T;
  try {
    return options.schema.parse(json);
  } catch {
    throw new ApiError(response.status, 'INVALID_RESPONSE', '', {}, null);
  }
}

export const api = {
  get: <T>(path: string, schema: Parser<T>, options: Omit<RequestOptions<T>, 'schema' | 'body'> = {}) =>
    apiRequest('GET', path, { ...options, schema }),
  post: <T = undefined>(path: string, body?: unknown, schema?: Parser<T>, options: Omit<RequestOptions<T>, 'schema' | 'body'> = {}) =>
    apiRequest<T>('POST', path, { ...options, body, ...(schema ? { schema } : {}) }),
  put: <T = undefined>(path: string, body?: unknown, schema?: Parser<T>, options: Omit<RequestOptions<T>, 'schema' | 'body'> = {}) =>
    apiRequest<T>('PUT', path, { ...options, body, ...(schema ? { schema } : {}) }),
  delete: (path: string, options: Omit<RequestOptions<undefined>, 'schema' | 'body'> = {}) => apiRequest('DELETE', path, options),
};

/** GET /api/v1/auth/session; remembers the CSRF token for the writes that follow. */
export async function fetchSession(): Promise<SessionResponse> {
  const response = await send('GET', '/auth/session', {});
  const json = await readJson(response);
  if (!response.ok) throw apiErrorFromProblem(response.status, json);
  let session: SessionResponse;
  try {
    session = sessionResponse.parse(json);
  } catch {
    throw new ApiError(response.status, 'INVALID_RESPONSE', '', {}, null);
  }
  csrfToken = session.csrfToken;
  return session;
}
