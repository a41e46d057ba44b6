import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations
import { Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Mijn Samenplan (issue 11): a resident logs in with OpenID Connect as a DigiD broker offers it — its own issuer and
// client, separate from staff's — with the BSN as the subject claim. Against a real identity provider (oidc-provider,
// in-process), driven like a browser.

const CLIENT_ID = 'samenplan-inwoners';
const CLIENT_SECRET = 'een-lang-testgeheim-voor-de-inwoners-0123456789';
const CALLBACK_PATH = '/api/v1/portal/session/oidc/callback';

class Browser {
  private jars = new Map<string, Map<string, string>>();
  async request(url: string | URL, init: { method?: string; form?: Record<string, string> } = {}) {
    const u = new URL(url);
    let jar = this.jars.get(u.host);
    if (!jar) this.jars.set(u.host, (jar = new Map()));
    const headers: Record<string, string> = { accept: 'text/html,application/json' };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(u, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=thu, 01 jan 1970/i.test(attrs.join(';'))) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }
  cookie(host: string, name: string) {
    return this.jars.get(host)?.get(name);
  }
}

const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/').replace(/&quot;/g, '"');

let server: TestServer;
let world: World;
let idp: http.Server;
let annaBsn: string;

async function loginWithDigid(b: Browser, account: string) {
  const start = `${server.baseUrl}/api/v1/portal/session/oidc/login?returnTo=%2Fmijn`;
  const first = await b.request(start);
  expect(first.status).toBe(302);
  let url = new URL(first.headers.get('location')!, start);
  for (let step = 0; step < 20; step += 1) {
    if (url.origin === server.baseUrl && url.pathname === CALLBACK_PATH) return b.request(url);
    const res = await b.request(url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected page at the IdP: ${html.slice(0, 300)}`);
    const posted = await b.request(new URL(unescapeHtml(action), url), { method: 'POST', form: prompt === 'login' ? { prompt, login: account, password: 'x' } : { prompt } });
    url = new URL(posted.headers.get('location')!, url);
  }
  throw new Error('too many redirects');
}

beforeAll(async () => {
  let handler: http.RequestListener | null = null;
  idp = http.createServer((req, res) => (handler ? handler(req, res) : ((res.statusCode = 503), res.end())));
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  server = await startTestServer({
    template: 'empty',
    config: { residentOidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, allowInsecure: true } },
  });
  world = await createWorld(server.ownerDb);
  annaBsn = (await server.ownerDb.selectFrom('residents').select('bsn').where('id', '=', world.residents.ov1).executeTakeFirstOrThrow()).bsn;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${server.baseUrl}${CALLBACK_PATH}`],
      },
    ],
    // The broker's subject is the BSN, and nothing else.
    async findAccount(_ctx: unknown, id: string) {
      return { accountId: id, async claims() { return { sub: id }; } };
    },
    claims: { openid: ['sub'] },
    pkce: { required: () => true },
    cookies: { keys: ['idp-cookie-sleutel-voor-de-test-0123456789'] },
    jwks: { keys: [generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })] },
    features: { devInteractions: { enabled: true } },
  });
  handler = provider.callback() as http.RequestListener;
});

afterAll(async () => {
  await server?.close();
  idp?.closeAllConnections();
  await new Promise((resolve) => idp?.close(resolve));
});

describe('Mijn Samenplan: login with DigiD (OpenID Connect, BSN as subject)', () => {
  it('the options say DigiD is on; the staff OIDC is not configured and stays off', async () => {
    expect(((await fetch(`${server.baseUrl}/api/v1/portal/session/options`).then((r) => r.json())) as { oidc: boolean }).oidc).toBe(true);
    expect(((await fetch(`${server.baseUrl}/api/v1/session/options`).then((r) => r.json())) as { oidc: boolean }).oidc).toBe(false);
    expect((await fetch(`${server.baseUrl}/api/v1/session/oidc/login`, { redirect: 'manual' })).status).toBe(404);
  });

  it('a resident with a file logs in and lands on /mijn with a resident session', async () => {
    const b = new Browser();
    const callback = await loginWithDigid(b, annaBsn);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/mijn');
    const host = new URL(server.baseUrl).host;
    const token = b.cookie(host, 'samenplan_session');
    expect(token).toBeTruthy();
    const s = await fetch(`${server.baseUrl}/api/v1/portal/session`, { headers: { cookie: `samenplan_session=${token}` } });
    expect(s.status).toBe(200);
    expect(((await s.json()) as { resident: { id: string }; authMethod: string })).toMatchObject({ resident: { id: world.residents.ov1 }, authMethod: 'oidc' });
    // The same session is no staff session.
    expect((await fetch(`${server.baseUrl}/api/v1/session`, { headers: { cookie: `samenplan_session=${token}` } })).status).toBe(401);
  });

  it('a BSN without a file in Samenplan, or a subject that is no BSN, gets a clear problem and no session', async () => {
    for (const [account, status] of [['999999990', 403], ['niet-een-bsn', 401]] as const) {
      const b = new Browser();
      const callback = await loginWithDigid(b, account);
      expect(callback.status, account).toBe(status);
      expect(callback.headers.get('content-type')).toContain('application/problem+json');
      expect(b.cookie(new URL(server.baseUrl).host, 'samenplan_session')).toBeUndefined();
    }
  });
});
