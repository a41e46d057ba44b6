import fc from 'fast-check';
import type { Operation, Parameter } from './operations.ts';
import { pathParamKind } from './pools.ts';
import { coherent, hostileQueryValues, malformedIds, mutate, mutationsArb, validish, type IdSource } from './values.ts';

// One fuzz case for one operation: the path with its ids, the query string, the body (or a broken one), and the
// headers, all as raw text so nothing in between can "fix" them.

export type Stranger = 'otherMunicipality' | 'noPermission' | 'anonymous';

export interface PathPart {
  name: string;
  /** good: an id the caller sees; foreign: another municipality's; nothing: a uuid of nothing; malformed. */
  quality: 'good' | 'foreign' | 'nothing' | 'malformed' | 'enum';
  raw: string;
}

export interface BodyPart {
  /** What it is, for the report. */
  shape: string;
  raw: string | Buffer;
  contentType: string | null;
  /** Send a Content-Length that does not match the body. */
  lyingLength?: number;
}

export type IfMatch = { kind: 'current' } | { kind: 'none' } | { kind: 'value'; value: string };
export type CookieVariant = 'valid' | 'none' | 'garbage' | 'duplicate' | 'valid+junk' | 'unsigned-junk' | 'huge';
export type CsrfVariant = 'valid' | 'missing' | 'wrong';

export interface FuzzCase {
  stranger: Stranger;
  path: PathPart[];
  query: string;
  body: BodyPart | null;
  ifMatch: IfMatch;
  cookie: CookieVariant;
  csrf: CsrfVariant;
  extraHeaders: Array<[string, string]>;
}

/** encodeURIComponent, except that a lone surrogate goes out as its (invalid) three UTF-8 bytes instead of throwing. */
export function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += `%ED%${(0xa0 | ((cp >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (cp & 0x3f)).toString(16).toUpperCase()}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** A path value the caller can use (an id it sees, a listed enum value); null when there is none. */
function goodPathPartArb(op: Operation, p: Parameter, ids: IdSource): fc.Arbitrary<PathPart> | null {
  if (Array.isArray(p.schema.enum) && p.schema.enum.length) {
    return fc.constantFrom(...(p.schema.enum as unknown[])).map((v) => ({ name: p.name, quality: 'enum' as const, raw: enc(String(v)) }));
  }
  const kind = p.name === 'code' ? 'escoCode' : pathParamKind(op.path, p.name);
  const own = kind === 'escoCode' ? ids.escoCodes() : ids.own(kind);
  return own.length ? fc.constantFrom(...own).map((v) => ({ name: p.name, quality: 'good' as const, raw: enc(v) })) : null;
}

function pathPartArb(op: Operation, p: Parameter, ids: IdSource): fc.Arbitrary<PathPart> {
  const name = p.name;
  if (Array.isArray(p.schema.enum) && p.schema.enum.length) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(p.schema.enum as unknown[])).map((v) => ({ name, quality: 'enum' as const, raw: enc(String(v)) })) },
      { weight: 1, arbitrary: fc.constantFrom('0', '2', '-1', '999999999999', '1.5', 'NaN', 'abc', '').map((v) => ({ name, quality: 'malformed' as const, raw: enc(v) })) },
    );
  }
  const kind = p.schema.format === 'uuid' ? pathParamKind(op.path, name) : name === 'code' ? 'escoCode' : pathParamKind(op.path, name);
  const own = kind === 'escoCode' ? ids.escoCodes() : ids.own(kind);
  const foreign = ids.foreign(kind);
  const options: Array<{ weight: number; arbitrary: fc.Arbitrary<PathPart> }> = [
    { weight: 1, arbitrary: fc.uuid().map((u) => ({ name, quality: 'nothing' as const, raw: u })) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constantFrom(...malformedIds).map((v) => enc(v)),
        // Raw, not encoded: broken percent-encoding, characters that need encoding, a path too long.
        fc.constantFrom('%', '%E0%A4%A', '%zz', '%C0%AF', '%00', '%2e%2e', 'a%2Fb', '..', '~', "'", 'x'.repeat(120), '%F0%9F%98', '@', ';a=b'),
      ).map((raw) => ({ name, quality: 'malformed' as const, raw })),
    },
  ];
  if (own.length) options.push({ weight: 9, arbitrary: fc.constantFrom(...own).map((v) => ({ name, quality: 'good' as const, raw: enc(v) })) });
  if (foreign.length) options.push({ weight: 1, arbitrary: fc.constantFrom(...foreign).map((v) => ({ name, quality: 'foreign' as const, raw: enc(v) })) });
  return fc.oneof(...options);
}

const queryValue = (v: unknown) => enc(typeof v === 'string' ? v : JSON.stringify(v) ?? '');

/** Every parameter omitted or valid-ish. */
function cleanQueryArb(op: Operation, ids: IdSource): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === 'query');
  return fc
    .tuple(...params.map((p) => (p.required ? validish(p.schema, p.name, ids).map((v) => [v]) : fc.option(validish(p.schema, p.name, ids), { freq: 2 }).map((v) => (v === null ? [] : [v])))))
    .map((values) => values.flatMap((vs, i) => vs.map((v) => `${enc(params[i]!.name)}=${queryValue(v)}`)).join('&'))
    .map((q) => (q ? `?${q}` : ''));
}

function queryArb(op: Operation, ids: IdSource): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === 'query');
  const one = (p: Parameter): fc.Arbitrary<string[]> => {
    const valid = validish(p.schema, p.name, ids, 0, { edges: true }).map((v) => [`${enc(p.name)}=${queryValue(v)}`]);
    return fc.oneof(
      { weight: p.required ? 0 : 3, arbitrary: fc.constant([] as string[]) },
      { weight: 5, arbitrary: valid },
      { weight: 3, arbitrary: hostileQueryValues.map((v) => [`${enc(p.name)}=${enc(v)}`]) },
      // The same parameter twice (an array where one value belongs), empty, without "=".
      { weight: 1, arbitrary: fc.tuple(valid, hostileQueryValues).map(([a, b]) => [...a, `${enc(p.name)}=${enc(b)}`]) },
      { weight: 1, arbitrary: fc.constantFrom(`${enc(p.name)}=`, enc(p.name), `${enc(p.name)}[]=1`, `${enc(p.name)}[a]=1`, `${enc(p.name)}=%`, `${enc(p.name)}=%E0%A4%A`, `${enc(p.name)}=%00`).map((x) => [x]) },
    );
  };
  const structured = fc.tuple(...params.map(one), fc.option(fc.constantFrom('unknown=1', 'limit=-1', '__proto__[x]=1', 'constructor[prototype][x]=1', `q=${'x'.repeat(5000)}`), { freq: 5 })).map(
    (parts) => parts.flat().filter((x): x is string => typeof x === 'string' && x.length > 0).join('&'),
  );
  const raw = fc.constantFrom('&&&', '=', '==&=', '%', '%%%', '?', '#frag', 'a=1&&b=2&', ';a=1', 'a=%E0%A4%A', '&'.repeat(2000), 'a='.repeat(1000));
  return fc.oneof({ weight: 9, arbitrary: structured }, { weight: 1, arbitrary: raw }).map((q) => (q ? `?${q}` : ''));
}

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** A body that (mostly) satisfies the schema, as JSON. */
function cleanBodyArb(op: Operation, ids: IdSource): fc.Arbitrary<BodyPart | null> {
  if (!op.body) return fc.constant(op.method === 'GET' || op.method === 'DELETE' ? null : { shape: 'empty object', raw: '{}', contentType: 'application/json' });
  return validish(op.body, 'body', ids).map((v) => ({ shape: 'valid-ish', raw: json(coherent(v)), contentType: 'application/json' }));
}

function bodyArb(op: Operation, ids: IdSource): fc.Arbitrary<BodyPart | null> {
  const valid = op.body ? validish(op.body, 'body', ids, 0, { edges: true }).map(coherent) : fc.constant({});
  const asJson = (shape: string) => (v: unknown): BodyPart => ({ shape, raw: json(v), contentType: 'application/json' });
  const broken: fc.Arbitrary<BodyPart> = fc.oneof(
    fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", '[1,2', 'nul', 'NaN', '{"a":NaN}', '{"a":Infinity}', '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '"just a string"', '12', 'true', 'null', '[]', '[{}]', '').map((raw) => ({ shape: `broken JSON ${JSON.stringify(raw.slice(0, 30))}`, raw, contentType: 'application/json' })),
    fc.constantFrom(5_000, 100_000).map((n) => ({ shape: `nested ${n} deep`, raw: '['.repeat(n) + ']'.repeat(n), contentType: 'application/json' })),
    valid.map((v) => ({ shape: 'oversized', raw: json({ ...(v && typeof v === 'object' ? v : {}), padding: 'x'.repeat(1_100_000) }), contentType: 'application/json' })),
    valid.map((v) => ({ shape: 'array of the body', raw: json([v, v]), contentType: 'application/json' })),
    fc
      .tuple(valid, fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'Application/JSON', 'application/jsonx', 'application/json, text/plain', ';;;', '*/*', 'application/problem+json', 'application/json;', 'text/json', null))
      .map(([v, contentType]) => ({ shape: `content-type ${String(contentType)}`, raw: json(v), contentType })),
    valid.map((v) => ({ shape: 'content-length that lies', raw: json(v), contentType: 'application/json', lyingLength: Math.max(0, json(v).length - 1) })),
  );
  if (!op.body) {
    // Operations without a body: mostly none, sometimes junk that must be ignored or refused.
    return fc.oneof({ weight: 6, arbitrary: fc.constant(op.method === 'GET' || op.method === 'DELETE' ? null : { shape: 'empty object', raw: '{}', contentType: 'application/json' }) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: broken });
  }
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(asJson('valid-ish')) },
    { weight: 4, arbitrary: fc.tuple(valid, mutationsArb(ids)).map(([v, m]) => asJson(`mutated ${m.map((x) => x.op).join('+')}`)(mutate(v, m))) },
    { weight: 2, arbitrary: broken },
    { weight: op.bodyRequired ? 1 : 0, arbitrary: fc.constant(null) },
  );
}

const ifMatchArb: fc.Arbitrary<IfMatch> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: 'current' } as IfMatch) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' } as IfMatch) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom('*', '"', '""', 'W/', 'W/""', '"resident-x-v1"', '"plan-00000000-0000-4000-8000-000000000000-v1"', '"resident-00000000-0000-4000-8000-000000000000-v99999999999999999999"', '"a", "b"', ' , ', '\t', 'null'),
        fc.uuid().map((u) => `"resident-${u}-v-1"`),
        fc.integer().map((n) => `"plan-00000000-0000-4000-8000-000000000000-v${n}"`),
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
        fc.constant('"x"'.repeat(3000)),
      )
      .map((value) => ({ kind: 'value', value }) as IfMatch),
  },
);

const headerNoise: fc.Arbitrary<Array<[string, string]>> = fc.array(
  fc.oneof(
    fc.constantFrom<[string, string]>(
      ['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
      ['traceparent', 'zz'],
      ['traceparent', '00-00000000000000000000000000000000-0000000000000000-01'],
      ['traceparent', 'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
      ['traceparent', `00-${'a'.repeat(5000)}-b7ad6b7169203331-01`],
      ['traceparent', '00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01'],
      ['tracestate', 'a=b,,,,=c'],
      ['accept', 'application/xml'],
      ['accept', 'text/html;q=0, */*;q=0'],
      ['accept-language', 'xx'],
      ['accept-encoding', 'gzip;q=2, br, zstd, x'],
      ['x-forwarded-for', 'not-an-ip, , 999.1.1.1'],
      ['x-forwarded-proto', 'gopher'],
      ['x-forwarded-host', '../../'],
      ['range', 'bytes=9-1'],
      ['if-none-match', '"x"'],
      ['origin', 'https://evil.example'],
      ['transfer-encoding', 'gzip'],
      ['content-encoding', 'gzip'],
      ['expect', 'something'],
      ['api-version', '0.0.1'],
    ),
    fc.tuple(fc.constantFrom('traceparent', 'if-match', 'x-csrf-token', 'cookie', 'content-type', 'accept'), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([k, v]) => [k, v.replace(/[\r\n]/g, ' ')] as [string, string]),
  ),
  { maxLength: 2 },
);

type Dimension = 'path' | 'query' | 'body' | 'ifMatch' | 'cookie' | 'csrf' | 'headers';

/**
 * Cases in three kinds: clean (everything valid-ish, to get deep into the services), one thing wrong (one
 * dimension hostile, the rest clean: the error must come from that one thing and must not be a 5xx), and chaos.
 */
export function fuzzCaseArb(op: Operation, ids: IdSource, strangers: Stranger[]): fc.Arbitrary<FuzzCase> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const hasIfMatch = op.params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  const cleanPath = fc
    .tuple(
      ...pathParams.map((p) => {
        const mixed = pathPartArb(op, p, ids);
        const good = goodPathPartArb(op, p, ids);
        return good ? fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: mixed }) : mixed;
      }),
    )
    .map((parts) => {
      // Ids that belong together: the resident of the goal (when the goal was found under a resident).
      const last = [...parts].reverse().find((x) => x.quality === 'good');
      const parents = last ? ids.parents(decodeURIComponent(last.raw)) : {};
      return parts.map((x) => (x !== last && x.quality === 'good' && parents[x.name] ? { ...x, raw: enc(parents[x.name]!) } : x));
    });
  const hostile = {
    path: fc.tuple(...pathParams.map((p) => pathPartArb(op, p, ids))),
    query: queryArb(op, ids),
    body: bodyArb(op, ids),
    ifMatch: hasIfMatch ? ifMatchArb : fc.oneof({ weight: 9, arbitrary: fc.constant({ kind: 'none' } as IfMatch) }, { weight: 1, arbitrary: ifMatchArb }),
    cookie: fc.constantFrom<CookieVariant>('valid', 'none', 'garbage', 'duplicate', 'valid+junk', 'unsigned-junk', 'huge'),
    csrf: fc.constantFrom<CsrfVariant>('valid', 'missing', 'wrong'),
    extraHeaders: headerNoise,
  };
  const clean = {
    path: cleanPath,
    query: cleanQueryArb(op, ids),
    body: cleanBodyArb(op, ids),
    ifMatch: fc.constant<IfMatch>(hasIfMatch ? { kind: 'current' } : { kind: 'none' }),
    cookie: fc.constant<CookieVariant>('valid'),
    csrf: fc.constant<CsrfVariant>('valid'),
    extraHeaders: fc.constant([] as Array<[string, string]>),
  };
  const dims: Dimension[] = ['body', 'query', 'path', 'ifMatch', 'cookie', 'csrf', 'headers'].filter(
    (d) =>
      (d !== 'path' || pathParams.length > 0) &&
      (d !== 'query' || op.params.some((p) => p.in === 'query') || op.method === 'GET') &&
      (d !== 'ifMatch' || hasIfMatch) &&
      (d !== 'csrf' || op.method !== 'GET'),
  ) as Dimension[];
  const build = (pick: (d: Dimension) => boolean) =>
    fc.record({
      stranger: fc.constantFrom(...strangers),
      path: pick('path') ? hostile.path : clean.path,
      query: pick('query') ? hostile.query : clean.query,
      body: pick('body') ? hostile.body : clean.body,
      ifMatch: pick('ifMatch') ? hostile.ifMatch : clean.ifMatch,
      cookie: pick('cookie') ? hostile.cookie : clean.cookie,
      csrf: pick('csrf') ? hostile.csrf : clean.csrf,
      extraHeaders: pick('headers') ? hostile.extraHeaders : clean.extraHeaders,
    });
  // Bodies carry most of the input: they are the one wrong thing more often.
  const weighted = dims.flatMap((d) => (d === 'body' && op.body ? [d, d, d, d] : d === 'query' || d === 'path' ? [d, d] : [d]));
  return fc.oneof(
    { weight: 4, arbitrary: build(() => false) },
    { weight: 5, arbitrary: fc.constantFrom(...weighted).chain((wrong) => build((d) => d === wrong)) },
    { weight: 1, arbitrary: build(() => true) },
  );
}

/** The path of a case, from the operation's template. */
export function pathOf(op: Operation, parts: PathPart[]): string {
  let p = op.path;
  for (const part of parts) p = p.replace(`{${part.name}}`, part.raw);
  return p;
}
