/**
 * The signed-in user, as the whole app sees it: one TanStack query on GET /api/v1/auth/session, and the
 * mutations that change it (sign-in steps, sign-out), which refresh that query so the CSRF token follows the
 * renewed session.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  loginBody,
  loginResponse,
  registerBody,
  signedInResponse,
} from '@motcua/contracts/identity';
import { api, fetchSession, rememberCsrfToken, type Infer, type SessionResponse } from '../api';

export type LoginRequest = Infer<typeof loginBody>;
export type RegisterRequest = Infer<typeof registerBody>;
type SignedIn = Infer<typeof signedInResponse>;
export type LoginResult = Infer<typeof loginResponse>;

export const sessionKey = ['session'] as const;

export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return {
    user: query.data?.user ?? null,
    isPending: query.isPending,
    error: query.error,
  };
}

/** A new session began: its user and CSRF token come with the answer, so no round trip is needed. */
function useSignedIn() {
  const client = useQueryClient();
  return (result: SignedIn) => {
    rememberCsrfToken(result.csrfToken);
    client.setQueryData<SessionResponse>(sessionKey, { user: result.user, csrfToken: result.csrfToken });
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post('/auth/login', body, loginResponse),
    onSuccess: (result) => {
      if (result.status === 'signed-in') signedIn(result);
      // A pending second step has its own session (and token): read it before the next write.
      else rememberCsrfToken(null);
    },
  });
}

/** The second step: a code from the authenticator app, either to verify or to finish enrolment. */
export function useTotp(step: 'verify' | 'enrol') {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (code: string) => api.post(`/auth/totp/${step}`, { code }, signedInResponse),
    onSuccess: signedIn,
  });
}

/** Registration signs the new citizen in at once. */
export function useRegister() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: RegisterRequest) => api.post('/auth/register', body, signedInResponse),
    onSuccess: signedIn,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/logout'),
    onSettled: async () => {
      rememberCsrfToken(null);
      client.setQueryData<SessionResponse>(sessionKey, { user: null, csrfToken: null });
      // Screens keep no data of the signed-out user.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      await client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** A path inside this app to go back to after sign-in; anything else (other sites, '//x') falls back. */
export function safeReturnTo(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.startsWith('/api/')) return fallback;
  return value;
}
