/**
 * Integrated assessment rules: Zelfredzaamheid-Matrix (ZRM), Participatieladder (VNG) and barriers.
 * Pure, no I/O: the service feeds them rows, the presenter turns their answers into JSON.
 */

/** The 13 ZRM domains, in the order of the matrix. Code names are the API and database values. */
export const ZRM_DOMAINS = [
  'finances',
  'workAndEducation',
  'timeUse',
  'housing',
  'domesticRelations',
  'mentalHealth',
  'physicalHealth',
  'substanceUse',
  'basicAdl',
  'instrumentalAdl',
  'socialNetwork',
  'communityParticipation',
  'justice',
] as const;
export type ZrmDomain = (typeof ZRM_DOMAINS)[number];

export interface Label {
  nl: string;
  en: string;
}

export const ZRM_DOMAIN_LABELS: Record<ZrmDomain, Label> = {
  finances: { nl: 'Financiën', en: 'Finances' },
  workAndEducation: { nl: 'Werk & opleiding', en: 'Work & education' },
  timeUse: { nl: 'Tijdsbesteding', en: 'Time use' },
  housing: { nl: 'Huisvesting', en: 'Housing' },
  domesticRelations: { nl: 'Huiselijke relaties', en: 'Domestic relations' },
  mentalHealth: { nl: 'Geestelijke gezondheid', en: 'Mental health' },
  physicalHealth: { nl: 'Lichamelijke gezondheid', en: 'Physical health' },
  substanceUse: { nl: 'Middelengebruik', en: 'Substance use' },
  basicAdl: { nl: 'Basale ADL', en: 'Basic ADL' },
  instrumentalAdl: { nl: 'Instrumentele ADL', en: 'Instrumental ADL' },
  socialNetwork: { nl: 'Sociaal netwerk', en: 'Social network' },
  communityParticipation: { nl: 'Maatschappelijke participatie', en: 'Community participation' },
  justice: { nl: 'Justitie', en: 'Justice' },
};

export const ZRM_MIN_SCORE = 1;
export const ZRM_MAX_SCORE = 5;

/** ZRM scale: 1 is the most urgent, 5 fully self-sufficient. */
export const ZRM_SCORE_LABELS: Record<number, Label> = {
  1: { nl: 'Acute problematiek', en: 'Acute problems' },
  2: { nl: 'Niet zelfredzaam', en: 'Not self-sufficient' },
  3: { nl: 'Beperkt zelfredzaam', en: 'Limited self-sufficiency' },
  4: { nl: 'Voldoende zelfredzaam', en: 'Adequately self-sufficient' },
  5: { nl: 'Volledig zelfredzaam', en: 'Fully self-sufficient' },
};

export const LADDER_MIN_RUNG = 1;
export const LADDER_MAX_RUNG = 6;

/** Participatieladder (VNG): 1 isolated … 6 paid work. */
export const LADDER_RUNG_LABELS: Record<number, Label> = {
  1: { nl: 'Geïsoleerd', en: 'Isolated' },
  2: { nl: 'Sociale contacten buitenshuis', en: 'Social contacts outside the home' },
  3: { nl: 'Deelname aan georganiseerde activiteiten', en: 'Taking part in organised activities' },
  4: { nl: 'Onbetaald werk', en: 'Unpaid work' },
  5: { nl: 'Betaald werk met ondersteuning', en: 'Paid work with support' },
  6: { nl: 'Betaald werk', en: 'Paid work' },
};

export const BARRIER_STATUSES = ['open', 'inProgress', 'resolved'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

export const BARRIER_STATUS_LABELS: Record<BarrierStatus, Label> = {
  open: { nl: 'Open', en: 'Open' },
  inProgress: { nl: 'Wordt aangepakt', en: 'Being addressed' },
  resolved: { nl: 'Opgelost', en: 'Resolved' },
};

export function isZrmDomain(value: string): value is ZrmDomain {
  return (ZRM_DOMAINS as readonly string[]).includes(value);
}

export function isValidScore(score: number): boolean {
  return Number.isInteger(score) && score >= ZRM_MIN_SCORE && score <= ZRM_MAX_SCORE;
}

export function isValidRung(rung: number): boolean {
  return Number.isInteger(rung) && rung >= LADDER_MIN_RUNG && rung <= LADDER_MAX_RUNG;
}

/** A score older than this no longer describes the present (PRODUCT.md). */
export const OUTDATED_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

/** Outdated when scored more than `maxDays` days (of 24 hours) before `now`; exactly `maxDays` is still current. */
export function isOutdated(scoredAt: Date, now: Date, maxDays = OUTDATED_AFTER_DAYS): boolean {
  return now.getTime() - scoredAt.getTime() > maxDays * DAY_MS;
}

/** Direction of change between the latest and the previous value. Higher is better on both scales. */
export type Trend = 'improved' | 'same' | 'worse' | 'none';

export function trendOf(latest: number | undefined, previous: number | undefined): Trend {
  if (latest === undefined || previous === undefined) return 'none';
  if (latest > previous) return 'improved';
  if (latest < previous) return 'worse';
  return 'same';
}

export function oppositeTrend(t: Trend): Trend {
  return t === 'improved' ? 'worse' : t === 'worse' ? 'improved' : t;
}

/** One value for one key (a ZRM domain, or the ladder) at one scoring moment. */
export interface Observation<K extends string = string> {
  assessmentId: string;
  key: K;
  value: number;
  scoredAt: Date;
}

/** Newest first; ties on time broken by assessment id so the answer never depends on input order. */
export function compareNewestFirst(a: Observation, b: Observation): number {
  const dt = b.scoredAt.getTime() - a.scoredAt.getTime();
  if (dt !== 0) return dt;
  return a.assessmentId < b.assessmentId ? 1 : a.assessmentId > b.assessmentId ? -1 : 0;
}

/** The observations of one key, newest first. */
export function historyOf<K extends string>(observations: readonly Observation<K>[], key: K): Observation<K>[] {
  return observations.filter((o) => o.key === key).sort(compareNewestFirst);
}

/** The newest observation per key. */
export function latestPerDomain<K extends string>(observations: readonly Observation<K>[]): Map<K, Observation<K>> {
  const out = new Map<K, Observation<K>>();
  for (const o of observations) {
    const current = out.get(o.key);
    if (!current || compareNewestFirst(o, current) < 0) out.set(o.key, o);
  }
  return out;
}

/** Latest vs previous observation of one key. */
export function trend<K extends string>(observations: readonly Observation<K>[], key: K): Trend {
  const [latest, previous] = historyOf(observations, key);
  return trendOf(latest?.value, previous?.value);
}
