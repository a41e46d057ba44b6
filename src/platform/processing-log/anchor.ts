import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { chainHeads, headSeq, sealedRowHash } from './anchor.store.ts';
import { allCheckpoints, type Checkpoint } from './log-retention.store.ts';

// Anchors (issue 16, ADR 0026): the hash chain protects the processing log against the application role, not against
// a database superuser who rewrites rows and chain together. Periodically every municipality's chain head is signed
// (Ed25519, node:crypto) with a key the database never sees and written as a file to a directory that is copied off
// the database host. `audit verify --anchors DIR` then proves that the log still holds every signed hash at its
// position: since each hash covers its predecessor, the whole log up to every anchor is as it was when signed.

export const ANCHOR_FORMAT = 'samenplan-anchor/1';
export const PUBLIC_KEY_FILE = 'anchor.pub';

export interface Anchor {
  format: typeof ANCHOR_FORMAT;
  municipalityId: string;
  seq: string;
  /** hex of the chain hash at `seq` */
  hash: string;
  signedAt: string;
  /** sha256 of the public key (SPKI DER), first 16 hex: which key signed it */
  keyId: string;
  /** base64 Ed25519 signature over `signedText(anchor)` */
  signature: string;
}

export function signedText(a: Pick<Anchor, 'format' | 'municipalityId' | 'seq' | 'hash' | 'signedAt' | 'keyId'>): Buffer {
  return Buffer.from([a.format, a.municipalityId, a.seq, a.hash, a.signedAt, a.keyId].join('\n'), 'utf8');
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** A new Ed25519 key pair as PEM: the private key (PKCS#8) and the public key (SPKI). */
export function generateAnchorKey(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export async function writeAnchorKey(file: string): Promise<void> {
  const { privatePem, publicPem } = generateAnchorKey();
  await writeFile(file, privatePem, { mode: 0o600, flag: 'wx' });
  await writeFile(`${file}.pub`, publicPem, { mode: 0o644 });
}

/** The signing key: from SAMENPLAN_ANCHOR_KEY (PEM) or the file SAMENPLAN_ANCHOR_KEY_FILE. */
export async function loadAnchorKey(env: NodeJS.ProcessEnv = process.env): Promise<KeyObject | null> {
  const pem = env.SAMENPLAN_ANCHOR_KEY ?? (env.SAMENPLAN_ANCHOR_KEY_FILE ? await readFile(env.SAMENPLAN_ANCHOR_KEY_FILE, 'utf8') : null);
  if (!pem) return null;
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('De ankersleutel moet een Ed25519-sleutel zijn (samenplan anchor keygen).');
  return key;
}

const fileName = (a: { municipalityId: string; seq: string }) => `anchor-${a.municipalityId}-${a.seq.padStart(12, '0')}.json`;

export interface ExportResult {
  written: number;
  unchanged: number;
}

/**
 * Signs every municipality's current chain head and writes one file per head into `dir` (atomically: temp + rename),
 * plus the public key as anchor.pub when it is not there. A head that is already anchored is left alone, so several
 * instances may export at the same time.
 */
export async function exportAnchors(db: Db, privateKey: KeyObject, dir: string, now: () => Date = () => new Date()): Promise<ExportResult> {
  await mkdir(dir, { recursive: true });
  const publicKey = createPublicKey(privateKey);
  const kid = keyId(publicKey);
  const pubFile = path.join(dir, PUBLIC_KEY_FILE);
  if (!existsSync(pubFile)) await writeFile(pubFile, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  let written = 0;
  let unchanged = 0;
  for (const head of await chainHeads(db)) {
    const base = { format: ANCHOR_FORMAT, municipalityId: head.municipalityId, seq: head.lastSeq.toString(), hash: head.lastHash.toString('hex'), signedAt: now().toISOString(), keyId: kid } as const;
    const file = path.join(dir, fileName(base));
    if (existsSync(file)) {
      unchanged += 1;
      continue;
    }
    const anchor: Anchor = { ...base, signature: sign(null, signedText(base), privateKey).toString('base64') };
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(anchor, null, 2)}\n`);
    await rename(tmp, file);
    written += 1;
  }
  return { written, unchanged };
}

/** Exports anchors every `intervalMs` (and once at the start); returns a stop function. */
export function startAnchorExporter(db: Db, privateKey: KeyObject, dir: string, intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => exportAnchors(db, privateKey, dir)).catch(onError);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export type AnchorProblem = 'signature' | 'unknown-key' | 'hash' | 'missing' | 'ahead' | 'format' | 'checkpoint';

// A checkpoint (ADR 0033): the retention job pruned a municipality's log below `seq`; `prevHash` is the hash of the
// last entry pruned, the chain's new start. Signed with the anchor key before the rows went.
export const CHECKPOINT_FORMAT = 'samenplan-checkpoint/1';

export interface SignedCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  municipalityId: string;
  seq: string;
  prevHash: string;
  cutoff: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

function checkpointText(c: Omit<SignedCheckpoint, 'signature'>): Buffer {
  return Buffer.from([c.format, c.municipalityId, c.seq, c.prevHash, c.cutoff, c.signedAt, c.keyId].join('\n'), 'utf8');
}

const checkpointFile = (c: { municipalityId: string; seq: string }) => `checkpoint-${c.municipalityId}-${c.seq.padStart(12, '0')}.json`;

/** Signs a checkpoint and writes it into the anchor directory (atomically). */
export async function writeCheckpointFile(privateKey: KeyObject, dir: string, cp: Checkpoint, now: Date): Promise<void> {
  await mkdir(dir, { recursive: true });
  const base = {
    format: CHECKPOINT_FORMAT,
    municipalityId: cp.municipalityId,
    seq: cp.seq.toString(),
    prevHash: cp.prevHash.toString('hex'),
    cutoff: cp.cutoff.toISOString(),
    signedAt: now.toISOString(),
    keyId: keyId(createPublicKey(privateKey)),
  } as const;
  const c: SignedCheckpoint = { ...base, signature: sign(null, checkpointText(base), privateKey).toString('base64') };
  const file = path.join(dir, checkpointFile(base));
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(c, null, 2)}\n`);
  await rename(tmp, file);
}

export interface AnchorFinding {
  file: string;
  municipalityId?: string;
  seq?: string;
  problem: AnchorProblem;
}

export interface AnchorVerifyResult {
  checked: number;
  findings: AnchorFinding[];
  /** Anchors below a checkpoint: their rows were pruned by retention (ADR 0033), covered by the signed checkpoint. */
  pruned: number;
}

/**
 * Checks every anchor file in `dir` against the log: a valid signature under one of the trusted public keys, and the
 * log's row at the anchored position holding exactly the signed hash. Missing row below the head: 'missing'; an anchor
 * past the log's head: 'ahead' (rows removed, or a restore to an earlier point in time).
 */
export async function verifyAnchors(ownerDb: Db, dir: string, publicKeys: KeyObject[]): Promise<AnchorVerifyResult> {
  const keys = new Map(publicKeys.map((k) => [keyId(k), k]));
  const files = (await readdir(dir)).filter((f) => f.startsWith('anchor-') && f.endsWith('.json')).sort();
  const findings: AnchorFinding[] = [];
  // Every pruning must carry a checkpoint signed under a trusted key: rows cut without one were cut by someone else.
  const checkpoints = await allCheckpoints(ownerDb);
  const signed = new Set<string>();
  for (const file of (await readdir(dir)).filter((f) => f.startsWith('checkpoint-') && f.endsWith('.json'))) {
    try {
      const c = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as SignedCheckpoint;
      const key = keys.get(c.keyId);
      if (c.format === CHECKPOINT_FORMAT && key && verify(null, checkpointText(c), key, Buffer.from(c.signature, 'base64'))) {
        signed.add(`${c.municipalityId}:${c.seq}:${c.prevHash}`);
      } else findings.push({ file, municipalityId: c.municipalityId, seq: c.seq, problem: 'checkpoint' });
    } catch {
      findings.push({ file, problem: 'format' });
    }
  }
  const latest = new Map<string, Checkpoint>();
  for (const c of checkpoints) {
    if (!signed.has(`${c.municipalityId}:${c.seq}:${c.prevHash.toString('hex')}`)) {
      findings.push({ file: checkpointFile({ municipalityId: c.municipalityId, seq: c.seq.toString() }), municipalityId: c.municipalityId, seq: c.seq.toString(), problem: 'checkpoint' });
    }
    const l = latest.get(c.municipalityId);
    if (!l || l.seq < c.seq) latest.set(c.municipalityId, c);
  }
  let pruned = 0;
  for (const file of files) {
    let a: Anchor;
    try {
      a = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Anchor;
      if (a.format !== ANCHOR_FORMAT || !/^\d+$/.test(a.seq) || !/^[0-9a-f]{64}$/.test(a.hash)) throw new Error('format');
    } catch {
      findings.push({ file, problem: 'format' });
      continue;
    }
    const key = keys.get(a.keyId);
    if (!key) {
      findings.push({ file, municipalityId: a.municipalityId, seq: a.seq, problem: 'unknown-key' });
      continue;
    }
    if (!verify(null, signedText(a), key, Buffer.from(a.signature, 'base64'))) {
      findings.push({ file, municipalityId: a.municipalityId, seq: a.seq, problem: 'signature' });
      continue;
    }
    const cp = latest.get(a.municipalityId);
    if (cp && BigInt(a.seq) < cp.seq) {
      // Below the chain's new start: the entry before the checkpoint is still provable by the checkpoint's hash.
      if (BigInt(a.seq) === cp.seq - 1n && cp.prevHash.toString('hex') !== a.hash) findings.push({ file, municipalityId: a.municipalityId, seq: a.seq, problem: 'hash' });
      else pruned += 1;
      continue;
    }
    const stored = await sealedRowHash(ownerDb, a.municipalityId, BigInt(a.seq));
    if (stored === null) {
      const head = await headSeq(ownerDb, a.municipalityId);
      findings.push({ file, municipalityId: a.municipalityId, seq: a.seq, problem: head < BigInt(a.seq) ? 'ahead' : 'missing' });
    } else if (stored.toString('hex') !== a.hash) {
      findings.push({ file, municipalityId: a.municipalityId, seq: a.seq, problem: 'hash' });
    }
  }
  return { checked: files.length, findings, pruned };
}

/** Public keys: the given PEM files, or anchor.pub in the anchor directory. */
export async function loadPublicKeys(dir: string, files: string[]): Promise<KeyObject[]> {
  const list = files.length > 0 ? files : [path.join(dir, PUBLIC_KEY_FILE)];
  const keys: KeyObject[] = [];
  for (const f of list) if (existsSync(f)) keys.push(createPublicKey(await readFile(f, 'utf8')));
  return keys;
}
