import path from 'node:path';
import { backupDatabase, BackupError, restoreDatabase } from '../platform/db/backup.ts';
import type { Runtime } from '../platform/runtime.ts';
import { auditVerify } from './audit.command.ts';

/** `samenplan backup --out FILE`: a pg_dump (custom format) plus FILE.manifest.json; exit 0, or 2 on failure. */
export async function backupCommand(rt: Runtime, out: string | undefined, say: (msg: string) => void): Promise<number> {
  if (!out) {
    say('Gebruik: samenplan backup --out BESTAND');
    return 2;
  }
  const file = path.resolve(out);
  let m;
  try {
    m = await backupDatabase(rt.ownerUrl, file, rt.pseudonymKey);
  } catch (err) {
    if (!(err instanceof BackupError)) throw err;
    say(err.message);
    return 2;
  }
  const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
  say(`Back-up geschreven: ${file} (${(m.dumpBytes / 1024 / 1024).toFixed(1)} MB, ${Object.keys(m.rowCounts).length} tabellen, ${rows} rijen, ` +
    `${m.chainHeads.length} logboekketen(s)); manifest: ${file}.manifest.json. Geheimen (pseudoniemsleutel, wachtwoorden, ankersleutel) zitten er niet in.`);
  return 0;
}

/**
 * `samenplan restore --in FILE` into the empty database of DATABASE_URL, then `audit verify` on it: exit 0 when the
 * restore matches the manifest and the log verifies, 1 when counts or the chain do not match, 2 on failure.
 */
export async function restoreCommand(rt: Runtime, input: string | undefined, appPassword: string | undefined, say: (msg: string) => void): Promise<number> {
  if (!input) {
    say('Gebruik: DATABASE_URL=postgres://… samenplan restore --in BESTAND');
    return 2;
  }
  if (rt.embedded) {
    say('Herstel alleen naar een database die DATABASE_URL aanwijst.');
    return 2;
  }
  const file = path.resolve(input);
  let result;
  try {
    result = await restoreDatabase(rt.ownerUrl, file, appPassword ?? rt.appPassword, rt.pseudonymKey);
  } catch (err) {
    if (err instanceof BackupError) {
      say(err.message);
      return 2;
    }
    throw err;
  }
  const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
  say(`Hersteld: ${Object.keys(result.rowCounts).length} tabellen, ${rows} rijen.`);
  if (!result.manifest) say('Let op: geen manifest naast de back-up; aantallen niet vergeleken.');
  if (result.samePseudonymKey === false) {
    say('Let op: SAMENPLAN_PSEUDONYM_KEY is niet de sleutel van de bron. Zet de sleutel uit de sleutelkluis; anders vindt de privacyfunctionaris de verwerkingen van een inwoner niet meer terug.');
  }
  let code = 0;
  if (result.countMismatches.length > 0) {
    for (const c of result.countMismatches.slice(0, 20)) say(`- ${c.table}: ${c.actual} rijen, manifest ${c.expected}`);
    say(`HERSTEL KLOPT NIET: ${result.countMismatches.length} tabel(len) met een ander aantal rijen dan de bron.`);
    code = 1;
  } else if (result.manifest) {
    say('Aantallen rijen gelijk aan de bron (manifest).');
  }
  const audit = await auditVerify(rt.ownerDb(), { unsealedAfterSeconds: 315_360_000, tty: false }, say);
  return code || (audit === 0 ? 0 : 1);
}
