import { createHash } from 'node:crypto';

const NAMESPACE = 'samenplan-seed-v1';

/**
 * A deterministic UUID (version 5 layout: SHA-1 of a name) for seeded records, so a rerun on a fresh
 * database gives the same ids. Only for fictitious seed data.
 */
export function seedUuid(...parts: readonly (string | number)[]): string {
  const h = createHash('sha1')
    .update(`${NAMESPACE}\u001f${parts.join('\u001f')}`)
    .digest();
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = h.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
