import { createHash } from 'node:crypto';

/**
 * The version-2 digest of a sealed processing-log row, computed outside the database: the same bytes as the SQL
 * function processing_log_digest_v2 (migration 202612030001), so that anyone can re-check a chain, or build one,
 * without trusting the database's own functions. The canonical form is the fields joined by U+001F (which no field
 * may contain), timestamps as microseconds since the epoch, the subject pseudonyms joined by commas.
 */
export interface ChainRowV2 {
  municipalityId: string;
  seq: bigint | number;
  id: bigint | number;
  entryId: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  action: string;
  status: string;
  /** Microseconds since the epoch. */
  startedAt: bigint;
  endedAt: bigint;
  sealedAt: bigint;
  activityId: string;
  activityVersion: number;
  subjectType: string;
  subjectIds: readonly string[];
  actorId: string;
  actorRole: string;
}

export const SEPARATOR = '\u001f';

/** A Date (plus extra microseconds) as microseconds since the epoch, as extract(epoch …) * 1000000 gives it. */
export const epochMicros = (d: Date, micros = 0): bigint => BigInt(d.getTime()) * 1000n + BigInt(micros);

export function canonicalV2(r: ChainRowV2): string {
  return [
    'v2', r.municipalityId, String(r.seq), String(r.id), r.entryId, r.traceId, r.spanId, r.parentSpanId ?? '', r.action,
    r.status, String(r.startedAt), String(r.endedAt), String(r.sealedAt), r.activityId, String(r.activityVersion),
    r.subjectType, r.subjectIds.join(','), r.actorId, r.actorRole,
  ].join(SEPARATOR);
}

export function digestV2(prevHash: Buffer, r: ChainRowV2): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalV2(r), 'utf8').digest();
}

/** A version-3 row: version 2 plus the reason (migration 202612040010); never empty, so null hashes as ''. */
export interface ChainRowV3 extends ChainRowV2 {
  reason: string | null;
}

export function canonicalV3(r: ChainRowV3): string {
  return ['v3', ...canonicalV2(r).split(SEPARATOR).slice(1), r.reason ?? ''].join(SEPARATOR);
}

/** The version-3 digest: the same bytes as processing_log_digest_v3. */
export function digestV3(prevHash: Buffer, r: ChainRowV3): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalV3(r), 'utf8').digest();
}

export const GENESIS_HASH = Buffer.alloc(32);
