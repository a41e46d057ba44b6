import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../config.ts';
import { API_PREFIX } from '../http/openapi.ts';

// OpenID Connect relying party: authorization code flow with PKCE (S256), state and nonce.
// The short-lived login state lives in a signed, httpOnly cookie scoped to the OIDC routes only.

export const OIDC_PATH = `${API_PREFIX}/session/oidc`;
export const OIDC_CALLBACK_PATH = `${OIDC_PATH}/callback`;
export const OIDC_FLOW_COOKIE = 'samenplan_oidc';
/** How long a started login may take at the identity provider. */
export const OIDC_FLOW_SECONDS = 10 * 60;
export const OIDC_SCOPE = 'openid profile email';

/** What we remember between the redirect to the identity provider and the callback. */
export interface OidcFlow {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  /** Epoch milliseconds; the cookie's Max-Age is only advisory for the browser. */
  expiresAt: number;
}

const flowSchema = z.object({
  verifier: z.string().min(43).max(128),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  returnTo: z.string(),
  expiresAt: z.number().int(),
});

/**
 * A path on this site to return to after login: starts with one "/", no "//" or "/\" (which browsers treat as
 * another host), no backslashes or control characters.
 */
export function isSafeReturnTo(value: string): boolean {
  return (
    value.length <= 500 &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(value)
  );
}

export function encodeFlow(flow: OidcFlow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url');
}

/** The flow from an (already signature-checked) cookie value; null when malformed or expired. */
export function decodeFlow(value: string, now = Date.now()): OidcFlow | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const result = flowSchema.safeParse(parsed);
  if (!result.success || result.data.expiresAt < now || !isSafeReturnTo(result.data.returnTo)) return null;
  return result.data;
}

export function newFlow(returnTo: string): OidcFlow {
  return {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    returnTo,
    expiresAt: Date.now() + OIDC_FLOW_SECONDS * 1000,
  };
}

export interface OidcIdentity {
  subject: string;
  /** preferred_username from the ID token (or, when absent there, from the userinfo endpoint). */
  username: string | null;
}

/** Names the kind of a failure for logs, without its message (which may hold values from tokens). */
export function describeOidcError(err: unknown): Record<string, string | undefined> {
  if (!(err instanceof Error)) return { name: typeof err };
  const e = err as Error & { code?: unknown; error?: unknown };
  return {
    name: e.name,
    code: typeof e.code === 'string' ? e.code : undefined,
    // OAuth error code from the identity provider (e.g. invalid_grant); never its description.
    error: typeof e.error === 'string' ? e.error : undefined,
  };
}

export class OidcDiscoveryError extends Error {
  constructor(cause: unknown) {
    super('OIDC discovery failed', { cause });
    this.name = 'OidcDiscoveryError';
  }
}

/**
 * The relying party for one configured issuer. Discovery is lazy and cached; a failed discovery is
 * retried on the next request. `publicUrl` is read at request time (tests learn their port late).
 */
export function createOidcClient(
  oidc: OidcConfig,
  publicUrl: () => string,
  /** Where this relying party's login and callback live (residents: the portal's own path, ADR 0016). */
  basePath: string = OIDC_PATH,
  scope: string = OIDC_SCOPE,
) {
  let configuration: Promise<client.Configuration> | null = null;

  function discover(): Promise<client.Configuration> {
    configuration ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined,
        // client_secret_basic is the OpenID Connect default every provider supports; public clients use PKCE only.
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        oidc.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        configuration = null;
        throw new OidcDiscoveryError(err);
      });
    return configuration;
  }

  const callbackUrl = () => `${publicUrl().replace(/\/$/, '')}${basePath}/callback`;

  return {
    callbackUrl,

    async authorizationUrl(flow: OidcFlow): Promise<URL> {
      const config = await discover();
      return client.buildAuthorizationUrl(config, {
        redirect_uri: callbackUrl(),
        scope,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      });
    },

    /** Validates the authorization response, redeems the code and returns who logged in. Throws on any failure. */
    async exchange(flow: OidcFlow, rawQuery: string): Promise<OidcIdentity> {
      const config = await discover();
      const currentUrl = new URL(callbackUrl());
      currentUrl.search = rawQuery;
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || typeof claims.sub !== 'string' || !claims.sub) throw new Error('ID token without subject');
      let username = typeof claims.preferred_username === 'string' ? claims.preferred_username : null;
      // Some providers only put profile claims in the userinfo response.
      if (username === null && config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          username = typeof info.preferred_username === 'string' ? info.preferred_username : null;
        } catch {
          username = null;
        }
      }
      return { subject: claims.sub, username };
    },

    /** RP-initiated logout at the provider, or null when it does not offer that. */
    async endSessionUrl(): Promise<string | null> {
      let config: client.Configuration;
      try {
        config = await discover();
      } catch {
        return null;
      }
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client
        .buildEndSessionUrl(config, { client_id: oidc.clientId, post_logout_redirect_uri: `${publicUrl().replace(/\/$/, '')}/` })
        .toString();
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
