import { sql } from 'kysely';
import type { Db } from '../../../src/platform/db/database.ts';
import type { RawResponse } from './raw-http.ts';

// What every response must satisfy, and the row counts that prove a failed request wrote nothing.

/** Things an error body must never contain: internals that help an attacker and mean nothing to a user. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\bat [\w.<>[\]]+ \(|\bat (?:file:\/\/|node:|\/)[^\s]+:\d+:\d+/],
  ['SQL', /SELECT |INSERT |UPDATE \w+ SET| FROM |DELETE FROM|relation "|violates|syntax error at|invalid input syntax|duplicate key|column "|pg_/],
  ['framework error code', /FST_ERR|\bERR_[A-Z_]{3,}|\bE(?:CONNRESET|PIPE|NOENT|ACCES)\b|HPE_/],
  ['file path', /node_modules|\/(?:work|home|usr|tmp|src|opt|var)\/[\w.-]+|[A-Za-z]:\\\\|\.ts:\d+|file:\/\//],
  ['JavaScript error', /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|undefined is not/],
];

export interface Violation {
  rule: string;
  detail: string;
}

/** Status < 500; errors as problem+json with status/title/detail (and well-formed invalidParams); no leaks. */
export function checkResponse(res: RawResponse, documentedMembers: string[] = []): Violation[] {
  const out: Violation[] = [];
  if (res.status >= 500) out.push({ rule: 'server error', detail: `${res.status} ${res.body.slice(0, 300)}` });
  if (res.status < 400) return out;
  const ct = res.headers['content-type'] ?? '';
  if (!ct.startsWith('application/problem+json')) out.push({ rule: 'not problem+json', detail: `content-type ${JSON.stringify(ct)}: ${res.body.slice(0, 200)}` });
  let body: any = null;
  try {
    body = JSON.parse(res.body);
  } catch {
    out.push({ rule: 'error body not JSON', detail: res.body.slice(0, 200) });
  }
  if (body && typeof body === 'object') {
    if (body.status !== res.status) out.push({ rule: 'problem status differs from HTTP status', detail: `${body.status} vs ${res.status}` });
    for (const k of ['type', 'title', 'detail'] as const) {
      if (typeof body[k] !== 'string' || !body[k]) out.push({ rule: `problem without ${k}`, detail: res.body.slice(0, 200) });
    }
    if (body.invalidParams !== undefined) {
      const ok = Array.isArray(body.invalidParams) && body.invalidParams.every((p: any) => p && typeof p.name === 'string' && typeof p.reason === 'string' && p.reason);
      if (!ok) out.push({ rule: 'malformed invalidParams', detail: JSON.stringify(body.invalidParams).slice(0, 200) });
    }
    const missing = documentedMembers.filter((m) => !(m in body));
    if (missing.length) out.push({ rule: 'error response lacks documented members', detail: `${missing.join(', ')}: ${res.body.slice(0, 200)}` });
    if (res.status === 422) out.push({ rule: 'validation answered 422 (this API uses 400)', detail: res.body.slice(0, 200) });
  }
  // Only what the server wrote itself: invalidParams may repeat a field name the client sent.
  const own =
    body && typeof body === 'object'
      ? JSON.stringify({ ...body, invalidParams: Array.isArray(body.invalidParams) ? body.invalidParams.map((p: any) => ({ ...p, name: undefined })) : body.invalidParams })
      : res.body;
  for (const [rule, re] of LEAKS) {
    const m = re.exec(own);
    if (m) out.push({ rule: `leaks ${rule}`, detail: `${JSON.stringify(m[0])} in ${own.slice(0, 300)}` });
  }
  return out;
}

export type RowCounts = Record<string, number>;

/**
 * One query counting the rows of every table in the public schema (owner connection, no row-level security).
 * Processing-log rows count only with status 'ok': a failed operation may log its failure as an 'error' entry.
 */
export async function rowCounter(ownerDb: Db): Promise<() => Promise<RowCounts>> {
  const tables = await sql<{ table_name: string; has_status: boolean }>`
    SELECT t.table_name,
           EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'status') AS has_status
    FROM information_schema.tables t
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`.execute(ownerDb);
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const parts = tables.rows.map(({ table_name: t, has_status }) =>
    t === 'processing_log' && has_status
      ? `SELECT ${lit(t)} AS t, count(*) AS n FROM ${ident(t)} WHERE status = 'ok'`
      : `SELECT ${lit(t)} AS t, count(*) AS n FROM ${ident(t)}`,
  );
  const query = sql.raw<{ t: string; n: string }>(parts.join(' UNION ALL '));
  return async () => {
    const { rows } = await query.execute(ownerDb);
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  };
}

export function diffCounts(before: RowCounts, after: RowCounts): string[] {
  const out: string[] = [];
  for (const t of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[t] ?? 0;
    const a = after[t] ?? 0;
    if (a !== b) out.push(`${t} ${b} → ${a}`);
  }
  return out;
}
