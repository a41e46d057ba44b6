import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { digestV2, digestV3, type ChainRowV2, type ChainRowV3 } from '../../src/platform/processing-log/chain-digest.ts';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let database: TestDatabase;
let owner: pg.Pool;
let ownerDb: Db;

beforeAll(async () => {
  database = await createTestDatabase('empty');
  owner = new pg.Pool({ connectionString: database.ownerUrl, max: 2 });
  // A backend ended by DROP DATABASE … WITH (FORCE) while the pool closes must not be an unhandled error.
  owner.on('error', () => undefined);
  ownerDb = createDb(createPool(database.ownerUrl, { max: 2 }));
});

afterAll(async () => {
  await owner?.end();
  await ownerDb?.destroy();
  await database?.drop();
});

const hexOf = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
// Any text but the separator (a CHECK constraint keeps it out of the table), including quotes, braces, spaces, NUL-free unicode.
const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u001f') && !s.includes('\u0000'));
const micros = fc.bigInt({ min: 0n, max: 4_102_444_800_000_000n });

const rowArb: fc.Arbitrary<ChainRowV2> = fc.record({
  municipalityId: fc.uuid(),
  seq: fc.bigInt({ min: 1n, max: 2n ** 62n }),
  id: fc.bigInt({ min: 1n, max: 2n ** 62n }),
  entryId: fc.uuid(),
  traceId: hexOf(32),
  spanId: hexOf(16),
  parentSpanId: fc.option(hexOf(16), { nil: null }),
  action: text,
  status: fc.constantFrom('ok', 'error'),
  startedAt: micros,
  endedAt: micros,
  sealedAt: micros,
  activityId: text,
  activityVersion: fc.integer({ min: 1, max: 1000 }),
  subjectType: text,
  subjectIds: fc.array(text.filter((s) => !s.includes(',')), { minLength: 1, maxLength: 60 }),
  actorId: fc.uuid(),
  actorRole: text,
});

describe('the version-2 digest outside the database', () => {
  it('equals processing_log_digest_v2 byte for byte, for any field values the table allows', async () => {
    await fc.assert(
      fc.asyncProperty(rowArb, fc.uint8Array({ minLength: 32, maxLength: 32 }), async (r, prev) => {
        const at = (m: bigint) => m.toString();
        const { rows } = await owner.query<{ h: Buffer }>(
          `SELECT processing_log_digest_v2($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
             'epoch'::timestamptz + $11::bigint * interval '1 microsecond', 'epoch'::timestamptz + $12::bigint * interval '1 microsecond',
             'epoch'::timestamptz + $13::bigint * interval '1 microsecond', $14, $15, $16, $17, $18, $19) AS h`,
          [
            Buffer.from(prev), r.municipalityId, String(r.seq), String(r.id), r.entryId, r.traceId, r.spanId, r.parentSpanId,
            r.action, r.status, at(r.startedAt), at(r.endedAt), at(r.sealedAt), r.activityId, r.activityVersion, r.subjectType,
            r.subjectIds, r.actorId, r.actorRole,
          ],
        );
        expect(rows[0]!.h.toString('hex')).toBe(digestV2(Buffer.from(prev), r).toString('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('version 3 (with the reason) equals processing_log_digest_v3 byte for byte; a reason always changes the hash', async () => {
    const reasonArb = fc.option(text.filter((s) => s.length >= 10), { nil: null });
    const rowV3: fc.Arbitrary<ChainRowV3> = fc.tuple(rowArb, reasonArb).map(([r, reason]) => ({ ...r, reason }));
    await fc.assert(
      fc.asyncProperty(rowV3, fc.uint8Array({ minLength: 32, maxLength: 32 }), async (r, prev) => {
        const at = (m: bigint) => m.toString();
        const { rows } = await owner.query<{ h: Buffer }>(
          `SELECT processing_log_digest_v3($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
             'epoch'::timestamptz + $11::bigint * interval '1 microsecond', 'epoch'::timestamptz + $12::bigint * interval '1 microsecond',
             'epoch'::timestamptz + $13::bigint * interval '1 microsecond', $14, $15, $16, $17, $18, $19, $20) AS h`,
          [
            Buffer.from(prev), r.municipalityId, String(r.seq), String(r.id), r.entryId, r.traceId, r.spanId, r.parentSpanId,
            r.action, r.status, at(r.startedAt), at(r.endedAt), at(r.sealedAt), r.activityId, r.activityVersion, r.subjectType,
            r.subjectIds, r.actorId, r.actorRole, r.reason,
          ],
        );
        const p = Buffer.from(prev);
        expect(rows[0]!.h.toString('hex')).toBe(digestV3(p, r).toString('hex'));
        expect(digestV3(p, r).equals(digestV2(p, r))).toBe(false);
        expect(digestV3(p, { ...r, reason: r.reason === null ? 'Een andere reden' : null }).equals(digestV3(p, r))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('the table refuses what would make two rows hash alike: the separator in a field, a comma or NULL in a subject', async () => {
    const insert = (action: string, subjects: Array<string | null>) =>
      owner.query(
        `INSERT INTO processing_log (municipality_id, entry_id, trace_id, span_id, action, status, started_at, ended_at,
           processing_activity_id, processing_activity_version, data_subject_ids, actor_id, actor_role)
         VALUES (gen_random_uuid(), gen_random_uuid(), repeat('a', 32), repeat('b', 16), $1, 'ok', now(), now(), 'PA-001', 1, $2, gen_random_uuid(), 'jobCoach')`,
        [action, subjects],
      );
    await expect(insert('residents.read\u001fok', ['x'])).rejects.toMatchObject({ code: '23514' });
    await expect(insert('residents.read', ['x,y'])).rejects.toMatchObject({ code: '23514' });
    await expect(insert('residents.read', ['x', null])).rejects.toMatchObject({ code: '23514' });
    await expect(insert('residents.read', ['x', 'y'])).resolves.toBeTruthy();
  });

  it('verification refuses to trust a digest function that was replaced', async () => {
    await owner.query(`CREATE OR REPLACE FUNCTION processing_log_row_digest(l processing_log) RETURNS bytea
      LANGUAGE sql STABLE AS $$ SELECT l.hash $$`);
    const r = await verifyProcessingLogChain(ownerDb);
    expect(r.alteredFunctions).toEqual(['processing_log_row_digest']);
  });
});
