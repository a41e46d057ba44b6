import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// A local stand-in for Haal Centraal BRP Bevragen (BRP API Personen 2.x), real HTTP, answering per the
// specification (/work/shared/standards/haal-centraal-brp-bevragen.openapi.json): POST /personen with a
// PersonenQuery; X-API-KEY required; the `fields` filter applied; errors as Foutbericht (application/problem+json).
// Fictitious test persons only: BSNs in the 999-range (999993653 is one RvIG publishes for testing).

export const TEST_API_KEY = 'brp-test-key-0123456789';

const date = (iso: string) => ({ type: 'Datum', datum: iso, langFormaat: iso });
const address = (straat: string, huisnummer: number, postcode: string, woonplaats: string, extra: Record<string, unknown> = {}) => ({
  type: 'Adres',
  verblijfadres: { officieleStraatnaam: straat, korteStraatnaam: straat, huisnummer, postcode, woonplaats, ...extra },
});

/** Fictitious persons of the mock (and of the demo's BRP story). */
export const TEST_PERSONS: Record<string, Record<string, unknown>> = {
  '999993653': {
    burgerservicenummer: '999993653',
    naam: { voornamen: 'Suzanne', voorvoegsel: 'van', geslachtsnaam: 'Moulin' },
    geboorte: { datum: date('1986-05-21') },
    verblijfplaats: address('Zamenhofdreef', 12, '3562JA', 'Utrecht'),
    partners: [],
    kinderen: [{ burgerservicenummer: '999990111', geboorte: { datum: date('2015-09-01') } }],
  },
  '999990925': {
    burgerservicenummer: '999990925',
    naam: { voornamen: 'Karim', geslachtsnaam: 'Bouzid' },
    geboorte: { datum: date('1979-11-02') },
    verblijfplaats: address('Braziliëdreef', 41, '3563CK', 'Utrecht', { huisletter: 'B' }),
    partners: [{ burgerservicenummer: '999990962' }],
    kinderen: [
      { burgerservicenummer: '999991036', geboorte: { datum: date('2012-03-14') } },
      { burgerservicenummer: '999991073', geboorte: { datum: date('1999-01-01') } },
    ],
  },
  '999991887': {
    burgerservicenummer: '999991887',
    naam: { voornamen: 'Els', geslachtsnaam: 'Jansen' },
    geboorte: { datum: { type: 'JaarDatum', jaar: 1968, langFormaat: '1968' } },
    verblijfplaats: address('Kanaalstraat', 7, '3531CJ', 'Utrecht', { huisnummertoevoeging: 'bis' }),
  },
  '999992405': {
    burgerservicenummer: '999992405',
    naam: { voornamen: 'Daan', geslachtsnaam: 'de Graaf' },
    geboorte: { datum: date('1995-07-30') },
    verblijfplaats: address('Nieuwe Gracht', 3, '3512LC', 'Utrecht'),
    partners: [{ burgerservicenummer: '999992442' }],
  },
};

export type MockMode = 'ok' | 'down' | 'hang';

export interface BrpMock {
  url: string;
  /** The requests received (bodies), to check what Samenplan asked for. */
  requests: Array<{ headers: IncomingMessage['headers']; body: any }>;
  mode: MockMode;
  close(): Promise<void>;
}

const FIELD = /^[a-zA-Z0-9._]{1,200}$/;
const AUTOMATIC = ['inOnderzoek', 'geheimhoudingPersoonsgegevens', 'opschortingBijhouding', 'rni', 'verificatie'];

function problem(res: ServerResponse, status: number, title: string, detail: string, code: string, invalidParams?: unknown[]) {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: `https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.${status === 400 ? 1 : 3}`, title, status, detail, code, instance: '/haalcentraal/api/brp/personen', invalidParams }));
}

/** Keeps only the paths asked for (a prefix of a requested path keeps the whole sub-object, as the API does). */
function pick(value: unknown, paths: string[][]): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, paths));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const sub = paths.filter((p) => p[0] === key);
    if (sub.length === 0) continue;
    out[key] = sub.some((p) => p.length === 1) ? v : pick(v, sub.map((p) => p.slice(1)));
  }
  // A date or an address keeps its type (the discriminator).
  if ('type' in (value as object) && Object.keys(out).length > 0) out.type = (value as { type: unknown }).type;
  return out;
}

export async function startBrpMock(): Promise<BrpMock> {
  const mock: BrpMock = { url: '', requests: [], mode: 'ok', close: async () => {} };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (mock.mode === 'hang') return; // never answers
      if (mock.mode === 'down') return problem(res, 503, 'Bronservice BRP is tijdelijk niet beschikbaar.', 'De bron is niet beschikbaar.', 'sourceUnavailable');
      if (req.method !== 'POST' || req.url !== '/haalcentraal/api/brp/personen') return problem(res, 404, 'Opgevraagde resource bestaat niet.', 'Onbekend pad.', 'notFound');
      if (req.headers['x-api-key'] !== TEST_API_KEY) return problem(res, 401, 'Niet correct geauthenticeerd.', 'API-sleutel ontbreekt of is onjuist.', 'authentication');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return problem(res, 415, 'Media Type wordt niet ondersteund.', 'Gebruik application/json.', 'unsupportedMediaType');
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        return problem(res, 400, 'Ongeldige JSON.', 'De body is geen JSON.', 'paramsValidation');
      }
      mock.requests.push({ headers: req.headers, body });
      const invalid: unknown[] = [];
      if (body.type !== 'RaadpleegMetBurgerservicenummer') invalid.push({ name: 'type', code: 'value', reason: 'Waarde is geen geldig zoek type.' });
      const bsns = body.burgerservicenummer;
      if (!Array.isArray(bsns) || bsns.length < 1 || bsns.length > 20 || bsns.some((b: unknown) => typeof b !== 'string' || !/^[0-9]{9}$/.test(b))) {
        invalid.push({ name: 'burgerservicenummer', code: 'array', reason: 'Parameter bevat een ongeldige waarde.' });
      }
      const fields = body.fields;
      if (!Array.isArray(fields) || fields.length < 1 || fields.some((f: unknown) => typeof f !== 'string' || !FIELD.test(f) || AUTOMATIC.includes(f.split('.').at(-1)!))) {
        invalid.push({ name: 'fields', code: 'fields', reason: 'Parameter bevat een niet bestaande veldnaam.' });
      }
      if (invalid.length) return problem(res, 400, 'Een of meerdere parameters zijn niet correct.', 'De foutieve parameter(s) zijn: zie invalidParams.', 'paramsValidation', invalid);
      const paths = (fields as string[]).map((f) => f.split('.'));
      const personen = (bsns as string[]).flatMap((b) => (TEST_PERSONS[b] ? [pick(TEST_PERSONS[b], paths)] : []));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ type: 'RaadpleegMetBurgerservicenummer', personen }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  mock.url = `http://127.0.0.1:${port}/haalcentraal/api/brp`;
  mock.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return mock;
}
