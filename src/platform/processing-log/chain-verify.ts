import { availableParallelism } from 'node:os';
import type { Db } from '../db/database.ts';
import {
  alteredDigestFunctions,
  chainOutlines,
  inOneSnapshot,
  logBlocks,
  sealProcessingLog,
  staleUnsealedRows,
  unsealedCount,
  verifyBlocks,
  type ChainBreak,
  type ChainOutline,
  type StaleUnsealed,
} from './chain.store.ts';

export type { ChainBreak } from './chain.store.ts';

export interface VerifyOptions {
  /** Table blocks (8 kB) per chunk; each chunk is one query that returns only what is wrong. */
  chunkBlocks?: number;
  /** Chunks checked at the same time (one database connection each). */
  parallel?: number;
  /** Breaks kept in memory for the report; all are counted. */
  keepBreaks?: number;
  /** Rows unsealed for longer than this are a finding (the sealer runs every second). */
  unsealedAfterSeconds?: number;
  /** Called after every chunk with the rows checked so far and the rows to check in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyResult {
  rowsChecked: number;
  municipalities: number;
  /** The first `keepBreaks` breaks, ordered by municipality and sequence number. */
  breaks: ChainBreak[];
  /** Rows with a broken hash, link or gap, plus broken heads: all of them, not only those kept. */
  breakCount: number;
  /** Digest functions in the database that are not the shipped ones: then no hash it computes can be trusted. */
  alteredFunctions: string[];
  /** Rows written more than `unsealedAfterSeconds` before the check and still unsealed when it started. */
  staleUnsealed: StaleUnsealed & { thresholdSeconds: number };
  /** Rows sealed by this run (written since the last sealing). */
  sealedNow: number;
  /** Rows still unsealed at the end (written during the run): not covered by this check. */
  unsealed: number;
}

async function sealWaiting(db: Db): Promise<number> {
  let sealed = 0;
  for (let idle = 0; idle < 50 && (await unsealedCount(db)) > 0; ) {
    const n = await sealProcessingLog(db, 50_000);
    sealed += n;
    if (n === 0) {
      idle += 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return sealed;
}

function headBreak(o: ChainOutline): ChainBreak | null {
  const max = o.maxSeq ?? 0n;
  const atHead = o.head === null ? max : o.head.lastSeq > max ? o.head.lastSeq : max;
  const broken =
    o.head === null
      ? max > 0n
      : o.head.lastSeq !== max || (o.head.lastSeq > 0n && (o.headRowHash === null || !o.headRowHash.equals(o.head.lastHash)));
  return broken ? { municipalityId: o.municipalityId, seq: atHead.toString(), problem: 'head' } : null;
}

const bySeq = (a: ChainBreak, b: ChainBreak) =>
  a.municipalityId < b.municipalityId ? -1 : a.municipalityId > b.municipalityId ? 1 : Number(BigInt(a.seq) - BigInt(b.seq));

/**
 * Proves the processing log untouched (ADR 0004, 0010): first reports rows left unsealed too long, then seals what
 * waits, checks that the digest functions are the shipped ones, then recomputes every chain inside PostgreSQL in
 * block ranges read in physical order, on `parallel` connections sharing one snapshot, with memory that does not
 * grow with the log. Detects altered rows (hash), removed, moved or reordered rows (gap, link), rows outside the
 * sequence (gap) and a cut or altered tail (head).
 */
export async function verifyProcessingLogChain(ownerDb: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const chunkBlocks = options.chunkBlocks ?? 2048;
  const parallel = Math.max(1, options.parallel ?? Math.min(4, availableParallelism()));
  const keep = options.keepBreaks ?? 1000;
  const thresholdSeconds = options.unsealedAfterSeconds ?? 60;

  const staleUnsealed = { ...(await staleUnsealedRows(ownerDb, thresholdSeconds)), thresholdSeconds };
  const sealedNow = await sealWaiting(ownerDb);
  const alteredFunctions = await alteredDigestFunctions(ownerDb);

  const breaks: ChainBreak[] = [];
  let breakCount = 0;
  const note = (found: ChainBreak[], count: number) => {
    breakCount += count;
    for (const b of found) if (breaks.length < keep) breaks.push(b);
  };

  let rowsChecked = 0;
  let total = 0;
  let next = 0;
  let blocks = 0;
  const outlines = await inOneSnapshot(
    ownerDb,
    parallel,
    async (conn) => {
      const found = await chainOutlines(conn);
      for (const o of found) {
        const head = headBreak(o);
        if (head) note([head], 1);
        if (o.maxSeq !== null && o.maxSeq > 0n) total += Number(o.maxSeq);
      }
      blocks = await logBlocks(conn);
      return found;
    },
    async (conn) => {
      while (next < blocks) {
        const from = next;
        next += chunkBlocks;
        const r = await verifyBlocks(conn, from, from + chunkBlocks, keep);
        rowsChecked += r.checked;
        note(r.breaks, r.breakCount);
        options.onProgress?.(rowsChecked, total);
      }
    },
  );

  breaks.sort(bySeq);
  return {
    rowsChecked,
    municipalities: outlines.length,
    breaks,
    breakCount,
    alteredFunctions,
    staleUnsealed,
    sealedNow,
    unsealed: await unsealedCount(ownerDb),
  };
}
