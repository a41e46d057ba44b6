import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Principal } from '../platform/access/principal.ts';
import { can } from '../platform/access/permissions.ts';
import { createRequestContext } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { ProblemError } from '../platform/http/problem.ts';
import { traceFromHeader } from '../platform/processing-log/trace.ts';
import { IMPORT_PROCESSING, runImport, type ImportProgress } from '../modules/imports/imports.service.ts';
import { formatOf } from '../modules/imports/imports.reader.ts';
import type { ReportLine } from '../modules/imports/imports.rules.ts';
import { importActor } from './cli.store.ts';

// `samenplan import FILE --mapping NAME [--dry-run]`: the bulk import from the command line (ADR 0024), as the
// functional administrator of the municipality, with a progress bar (rows/s, ETA) and the report per line in a
// file next to the export. Exit 0 imported or checked, 1 when the file has problems (nothing written), 2 on error.

export interface ImportCommandOptions {
  file: string;
  mapping: string;
  dryRun: boolean;
  municipality?: string;
  user?: string;
  reportPath?: string;
  tty: boolean;
}

export async function importCommand(ownerDb: Db, appDb: Db, pseudonymKey: string, o: ImportCommandOptions, say: (m: string) => void): Promise<number> {
  if (!existsSync(o.file) || !statSync(o.file).isFile()) {
    say(`Bestand niet gevonden: ${o.file}`);
    return 2;
  }
  const actor = await importActor(ownerDb, o.municipality, o.user);
  if (!actor) {
    say('Geen actieve functioneel beheerder (rol admin) gevonden voor deze gemeente. Geef --municipality CODE en --user NAAM.');
    return 2;
  }
  if ('ambiguous' in actor) {
    say(`Er zijn meerdere gemeenten: kies er een met --municipality (${actor.ambiguous!.join(', ')}).`);
    return 2;
  }
  const principal: Principal = {
    userId: actor.id,
    username: actor.username,
    displayName: actor.display_name,
    municipalityId: actor.municipality_id,
    municipalityName: actor.municipality_name,
    contactNormDays: actor.contact_norm_days,
    roles: actor.roles as Principal['roles'],
    teamIds: [],
    areaIds: [],
    partnerOrganisationId: null,
    terms: { area: actor.area_term === 'gebied' ? 'gebied' : 'wijk', partnerTeam: 'buurtteam' },
  };
  if (!can(principal, 'imports:run')) {
    say(`${actor.username} mag niet importeren.`);
    return 2;
  }
  const trace = traceFromHeader(undefined);
  const ctx = createRequestContext(appDb, principal, trace, pseudonymKey, { processing: IMPORT_PROCESSING, permission: 'imports:run' });
  const reportPath = o.reportPath ?? `${o.file}.rapport.csv`;
  const reportFile = createWriteStream(reportPath, { encoding: 'utf8' });
  reportFile.write('\uFEFFregel;kolom;code;melding\r\n');
  const q = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const onReportLine = (l: ReportLine) => reportFile.write(`${[String(l.line), l.column ?? '', l.code, l.message].map(q).join(';')}\r\n`);

  const size = statSync(o.file).size;
  const bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {percentage}% | {value}/{total} regels | {speed} regels/s | nog {eta_formatted}',
      noTTYOutput: !o.tty,
      notTTYSchedule: 5000,
      etaBuffer: 50,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: ImportProgress['phase'] | null = null;
  let phaseStart = Date.now();
  const started = Date.now();
  // The check does not know the number of lines yet: estimated from the bytes read so far (about 120 per line).
  const estimate = Math.max(1, Math.round(size / 120));
  const onProgress = (p: ImportProgress) => {
    if (p.phase !== phase) {
      if (phase) bar.stop();
      phase = p.phase;
      phaseStart = Date.now();
      bar.start(p.total ?? estimate, 0, { phase: p.phase === 'check' ? 'Controleren' : o.dryRun ? 'Proefrun   ' : 'Inlezen    ', speed: 0 });
    }
    const seconds = Math.max(0.001, (Date.now() - phaseStart) / 1000);
    if (p.total === null && p.rows > bar.getTotal()) bar.setTotal(Math.round(p.rows * 1.1));
    bar.update(p.rows, { speed: Math.round(p.rows / seconds) });
  };
  try {
    const out = await runImport(
      ctx,
      { open: () => createReadStream(o.file, { highWaterMark: 256 * 1024 }), fileName: o.file.split('/').pop() ?? o.file, format: formatOf(o.file) },
      { mapping: o.mapping, dryRun: o.dryRun, onProgress, onReportLine },
    );
    if (phase) {
      bar.setTotal(Math.max(bar.getTotal(), out.totalRows));
      bar.stop();
    }
    await new Promise<void>((resolve) => reportFile.end(resolve));
    const seconds = (Date.now() - started) / 1000;
    if (out.status === 'invalid') {
      say(`Niets ingelezen: ${out.errorCount} ${out.errorCount === 1 ? 'probleem' : 'problemen'} in ${out.totalRows} regels. Rapport per regel: ${reportPath}`);
      for (const l of out.report.slice(0, 10)) say(`  regel ${l.line}${l.column ? ` (${l.column})` : ''}: ${l.message}`);
      if (out.errorCount > 10) say(`  … en ${out.errorCount - 10} meer in het rapport.`);
      return 1;
    }
    const verb = out.status === 'checked' ? 'Proefrun (niets opgeslagen)' : 'Ingelezen';
    say(
      `${verb}: ${out.totalRows} regels in ${seconds.toFixed(1)} s (${Math.round(out.totalRows / Math.max(seconds, 0.001))} regels/s): ` +
        `${out.created} nieuw, ${out.updated} gewijzigd, ${out.unchanged} ongewijzigd. Import ${out.id}.`,
    );
    return 0;
  } catch (err) {
    bar.stop();
    reportFile.end();
    if (err instanceof ProblemError) {
      say(`${err.title}: ${err.detail}${err.invalidParams ? ` ${err.invalidParams.map((p) => p.reason).join(' ')}` : ''}`);
      return 2;
    }
    throw err;
  }
}
