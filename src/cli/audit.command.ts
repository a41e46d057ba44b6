import cliProgress from 'cli-progress';
import type { Db } from '../platform/db/database.ts';
import { verifyProcessingLogChain, type VerifyResult } from '../platform/processing-log/chain-verify.ts';

const PROBLEM_NL: Record<string, string> = {
  hash: 'regel gewijzigd (hash klopt niet)',
  link: 'koppeling met de vorige regel klopt niet',
  gap: 'regel ontbreekt of staat buiten de volgorde',
  head: 'einde van de keten klopt niet (regels weggehaald of kop gewijzigd)',
};

export interface AuditOptions {
  unsealedAfterSeconds: number;
  parallel?: number;
  /** A terminal: show a progress bar with rows/s and the time left. */
  tty: boolean;
}

/**
 * `samenplan audit verify`: exit 0 when the log is intact, 1 when the chain is broken (tampering), 3 when it is intact
 * but rows stayed unsealed longer than the threshold (a finding: they were unprotected in that time).
 */
export async function auditVerify(ownerDb: Db, options: AuditOptions, say: (msg: string) => void): Promise<number> {
  const started = Date.now();
  const bar = options.tty
    ? new cliProgress.SingleBar(
        { format: 'Logboek controleren [{bar}] {percentage}% | {value}/{total} regels | {speed} regels/s | nog {eta_formatted}', stream: process.stderr, etaBuffer: 20, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let barStarted = false;
  const result = await verifyProcessingLogChain(ownerDb, {
    unsealedAfterSeconds: options.unsealedAfterSeconds,
    parallel: options.parallel,
    onProgress: (done, total) => {
      if (!bar) return;
      if (!barStarted) {
        bar.start(total, 0, { speed: '0' });
        barStarted = true;
      }
      bar.update(done, { speed: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('nl-NL') });
    },
  });
  bar?.stop();
  return report(result, (Date.now() - started) / 1000, say);
}

function report(r: VerifyResult, seconds: number, say: (msg: string) => void): number {
  const speed = Math.round(r.rowsChecked / Math.max(seconds, 0.001));
  const stats = `${r.rowsChecked} regels in ${r.municipalities} gemeente(n), ${seconds.toFixed(1)} s, ${speed} regels/s`;
  if (r.alteredFunctions.length > 0) {
    say(`LOGBOEK NIET TE CONTROLEREN: de hashfunctie(s) ${r.alteredFunctions.join(', ')} in de database zijn niet de meegeleverde; geen hash die ze berekenen is te vertrouwen.`);
    return 1;
  }
  if (r.breakCount > 0) {
    say(`LOGBOEK GEMANIPULEERD: ${r.breakCount} breuk(en) in de hashketen (${stats}).`);
    for (const b of r.breaks.slice(0, 20)) say(`- gemeente ${b.municipalityId}, regel ${b.seq}: ${b.problem} — ${PROBLEM_NL[b.problem]}`);
    if (r.breakCount > 20) say(`… en ${r.breakCount - 20} meer.`);
    return 1;
  }
  const sealedNote = r.sealedNow > 0 ? ` ${r.sealedNow} nieuwe regels eerst verzegeld.` : '';
  const openNote = r.unsealed > 0 ? ` Let op: ${r.unsealed} regels kwamen tijdens de controle binnen en zijn nog niet gecontroleerd.` : '';
  if (r.staleUnsealed.count > 0) {
    say(
      `BEVINDING: ${r.staleUnsealed.count} regel(s) waren langer dan ${r.staleUnsealed.thresholdSeconds} s onverzegeld ` +
        `(oudste van ${r.staleUnsealed.oldest?.toISOString()}); in die tijd beschermde de hashketen ze niet (ADR 0010). ` +
        `De keten zelf is intact: ${stats}.${sealedNote}`,
    );
    return 3;
  }
  say(`Logboek dataverwerkingen intact: ${stats}.${sealedNote}${openNote}`);
  return 0;
}
