import fc from 'fast-check';
import { makeBsn } from '../fixtures.ts';
import type { JsonSchema } from './operations.ts';
import { kindOf } from './pools.ts';

// Values for the fuzzer: "valid-ish" ones generated from a JSON Schema of the OpenAPI document (so requests get past
// validation often enough to reach the services), and hostile ones (wrong types, extremes, impossible dates,
// control characters, very long strings, malformed ids).

export interface IdSource {
  /** Ids of this kind the caller can see (may be empty). */
  own(kind: string): string[];
  /** Ids of this kind in another municipality. */
  foreign(kind: string): string[];
  /** Any id the caller can see, of any kind. */
  anyOwn(): string[];
  escoCodes(): string[];
  usernames(): string[];
  /** The path parameters an id was found under (the resident of a goal). */
  parents(id: string): Record<string, string>;
}

const NIL = '00000000-0000-0000-0000-000000000000';
const MAX = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export const malformedIds = [
  '',
  ' ',
  '0',
  '-1',
  '1',
  'null',
  'undefined',
  'abc',
  '1e309',
  'NaN',
  NIL.slice(1),
  `${NIL}0`,
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
  'g0000000-0000-4000-8000-000000000000',
  '00000000-0000-4000-8000-00000000000\u0000',
  "' OR '1'='1",
  '1; DROP TABLE residents; --',
  '../../../etc/passwd',
  '..%2f..%2f',
  '%',
  '%00',
  '\u202e',
  'ä',
  '😀',
  'x'.repeat(101),
];

export const impossibleDates = [
  '2025-02-31',
  '2025-02-29',
  '2023-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-01-00',
  '0000-01-01',
  '0001-01-01',
  '1000-01-01',
  '1899-12-31',
  '9999-12-31',
  '10000-01-01',
  '-0001-01-01',
  '+275760-09-13',
  '2025-1-1',
  '20250101',
  '2025/01/01',
  '01-01-2025',
  '2025-01-01T00:00:00Z',
];

export const impossibleDateTimes = [
  '2025-02-31T10:00:00Z',
  '2025-06-31T10:00:00+01:00',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '10000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2025-01-01T24:00:00Z',
  '2025-01-01T23:59:60Z',
  '2025-01-01T10:00:00+25:00',
  '2025-01-01T10:00:00',
  '2025-01-01 10:00:00Z',
  '2025-01-01T10:00:00.1234567891234Z',
  '1969-12-31T23:59:59Z',
  '2025-01-01',
];

export const hostileNumbers: unknown[] = [
  0,
  -0,
  -1,
  0.5,
  -0.5,
  1e-300,
  2147483647,
  2147483648,
  -2147483649,
  4294967296,
  9007199254740991,
  // Beyond Number.MAX_SAFE_INTEGER: as raw JSON these would lose precision, as strings they reach the parser.
  '9007199254740993',
  '-9007199254740993',
  1e21,
  1e308,
  -1e308,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  '1_000',
  '12',
];

const controlChars = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((s) =>
  [...s].map((ch) => (ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f) ? ch : '\u0001')).join(''),
);

export const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(3), '\ud800', 'x\u0000'.repeat(5)) },
  fc.constantFrom(
    '',
    ' ',
    '   \t\n',
    '\u0000',
    'a\u0000b',
    '\u0007\u0008\u001b[31m',
    '\r\nSet-Cookie: x=y',
    '\u202eevil\u202c',
    '\u200b\u200d\ufeff',
    '👩‍👩‍👧‍👦🇳🇱',
    'e\u0301\u0308\u0323',
    '\ud800',
    '\udfff\ud800',
    'ĲSSELMONDE ŉ ǅ',
    "O'Brien",
    '"; DROP TABLE residents; --',
    "' OR 1=1 --",
    '\\',
    '%s%s%s%n',
    '${7*7}{{7*7}}<%= 7*7 %>',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    'null',
    'true',
    'NaN',
    '-Infinity',
    '１２３',
  ),
  fc.constantFrom(101, 201, 256, 501, 1001, 4001, 20_001, 100_001).map((n) => 'x'.repeat(n)),
  fc.constantFrom(201, 1001).map((n) => 'ü'.repeat(n)),
  controlChars,
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Any hostile JSON value: for a field of any type. */
export function hostileValue(ids: IdSource): fc.Arbitrary<unknown> {
  const someIds = [...ids.anyOwn().slice(0, 20), ...ids.foreign('resident').slice(0, 5)];
  return fc.oneof(
    { weight: 3, arbitrary: hostileStrings },
    { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, {}, [], [null], [[]], { '': null }, { a: { b: { c: {} } } }) },
    { weight: 2, arbitrary: fc.constantFrom(...impossibleDates, ...impossibleDateTimes) },
    { weight: 2, arbitrary: fc.constantFrom(...malformedIds, NIL, MAX, ...(someIds.length ? someIds : [NIL])) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(1, 'a', null, {}), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(500, 5000).map((n) => Array.from({ length: n }, (_, i) => i)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

/** A query-string value (before encoding) that is wrong in some way. */
export const hostileQueryValues: fc.Arbitrary<string> = fc.oneof(
  hostileStrings,
  fc.constantFrom(...hostileNumbers.map(String), ...impossibleDates, ...impossibleDateTimes, ...malformedIds),
  fc.integer().map(String),
  fc.double().map(String),
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dateArb = fc
  .record({ y: fc.integer({ min: 2023, max: 2027 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);
const dateTimeArb = fc
  .record({ date: dateArb, h: fc.integer({ min: 7, max: 20 }), min: fc.constantFrom(0, 15, 30, 45), tz: fc.constantFrom('Z', '+01:00', '+02:00') })
  .map(({ date, h, min, tz }) => `${date}T${pad(h)}:${pad(min)}:00${tz}`);
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const pastDay = fc.integer({ min: 1, max: 700 }).map((n) => isoDay(Date.now() - n * DAY));
const futureDay = fc.integer({ min: 1, max: 300 }).map((n) => isoDay(Date.now() + n * DAY));
const birthDay = fc.integer({ min: 18 * 365, max: 64 * 365 }).map((n) => isoDay(Date.now() - n * DAY));

/** Dates as the field's name suggests: a birth date, something that happened, something planned. */
function datesFor(name: string): fc.Arbitrary<string> {
  if (/birth/i.test(name)) return birthDay;
  if (/^(agreed|done|committed|signed|recorded|occurred|scored|validFrom|periodStart|start|benefitStart)/i.test(name)) return fc.oneof(pastDay, dateArb);
  if (/^(due|closing|validTo|periodEnd|end)/i.test(name)) return fc.oneof(futureDay, dateArb);
  return fc.oneof(pastDay, futureDay, dateArb);
}

function dateTimesFor(name: string): fc.Arbitrary<string> {
  const at = (day: fc.Arbitrary<string>) =>
    fc.record({ day, h: fc.integer({ min: 7, max: 20 }), min: fc.constantFrom(0, 30), tz: fc.constantFrom('Z', '+01:00', '+02:00') }).map(({ day, h, min, tz }) => `${day}T${pad(h)}:${pad(min)}:00${tz}`);
  if (/^(occurred|scored|recorded)/i.test(name)) return at(pastDay);
  if (/^(starts|ends)/i.test(name)) return at(futureDay);
  return fc.oneof(at(pastDay), at(futureDay), dateTimeArb);
}

/** Numbers as the field's name suggests, when the schema leaves them open. */
function hintedNumber(name: string, path: string[], schema: JsonSchema, integer: boolean): fc.Arbitrary<number> | null {
  const open = schema.minimum === undefined || schema.minimum <= -9e15 || schema.maximum === undefined || schema.maximum >= 9e15;
  if (path.includes('scores')) return fc.integer({ min: 1, max: 5 });
  if (name === 'ladderRung') return fc.integer({ min: 1, max: 6 });
  if (name === 'day') return fc.integer({ min: 1, max: 7 });
  if (name === 'hoursMin') return fc.constantFrom(0, 8, 12, 16, 20);
  if (name === 'hoursMax') return fc.constantFrom(20, 24, 32, 36, 40);
  if (name === 'years') return fc.integer({ min: 0, max: 30 });
  if (open && integer) return fc.integer({ min: 0, max: 20 });
  return null;
}

const halfHour = fc.integer({ min: 0, max: 48 }).map((n) => (n === 48 ? '24:00' : `${pad(Math.floor(n / 2))}:${n % 2 ? '30' : '00'}`));
const dutchText = fc.constantFrom(
  'Overleg met de werkgever',
  'Samen één plan maken',
  'Schulden in beeld brengen',
  'Taalcursus Nederlands op B1-niveau',
  'Gesprek met het buurtteam over de dagbesteding',
  'Zorg',
  'Logistiek',
  'Test',
  'Ĳverig en punctueel',
);

function idArb(key: string, ids: IdSource): fc.Arbitrary<string> {
  const kind = kindOf(key);
  const own = ids.own(kind);
  const foreign = ids.foreign(kind);
  const any = ids.anyOwn();
  const options: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [{ weight: 1, arbitrary: fc.uuid() }];
  if (own.length) options.push({ weight: 8, arbitrary: fc.constantFrom(...own) });
  if (foreign.length) options.push({ weight: 1, arbitrary: fc.constantFrom(...foreign) });
  if (any.length) options.push({ weight: 1, arbitrary: fc.constantFrom(...any) });
  return fc.oneof(...options);
}

/** A string for a property without a format, by what its name suggests. */
function hintedString(name: string, schema: JsonSchema, ids: IdSource): fc.Arbitrary<string> | null {
  const n = name.toLowerCase();
  if (n === 'bsn') return fc.integer({ min: 1, max: 9_999_999 }).map((i) => makeBsn(5_000_000 + (i % 4_000_000)));
  if (n === 'postcode') {
    return fc
      .record({ pc4: fc.integer({ min: 3550, max: 3566 }), a: fc.constantFrom('AB', 'CL', 'XZ', 'ab'), space: fc.boolean() })
      .map(({ pc4, a, space }) => `${pc4}${space ? ' ' : ''}${a}`);
  }
  if (n === 'from' || n === 'to') return halfHour;
  if (n === 'escocode' || (n === 'code' && ids.escoCodes().length)) return ids.escoCodes().length ? fc.constantFrom(...ids.escoCodes()) : null;
  if (n === 'username') return fc.constantFrom(...(ids.usernames().length ? ids.usernames() : ['werkmatcher.overvecht']), 'bestaat.niet');
  if (n.includes('email')) return fc.constantFrom('naam@example.org', 'a.b@gemeente.example.nl');
  if (n.includes('phone')) return fc.constantFrom('06 12345678', '030-1234567', '+31 6 12345678');
  if (n === 'housenumber') return fc.constantFrom('12', '1a', '200-3');
  if (n === 'city') return fc.constantFrom('Utrecht', 'Arnhem');
  if (n === 'iscogroup') return fc.constantFrom('2221', '5322', '9112');
  if (n === 'website' || n === 'videourl' || n === 'url') return fc.constantFrom('https://example.org', 'https://meet.example.org/abc');
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      return null;
    }
  }
  return null;
}

function clampLen(s: string, schema: JsonSchema): string {
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  let out = s.length > max ? s.slice(0, max) : s;
  while (out.length < min) out += 'x';
  return out;
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const BIG = 9_007_199_254_740_991;
  let min = typeof schema.minimum === 'number' && schema.minimum > -BIG ? schema.minimum : undefined;
  let max = typeof schema.maximum === 'number' && schema.maximum < BIG ? schema.maximum : undefined;
  // Inside exclusive bounds: the next integer, or for a number a step that fits between the two bounds (a range
  // such as (0, 0.5) has no room for ±0.5 on both sides).
  const exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  const lower = exMin ?? min;
  const upper = exMax ?? max;
  const step = integer ? 1 : Math.min(0.5, lower !== undefined && upper !== undefined ? (upper - lower) / 4 : 0.5);
  if (exMin !== undefined) min = exMin + step;
  if (exMax !== undefined) max = exMax - step;
  const lo = min ?? 0;
  const hi = max ?? Math.max(lo + 100, 100);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const step = schema.multipleOf;
    return fc.integer({ min: Math.ceil(lo / step), max: Math.max(Math.ceil(lo / step), Math.floor(hi / step)) }).map((k) => Number((k * step).toFixed(6)));
  }
  if (integer) return fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
  const doubles = fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
  // Whole numbers too, where the range holds one.
  return Math.ceil(lo) <= Math.floor(hi) ? fc.oneof(fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }), doubles) : doubles;
}

// Now and then a value at or just past the schema's edges: the boundaries are where the bugs are.
const withEdges = <T>(valid: fc.Arbitrary<T>, edges: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 9, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: edges });

const edgeDates = ['0001-01-01', '0000-01-01', '1899-12-31', '1900-01-01', '2999-12-31', '3000-01-01', '9999-12-31', '2024-02-29', '2025-02-29', '2025-02-31'];
const edgeDateTimes = ['0001-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2999-12-31T23:59:59+14:00', '1970-01-01T00:00:00Z', '2025-03-30T02:30:00+01:00', '2025-02-29T10:00:00Z'];

function numberEdges(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const out: unknown[] = [0, -1, 2147483647, 2147483648, 1e15, -1e15, 9007199254740991, 1e300];
  if (!integer) out.push(0.1, 1e-9, 0.30000000000000004);
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
    const v = schema[k];
    if (typeof v === 'number' && Math.abs(v) < 9e15) out.push(v, v - 1, v + 1, v - 0.5, v + 0.5);
  }
  return fc.constantFrom(...out);
}

function stringEdges(schema: JsonSchema): fc.Arbitrary<string> {
  const out = ['', ' ', '\u0000', 'x\u0000y', '\u202e', '😀'];
  if (typeof schema.maxLength === 'number') out.push('x'.repeat(schema.maxLength), 'x'.repeat(schema.maxLength + 1), '😀'.repeat(schema.maxLength), 'é'.repeat(schema.maxLength + 1));
  else out.push('x'.repeat(256), 'x'.repeat(2001), 'x'.repeat(10_001));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push('x'.repeat(schema.minLength - 1));
  return fc.constantFrom(...out);
}

/** A value that (mostly) satisfies the schema, with ids from the pools and field-name hints. */
export interface ValidishOptions {
  /** Now and then a value at or just past the edges of the schema (for the "one thing wrong" requests). */
  edges?: boolean;
  /** Names of the enclosing properties, outermost first (scores.finances). */
  path?: string[];
}

export function validish(schema: JsonSchema | undefined, name: string, ids: IdSource, depth = 0, options: ValidishOptions = {}): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 6) return fc.constant(null);
  const edged = <T>(valid: fc.Arbitrary<T>, edges: () => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => (options.edges ? withEdges(valid, edges()) : valid);
  const sub = (s: JsonSchema | undefined, n: string, d: number) => validish(s, n, ids, d, { ...options, path: [...(options.path ?? []), name] });
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length) {
    const { anyOf: _a, oneOf: _o, ...rest } = schema;
    return fc.oneof(...alternatives.map((alt) => validish({ ...rest, ...alt }, name, ids, depth + 1, options)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const { allOf, ...rest } = schema;
    return validish(Object.assign({}, rest, ...(allOf as JsonSchema[])), name, ids, depth + 1, options);
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : ['string'];
  const nonNull = types.filter((t) => t !== 'null');
  if (types.includes('null') && nonNull.length) {
    return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: validish({ ...schema, type: nonNull }, name, ids, depth, options) });
  }
  if (nonNull.length > 1) return fc.oneof(...nonNull.map((t) => validish({ ...schema, type: t }, name, ids, depth, options)));
  switch (nonNull[0] ?? 'null') {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return edged(hintedNumber(name, options.path ?? [], schema, true) ?? numberArb(schema, true), () => numberEdges(schema, true));
    case 'number':
      return edged(hintedNumber(name, options.path ?? [], schema, false) ?? numberArb(schema, false), () => numberEdges(schema, false));
    case 'string': {
      if (schema.format === 'uuid') return idArb(name, ids);
      if (schema.format === 'date' || /^dateOf|On$|Date$/.test(name)) return edged(datesFor(name), () => fc.constantFrom(...edgeDates));
      if (schema.format === 'date-time') return edged(dateTimesFor(name), () => fc.constantFrom(...edgeDateTimes));
      if (schema.format === 'email') return fc.constantFrom('naam@example.org', 'werkgever@bedrijf.example.nl');
      if (schema.format === 'uri') return fc.constantFrom('https://example.org/', 'https://meet.example.org/abc-def');
      const hinted = hintedString(name, schema, ids);
      const base = hinted ?? fc.oneof({ weight: 3, arbitrary: dutchText }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }) });
      return edged(base.map((s) => clampLen(s, schema)), () => stringEdges(schema));
    }
    case 'array': {
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 3, 3));
      const itemName = /s$/.test(name) ? name : `${name}Item`;
      return fc.array(sub(schema.items, itemName, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set<string>(schema.required ?? []);
      const entries = Object.entries(props);
      if (!entries.length) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of entries) record[k] = validish(s, k, ids, depth + 1, { ...options, path: [...(options.path ?? []), name] });
      const requiredKeys = entries.map(([k]) => k).filter((k) => required.has(k));
      // Optional members: all of them, none, or some (a record with every optional key at 50% rarely has all).
      return fc.oneof(
        { weight: 2, arbitrary: fc.record(record, { requiredKeys }) },
        { weight: 1, arbitrary: fc.record(record) },
      ) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.constant(null);
  }
}

const PAIRS: Array<[string, string]> = [
  ['startsAt', 'endsAt'],
  ['periodStart', 'periodEnd'],
  ['validFrom', 'validTo'],
  ['from', 'to'],
  ['hoursMin', 'hoursMax'],
  ['startDate', 'endDate'],
];

/** Makes a valid-ish value coherent where fields depend on each other: a start before its end, an hour later. */
export function coherent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(coherent);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = coherent(v);
  for (const [a, b] of PAIRS) {
    const x = out[a];
    const y = out[b];
    if (a === 'startsAt' && typeof x === 'string' && !Number.isNaN(Date.parse(x))) {
      out[b] = new Date(Date.parse(x) + 60 * 60_000).toISOString();
    } else if (typeof x === typeof y && (typeof x === 'string' || typeof x === 'number') && x! > y!) {
      out[a] = y;
      out[b] = x;
    }
  }
  return out;
}

type Mutation =
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'extra'; at: number; key: string; value: unknown }
  | { op: 'wrap'; at: number }
  | { op: 'repeat'; at: number; times: number };

const extraKeys = fc.constantFrom('id', 'municipalityId', 'municipality_id', 'version', 'isAdmin', 'roles', 'x', '', ' ', '__proto__', 'constructor', 'prototype', 'ä', 'k'.repeat(300));

export function mutationsArb(ids: IdSource): fc.Arbitrary<Mutation[]> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue(ids) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: extraKeys, value: hostileValue(ids) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.constantFrom(2, 50, 2000) }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

interface Slot {
  get(): unknown;
  set(v: unknown): void;
  remove(): void;
}

function slotsOf(root: { v: unknown }): Slot[] {
  const out: Slot[] = [{ get: () => root.v, set: (v) => (root.v = v), remove: () => (root.v = undefined) }];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        out.push({ get: () => node[i], set: (v) => (node[i] = v), remove: () => node.splice(i, 1) });
        walk(item);
      });
    } else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      for (const k of Object.keys(obj)) {
        out.push({ get: () => obj[k], set: (v) => (obj[k] = v), remove: () => delete obj[k] });
        walk(obj[k]);
      }
    }
  };
  walk(root.v);
  return out;
}

/** Applies the mutations to a copy of a JSON value. */
export function mutate(value: unknown, mutations: Mutation[]): unknown {
  const root = { v: structuredClone(value) };
  for (const m of mutations) {
    const slots = slotsOf(root);
    const slot = slots[m.at % slots.length]!;
    switch (m.op) {
      case 'replace':
        slot.set(structuredClone(m.value));
        break;
      case 'delete':
        slot.remove();
        break;
      case 'extra': {
        const target = slot.get();
        if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        else if (root.v && typeof root.v === 'object' && !Array.isArray(root.v)) Object.defineProperty(root.v, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      }
      case 'wrap':
        slot.set([slot.get()]);
        break;
      case 'repeat': {
        const v = slot.get();
        slot.set(Array.isArray(v) ? Array.from({ length: m.times }, (_, i) => v[i % Math.max(v.length, 1)] ?? null) : Array.from({ length: m.times }, () => v));
        break;
      }
    }
  }
  return root.v === undefined ? {} : root.v;
}
