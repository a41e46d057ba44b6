import { fitsSchoolHours, fitsWithin, type TimeWindow } from '../../domain/schedule.ts';

/**
 * The explainable matching score (docs/adr/0009-matching.md). Pure: no I/O, no clock, no randomness.
 *
 * Hard constraints (hours, schedule, travel, driving licence) decide whether a vacancy is shown at all; they add no
 * points. Soft criteria add points up to 100: occupation 50, required skills 30, nice-to-have skills 10, contract
 * type 5, sector 5. Every contribution carries a Dutch explanation, so a werkmatcher (and the resident) can see
 * exactly why a vacancy is at the top. The input holds only the features of SCORING_FEATURES; the function reads
 * its keys by name, so anything else in the input (a protected attribute that slipped in) cannot change the result.
 */

export type ContractType = 'permanent' | 'temporary' | 'agency';

/** What the matcher reads of a resident's work profile, and nothing else. */
export interface ProfileFeatures {
  hoursMin: number;
  hoursMax: number;
  availability: readonly TimeWindow[];
  /** null: no maximum given. */
  maxTravelKm: number | null;
  hasDrivingLicence: boolean;
  /** ESCO codes of the desired occupations. */
  desiredEscoCodes: readonly string[];
  /** 4-digit ISCO-08 groups of the desired occupations. */
  desiredIscoGroups: readonly string[];
  skills: readonly string[];
  preferredContractTypes: readonly string[];
  preferredSectors: readonly string[];
}

/** What the matcher reads of a vacancy (and its employer's sector), and nothing else. */
export interface VacancyFeatures {
  hoursPerWeek: number;
  schedule: readonly TimeWindow[];
  escoCode: string;
  iscoGroup: string;
  requiredSkills: readonly string[];
  niceToHaveSkills: readonly string[];
  contractType: string;
  sector: string;
  drivingLicenceRequired: boolean;
}

export interface ScoreInput {
  profile: ProfileFeatures;
  vacancy: VacancyFeatures;
  /** Distance between the approximate PC4 centres; null when either location is unknown. */
  distanceKm: number | null;
}

export type Criterion =
  | 'hours'
  | 'schedule'
  | 'travel'
  | 'drivingLicence'
  | 'occupation'
  | 'requiredSkills'
  | 'niceToHaveSkills'
  | 'contractType'
  | 'sector';

export interface Contribution {
  criterion: Criterion;
  kind: 'hard' | 'soft';
  /** Hard constraints: 0. Soft criteria: 0..maxPoints, one decimal. */
  points: number;
  maxPoints: number;
  /** Hard constraints: whether it is met (soft criteria: always true). */
  passed: boolean;
  explanation: string;
}

export interface MatchScore {
  /** All hard constraints met: only then is the match shown. */
  passes: boolean;
  /** 0–100, one decimal: the sum of the soft points. */
  score: number;
  contributions: Contribution[];
}

export const MAX_POINTS = { occupation: 50, requiredSkills: 30, niceToHaveSkills: 10, contractType: 5, sector: 5 } as const;

/** Occupation points by the length of the shared ISCO prefix (0–4) and for the exact ESCO occupation (5). */
export const OCCUPATION_POINTS: readonly number[] = [0, 5, 15, 30, 45, 50];

/** Highest possible total for a given occupation level: the upper bound the matching store orders by. */
export function boundForLevel(level: number, contractPoints: number): number {
  const occupation = level >= 4 ? MAX_POINTS.occupation : OCCUPATION_POINTS[level]!;
  return occupation + MAX_POINTS.requiredSkills + MAX_POINTS.niceToHaveSkills + contractPoints + MAX_POINTS.sector;
}

/** Case-, diacritics- and whitespace-insensitive form of a skill or sector label. */
export function normaliseLabel(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const nl = (x: number) => String(round1(x)).replace('.', ',');

const CONTRACT_NL: Record<string, string> = { permanent: 'vast', temporary: 'tijdelijk', agency: 'uitzendwerk' };

/** 0–4: how many leading digits of the two ISCO groups agree. */
export function iscoPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < 4 && n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** The occupation level 0–5 (5: the exact ESCO occupation), best over the desired occupations. */
export function occupationLevel(p: Pick<ProfileFeatures, 'desiredEscoCodes' | 'desiredIscoGroups'>, v: Pick<VacancyFeatures, 'escoCode' | 'iscoGroup'>): number {
  if (p.desiredEscoCodes.includes(v.escoCode)) return 5;
  let best = 0;
  for (const g of p.desiredIscoGroups) best = Math.max(best, iscoPrefixLength(g, v.iscoGroup));
  return best;
}

function hard(criterion: Criterion, passed: boolean, explanation: string): Contribution {
  return { criterion, kind: 'hard', points: 0, maxPoints: 0, passed, explanation };
}

function soft(criterion: keyof typeof MAX_POINTS, points: number, explanation: string): Contribution {
  return { criterion, kind: 'soft', points: round1(points), maxPoints: MAX_POINTS[criterion], passed: true, explanation };
}

function skillShare(have: ReadonlySet<string>, asked: readonly string[]): { matched: number; total: number } {
  const wanted = new Set(asked.map(normaliseLabel).filter((s) => s.length > 0));
  let matched = 0;
  for (const s of wanted) if (have.has(s)) matched += 1;
  return { matched, total: wanted.size };
}

export function scoreMatch(input: ScoreInput): MatchScore {
  const p = input.profile;
  const v = input.vacancy;
  const distance = input.distanceKm;
  const out: Contribution[] = [];

  // Hard constraints.
  const hoursOk = v.hoursPerWeek >= p.hoursMin && v.hoursPerWeek <= p.hoursMax;
  out.push(
    hard(
      'hours',
      hoursOk,
      `${nl(v.hoursPerWeek)} uur per week ${hoursOk ? 'past bij' : 'past niet bij'} de gewenste ${nl(p.hoursMin)} tot ${nl(p.hoursMax)} uur`,
    ),
  );
  const scheduleOk = fitsWithin(v.schedule, p.availability);
  out.push(
    hard(
      'schedule',
      scheduleOk,
      !scheduleOk
        ? 'Werktijden vallen (deels) buiten de beschikbare tijden'
        : fitsSchoolHours(v.schedule)
          ? 'Past binnen schooltijden'
          : 'Werktijden passen binnen de beschikbare tijden',
    ),
  );
  if (p.maxTravelKm === null) out.push(hard('travel', true, 'Geen maximale reisafstand'));
  else if (distance === null) out.push(hard('travel', true, 'Reisafstand onbekend'));
  else {
    const ok = distance <= p.maxTravelKm;
    out.push(
      hard('travel', ok, ok ? `Ongeveer ${nl(distance)} km, binnen ${p.maxTravelKm} km` : `Ongeveer ${nl(distance)} km, verder dan ${p.maxTravelKm} km`),
    );
  }
  const licenceOk = !v.drivingLicenceRequired || p.hasDrivingLicence;
  out.push(
    hard(
      'drivingLicence',
      licenceOk,
      !v.drivingLicenceRequired ? 'Geen rijbewijs nodig' : licenceOk ? 'Rijbewijs gevraagd en aanwezig' : 'Rijbewijs gevraagd, maar niet aanwezig',
    ),
  );

  // Soft criteria.
  const level = occupationLevel(p, v);
  const occupationText =
    level === 5
      ? 'Precies het gewenste beroep'
      : level === 4
        ? `Beroep in dezelfde beroepsgroep (ISCO ${v.iscoGroup})`
        : level === 3
          ? `Beroep in een verwante beroepsgroep (ISCO ${v.iscoGroup.slice(0, 3)})`
          : level === 2
            ? `Beroep in hetzelfde beroepsgebied (ISCO ${v.iscoGroup.slice(0, 2)})`
            : level === 1
              ? `Beroep in dezelfde hoofdgroep (ISCO ${v.iscoGroup.slice(0, 1)})`
              : p.desiredEscoCodes.length === 0 && p.desiredIscoGroups.length === 0
                ? 'Geen gewenst beroep opgegeven'
                : 'Ander beroep dan gewenst';
  out.push(soft('occupation', OCCUPATION_POINTS[level]!, occupationText));

  const have = new Set(p.skills.map(normaliseLabel));
  const req = skillShare(have, v.requiredSkills);
  out.push(
    req.total === 0
      ? soft('requiredSkills', MAX_POINTS.requiredSkills, 'Geen specifieke vaardigheden gevraagd')
      : soft('requiredSkills', (MAX_POINTS.requiredSkills * req.matched) / req.total, `${req.matched} van de ${req.total} gevraagde vaardigheden`),
  );
  const nice = skillShare(have, v.niceToHaveSkills);
  out.push(
    nice.total === 0
      ? soft('niceToHaveSkills', MAX_POINTS.niceToHaveSkills, 'Geen extra vaardigheden gewenst')
      : soft('niceToHaveSkills', (MAX_POINTS.niceToHaveSkills * nice.matched) / nice.total, `${nice.matched} van de ${nice.total} gewenste vaardigheden`),
  );

  const contractName = CONTRACT_NL[v.contractType] ?? v.contractType;
  if (p.preferredContractTypes.length === 0) out.push(soft('contractType', MAX_POINTS.contractType, 'Geen voorkeur voor soort contract'));
  else if (p.preferredContractTypes.includes(v.contractType)) out.push(soft('contractType', MAX_POINTS.contractType, `Contract (${contractName}) past bij de voorkeur`));
  else out.push(soft('contractType', 0, `Contract (${contractName}) is niet de voorkeur`));

  const sectors = new Set(p.preferredSectors.map(normaliseLabel).filter((s) => s.length > 0));
  if (sectors.size === 0) out.push(soft('sector', MAX_POINTS.sector, 'Geen voorkeur voor sector'));
  else if (sectors.has(normaliseLabel(v.sector))) out.push(soft('sector', MAX_POINTS.sector, `Sector (${v.sector}) past bij de voorkeur`));
  else out.push(soft('sector', 0, `Sector (${v.sector}) is niet de voorkeur`));

  const score = round1(out.reduce((sum, c) => sum + c.points, 0));
  return { passes: out.every((c) => c.passed), score, contributions: out };
}

/** Contract-type points as the store computes them in SQL (exact: the contract type is an enum). */
export function contractPoints(preferred: readonly string[], contractType: string): number {
  return preferred.length === 0 || preferred.includes(contractType) ? MAX_POINTS.contractType : 0;
}

/** The list order: score descending, then id ascending (deterministic). */
export function compareScored(a: { id: string; score: number }, b: { id: string; score: number }): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
