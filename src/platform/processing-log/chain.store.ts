import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/** Where the chain of one municipality breaks: an altered row (hash), a broken link, a missing row (gap), a bad head. */
export interface ChainBreak {
  municipalityId: string;
  seq: string;
  problem: 'hash' | 'link' | 'gap' | 'head';
}

/** Seals up to `limit` unsealed log rows (hash chain); 0 when none are waiting or another sealer is busy. */
export async function sealProcessingLog(db: Db, limit = 5000): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT processing_log_seal(${limit}) AS n`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function unsealedCount(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM processing_log WHERE seq IS NULL`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface StaleUnsealed {
  count: number;
  oldest: Date | null;
}

/** Rows that are still unsealed longer than `seconds` after they were written (partial index on unsealed rows). */
export async function staleUnsealedRows(db: Db, seconds: number): Promise<StaleUnsealed> {
  const { rows } = await sql<{ n: string; oldest: Date | null }>`
    SELECT count(*) AS n, min(ended_at) AS oldest FROM processing_log
    WHERE seq IS NULL AND ended_at < now() - make_interval(secs => ${seconds})`.execute(db);
  return { count: Number(rows[0]?.n ?? 0), oldest: rows[0]?.oldest ?? null };
}

/**
 * What the digest functions' source must hash to (md5 of pg_proc.prosrc), as migrations 0001, 202612030001 and
 * 202612040010 (version 3, with the reason; it also replaced processing_log_row_digest) ship them.
 */
export const DIGEST_FUNCTIONS: Readonly<Record<string, string>> = {
  processing_log_digest: '66be8c4c76c98ccaa173b7ee45961a0a',
  processing_log_digest_v2: '1c15d3ee0cc6aca3434a9d88d65a7e1f',
  processing_log_digest_v3: 'aaeeceef0f5978f33252fc504b342cf5',
  processing_log_row_digest: '1965d1aa2ac4fe52655fffeec3dc2251',
};

/** Digest functions whose definition differs from the shipped one (or that are missing, or overloaded). */
export async function alteredDigestFunctions(db: Db): Promise<string[]> {
  const { rows } = await sql<{ proname: string; src: string }>`
    SELECT p.proname, md5(p.prosrc) AS src FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.proname = ANY (${Object.keys(DIGEST_FUNCTIONS)}::text[])`.execute(db);
  return Object.entries(DIGEST_FUNCTIONS)
    .filter(([name, src]) => {
      const found = rows.filter((r) => r.proname === name);
      return found.length !== 1 || found[0]!.src !== src;
    })
    .map(([name]) => name);
}

export interface ChainOutline {
  municipalityId: string;
  /** Lowest and highest sequence number present (null: no sealed rows). */
  minSeq: bigint | null;
  maxSeq: bigint | null;
  /** The chain head, null when the municipality has no head row. */
  head: { lastSeq: bigint; lastHash: Buffer } | null;
  /** The hash of the row the head points at (null when that row is missing). */
  headRowHash: Buffer | null;
}

type Conn = Kysely<Database>;

/**
 * Every municipality that has sealed rows or a chain head, with its sequence range and head, found by walking the
 * (municipality_id, seq) index from one municipality to the next instead of reading the table.
 */
export async function chainOutlines(db: Conn): Promise<ChainOutline[]> {
  const { rows } = await sql<{
    municipality_id: string;
    min_seq: string | null;
    max_seq: string | null;
    last_seq: string | null;
    last_hash: Buffer | null;
    head_row_hash: Buffer | null;
  }>`
    WITH RECURSIVE walk AS (
      (SELECT municipality_id FROM processing_log WHERE seq IS NOT NULL ORDER BY municipality_id LIMIT 1)
      UNION ALL
      SELECT (SELECT l.municipality_id FROM processing_log l
              WHERE l.municipality_id > walk.municipality_id AND l.seq IS NOT NULL ORDER BY l.municipality_id LIMIT 1)
      FROM walk WHERE walk.municipality_id IS NOT NULL
    ), m AS (
      SELECT municipality_id FROM walk WHERE municipality_id IS NOT NULL
      UNION SELECT municipality_id FROM processing_log_chain
    )
    SELECT m.municipality_id,
      (SELECT min(l.seq) FROM processing_log l WHERE l.municipality_id = m.municipality_id)::text AS min_seq,
      (SELECT max(l.seq) FROM processing_log l WHERE l.municipality_id = m.municipality_id)::text AS max_seq,
      c.last_seq::text AS last_seq, c.last_hash,
      (SELECT l.hash FROM processing_log l WHERE l.municipality_id = m.municipality_id AND l.seq = c.last_seq) AS head_row_hash
    FROM m LEFT JOIN processing_log_chain c ON c.municipality_id = m.municipality_id
    ORDER BY m.municipality_id`.execute(db);
  return rows.map((r) => ({
    municipalityId: r.municipality_id,
    minSeq: r.min_seq === null ? null : BigInt(r.min_seq),
    maxSeq: r.max_seq === null ? null : BigInt(r.max_seq),
    head: r.last_seq === null || r.last_hash === null ? null : { lastSeq: BigInt(r.last_seq), lastHash: r.last_hash },
    headRowHash: r.head_row_hash,
  }));
}

/** The table's size in blocks (verification walks it in physical order, block range by block range). */
export async function logBlocks(db: Conn): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT (pg_relation_size('processing_log') / current_setting('block_size')::int)::text AS n`.execute(db);
  return Number(rows[0]!.n);
}

export interface ChunkResult {
  checked: number;
  /** Rows with at least one problem. */
  breakCount: number;
  /** The first `keep` broken rows of the chunk. */
  breaks: ChainBreak[];
}

/**
 * Checks the sealed rows stored in blocks [fromBlock, toBlock) inside PostgreSQL, reading them in physical order
 * (a TID range scan: sequential I/O), and returns only what is wrong: each row's hash recomputed from its columns
 * (by its chain version), and its prev_hash against the hash of its predecessor (seq - 1 of the same municipality) —
 * found in the same chunk, or else looked up through the (municipality_id, seq) index; a missing predecessor is a
 * gap, unless the retention job pruned the log below this row: then its checkpoint holds the hash before (ADR 0033). The rows never leave the database, so memory stays flat whatever the size of the log.
 */
export async function verifyBlocks(db: Conn, fromBlock: number, toBlock: number, keep: number): Promise<ChunkResult> {
  const lo = `(${fromBlock},0)`;
  const hi = `(${toBlock},0)`;
  const { rows } = await sql<{ checked: number; broken: number; breaks: Array<[string, string, boolean, boolean, boolean]> }>`
    WITH rows AS (
      SELECT l.municipality_id, l.seq, l.prev_hash, l.hash, processing_log_row_digest(l) AS recomputed
      FROM processing_log l
      WHERE l.ctid >= ${lo}::tid AND l.ctid < ${hi}::tid AND l.seq IS NOT NULL
      OFFSET 0
    ), ordered AS (
      SELECT r.*, lag(r.seq) OVER w AS before_seq, lag(r.hash) OVER w AS before_hash
      FROM rows r WINDOW w AS (PARTITION BY r.municipality_id ORDER BY r.seq)
    ), judged AS (
      SELECT o.municipality_id, o.seq,
        CASE WHEN o.seq = 1 THEN decode(repeat('00', 32), 'hex')
             WHEN o.before_seq = o.seq - 1 THEN o.before_hash
             ELSE coalesce((SELECT p.hash FROM processing_log p WHERE p.municipality_id = o.municipality_id AND p.seq = o.seq - 1),
               (SELECT c.prev_hash FROM processing_log_checkpoints c WHERE c.municipality_id = o.municipality_id AND c.seq = o.seq)) END AS expected_prev,
        o.seq < 1 OR (o.seq > 1 AND o.before_seq IS DISTINCT FROM o.seq - 1 AND NOT EXISTS (
          SELECT 1 FROM processing_log p WHERE p.municipality_id = o.municipality_id AND p.seq = o.seq - 1) AND NOT EXISTS (
          SELECT 1 FROM processing_log_checkpoints c WHERE c.municipality_id = o.municipality_id AND c.seq = o.seq)) AS gap,
        o.prev_hash, o.hash IS DISTINCT FROM o.recomputed AS bad_hash
      FROM ordered o
    ), flagged AS (
      SELECT municipality_id, seq, gap, prev_hash IS DISTINCT FROM expected_prev AS link, bad_hash FROM judged
    )
    SELECT count(*)::int AS checked, count(*) FILTER (WHERE gap OR link OR bad_hash)::int AS broken,
      coalesce((array_agg(jsonb_build_array(municipality_id, seq::text, gap, link, bad_hash) ORDER BY municipality_id, seq)
        FILTER (WHERE gap OR link OR bad_hash))[1:${keep}], '{}') AS breaks
    FROM flagged`.execute(db);
  const r = rows[0]!;
  const breaks: ChainBreak[] = [];
  for (const [municipalityId, seq, gap, link, badHash] of r.breaks) {
    if (gap) breaks.push({ municipalityId, seq, problem: 'gap' });
    else if (link) breaks.push({ municipalityId, seq, problem: 'link' });
    if (badHash) breaks.push({ municipalityId, seq, problem: 'hash' });
  }
  return { checked: r.checked, breakCount: r.broken, breaks };
}

/** Built-ins first, whatever the role's search_path; no JIT (its compile time costs more than it saves per chunk). */
async function settings(conn: Conn): Promise<void> {
  await sql`SELECT set_config('search_path', 'pg_catalog, public', true), set_config('jit', 'off', true),
    set_config('work_mem', '64MB', true)`.execute(conn);
}

/**
 * Runs `work` on `parallel` connections that all see one snapshot of the database (REPEATABLE READ, the leader's
 * snapshot exported to the others, as pg_dump does), so a chain sealed further while the check runs is seen the
 * same way by every chunk. `lead` runs first, on the leader, in the same snapshot.
 */
export async function inOneSnapshot<T>(
  db: Db,
  parallel: number,
  lead: (conn: Conn) => Promise<T>,
  work: (conn: Conn) => Promise<void>,
): Promise<T> {
  return db.connection().execute(async (leader) => {
    await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(leader);
    try {
      await settings(leader);
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(leader);
      const snapshot = rows[0]!.id;
      const led = await lead(leader);
      const followers = Array.from({ length: Math.max(parallel - 1, 0) }, () =>
        db.connection().execute(async (conn) => {
          await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(conn);
          try {
            await sql`SET TRANSACTION SNAPSHOT ${sql.lit(snapshot)}`.execute(conn);
            await settings(conn);
            await work(conn);
          } finally {
            await sql`COMMIT`.execute(conn);
          }
        }),
      );
      await Promise.all([work(leader), ...followers]);
      return led;
    } finally {
      await sql`COMMIT`.execute(leader);
    }
  });
}
