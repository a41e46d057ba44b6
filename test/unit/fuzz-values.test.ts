import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validish, type IdSource } from '../helpers/fuzz/values.ts';

// The fuzzer's "valid" numbers must be valid: a range narrower than 1 (e.g. exclusiveMinimum 0, exclusiveMaximum
// 0.5) once made it ask fast-check for a minimum above its maximum.
const ids: IdSource = { own: () => [], foreign: () => [], anyOwn: () => [] } as unknown as IdSource;

describe('fuzz values: numbers inside their bounds', () => {
  it('a number with exclusive bounds of any width lies strictly between them', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 1e-6, max: 1000, noNaN: true }),
        fc.integer(),
        (lower, width, seed) => {
          const upper = lower + width;
          fc.pre(upper > lower);
          const [value] = fc.sample(validish({ type: 'number', exclusiveMinimum: lower, exclusiveMaximum: upper }, 'x', ids), { numRuns: 1, seed });
          expect(typeof value).toBe('number');
          expect(value as number).toBeGreaterThan(lower);
          expect(value as number).toBeLessThan(upper);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an integer with inclusive bounds lies within them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer(), (lower, width, seed) => {
        const [value] = fc.sample(validish({ type: 'integer', minimum: lower, maximum: lower + width }, 'x', ids), { numRuns: 1, seed });
        expect(Number.isInteger(value)).toBe(true);
        expect(value as number).toBeGreaterThanOrEqual(lower);
        expect(value as number).toBeLessThanOrEqual(lower + width);
      }),
      { numRuns: 300 },
    );
  });
});
