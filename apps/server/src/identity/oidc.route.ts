/**
 * GET /auth/oidc/start?returnTo=/path → 302 to the provider; GET /auth/oidc/callback → 302 back to returnTo with
 * a signed-in citizen session. returnTo must be a path on this site (no open redirect). A failed sign-in returns
 * to returnTo with `authError=oidc` in the query so the web app can say so.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { problemSchema } from '@motcua/contracts';
import { oidcCallbackQuery, oidcStartQuery } from '@motcua/contracts/identity';
import { saveOidcLoginState, takeOidcLoginState } from '@motcua/db/identity';
import type { AppDeps } from '../deps';
import { signInWithOidc } from './auth.service';
import { contextOf } from './guards';
import { createOidcClient } from './oidc';
import { setSessionCookie } from './session';

const STATE_LIFETIME_MS = 10 * 60_000;
const redirect = z.null().describe('Redirect (Location header)');

export async function oidcRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const settings = deps.config.auth.oidc;
  const client = settings ? createOidcClient(settings) : null;
  const redirectUri = `${deps.config.server.publicUrl}/api/v1/auth/oidc/callback`;
  const notConfigured = () =>
    new DomainErrorException(domainError('AUTH_PROVIDER_NOT_CONFIGURED', 'No OpenID Connect provider is configured'));

  api.get(
    '/auth/oidc/start',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start signing in with the configured OpenID Connect provider (302)',
        querystring: oidcStartQuery,
        response: { 302: redirect, 400: problemSchema, 404: problemSchema, 502: problemSchema },
      },
    },
    async (request, reply) => {
      if (!client) throw notConfigured();
      let authorization;
      try {
        authorization = await client.authorizationUrl(redirectUri);
      } catch (error) {
        request.log.error({ err: error }, 'OpenID Connect discovery failed');
        throw new DomainErrorException(domainError('AUTH_OIDC_FAILED', 'The identity provider cannot be reached'));
      }
      await saveOidcLoginState(deps.db, {
        state: authorization.state,
        nonce: authorization.nonce,
        codeVerifier: authorization.codeVerifier,
        returnTo: request.query.returnTo,
        expiresAt: new Date(deps.clock.now().getTime() + STATE_LIFETIME_MS),
      });
      return reply.redirect(authorization.url, 302);
    },
  );

  api.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['identity'],
        summary: 'Where the OpenID Connect provider returns; signs the citizen in and redirects to returnTo (302)',
        querystring: oidcCallbackQuery,
        response: { 302: redirect, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      if (!client) throw notConfigured();
      const stored = request.query.state ? await takeOidcLoginState(deps.db, request.query.state, deps.clock.now()) : null;
      if (!stored) throw new DomainErrorException(domainError('AUTH_OIDC_FAILED', 'Unknown or expired sign-in state'));
      const failed = () => reply.redirect(withQuery(stored.returnTo, 'authError', 'oidc'), 302);
      if (request.query.error) return failed();
      let claims;
      try {
        claims = await client.complete(new URL(request.url, deps.config.server.publicUrl), stored);
      } catch (error) {
        request.log.warn({ err: error }, 'OpenID Connect callback rejected');
        return failed();
      }
      const session = await signInWithOidc(deps, contextOf(request, deps.clock), claims);
      setSessionCookie(reply, deps.config.auth, session.token, session.expiresAt);
      return reply.redirect(stored.returnTo, 302);
    },
  );
}

function withQuery(path: string, key: string, value: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}
