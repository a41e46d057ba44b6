import { bsnCheckDigit } from '../domain/bsn.ts';

/**
 * Fictitious BSNs from the test range 99xxxxxxx, leaving out 9999xxxxx (used by the test persons of the
 * BRP test environment). Index k (0, 1, 2, ...) maps through a fixed permutation to the six free digits,
 * so consecutive residents get unrelated-looking numbers; indices whose check digit would be 10 give null.
 * Seeding continues after the highest index in use, so BSNs never collide.
 */
export const BSN_SPACE = 990_000;
const MULTIPLIER = 724_321; // coprime with 990,000 = 2^4 * 3^2 * 5^4 * 11
const OFFSET = 271_828;

function modInverse(a: number, m: number): number {
  let [r0, r1] = [a % m, m];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new Error('not invertible');
  return ((s0 % m) + m) % m;
}

export const BSN_MULTIPLIER_INVERSE = modInverse(MULTIPLIER, BSN_SPACE);
export const BSN_OFFSET = OFFSET;

export function bsnForIndex(k: number): string | null {
  if (!Number.isInteger(k) || k < 0 || k >= BSN_SPACE) throw new Error(`BSN index ${k} out of range`);
  const x = (MULTIPLIER * k + OFFSET) % BSN_SPACE;
  const firstEight = `99${String(x).padStart(6, '0')}`;
  const check = bsnCheckDigit(firstEight);
  return check === null ? null : `${firstEight}${check}`;
}

/** The index of a BSN in the range, or null when it lies outside 99xxxxxxx / inside 9999xxxxx. */
export function indexForBsn(bsn: string): number | null {
  if (!/^99[0-9]{7}$/.test(bsn) || bsn.startsWith('9999')) return null;
  const x = Number(bsn.slice(2, 8));
  return (((((x - OFFSET) % BSN_SPACE) + BSN_SPACE) % BSN_SPACE) * BSN_MULTIPLIER_INVERSE) % BSN_SPACE;
}

/** Hands out BSNs in index order, skipping indices without a valid check digit. */
export class BsnAllocator {
  constructor(private nextIndex: number) {}

  get cursor(): number {
    return this.nextIndex;
  }

  next(): { index: number; bsn: string } {
    for (;;) {
      if (this.nextIndex >= BSN_SPACE) {
        throw new Error(
          'De testreeks voor fictieve BSNs (99xxxxxxx) is op: er zijn te veel fictieve inwoners.',
        );
      }
      const index = this.nextIndex;
      this.nextIndex += 1;
      const bsn = bsnForIndex(index);
      if (bsn) return { index, bsn };
    }
  }
}
