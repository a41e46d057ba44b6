import { problems } from './problem.ts';

export function etagOf(kind: string, id: string, version: number): string {
  return `"${kind}-${id}-v${version}"`;
}

/** The version a client says it edited, from If-Match. Missing: 428; malformed or for another record: 412. */
export function versionFromIfMatch(header: string | undefined, kind: string, id: string): number {
  if (!header) throw problems.preconditionRequired();
  const m = /^(?:W\/)?"([a-z-]+)-([0-9a-f-]{36})-v(\d+)"$/.exec(header.trim());
  if (!m || m[1] !== kind || m[2] !== id) throw problems.stale();
  // A version is an integer column: a number beyond it is no version we ever handed out.
  const version = Number(m[3]);
  if (!Number.isSafeInteger(version) || version > 2_147_483_647) throw problems.stale();
  return version;
}
