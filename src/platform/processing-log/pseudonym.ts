import { createHmac } from 'node:crypto';

/**
 * Pseudonymises a data subject for the processing log: a keyed hash (HMAC-SHA-256) of municipality and id.
 * Without the key the log reveals nobody; with it, the entries of one resident can be found (inzage).
 */
export function pseudonymise(key: string, municipalityId: string, subjectId: string): string {
  return createHmac('sha256', key).update(`${municipalityId}:${subjectId}`).digest('base64url').slice(0, 32);
}
