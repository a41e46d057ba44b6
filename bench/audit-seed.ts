import { createHash } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { GENESIS_HASH, digestV2, epochMicros, type ChainRowV2 } from '../src/platform/processing-log/chain-digest.ts';
import { withClient } from './database.ts';

export const AUDIT_MUNICIPALITIES = 342;
const BATCH = 5000;
const EPOCH = "'1970-01-01 00:00:00+00'::timestamptz";

async function sealedRows(url: string): Promise<number | null> {
  try {
    return await withClient(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM processing_log WHERE seq IS NOT NULL')).rows[0].n));
  } catch {
    return null;
  }
}

/** Deterministic pseudo-randomness (mulberry32): the same log on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const md5 = (s: string, n: number) => createHash('md5').update(s).digest('hex').slice(0, n);
/** n hex digits from a number: cheap, distinct per input (the rows need valid, not random-looking, ids). */
const hex = (x: number, n: number, salt: number) => ((x * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(Math.ceil(n / 8)).slice(0, n);
const uuidOf = (prefix: string, k: number) => `${prefix}${k.toString(16).padStart(12, '0')}`;

/**
 * The database samenplan_bench_log_<n>: migrated, with n sealed processing-log rows in global time order over 342
 * municipalities (skewed: a few large ones, many small ones, as in the country; one row in ten a list page with 50
 * subjects). Each chain is computed in Node with the version-2 digest (chain-digest.ts), which `audit verify` then
 * recomputes in PostgreSQL: a generator that disagreed with the database would show up as breaks. Loaded as a
 * restore would be: foreign-key triggers off, the subject index built after the load. Reused when it holds n rows.
 */
export async function prepareLogDatabase(adminUrl: string, n: number, fresh: boolean, log: (m: string) => void): Promise<{ url: string; seedSeconds: number | null }> {
  const name = `samenplan_bench_log_${n}`;
  const url = withDatabase(adminUrl, name);
  if (!fresh && (await sealedRows(url)) === n) {
    await migrate(url);
    log(`Reusing ${name} (${n.toLocaleString('en')} sealed log rows; --fresh to rebuild).`);
    return { url, seedSeconds: null };
  }
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate(url);
  const t0 = Date.now();
  log(`Generating ${n.toLocaleString('en')} sealed processing-log rows in ${AUDIT_MUNICIPALITIES} municipalities…`);
  const client = new pg.Client({ connectionString: url });
  const second = new pg.Client({ connectionString: url });
  await client.connect();
  await second.connect();
  try {
    for (const c of [client, second]) {
      await c.query("SET session_replication_role = 'replica'");
      await c.query("SET maintenance_work_mem = '512MB'");
      await c.query('SET synchronous_commit = off');
    }
    const indexes = (
      await client.query<{ def: string; name: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'processing_log'
           AND indexname IN ('processing_log_subjects_idx', 'processing_log_trace_idx', 'processing_log_seq_idx')`,
      )
    ).rows;
    for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
    // The primary key too: 342 insertion points into a B-tree larger than shared_buffers make a load crawl.
    await client.query('ALTER TABLE processing_log DROP CONSTRAINT processing_log_pkey');
    const inFlight: Array<Promise<unknown>> = [];
    let turn = 0;
    const seqs = new Array<number>(AUDIT_MUNICIPALITIES + 1).fill(0);
    const heads = new Array<Buffer>(AUDIT_MUNICIPALITIES + 1).fill(GENESIS_HASH);
    const pool = Array.from({ length: 4096 }, (_v, j) => md5(`a${j}`, 32) + md5(`b${j}`, 32));
    const rnd = random(4711);
    const base = Date.UTC(2026, 7, 1);
    for (let from = 1; from <= n; from += BATCH) {
      const rows: Array<{ r: ChainRowV2; prev: Buffer; hash: Buffer }> = [];
      for (let i = from; i < Math.min(from + BATCH, n + 1); i += 1) {
        const k = 1 + Math.floor(rnd() ** 2.2 * AUDIT_MUNICIPALITIES);
        seqs[k] = seqs[k]! + 1;
        const at = base + i;
        const s = (i * 37) % 4000;
        const r: ChainRowV2 = {
          municipalityId: uuidOf('00000000-0000-4000-8000-', k),
          seq: seqs[k]!,
          id: i,
          entryId: `${hex(i, 8, 1)}-${hex(i, 4, 2)}-4${hex(i, 3, 3)}-8${hex(i, 3, 4)}-${i.toString(16).padStart(12, '0')}`,
          traceId: hex(Math.floor(i / 3), 32, 5),
          spanId: hex(i, 16, 6),
          parentSpanId: hex(Math.floor(i / 3), 16, 7),
          action: ['residents.list', 'residents.read', 'worklist.read', 'plans.actions.update'][i % 4]!,
          status: i % 97 === 0 ? 'error' : 'ok',
          startedAt: epochMicros(new Date(at)),
          endedAt: epochMicros(new Date(at + 7)),
          sealedAt: epochMicros(new Date(at + 400)),
          activityId: ['PA-002', 'PA-001', 'PA-001', 'PA-003'][i % 4]!,
          activityVersion: 1,
          subjectType: 'resident',
          subjectIds: i % 10 === 0 ? pool.slice(s, s + 50) : [pool[s]!],
          actorId: uuidOf('00000000-0000-4000-9000-', i % 4000),
          actorRole: 'jobCoach',
        };
        const prev = heads[k]!;
        const hash = digestV2(prev, r);
        heads[k] = hash;
        rows.push({ r, prev, hash });
      }
      const col = <T,>(f: (x: { r: ChainRowV2; prev: Buffer; hash: Buffer }) => T) => rows.map(f);
      if (inFlight.length >= 2) await inFlight.shift();
      turn += 1;
      const insert = (turn % 2 ? client : second).query(
        `INSERT INTO processing_log (municipality_id, id, seq, entry_id, trace_id, span_id, parent_span_id, action, status,
           started_at, ended_at, sealed_at, processing_activity_id, processing_activity_version, data_subject_type,
           data_subject_ids, actor_id, actor_role, prev_hash, hash, chain_version)
         OVERRIDING SYSTEM VALUE
         SELECT m, id, seq, e, t, s, p, a, st, ${EPOCH} + sa * interval '1 microsecond', ${EPOCH} + ea * interval '1 microsecond',
           ${EPOCH} + se * interval '1 microsecond', pa, 1, 'resident', sub::text[], ac, 'jobCoach', ph, h, 2
         FROM unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
           $9::text[], $10::bigint[], $11::bigint[], $12::bigint[], $13::text[], $14::text[], $15::uuid[], $16::bytea[], $17::bytea[])
           AS x(m, id, seq, e, t, s, p, a, st, sa, ea, se, pa, sub, ac, ph, h)`,
        [
          col((x) => x.r.municipalityId), col((x) => String(x.r.id)), col((x) => String(x.r.seq)), col((x) => x.r.entryId),
          col((x) => x.r.traceId), col((x) => x.r.spanId), col((x) => x.r.parentSpanId), col((x) => x.r.action),
          col((x) => x.r.status), col((x) => String(x.r.startedAt)), col((x) => String(x.r.endedAt)), col((x) => String(x.r.sealedAt)),
          col((x) => x.r.activityId), col((x) => `{${x.r.subjectIds.join(',')}}`), col((x) => x.r.actorId),
          col((x) => x.prev), col((x) => x.hash),
        ],
      );
      inFlight.push(insert);
      if ((from - 1) % 1_000_000 === 0 && from > 1) log(`  ${(from - 1).toLocaleString('en')} rows…`);
    }
    await Promise.all(inFlight);
    for (let k = 1; k <= AUDIT_MUNICIPALITIES; k += 1) {
      if (seqs[k] === 0) continue;
      await client.query('INSERT INTO processing_log_chain (municipality_id, last_seq, last_hash) VALUES ($1, $2, $3)', [
        uuidOf('00000000-0000-4000-8000-', k), seqs[k], heads[k],
      ]);
    }
    log(`  rows written in ${((Date.now() - t0) / 1000).toFixed(0)} s; building the indexes…`);
    const builds = [...indexes.map((ix) => ix.def), 'ALTER TABLE processing_log ADD PRIMARY KEY (municipality_id, id)'];
    await Promise.all([client, second].map(async (c, j) => {
      for (const def of builds.filter((_x, q) => q % 2 === j)) await c.query(def);
    }));
    await client.query("SELECT setval(pg_get_serial_sequence('processing_log', 'id'), (SELECT max(id) FROM processing_log))");
    await client.query('VACUUM (ANALYZE) processing_log');
  } finally {
    await client.end();
    await second.end();
  }
  const seedSeconds = (Date.now() - t0) / 1000;
  log(`  ready in ${seedSeconds.toFixed(0)} s.`);
  return { url, seedSeconds };
}
