import type { Db } from '../platform/db/database.ts';
import { municipalityDef, type MunicipalityDef } from './areas.nl.ts';
import { BsnAllocator } from './bsn-range.ts';
import { parseDay, todayInNetherlands } from './dates.ts';
import { modelFromExisting } from './existing-organisation.ts';
import { BLOCK_SIZE, createGenerationContext, generateRangeYielding } from './generate.ts';
import { buildOrganisation } from './organisation.ts';
import {
  analyzeAfterBulkLoad,
  fetchOrganisation,
  insertOrganisationRows,
  insertResidentRows,
  maxBsnIndex,
  runInTransaction,
  usernamesStartingWith,
} from './seed.store.ts';
import { buildSkeleton } from './skeleton.ts';
import { CoachPicker, topUpCoaches } from './staff.ts';
import { shares } from './stats.ts';

export interface SyntheticOptions {
  residents: number;
  /** Default: Utrecht (demo), '0344'. */
  municipalityCode?: string;
  /** Years of contact history. Default 3. */
  historyYears?: number;
  /** YYYY-MM-DD; default today in the Netherlands. */
  today?: string;
  /** Residents per transaction (a multiple of 1,000). Default 5,000. */
  chunkSize?: number;
  /** Progress lines; default stderr. */
  log?: (line: string) => void;
  /** The organisation to create when the municipality does not exist and is no demo one (benchmarks: the national case). */
  def?: MunicipalityDef;
  /** ANALYZE the tables afterwards (default true; false when many municipalities are seeded in a row). */
  analyze?: boolean;
}

export interface SyntheticSummary {
  municipalityCode: string;
  municipalityId: string;
  residentsAdded: number;
  werkmatchersAdded: number;
  createdOrganisation: boolean;
  /** First and next free index in the fictitious BSN range. */
  bsnIndexFrom: number;
  bsnIndexTo: number;
  durationMs: number;
  distribution: Record<string, number>;
}

const PROGRESS_EVERY = 50_000;

/**
 * Adds `residents` synthetic residents (with benefit, case, contact-person history, contact moments and
 * consents) to a municipality, streaming in transactions of `chunkSize` residents so memory stays flat.
 * When the municipality does not exist and is a demo one, its organisation is created first (no residents).
 * Werkmatchers are added so caseloads stay around 120. The same N on the same database state gives the same data.
 */
export async function seedSynthetic(db: Db, options: SyntheticOptions): Promise<SyntheticSummary> {
  const n = options.residents;
  if (!Number.isInteger(n) || n < 0)
    throw new Error('Het aantal inwoners moet een geheel getal van 0 of meer zijn.');
  const code = options.municipalityCode ?? '0344';
  const historyYears = options.historyYears ?? 3;
  if (!(historyYears > 0 && historyYears <= 30)) throw new Error('historyYears moet tussen 0 en 30 liggen.');
  const chunkSize = options.chunkSize ?? 5 * BLOCK_SIZE;
  if (chunkSize <= 0 || chunkSize % BLOCK_SIZE !== 0)
    throw new Error(`chunkSize moet een veelvoud van ${BLOCK_SIZE} zijn.`);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const today = parseDay(options.today ?? todayInNetherlands());
  const started = performance.now();
  const def = municipalityDef(code) ?? options.def;

  let raw = await fetchOrganisation(db, code);
  let createdOrganisation = false;
  if (!raw) {
    if (!def)
      throw new Error(
        `Gemeente ${code} bestaat niet en is geen demogemeente; maak de organisatie eerst aan.`,
      );
    const { rows } = buildOrganisation(def);
    await runInTransaction(db, (tx) => insertOrganisationRows(tx, rows));
    createdOrganisation = true;
    raw = await fetchOrganisation(db, code);
    if (!raw) throw new Error(`Gemeente ${code} is niet aangemaakt.`);
  }
  const org = modelFromExisting(raw, def);

  const bsnIndexFrom = (await maxBsnIndex(db)) + 1;
  const runSeed = `synthetic:${code}:${bsnIndexFrom}:${n}`;
  const skeleton = buildSkeleton(org, n, runSeed);
  const added = topUpCoaches(org, skeleton.perTeam, await usernamesStartingWith(db, 'wm.'));
  await runInTransaction(db, (tx) =>
    insertOrganisationRows(tx, {
      municipalities: [],
      areas: [],
      ranges: [],
      teams: [],
      teamAreas: [],
      partnerOrganisations: [],
      staff: added.staff,
      teamMembers: added.teamMembers,
    }),
  );

  const bsn = new BsnAllocator(bsnIndexFrom);
  const ctx = createGenerationContext({
    org,
    skeleton,
    picker: new CoachPicker(org, skeleton.perTeam),
    bsn,
    runSeed,
    today,
    historyDays: Math.round(historyYears * 365),
    contactNormDays: raw.municipality.contact_norm_days,
  });
  // Pipeline: while one chunk's transaction runs, the next chunk is generated. At most two chunks in memory.
  let inFlight: Promise<void> = Promise.resolve();
  let nextReport = PROGRESS_EVERY;
  try {
    for (let from = 0; from < n; from += chunkSize) {
      const rows = await generateRangeYielding(ctx, from, from + chunkSize);
      await inFlight;
      const doneCount = Math.min(n, from + chunkSize);
      inFlight = runInTransaction(db, (tx) => insertResidentRows(tx, rows)).then(() => {
        if (doneCount < nextReport && doneCount !== n) return;
        const seconds = (performance.now() - started) / 1000;
        log(
          `seed: ${doneCount.toLocaleString('nl-NL')} van ${n.toLocaleString('nl-NL')} inwoners (${Math.round(doneCount / seconds)}/s)`,
        );
        while (nextReport <= doneCount) nextReport += PROGRESS_EVERY;
      });
      // Rejections are awaited on the next round; this only keeps Node from reporting them as unhandled meanwhile.
      inFlight.catch(() => undefined);
    }
  } catch (err) {
    await inFlight.catch(() => undefined);
    throw err;
  }
  await inFlight;
  if (options.analyze !== false) await analyzeAfterBulkLoad(db);

  return {
    municipalityCode: code,
    municipalityId: org.municipalityId,
    residentsAdded: n,
    werkmatchersAdded: added.staff.length,
    createdOrganisation,
    bsnIndexFrom,
    bsnIndexTo: bsn.cursor,
    durationMs: Math.round(performance.now() - started),
    distribution: shares(ctx.stats),
  };
}
