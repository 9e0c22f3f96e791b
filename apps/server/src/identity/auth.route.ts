/** Sign-in, TOTP, registration, sign-out and the session probe (contract: packages/contracts/src/identity.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, type DomainError } from '@motcua/core';
import { checkPassword, normalizeEmail, normalizePhone, passwordMessages } from '@motcua/core/identity';
import { problemSchema } from '@motcua/contracts';
import {
  loginBody,
  loginResponse,
  providersResponse,
  registerBody,
  sessionResponse,
  signedInResponse,
  totpBody,
} from '@motcua/contracts/identity';
import type { AppDeps } from '../deps';
import { RequestValidationError } from '../http/validation';
import { completeTotp, registerCitizen, signInWithPassword, signOut, type NewSessionCookie } from './auth.service';
import { contextOf } from './guards';
import { clearSessionCookie, setSessionCookie } from './session';

const authErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema };

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const auth = deps.config.auth;
  const rateLimit = { rateLimit: { max: auth.rateLimitPerMinute, timeWindow: '1 minute' } };

  const fail = (reply: FastifyReply, error: DomainError): never => {
    const retry = error.details?.retryAfterSeconds;
    if (typeof retry === 'number') reply.header('retry-after', String(retry));
    throw new DomainErrorException(error);
  };
  const withCookie = (reply: FastifyReply, cookie: NewSessionCookie) => setSessionCookie(reply, auth, cookie.token, cookie.expiresAt);

  api.get(
    '/auth/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Who is signed in, and the CSRF token to send as x-csrf-token on writes',
        response: { 200: sessionResponse },
      },
    },
    async (request) => ({ user: request.session?.user ?? null, csrfToken: request.session?.csrfToken ?? null }),
  );

  api.post(
    '/auth/login',
    {
      config: rateLimit,
      schema: {
        tags: ['identity'],
        summary: 'Password step: citizens are signed in; officers continue with their TOTP code or enrolment',
        body: loginBody,
        response: { 200: loginResponse, ...authErrors },
      },
    },
    async (request, reply) => {
      const result = await signInWithPassword(deps, contextOf(request, deps.clock), { ...request.body, ip: request.ip });
      if (!result.ok) return fail(reply, result.error);
      const outcome = result.value;
      withCookie(reply, outcome.cookie);
      if (outcome.status === 'signed-in') return { status: outcome.status, user: outcome.user, csrfToken: outcome.cookie.csrfToken };
      if (outcome.status === 'totp-required') return { status: outcome.status };
      return { status: outcome.status, enrolment: outcome.enrolment };
    },
  );

  for (const mode of ['verify', 'enrol'] as const) {
    api.post(
      `/auth/totp/${mode}`,
      {
        config: rateLimit,
        schema: {
          tags: ['identity'],
          summary:
            mode === 'verify'
              ? 'Officer’s second step: the 6-digit code from the authenticator app'
              : 'Confirm TOTP enrolment with the first code from the newly scanned secret',
          body: totpBody,
          response: { 200: signedInResponse, ...authErrors },
        },
      },
      async (request, reply) => {
        const result = await completeTotp(deps, contextOf(request, deps.clock), request.session, request.body.code, mode);
        if (!result.ok) return fail(reply, result.error);
        withCookie(reply, result.value.cookie);
        return { status: result.value.status, user: result.value.user, csrfToken: result.value.cookie.csrfToken };
      },
    );
  }

  api.post(
    '/auth/logout',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign out: revokes the session',
        response: { 204: z.null().describe('Signed out'), 403: problemSchema },
      },
    },
    async (request, reply) => {
      await signOut(deps, contextOf(request, deps.clock), request.session);
      clearSessionCookie(reply, auth);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/auth/register',
    {
      config: rateLimit,
      schema: {
        tags: ['identity'],
        summary: 'Register a citizen or business account with an e-mail address or phone number and a password',
        body: registerBody,
        response: { 201: signedInResponse, 409: problemSchema, ...authErrors },
      },
    },
    async (request, reply) => {
      const input = normalizeRegistration(request);
      const result = await registerCitizen(deps, contextOf(request, deps.clock), input);
      if (!result.ok) return fail(reply, result.error);
      withCookie(reply, result.value.cookie);
      return reply.code(201).send({ status: 'signed-in', user: result.value.user, csrfToken: result.value.cookie.csrfToken });
    },
  );

  api.get(
    '/auth/providers',
    { schema: { tags: ['identity'], summary: 'The sign-in methods configured', response: { 200: providersResponse } } },
    async () => ({
      password: true as const,
      oidc: auth.oidc ? { displayName: auth.oidc.displayName, startUrl: '/api/v1/auth/oidc/start' } : null,
    }),
  );
}

function normalizeRegistration(request: FastifyRequest<{ Body: z.infer<typeof registerBody> }>) {
  const body = request.body;
  const issues: { code: 'custom'; path: string[]; message: string; input: unknown }[] = [];
  const email = body.email ? normalizeEmail(body.email) : null;
  const phone = body.phone ? normalizePhone(body.phone) : null;
  if (body.phone && !phone) {
    issues.push({ code: 'custom', path: ['phone'], message: 'Số điện thoại không hợp lệ | The phone number is not valid', input: undefined });
  }
  const problem = checkPassword(body.password, [email, phone, body.email, body.phone]);
  if (problem) issues.push({ code: 'custom', path: ['password'], message: passwordMessages[problem], input: undefined });
  if (issues.length > 0) throw new RequestValidationError('body', issues);
  return { fullName: body.fullName, email, phone, password: body.password };
}
