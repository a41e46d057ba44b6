import { localiseResidentRows } from './terms.ts';
import type { Db } from '../platform/db/database.ts';
import { DEMO_MUNICIPALITIES } from './areas.nl.ts';
import { BsnAllocator } from './bsn-range.ts';
import { formatDay, parseDay, todayInNetherlands } from './dates.ts';
import { BLOCK_SIZE, createGenerationContext, generateRangeYielding } from './generate.ts';
import { buildOrganisation } from './organisation.ts';
import {
  analyzeAfterBulkLoad,
  countRows,
  demoPersonaUsernames,
  existingMunicipalityCodes,
  insertEmployerRows,
  insertOrganisationRows,
  insertResidentRows,
  maxBsnIndex,
  runInTransaction,
  usernamesStartingWith,
} from './seed.store.ts';
import { buildSkeleton } from './skeleton.ts';
import { CoachPicker, makeDisplayNamesUnique, topUpCoaches } from './staff.ts';
import { createDailyReminders } from '../modules/worklist/worklist.jobs.ts';
import { mailOff } from '../platform/jobs/mail.ts';
import { buildEmployers, candidateExposures } from './employers.generator.ts';
import { emptyResidentRows } from './rows.ts';
import { joinCampaign, planCampaign } from './catch-up.generator.ts';
import { insertCampaign, insertCampaignResidents } from './catch-up.store.ts';
import { shares, type SeedStats } from './stats.ts';
import { generateYouth } from './youth.generator.ts';
import { insertYouthRows, youthTeams } from './youth.store.ts';
import { seedWerkbeweging, type WerkbewegingPlan } from './werkbeweging.ts';
import { STORY_COACH, STORY_MUNICIPALITY, StoryCasting, type StoryRole } from './story.ts';
import { seedPortalDemoLogins } from './portal.generator.ts';
import { seedPortalMessages } from './portal-messages.store.ts';

export interface MunicipalitySummary {
  code: string;
  name: string;
  municipalityId: string;
  /** Rows per table for this municipality (plus consents_active_today). */
  counts: Record<string, number>;
  jobCoaches: number;
  /** Percentages of the main distributions (age bands, households, education, durations, contact, consent). */
  distribution: Record<string, number>;
  stats: SeedStats;
}

export interface DemoSummary {
  today: string;
  durationMs: number;
  municipalities: MunicipalitySummary[];
  /** Rows per table over all demo municipalities. */
  totals: Record<string, number>;
  demoPersonas: string[];
  /** The named residents of the demo story (caseload of werkmatcher.overvecht in Utrecht). */
  story: DemoStory;
}

export interface DemoStory {
  municipalityCode: string;
  coach: string;
  residents: Partial<Record<StoryRole, { residentId: string; name: string }>>;
  /** The hospital with the intention agreement (Utrecht). */
  hospital: { employerId: string; name: string; intentionAgreementId: string } | null;
}

/** Demo history covers two years of contact moments. */
const DEMO_HISTORY_DAYS = 730;
/** Residents per generate-and-insert round. */
const ROUND = 5 * BLOCK_SIZE;

/**
 * Seeds the deterministic demo (Utrecht and Arnhem, organisation, staff, residents and their history) into a
 * database without demo municipalities, in one transaction. Same `today`, same data and ids.
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<DemoSummary> {
  const today = options.today ?? todayInNetherlands();
  const todayDay = parseDay(today);
  const started = performance.now();
  const done: { code: string; name: string; municipalityId: string; jobCoaches: number; stats: SeedStats }[] =
    [];
  const story: DemoStory = {
    municipalityCode: STORY_MUNICIPALITY,
    coach: STORY_COACH,
    residents: {},
    hospital: null,
  };

  let werkbeweging: WerkbewegingPlan | null = null;
  await runInTransaction(db, async (tx) => {
    const present = await existingMunicipalityCodes(
      tx,
      DEMO_MUNICIPALITIES.map((d) => d.code),
    );
    if (present.length > 0) {
      throw new Error(
        `De demo staat al in de database (gemeente ${present.join(', ')}); seed de demo alleen in een lege database.`,
      );
    }
    const taken = await usernamesStartingWith(tx, '');
    let bsnCursor = (await maxBsnIndex(tx)) + 1;
    for (const def of DEMO_MUNICIPALITIES) {
      const runSeed = `demo:${def.code}`;
      const { model, rows } = buildOrganisation(def);
      const skeleton = buildSkeleton(model, def.demoResidents, runSeed);
      const added = topUpCoaches(model, skeleton.perTeam, taken);
      rows.staff.push(...added.staff);
      rows.teamMembers.push(...added.teamMembers);
      makeDisplayNamesUnique(rows.staff, model);
      for (const s of rows.staff) {
        if (taken.has(s.username)) throw new Error(`gebruikersnaam ${s.username} bestaat al`);
        taken.add(s.username);
      }
      await insertOrganisationRows(tx, rows);
      // Employers and vacancies first: the residents' proposals and placements refer to them.
      const advisors = rows.staff
        .filter((s) => s.roles.includes('employerAdvisor'))
        .sort((a, b) => Number(b.demo_persona) - Number(a.demo_persona) || a.username.localeCompare(b.username))
        .map((s) => s.id);
      const employers = buildEmployers(model, advisors, todayDay);
      if (employers) await insertEmployerRows(tx, employers.rows);
      if (employers?.pool.hospital && def.code === STORY_MUNICIPALITY) story.hospital = employers.pool.hospital;

      const bsn = new BsnAllocator(bsnCursor);
      const casting = def.code === STORY_MUNICIPALITY ? new StoryCasting() : null;
      const ctx = createGenerationContext({
        story: casting,
        employment: employers?.pool ?? null,
        org: model,
        skeleton,
        picker: new CoachPicker(model, skeleton.perTeam),
        bsn,
        runSeed,
        today: todayDay,
        historyDays: DEMO_HISTORY_DAYS,
        contactNormDays: def.contactNormDays,
      });
      // The catch-up campaign the README promises (teamleider.overvecht's team); its residents join round by round.
      const campaign = planCampaign(model, rows.staff, todayDay);
      if (campaign) await insertCampaign(tx, campaign.campaign);
      // Generate the next round while the previous one is being inserted (same transaction, one at a time).
      let inFlight: Promise<void> = Promise.resolve();
      for (let from = 0; from < skeleton.size; from += ROUND) {
        const rows = await generateRangeYielding(ctx, from, from + ROUND);
        localiseResidentRows(rows, def.terms);
        if (campaign) joinCampaign(campaign, rows);
        await inFlight;
        inFlight = insertResidentRows(tx, rows);
        inFlight.catch(() => undefined);
      }
      await inFlight;
      if (campaign) await insertCampaignResidents(tx, campaign.residents);
      // The lists of candidates per vacancy, now that every work profile exists (the fairness monitor's "In top 10").
      if (employers) await insertResidentRows(tx, { ...emptyResidentRows(), exposures: candidateExposures(employers.pool, todayDay) });
      if (casting) for (const [role, r] of casting.cast) story.residents[role] = r;
      bsnCursor = bsn.cursor;
      // Issue 12: the model of the story's municipality, for Werkbeweging (seeded at the end).
      if (def.code === STORY_MUNICIPALITY) werkbeweging = { model, staff: rows.staff };
      done.push({
        code: def.code,
        name: def.name,
        municipalityId: model.municipalityId,
        jobCoaches: model.teams.reduce((n, t) => n + t.coaches.length, 0),
        stats: ctx.stats,
      });
    }
    // Issue 14: the Weten wat werkt study in Utrecht (752 enrolled, four arms, allocated from a fixed seed).
    const { seedDemoStudy } = await import('./studies.store.ts');
    await seedDemoStudy(tx, STORY_MUNICIPALITY, todayDay);
    // Team Jongeren (issue 13): search periods in every state, exemptions pending and confirmed, a year of history.
    for (const team of await youthTeams(tx)) await insertYouthRows(tx, generateYouth(team, today));
  });

  await analyzeAfterBulkLoad(db);
  // Mijn Samenplan (issue 11): the demo residents' own login.
  await seedPortalDemoLogins(db, story.residents);
  // ... and Naima's short conversation with her contact person.
  await seedPortalMessages(db, story.residents, today);
  // This morning's worklist reminders, counted by the real job from the seeded data (7:00 in the Netherlands), so
  // that what a reminder says is what the werklijst showed when it was counted.
  const countedAt = new Date(`${today}T06:00:00Z`);
  for (const d of done) await createDailyReminders({ appDb: db, mail: mailOff, log: () => undefined }, d.municipalityId, countedAt);
  // Issue 12: Werkbeweging with a year of progress (former residents who left the benefit, figures, frozen months).
  if (werkbeweging) await seedWerkbeweging(db, werkbeweging, todayDay);
  const municipalities: MunicipalitySummary[] = [];
  const totals: Record<string, number> = {};
  for (const d of done) {
    const counts = await countRows(db, d.municipalityId, formatDay(todayDay));
    for (const [table, n] of Object.entries(counts)) totals[table] = (totals[table] ?? 0) + n;
    municipalities.push({ ...d, counts, distribution: shares(d.stats) });
  }
  return {
    today,
    durationMs: Math.round(performance.now() - started),
    municipalities,
    totals,
    demoPersonas: await demoPersonaUsernames(db),
    story,
  };
}
