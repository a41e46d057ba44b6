import { distanceKm } from '../../domain/geo.ts';
import { maskOf } from '../../domain/schedule.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { MATCHER_VERSION } from './matcher.features.ts';
import { scoreMatch, type Contribution } from './matcher.score.ts';
import { ESCO_ATTRIBUTION, presentContribution, presentVacancySummary } from './matching.presenter.ts';
import { locationOf, matchingStore, profileFeaturesOf, vacancyFeaturesOf, type MatchingStore } from './matching.store.ts';
import { exactTopKGroups, type TopKStats } from './matching.topk.ts';
import { noProfile } from './work-profiles.service.ts';

// Matching in both directions (PA-013). Hard constraints in SQL, exact scores in TypeScript for as few candidates as
// the exact top-k needs (matching.topk.ts). Every generated list stores its top 10 in match_exposures (one INSERT)
// for the fairness monitor, with the matcher version; the residents shown are logged as data subjects.

export const EXPOSURES_PER_LIST = 10;

interface ScoredVacancy {
  id: string;
  score: number;
  contributions: Contribution[];
}

export interface MatchOptions {
  limit: number;
  schoolHoursOnly?: boolean;
  /** For the benchmark: how many candidates were scored. */
  stats?: (s: TopKStats) => void;
  /** Size of the first scoring batch (default max(50, 3k)); tests use 1 to exercise the bounds. */
  firstBatch?: number;
}

/** The exact top-k open vacancies for a profile (undefined: resident not in scope; null: no work profile). */
async function topVacancies(store: MatchingStore, residentId: string, o: MatchOptions) {
  const row = await store.ownProfile(residentId);
  if (row === undefined) throw problems.notFound('Deze inwoner');
  if (row === null) throw noProfile();
  const profile = profileFeaturesOf(row);
  const from = locationOf(row);
  const groups = store.vacancyCandidateGroups({
    hoursMin: profile.hoursMin,
    hoursMax: profile.hoursMax,
    availabilityMask: maskOf(profile.availability),
    hasDrivingLicence: profile.hasDrivingLicence,
    desiredEscoCodes: profile.desiredEscoCodes,
    desiredIscoGroups: profile.desiredIscoGroups,
    preferredContractTypes: profile.preferredContractTypes,
    travel: from && profile.maxTravelKm !== null ? { from, maxKm: profile.maxTravelKm } : null,
    schoolHoursOnly: o.schoolHoursOnly ?? false,
  });
  const { top, stats } = await exactTopKGroups<ScoredVacancy>(groups, o.limit, async (batch) => {
    const rows = await store.vacancyFeatures(batch.map((b) => b.id));
    const out: ScoredVacancy[] = [];
    for (const v of rows) {
      const to = locationOf(v);
      const s = scoreMatch({ profile, vacancy: vacancyFeaturesOf(v), distanceKm: from && to ? distanceKm(from, to) : null });
      if (s.passes) out.push({ id: v.id, score: s.score, contributions: s.contributions });
    }
    return out;
  }, o.firstBatch);
  o.stats?.(stats);
  return top;
}

export async function vacancyMatches(ctx: RequestContext, residentId: string, o: MatchOptions) {
  return ctx.transaction(async (tx, log) => {
    const store = matchingStore(tx, ctx.principal);
    const top = await topVacancies(store, residentId, o);
    const ids = top.map((t) => t.id);
    const summaries = await store.vacancySummaries(ids);
    const proposals = await store.latestProposals(residentId, ids);
    await store.insertExposures(
      'vacanciesForResident',
      MATCHER_VERSION,
      top.slice(0, EXPOSURES_PER_LIST).map((t) => ({ residentId, vacancyId: t.id, score: t.score })),
    );
    log.subjects([residentId], { action: 'matching.vacanciesForResident' });
    return {
      matcherVersion: MATCHER_VERSION,
      generatedAt: new Date().toISOString(),
      escoAttribution: ESCO_ATTRIBUTION,
      next: null,
      total: top.length,
      items: top.map((t) => {
        const p = proposals.get(t.id);
        return {
          vacancy: presentVacancySummary(summaries.get(t.id)!),
          score: t.score,
          contributions: t.contributions.map(presentContribution),
          proposal: p ? { id: p.id, status: p.status as 'proposed' } : null,
        };
      }),
    };
  });
}

export async function candidateMatches(ctx: RequestContext, vacancyId: string, o: MatchOptions) {
  return ctx.transaction(async (tx, log) => {
    const store = matchingStore(tx, ctx.principal);
    const row = (await store.vacancyFeatures([vacancyId]))[0];
    if (!row) throw problems.notFound('Deze vacature');
    const vacancy = vacancyFeaturesOf(row);
    const at = locationOf(row);
    let top: ScoredVacancy[] = [];
    if (row.status === 'open') {
      const groups = store.residentCandidateGroups({
        hoursPerWeek: vacancy.hoursPerWeek,
        requiredSkills: vacancy.requiredSkills,
        niceToHaveSkills: vacancy.niceToHaveSkills,
        scheduleMask: maskOf(vacancy.schedule),
        drivingLicenceRequired: vacancy.drivingLicenceRequired,
        escoCode: vacancy.escoCode,
        iscoGroup: vacancy.iscoGroup,
        contractType: vacancy.contractType,
        location: at,
      });
      const result = await exactTopKGroups<ScoredVacancy>(groups, o.limit, async (batch) => {
        const rows = await store.profileFeatures(batch.map((b) => b.id));
        const out: ScoredVacancy[] = [];
        for (const p of rows) {
          const from = locationOf(p);
          const s = scoreMatch({ profile: profileFeaturesOf(p), vacancy, distanceKm: from && at ? distanceKm(from, at) : null });
          if (s.passes) out.push({ id: p.resident_id, score: s.score, contributions: s.contributions });
        }
        return out;
      }, o.firstBatch);
      o.stats?.(result.stats);
      top = result.top;
    }
    const names = await store.residentNames(top.map((t) => t.id));
    await store.insertExposures(
      'residentsForVacancy',
      MATCHER_VERSION,
      top.slice(0, EXPOSURES_PER_LIST).map((t) => ({ residentId: t.id, vacancyId, score: t.score })),
    );
    log.subjects(top.map((t) => t.id), { action: 'matching.residentsForVacancy' });
    return {
      matcherVersion: MATCHER_VERSION,
      generatedAt: new Date().toISOString(),
      next: null,
      total: top.length,
      items: top.map((t) => {
        const n = names.get(t.id);
        return { resident: { id: t.id, name: n ? displayName(n) : '' }, score: t.score, contributions: t.contributions.map(presentContribution) };
      }),
    };
  });
}

/** The score of one resident for one vacancy now (for a proposal). */
export async function scoreNow(store: MatchingStore, residentId: string, vacancyId: string) {
  const row = await store.ownProfile(residentId);
  if (row === undefined) throw problems.notFound('Deze inwoner');
  if (row === null) throw noProfile();
  const v = (await store.vacancyFeatures([vacancyId]))[0];
  if (!v) return null;
  const from = locationOf(row);
  const to = locationOf(v);
  return { status: v.status, result: scoreMatch({ profile: profileFeaturesOf(row), vacancy: vacancyFeaturesOf(v), distanceKm: from && to ? distanceKm(from, to) : null }) };
}
