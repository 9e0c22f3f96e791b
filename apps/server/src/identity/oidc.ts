/**
 * Citizens' single sign-on through a generic OpenID Connect provider (VNeID / Cổng DVCQG speak OIDC):
 * authorization code + PKCE (S256) + state + nonce with openid-client 6. The provider's metadata is discovered
 * once, on first use. A plain-http issuer is accepted only on the loopback interface (tests, local IdPs).
 */
import * as client from 'openid-client';
import type { AuthConfig } from '../config';

export interface OidcClaims {
  readonly issuer: string;
  readonly subject: string;
  readonly name: string | null;
  /** Only an address the provider says it verified. */
  readonly email: string | null;
}

export interface OidcAuthorization {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface OidcClient {
  authorizationUrl(redirectUri: string): Promise<OidcAuthorization>;
  /** Exchanges the code of the callback URL; throws when anything does not check out. */
  complete(callbackUrl: URL, expected: { state: string; nonce: string; codeVerifier: string }): Promise<OidcClaims>;
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export function createOidcClient(oidc: NonNullable<AuthConfig['oidc']>): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const issuer = new URL(oidc.issuer);
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
  const discover = () => {
    configuration ??= client
      .discovery(issuer, oidc.clientId, oidc.clientSecret || undefined, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        configuration = undefined; // try again on the next sign-in
        throw error;
      });
    return configuration;
  };

  return {
    async authorizationUrl(redirectUri) {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async complete(callbackUrl, expected) {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('the provider returned no ID token');
      // Providers that conform to OIDC Core §5.4 put scope claims in the UserInfo answer, not in the ID token.
      const claims: Record<string, unknown> =
        idToken.name === undefined && tokens.access_token
          ? { ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)), ...idToken }
          : idToken;
      const name = typeof claims.name === 'string' ? claims.name : null;
      const email = typeof claims.email === 'string' && claims.email_verified === true ? claims.email : null;
      return { issuer: idToken.iss, subject: idToken.sub, name, email };
    },
  };
}
