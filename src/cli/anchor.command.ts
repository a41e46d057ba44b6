import path from 'node:path';
import type { Db } from '../platform/db/database.ts';
import { exportAnchors, loadAnchorKey, loadPublicKeys, startAnchorExporter, verifyAnchors, writeAnchorKey, type AnchorProblem } from '../platform/processing-log/anchor.ts';

const PROBLEM_NL: Record<AnchorProblem, string> = {
  signature: 'handtekening ongeldig (anker vervalst of gewijzigd)',
  'unknown-key': 'ondertekend met een onbekende sleutel',
  hash: 'het logboek heeft op deze plek een andere hash dan ondertekend (logboek herschreven)',
  missing: 'de ondertekende regel ontbreekt in het logboek',
  ahead: 'het anker ligt voorbij het einde van het logboek (regels weggehaald, of hersteld naar een eerder tijdstip)',
  format: 'geen geldig ankerbestand',
  checkpoint: 'het logboek is vanaf het begin ingekort zonder geldig ondertekend controlepunt (regels weggehaald buiten de bewaartermijntaak om)',
};

export async function anchorKeygenCommand(out: string | undefined, say: (msg: string) => void): Promise<number> {
  if (!out) {
    say('Gebruik: samenplan anchor keygen --out BESTAND');
    return 2;
  }
  await writeAnchorKey(path.resolve(out));
  say(`Ankersleutel geschreven: ${out} (privé, 0600; bewaar hem in de sleutelkluis, nooit op de databaseserver) en ${out}.pub (publiek).`);
  return 0;
}

export async function anchorExportCommand(db: Db, dir: string | undefined, say: (msg: string) => void): Promise<number> {
  const key = await loadAnchorKey();
  if (!key || !dir) {
    say('Gebruik: SAMENPLAN_ANCHOR_KEY_FILE=… samenplan anchor export --dir MAP');
    return 2;
  }
  const r = await exportAnchors(db, key, path.resolve(dir));
  say(`Ankers: ${r.written} nieuw ondertekend, ${r.unchanged} al verankerd, in ${dir}.`);
  return 0;
}

/** After `audit verify`: every anchor in `dir` must match the log. Exit 0, or 1 on any mismatch. */
export async function anchorVerify(ownerDb: Db, dir: string, keyFiles: string[], say: (msg: string) => void): Promise<number> {
  const keys = await loadPublicKeys(path.resolve(dir), keyFiles.map((f) => path.resolve(f)));
  if (keys.length === 0) {
    say(`ANKERS NIET TE CONTROLEREN: geen publieke sleutel (${dir}/anchor.pub of --anchor-public-key).`);
    return 1;
  }
  const r = await verifyAnchors(ownerDb, path.resolve(dir), keys);
  if (r.findings.length > 0) {
    say(`ANKER KLOPT NIET: ${r.findings.length} van ${r.checked} anker(s) passen niet bij het logboek.`);
    for (const f of r.findings.slice(0, 20)) say(`- ${f.file}: ${PROBLEM_NL[f.problem]}`);
    return 1;
  }
  if (r.checked === 0) {
    say(`Let op: geen ankers in ${dir}.`);
    return 0;
  }
  say(`Ankers in orde: het logboek past bij alle ${r.checked} ondertekende ketenkoppen.`);
  return 0;
}

/** `start`: signs the chain heads periodically when SAMENPLAN_ANCHOR_KEY_FILE (or _KEY) and SAMENPLAN_ANCHOR_DIR are set. */
export async function startAnchorsFromEnv(appDb: Db, say: (msg: string) => void): Promise<() => Promise<void>> {
  const key = await loadAnchorKey();
  const dir = process.env.SAMENPLAN_ANCHOR_DIR;
  if (!key || !dir) return async () => undefined;
  const seconds = Number(process.env.SAMENPLAN_ANCHOR_INTERVAL_SECONDS ?? 3600);
  say(`Ankers: ketenkoppen worden elke ${seconds} s ondertekend in ${dir}.`);
  return startAnchorExporter(appDb, key, path.resolve(dir), seconds * 1000, (err) => say(`Ankers schrijven mislukt: ${err instanceof Error ? err.message : String(err)}`));
}
