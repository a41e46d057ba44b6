/**
 * Stratified permuted-block randomisation, reproducible from a stored seed. Pure.
 *
 * Within each stratum (e.g. wijk × education level) participants are allocated in enrolment order to the positions
 * of consecutive blocks; every block holds each arm `ratio × blockMultiple` times, in an order shuffled by
 * Fisher–Yates. The random numbers are SHA-256 in counter mode, so anyone with the seed can re-derive the whole
 * allocation (also outside Samenplan):
 *   u(stratum, block, k) = first 48 bits of SHA-256("samenplan-randomisation-v1\0" seed "\0" stratum "\0" block "\0" k) / 2^48
 *   Fisher–Yates over the block's arm list (arms in the order given, each repeated): for k = L−1 … 1, swap k and
 *   floor(u(stratum, block, k) · (k + 1)).
 * Consequences the tests check: the same input gives the same allocation; allocating more participants never
 * changes an earlier participant's arm; one stratum's allocation does not depend on another's participants; in each
 * stratum the arms differ by at most one block's share.
 */
import { createHash } from 'node:crypto';

export interface RandomisationArm {
  key: string;
  /** Allocation ratio (1 for equal arms). */
  ratio: number;
}

export interface RandomisationParticipant {
  id: string;
  stratum: string;
}

const DOMAIN = 'samenplan-randomisation-v1';

function uniform(seed: string, stratum: string, block: number, k: number): number {
  const h = createHash('sha256').update(`${DOMAIN}\0${seed}\0${stratum}\0${block}\0${k}`).digest();
  return h.readUIntBE(0, 6) / 2 ** 48;
}

/** The arms of block `block` of a stratum, in allocation order. */
export function blockSequence(arms: RandomisationArm[], seed: string, stratum: string, block: number, blockMultiple = 1): string[] {
  const list: string[] = [];
  for (const a of arms) for (let i = 0; i < a.ratio * blockMultiple; i++) list.push(a.key);
  for (let k = list.length - 1; k >= 1; k--) {
    const j = Math.floor(uniform(seed, stratum, block, k) * (k + 1));
    const t = list[k]!;
    list[k] = list[j]!;
    list[j] = t;
  }
  return list;
}

/** Allocates participants (in enrolment order) to arms: participant id → arm key. */
export function allocate(
  participants: RandomisationParticipant[],
  arms: RandomisationArm[],
  seed: string,
  blockMultiple = 1,
): Map<string, string> {
  if (arms.length < 2) throw new Error('randomisation needs at least two arms');
  if (arms.some((a) => !Number.isInteger(a.ratio) || a.ratio < 1)) throw new Error('arm ratios must be positive integers');
  if (!Number.isInteger(blockMultiple) || blockMultiple < 1) throw new Error('blockMultiple must be a positive integer');
  const blockLength = arms.reduce((s, a) => s + a.ratio, 0) * blockMultiple;
  const position = new Map<string, number>();
  const cache = new Map<string, string[]>();
  const out = new Map<string, string>();
  for (const p of participants) {
    const pos = position.get(p.stratum) ?? 0;
    position.set(p.stratum, pos + 1);
    const block = Math.floor(pos / blockLength);
    const key = `${p.stratum}\0${block}`;
    let seq = cache.get(key);
    if (!seq) {
      seq = blockSequence(arms, seed, p.stratum, block, blockMultiple);
      cache.set(key, seq);
    }
    out.set(p.id, seq[pos % blockLength]!);
  }
  return out;
}

/** The stratum of a participant from its stratification variables, e.g. ['Overvecht', 'laag'] → 'Overvecht × laag'. */
export function stratumKey(values: (string | null | undefined)[]): string {
  return values.map((v) => (v === null || v === undefined || v === '' ? 'onbekend' : v)).join(' × ');
}
