import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureOf, verifySignature } from './webhooks.signature.ts';

describe('webhook signature', () => {
  it('verifies what it signed, and nothing with another secret, id, body or an old timestamp', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 32 }), fc.uuid(), fc.integer({ min: 1e9, max: 2e9 }), fc.string(), fc.string({ minLength: 1 }), (secret, id, ts, body, extra) => {
        const headers = { id, timestamp: String(ts), signature: signatureOf(secret, id, ts, body) };
        expect(verifySignature(secret, headers, body, ts)).toBe(true);
        expect(verifySignature(secret + extra, headers, body, ts)).toBe(false);
        expect(verifySignature(secret, headers, body + extra, ts)).toBe(false);
        expect(verifySignature(secret, { ...headers, id: id + extra }, body, ts)).toBe(false);
        expect(verifySignature(secret, headers, body, ts + 301)).toBe(false);
        // Several signatures (a rotated secret): one that fits is enough.
        expect(verifySignature(secret, { ...headers, signature: `v1,AAAA ${headers.signature}` }, body, ts)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
