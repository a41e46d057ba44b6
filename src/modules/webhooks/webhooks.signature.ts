import { createHmac, timingSafeEqual } from 'node:crypto';

// The signature of a webhook delivery, after the Standard Webhooks specification (standardwebhooks.com): the
// receiver checks `webhook-signature` against HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" with the
// subscription's secret. The id is the CloudEvent's id (the same on every retry: the partner drops duplicates by it),
// the timestamp lets the receiver refuse an old replay. Pure functions: tested with fast-check.

export const SIGNATURE_HEADERS = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;

export function signatureOf(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Whether one of the space-separated signatures in the header is ours, and the timestamp within `toleranceSeconds`. */
export function verifySignature(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, headers.id, ts, body));
  return headers.signature.split(' ').some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
