import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { verifyProcessingLogChain, type ChainBreak } from '../../src/platform/processing-log/chain-verify.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

/**
 * The processing log's hash chain at real sizes, by property: any number of entries (0 to several thousand) in
 * several municipalities, written by concurrent transactions that commit out of id order, sealed in between and
 * after, verifies clean; one random tampering by someone with database rights is always detected and named.
 */

let database: TestDatabase;
let owner: pg.Pool;
let ownerDb: Db;
let app: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  owner = new pg.Pool({ connectionString: database.ownerUrl, max: 2 });
  // A backend ended by DROP DATABASE … WITH (FORCE) while the pool closes must not be an unhandled error.
  owner.on('error', () => undefined);
  ownerDb = createDb(createPool(database.ownerUrl, { max: 3 }));
  app = new pg.Pool({ connectionString: database.appUrl, max: 10 });
  // A backend ended by DROP DATABASE … WITH (FORCE) while the pool closes must not be an unhandled error.
  app.on('error', () => undefined);
});

afterAll(async () => {
  await app?.end();
  await owner?.end();
  await ownerDb?.destroy();
  await database?.drop();
});

const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One writer: a transaction as the application role that inserts `rows` entries, then waits before it commits. */
async function writer(municipalityId: string, rows: number, holdMs: number): Promise<void> {
  if (rows === 0) return;
  const c = await app.connect();
  try {
    await c.query('BEGIN');
    await c.query("SELECT set_config('samenplan.municipality_id', $1, true)", [municipalityId]);
    const now = new Date();
    const cols = Array.from({ length: rows }, (_v, i) => ({
      entry: randomUUID(),
      trace: hex(32),
      span: hex(16),
      parent: i % 3 === 0 ? null : hex(16),
      action: ['residents.read', 'residents.list', 'plans.update', 'meetings.create'][i % 4]!,
      status: i % 11 === 0 ? 'error' : 'ok',
      activity: ['PA-001', 'PA-002', 'PA-003'][i % 3]!,
      subjects: `{${Array.from({ length: 1 + (i % 4) }, () => hex(64)).join(',')}}`,
      type: i % 17 === 0 ? 'aggregate' : 'resident',
      actor: randomUUID(),
      role: i % 2 ? 'jobCoach' : 'teamLead',
      // The privacy officer's lookups carry a reason (chain version 3 hashes it).
      reason: i % 5 === 0 ? `Inzageverzoek nummer ${i}` : null,
    }));
    await c.query(
      `INSERT INTO processing_log (municipality_id, entry_id, trace_id, span_id, parent_span_id, action, status, started_at,
         ended_at, processing_activity_id, processing_activity_version, data_subject_type, data_subject_ids, actor_id, actor_role, reason)
       SELECT $1, e, t, s, p, a, st, $2, $3, pa, 1, ty, sub::text[], ac, ro, re
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::text[])
         AS x(e, t, s, p, a, st, pa, sub, ty, ac, ro, re)`,
      [
        municipalityId,
        new Date(now.getTime() - 5),
        now,
        cols.map((r) => r.entry),
        cols.map((r) => r.trace),
        cols.map((r) => r.span),
        cols.map((r) => r.parent),
        cols.map((r) => r.action),
        cols.map((r) => r.status),
        cols.map((r) => r.activity),
        cols.map((r) => r.subjects),
        cols.map((r) => r.type),
        cols.map((r) => r.actor),
        cols.map((r) => r.role),
        cols.map((r) => r.reason),
      ],
    );
    await sleep(holdMs);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

const seal = async (limit: number) => (await app.query<{ n: number }>('SELECT processing_log_seal($1) AS n', [limit])).rows[0]!.n;

async function sealAll(): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    const left = Number((await owner.query('SELECT count(*) AS n FROM processing_log WHERE seq IS NULL')).rows[0].n);
    if (left === 0) return;
    if ((await seal(5000)) === 0) await sleep(20);
  }
}

const COLUMNS = [
  'municipality_id', 'seq', 'id', 'entry_id', 'trace_id', 'span_id', 'parent_span_id', 'action', 'status', 'started_at',
  'ended_at', 'sealed_at', 'processing_activity_id', 'processing_activity_version', 'data_subject_type',
  'data_subject_ids', 'actor_id', 'actor_role', 'prev_hash', 'hash', 'chain_version', 'reason',
] as const;

/** How each column is changed by "one byte" (or the smallest change its type and constraints allow). */
const CHANGE: Record<(typeof COLUMNS)[number], string> = {
  municipality_id: 'municipality_id = gen_random_uuid()',
  seq: 'seq = seq + 1000000',
  id: 'id = id + 1000000000',
  entry_id: "entry_id = overlay(entry_id::text placing CASE WHEN substr(entry_id::text, 1, 1) = 'a' THEN 'b' ELSE 'a' END from 1 for 1)::uuid",
  trace_id: "trace_id = overlay(trace_id placing CASE WHEN substr(trace_id, 7, 1) = 'a' THEN 'b' ELSE 'a' END from 7 for 1)",
  span_id: "span_id = overlay(span_id placing CASE WHEN substr(span_id, 3, 1) = 'a' THEN 'b' ELSE 'a' END from 3 for 1)",
  parent_span_id: "parent_span_id = CASE WHEN parent_span_id IS NULL THEN span_id ELSE NULL END",
  action: "action = action || 's'",
  status: "status = CASE status WHEN 'ok' THEN 'error' ELSE 'ok' END",
  started_at: "started_at = started_at + interval '1 microsecond'",
  ended_at: "ended_at = ended_at - interval '1 microsecond'",
  sealed_at: "sealed_at = sealed_at + interval '1 microsecond'",
  processing_activity_id: "processing_activity_id = CASE processing_activity_id WHEN 'PA-001' THEN 'PA-002' ELSE 'PA-001' END",
  processing_activity_version: 'processing_activity_version = processing_activity_version + 1',
  data_subject_type: "data_subject_type = CASE data_subject_type WHEN 'resident' THEN 'employerContact' ELSE 'resident' END",
  data_subject_ids: "data_subject_ids[1] = overlay(data_subject_ids[1] placing CASE WHEN substr(data_subject_ids[1], 2, 1) = 'a' THEN 'b' ELSE 'a' END from 2 for 1)",
  actor_id: 'actor_id = gen_random_uuid()',
  actor_role: "actor_role = actor_role || 'x'",
  prev_hash: 'prev_hash = set_byte(prev_hash, 5, get_byte(prev_hash, 5) # 1)',
  hash: 'hash = set_byte(hash, 31, get_byte(hash, 31) # 128)',
  chain_version: 'chain_version = 1',
  reason: "reason = CASE WHEN reason IS NULL THEN 'Een andere reden' ELSE NULL END",
};

type Tamper =
  | { kind: 'column'; column: (typeof COLUMNS)[number]; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'swap'; pick: number; other: number }
  | { kind: 'truncate'; pick: number; rows: number }
  | { kind: 'head'; pick: number; field: 'last_seq' | 'last_hash' };

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('column' as const), column: fc.constantFrom(...COLUMNS), pick: fc.nat() }) },
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), pick: fc.nat(), rows: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('head' as const), pick: fc.nat(), field: fc.constantFrom('last_seq' as const, 'last_hash' as const) }),
);

interface Target {
  municipalityId: string;
  seq: number;
}

/** Applies the tampering as a database superuser would (constraints kept, foreign keys and triggers off). Returns where. */
async function tamper(t: Tamper): Promise<Target> {
  const c = await owner.connect();
  try {
    await c.query("SET session_replication_role = 'replica'");
    const sealed = await c.query<{ municipality_id: string; seq: string }>(
      'SELECT municipality_id, seq::text AS seq FROM processing_log WHERE seq IS NOT NULL ORDER BY municipality_id, seq',
    );
    const victim = sealed.rows[t.pick % sealed.rows.length]!;
    const m = victim.municipality_id;
    const seq = Number(victim.seq);
    const where = `municipality_id = '${m}' AND seq = ${seq}`;
    if (t.kind === 'column' && t.column === 'id') {
      // The identity column can only be rewritten after making it BY DEFAULT, as a superuser could.
      await c.query('BEGIN');
      await c.query('ALTER TABLE processing_log ALTER COLUMN id SET GENERATED BY DEFAULT');
      await c.query(`UPDATE processing_log SET ${CHANGE.id} WHERE ${where}`);
      await c.query('ALTER TABLE processing_log ALTER COLUMN id SET GENERATED ALWAYS');
      await c.query('COMMIT');
    } else if (t.kind === 'column') {
      await c.query(`UPDATE processing_log SET ${CHANGE[t.column]} WHERE ${where}`);
    } else if (t.kind === 'delete') {
      await c.query(`DELETE FROM processing_log WHERE ${where}`);
    } else if (t.kind === 'swap') {
      const mine = sealed.rows.filter((r) => r.municipality_id === m && r.seq !== victim.seq);
      if (mine.length === 0) {
        await c.query(`DELETE FROM processing_log WHERE ${where}`);
      } else {
        const other = Number(mine[t.other % mine.length]!.seq);
        await c.query(`UPDATE processing_log SET seq = -1 WHERE ${where}`);
        await c.query(`UPDATE processing_log SET seq = ${seq} WHERE municipality_id = '${m}' AND seq = ${other}`);
        await c.query(`UPDATE processing_log SET seq = ${other} WHERE municipality_id = '${m}' AND seq = -1`);
      }
    } else if (t.kind === 'truncate') {
      const last = Number((await c.query(`SELECT max(seq) AS s FROM processing_log WHERE municipality_id = '${m}'`)).rows[0].s);
      await c.query(`DELETE FROM processing_log WHERE municipality_id = '${m}' AND seq > ${last - t.rows}`);
      return { municipalityId: m, seq: Math.max(last - t.rows, 0) };
    } else {
      const change = t.field === 'last_seq' ? 'last_seq = last_seq - 1' : 'last_hash = set_byte(last_hash, 0, get_byte(last_hash, 0) # 1)';
      await c.query(`UPDATE processing_log_chain SET ${change} WHERE municipality_id = '${m}'`);
      const last = Number((await c.query(`SELECT max(seq) AS s FROM processing_log WHERE municipality_id = '${m}'`)).rows[0].s);
      return { municipalityId: m, seq: last };
    }
    return { municipalityId: m, seq };
  } finally {
    c.release();
  }
}

/** Named: a break in the tampered municipality at the row itself, the row after it, or the chain head. */
function names(breaks: ChainBreak[], at: Target): boolean {
  return breaks.some(
    (b) =>
      b.municipalityId === at.municipalityId &&
      (Number(b.seq) === at.seq || Number(b.seq) === at.seq + 1 || Number(b.seq) === at.seq - 1 || b.problem === 'head'),
  );
}

const batchArb = fc.record({
  writers: fc.integer({ min: 1, max: 8 }),
  rows: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  holdMs: fc.integer({ min: 0, max: 25 }),
  sealDuring: fc.option(fc.integer({ min: 1, max: 700 }), { nil: null }),
});

describe('processing log hash chain, by property', () => {
  it('tampers with every column the table has (a column added outside the hash fails here)', async () => {
    const { rows } = await owner.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'processing_log' ORDER BY 1`,
    );
    expect(rows.map((r) => r.column_name).sort()).toEqual([...COLUMNS].sort());
  });

  it('an untouched log of any size verifies clean; one tampering is always detected and named', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(batchArb, { minLength: 0, maxLength: 10 }),
        tamperArb,
        async (municipalityCount, batches, t) => {
          await owner.query('TRUNCATE processing_log, processing_log_chain');
          const municipalities = Array.from({ length: municipalityCount }, () => randomUUID());
          let written = 0;
          for (const [b, batch] of batches.entries()) {
            // Writers that hold their transaction longer commit after later ids: rows commit out of id order.
            const writes = Array.from({ length: batch.writers }, (_v, w) =>
              writer(municipalities[(b + w) % municipalities.length]!, batch.rows, (batch.holdMs * (batch.writers - w)) % 26),
            );
            const sealing = batch.sealDuring === null ? Promise.resolve(0) : sleep(batch.holdMs / 2).then(() => seal(batch.sealDuring!));
            await Promise.all([...writes, sealing]);
            written += batch.writers * batch.rows;
          }
          await sealAll();
          const clean = await verifyProcessingLogChain(ownerDb);
          expect(clean.breaks).toEqual([]);
          expect(clean.rowsChecked).toBe(written);
          if (written === 0) return;

          const at = await tamper(t);
          const found = await verifyProcessingLogChain(ownerDb);
          expect(found.breaks.length, `${JSON.stringify(t)} was not detected`).toBeGreaterThan(0);
          expect(names(found.breaks, at), `${JSON.stringify(t)} at ${JSON.stringify(at)}: ${JSON.stringify(found.breaks.slice(0, 5))}`).toBe(true);
        },
      ),
      { numRuns: Number(process.env.CHAIN_PROPERTY_RUNS ?? 25) },
    );
  }, 600_000);
});
