import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations (and @types/oidc-provider is not installed)
import { Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// OpenID Connect login against a real identity provider (oidc-provider, in-process on a random port),
// driven like a browser: fetch with manual redirects and a cookie jar per host.

const CLIENT_ID = 'samenplan-test';
const CLIENT_SECRET = 'een-lang-testgeheim-voor-de-client-0123456789';
const CALLBACK_PATH = '/api/v1/session/oidc/callback';

/** Accounts at the identity provider: accountId (= sub) → preferred_username. */
const IDP_ACCOUNTS: Record<string, string> = {
  // Bound to wm.ov through staff_users.oidc_subject; its username at the IdP differs on purpose.
  'idp-sub-ov': 'w.overvecht',
  // Not bound yet: matched on username.
  'idp-sub-ar': 'wm.ar',
  // Someone the IdP knows but Samenplan does not.
  'idp-sub-onbekend': 'onbekend.persoon',
  // Claims the username of wm.ov, whose account is already bound to another subject.
  'idp-sub-kaper': 'wm.ov',
  // Matched on username, but deactivated in Samenplan.
  'idp-sub-inactief': 'wm.ar2',
};

interface CookieRecord {
  value: string;
  attributes: string;
}

/** A minimal browser: one cookie jar per host, redirects followed by hand. */
class Browser {
  private jars = new Map<string, Map<string, CookieRecord>>();
  /** Every Set-Cookie header seen, in order, with its host. */
  readonly setCookies: Array<{ host: string; header: string }> = [];

  cookie(host: string, name: string): CookieRecord | undefined {
    return this.jars.get(host)?.get(name);
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const u = new URL(url);
    let jar = this.jars.get(u.host);
    if (!jar) this.jars.set(u.host, (jar = new Map()));
    const headers: Record<string, string> = { accept: 'text/html,application/json', ...init.headers };
    if (jar.size) headers.cookie = [...jar].map(([k, c]) => `${k}=${c.value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(u, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) {
      this.setCookies.push({ host: u.host, header });
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const attributes = attrs.join(';');
      if (value === '' || /expires=thu, 01 jan 1970/i.test(attributes) || /max-age=0(?:;|$)/i.test(attributes)) jar.delete(name);
      else jar.set(name, { value, attributes });
    }
    return res;
  }
}

function location(res: Response, base: string | URL): URL {
  const loc = res.headers.get('location');
  if (!loc) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(loc, base);
}

const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/').replace(/&quot;/g, '"');

interface FlowResult {
  /** The 302 from our login endpoint. */
  loginRedirect: URL;
  /** The IdP's redirect back to us (callback URL with code, state, iss). */
  callbackUrl: URL;
  /** Which IdP forms were submitted, in order. */
  prompts: string[];
}

/**
 * Starts at our login endpoint and walks through the IdP (authorize → login form → consent form) until the IdP
 * sends the browser back to our callback. Does NOT call the callback: the caller does (or tampers with it first).
 */
async function walkToCallback(b: Browser, server: TestServer, account: string, returnTo?: string): Promise<FlowResult> {
  const start = `${server.baseUrl}/api/v1/session/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const first = await b.request(start);
  expect(first.status).toBe(302);
  const loginRedirect = location(first, start);
  let url = loginRedirect;
  const prompts: string[] = [];
  for (let step = 0; step < 20; step += 1) {
    if (url.origin === server.baseUrl && url.pathname === CALLBACK_PATH) return { loginRedirect, callbackUrl: url, prompts };
    const res = await b.request(url);
    if (res.status >= 300 && res.status < 400) {
      url = location(res, url);
      continue;
    }
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at the IdP: ${html.slice(0, 300)}`);
    prompts.push(prompt);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login: account, password: 'wat-dan-ook' } : { prompt };
    const posted = await b.request(new URL(unescapeHtml(action), url), { method: 'POST', form });
    expect(posted.status).toBeGreaterThanOrEqual(300);
    expect(posted.status).toBeLessThan(400);
    url = location(posted, url);
  }
  throw new Error('too many redirects');
}

/** The whole login; returns the callback's response. */
async function loginViaIdp(b: Browser, server: TestServer, account: string, returnTo?: string) {
  const flow = await walkToCallback(b, server, account, returnTo);
  const callback = await b.request(flow.callbackUrl);
  return { ...flow, callback };
}

function expectProblem(res: Response, body: { title?: string; status?: number; detail?: string }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  // Never a stack trace or internal error text.
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|stack|Error:/);
}

function sessionCookieSet(b: Browser, host: string): boolean {
  return b.setCookies.some((c) => c.host === host && c.header.startsWith('samenplan_session=') && !/samenplan_session=;/.test(c.header));
}

describe('OpenID Connect login', () => {
  let server: TestServer;
  let idp: http.Server;
  let issuer: string;
  let host: string;
  let handler: http.RequestListener | null = null;
  let loginWhileIdpDown: { status: number; contentType: string | null; title: unknown };

  beforeAll(async () => {
    // 1. The IdP's socket first (its issuer URL holds the port); it answers 503 until the provider exists.
    idp = http.createServer((req, res) => {
      if (handler) return handler(req, res);
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;

    // 2. Samenplan, which learns its own port only after listening; discovery is lazy.
    server = await startTestServer({
      template: 'empty',
      config: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowInsecure: true } },
    });
    host = new URL(server.baseUrl).host;
    await createWorld(server.ownerDb);
    await server.ownerDb.updateTable('staff_users').set({ oidc_subject: 'idp-sub-ov' }).where('username', '=', 'wm.ov').execute();
    await server.ownerDb.updateTable('staff_users').set({ active: false }).where('username', '=', 'wm.ar2').execute();

    // 3. While the IdP is down, a login attempt fails cleanly (and discovery must be retried later).
    const down = await fetch(`${server.baseUrl}/api/v1/session/oidc/login`, { redirect: 'manual' });
    loginWhileIdpDown = { status: down.status, contentType: down.headers.get('content-type'), title: ((await down.json()) as { title: unknown }).title };

    // 4. The provider, with the client registered for Samenplan's real callback URL.
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: [`${server.baseUrl}${CALLBACK_PATH}`],
          post_logout_redirect_uris: [`${server.baseUrl}/`],
        },
      ],
      async findAccount(_ctx: unknown, id: string) {
        return {
          accountId: id,
          async claims() {
            const username = IDP_ACCOUNTS[id] ?? id;
            return { sub: id, preferred_username: username, name: `IdP ${username}`, email: `${username}@idp.example.org` };
          },
        };
      },
      claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email'] },
      // Put the profile claims in the ID token (as most enterprise IdPs do).
      conformIdTokenClaims: false,
      // PKCE for every client, also confidential ones.
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      cookies: { keys: ['idp-cookie-sleutel-voor-de-test-0123456789'] },
      jwks: { keys: [signingKey] },
      features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    });
    handler = provider.callback() as http.RequestListener;
  });

  afterAll(async () => {
    await server?.close();
    idp?.closeAllConnections();
    await new Promise((resolve) => idp?.close(resolve));
  });

  it('answers 503 problem+json while the IdP is unreachable, and retries discovery afterwards', async () => {
    expect(loginWhileIdpDown.status).toBe(503);
    expect(loginWhileIdpDown.contentType).toMatch(/^application\/problem\+json/);
    expect(loginWhileIdpDown.title).toBe('Inlogdienst niet bereikbaar');
    const res = await fetch(`${server.baseUrl}/api/v1/session/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(302);
  });

  it('redirects to the authorization endpoint with PKCE (S256), state and nonce, and a short-lived flow cookie', async () => {
    const b = new Browser();
    const res = await b.request(`${server.baseUrl}/api/v1/session/oidc/login?returnTo=%2Fbewoners%3Fq%3Dx`);
    expect(res.status).toBe(302);
    const to = location(res, server.baseUrl);
    expect(`${to.origin}${to.pathname}`).toBe(`${issuer}/auth`);
    const q = to.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(`${server.baseUrl}${CALLBACK_PATH}`);
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    const flowCookie = b.cookie(host, 'samenplan_oidc');
    expect(flowCookie).toBeDefined();
    expect(flowCookie!.attributes).toMatch(/HttpOnly/i);
    expect(flowCookie!.attributes).toMatch(/SameSite=Lax/i);
    expect(flowCookie!.attributes).toMatch(/Path=\/api\/v1\/session\/oidc(;|$)/);
    expect(flowCookie!.attributes).toMatch(/Max-Age=600/);
    // Signed: the value carries an HMAC, and the challenge is never the verifier itself.
    expect(decodeURIComponent(flowCookie!.value)).toMatch(/\.[A-Za-z0-9+/_-]{20,}={0,2}$/);
  });

  it('rejects a returnTo that leaves the site', async () => {
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'bewoners']) {
      const res = await fetch(`${server.baseUrl}/api/v1/session/oidc/login?returnTo=${encodeURIComponent(bad)}`, { redirect: 'manual' });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('logs in wm.ov (matched on subject) through login and consent, then uses and ends the session', async () => {
    const b = new Browser();
    const { prompts, callback, callbackUrl } = await loginViaIdp(b, server, 'idp-sub-ov', '/bewoners');
    expect(prompts).toEqual(['login', 'consent']);
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/bewoners');

    const session = b.cookie(host, 'samenplan_session');
    expect(session).toBeDefined();
    expect(session!.attributes).toMatch(/HttpOnly/i);
    expect(session!.attributes).toMatch(/SameSite=Lax/i);
    expect(session!.attributes).toMatch(/Path=\/(;|$)/);
    // The flow cookie is gone after the callback.
    expect(b.cookie(host, 'samenplan_oidc')).toBeUndefined();

    const me = await b.request(`${server.baseUrl}/api/v1/session`, { headers: { accept: 'application/json' } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { authMethod: string; csrfToken: string; user: { username: string; roles: string[] } };
    expect(body.authMethod).toBe('oidc');
    expect(body.user.username).toBe('wm.ov');
    expect(body.user.roles).toEqual(['jobCoach']);

    const residents = await b.request(`${server.baseUrl}/api/v1/residents`, { headers: { accept: 'application/json' } });
    expect(residents.status).toBe(200);

    // The code cannot be redeemed twice: the flow cookie was consumed.
    const replay = await b.request(callbackUrl);
    expectProblem(replay, (await replay.json()) as never, 400);

    const logout = await b.request(`${server.baseUrl}/api/v1/session`, { method: 'DELETE', headers: { 'x-csrf-token': body.csrfToken } });
    expect(logout.status).toBe(204);
    expect(b.cookie(host, 'samenplan_session')).toBeUndefined();
    // The old token no longer works either, even if a client kept it.
    const again = await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie: `samenplan_session=${session!.value}` } });
    expect(again.status).toBe(401);
  });

  it('logs in wm.ar (no subject yet, matched on preferred_username) and returns to / by default', async () => {
    const b = new Browser();
    const { callback } = await loginViaIdp(b, server, 'idp-sub-ar');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const me = await b.request(`${server.baseUrl}/api/v1/session`);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { authMethod: string; user: { username: string; municipality: { name: string } } };
    expect(body.authMethod).toBe('oidc');
    expect(body.user.username).toBe('wm.ar');
    expect(body.user.municipality.name).toBe('Arnhem (test)');
    // The first login binds the IdP subject to the account.
    const bound = await server.ownerDb.selectFrom('staff_users').select('oidc_subject').where('username', '=', 'wm.ar').executeTakeFirstOrThrow();
    expect(bound.oidc_subject).toBe('idp-sub-ar');
  });

  it('refuses someone the IdP knows but Samenplan does not: 403, no session', async () => {
    const b = new Browser();
    const { callback } = await loginViaIdp(b, server, 'idp-sub-onbekend');
    const body = (await callback.json()) as { title: string; status: number; detail: string };
    expectProblem(callback, body, 403);
    expect(body.title).toBe('Geen account in Samenplan');
    expect(JSON.stringify(body)).not.toContain('onbekend.persoon');
    expect(sessionCookieSet(b, host)).toBe(false);
    expect((await b.request(`${server.baseUrl}/api/v1/session`)).status).toBe(401);
  });

  it('does not let a username take over an account that is bound to another subject', async () => {
    const b = new Browser();
    const { callback } = await loginViaIdp(b, server, 'idp-sub-kaper');
    const body = (await callback.json()) as { title: string; status: number; detail: string };
    expectProblem(callback, body, 403);
    expect(body.title).toBe('Geen account in Samenplan');
    expect(sessionCookieSet(b, host)).toBe(false);
  });

  it('refuses an inactive account: 403, no session', async () => {
    const b = new Browser();
    const { callback } = await loginViaIdp(b, server, 'idp-sub-inactief');
    const body = (await callback.json()) as { title: string; status: number; detail: string };
    expectProblem(callback, body, 403);
    expect(body.detail).toMatch(/niet \(meer\) actief/);
    expect(sessionCookieSet(b, host)).toBe(false);
  });

  it('refuses a callback with a tampered state: 400 problem+json, no session', async () => {
    const b = new Browser();
    const { callbackUrl } = await walkToCallback(b, server, 'idp-sub-ov');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);
    const res = await b.request(tampered);
    const body = (await res.json()) as { title: string; status: number; detail: string };
    expectProblem(res, body, 400);
    expect(body.title).toBe('Inloggen mislukt');
    expect(body.detail).toMatch(/opnieuw/);
    expect(sessionCookieSet(b, host)).toBe(false);
    // The flow is spent: even the genuine callback no longer works.
    const genuine = await b.request(callbackUrl);
    expectProblem(genuine, (await genuine.json()) as never, 400);
    expect(sessionCookieSet(b, host)).toBe(false);
  });

  it('refuses a callback without the flow cookie (e.g. another browser): 400', async () => {
    const b = new Browser();
    const { callbackUrl } = await walkToCallback(b, server, 'idp-sub-ov');
    const res = await fetch(callbackUrl, { redirect: 'manual' });
    const body = (await res.json()) as { title: string; status: number; detail: string };
    expectProblem(res, body, 400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('samenplan_session=') && !c.startsWith('samenplan_session=;'))).toBe(false);
  });

  it('refuses a forged flow cookie (bad signature): 400', async () => {
    const b = new Browser();
    const { callbackUrl } = await walkToCallback(b, server, 'idp-sub-ov');
    const forged = Buffer.from(
      JSON.stringify({ verifier: 'a'.repeat(43), state: callbackUrl.searchParams.get('state'), nonce: 'n', returnTo: '/', expiresAt: Date.now() + 60_000 }),
    ).toString('base64url');
    const res = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: `samenplan_oidc=${forged}.AAAA` } });
    expectProblem(res, (await res.json()) as never, 400);
  });

  it('turns an IdP error (user cancels: access_denied) into 401 problem+json', async () => {
    const b = new Browser();
    const start = `${server.baseUrl}/api/v1/session/oidc/login`;
    let url = location(await b.request(start), start);
    // authorize → interaction page; then cancel there.
    const toInteraction = await b.request(url);
    url = location(toInteraction, url);
    expect(url.pathname).toMatch(/^\/interaction\//);
    let res = await b.request(new URL(`${url.pathname}/abort`, url));
    url = location(res, url);
    for (let i = 0; i < 5 && !(url.origin === server.baseUrl && url.pathname === CALLBACK_PATH); i += 1) {
      res = await b.request(url);
      url = location(res, url);
    }
    expect(url.searchParams.get('error')).toBe('access_denied');
    const cb = await b.request(url);
    const body = (await cb.json()) as { title: string; status: number; detail: string };
    expectProblem(cb, body, 401);
    expect(body.title).toBe('Inloggen mislukt');
    expect(sessionCookieSet(b, host)).toBe(false);
  });

  it('logs out at Samenplan and offers the IdP end-session URL', async () => {
    const b = new Browser();
    await loginViaIdp(b, server, 'idp-sub-ov');
    const me = (await (await b.request(`${server.baseUrl}/api/v1/session`)).json()) as { csrfToken: string };
    const noCsrf = await b.request(`${server.baseUrl}/api/v1/session/oidc/logout`, { method: 'POST' });
    expect(noCsrf.status).toBe(403);
    const res = await b.request(`${server.baseUrl}/api/v1/session/oidc/logout`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status).toBe(200);
    const { endSessionUrl } = (await res.json()) as { endSessionUrl: string };
    const end = new URL(endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${server.baseUrl}/`);
    expect((await b.request(`${server.baseUrl}/api/v1/session`)).status).toBe(401);
    // The IdP accepts the request (it shows its logout confirmation).
    expect((await b.request(end)).status).toBe(200);
  });

  it('documents the OIDC routes in the OpenAPI description', async () => {
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; tags: string[]; responses: Record<string, unknown> }>>;
    };
    expect(doc.paths['/session/oidc/login']?.get?.operationId).toBe('startOidcLogin');
    expect(doc.paths['/session/oidc/login']?.get?.responses['302']).toBeDefined();
    expect(doc.paths['/session/oidc/callback']?.get?.tags).toEqual(['Sessie']);
    expect(doc.paths['/session/oidc/logout']?.post?.operationId).toBe('deleteOidcSession');
  });
});
