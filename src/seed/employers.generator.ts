import { readFileSync } from 'node:fs';
import { locationOfPostcode, distanceKm, type LatLon } from '../domain/geo.ts';
import { hoursOf, maskOf, normaliseWindows, schoolHours, type IsoWeekday, type TimeWindow } from '../domain/schedule.ts';
import { MATCHER_VERSION } from '../modules/matching/matcher.features.ts';
import { compareScored, scoreMatch, type MatchScore, type ProfileFeatures, type VacancyFeatures } from '../modules/matching/matcher.score.ts';
import { presentContribution } from '../modules/matching/matching.presenter.ts';
import { formatDay, instantOn, parseDay } from './dates.ts';
import {
  CONTACT_TITLES,
  EDUCATION_NL,
  EMPLOYERS_BY_MUNICIPALITY,
  GENERIC_SKILLS,
  HOSPITAL_KEY,
  HOSPITAL_PLEDGE,
  SKILLS_BY_ISCO,
  type ContractType,
  type EmployerDef,
  type Instrument,
  type ScheduleKind,
  type VacancyTemplate,
} from './employers.data.ts';
import { seedUuid } from './ids.ts';
import type { CoachModel, OrgModel } from './model.ts';
import { asciiSlug, staffDisplayName, type Sex } from './names.ts';
import { hashSeed, Rng } from './random.ts';
import type { EmployerRows, MatchExposureRow, MatchProposalRow, ResidentRow, ResidentRows, VacancyRow, WorkProfileRow } from './rows.ts';
import type { SeedStats } from './stats.ts';
import type { StoryRole } from './story.ts';

/**
 * Employers and matching (issue 4): employers with locations, contacts and agreements, vacancies with ESCO
 * occupations and schedules (buildEmployers, once per municipality, before the residents), and per resident a work
 * profile, the recommendation lists shown (match_exposures), proposals through the anonymous presentation and
 * placements with follow-ups (generateEmployment). Group data for the fairness monitor is self-reported and kept
 * apart (fairness_group_data).
 */

interface EscoOccupation {
  code: string;
  iscoGroup: string;
  label: string;
}

let escoIndex: Map<string, EscoOccupation> | null = null;

/** The ESCO occupation of a code, from data/esco/occupations-nl.json; throws for an unknown code. */
export function escoOccupation(code: string): EscoOccupation {
  if (!escoIndex) {
    const url = new URL('../../data/esco/occupations-nl.json', import.meta.url);
    const all = JSON.parse(readFileSync(url, 'utf8')) as EscoOccupation[];
    escoIndex = new Map(all.map((o) => [o.code, { code: o.code, iscoGroup: o.iscoGroup, label: o.label }]));
  }
  const o = escoIndex.get(code);
  if (!o) throw new Error(`ESCO-code ${code} bestaat niet in data/esco/occupations-nl.json`);
  return o;
}

export interface VacancyInfo {
  id: string;
  employerId: string;
  employerName: string;
  sector: string;
  hospital: boolean;
  title: string;
  escoCode: string;
  label: string;
  isco: string;
  hours: number;
  contractType: ContractType;
  instruments: Instrument[];
  schoolHours: boolean;
  location: LatLon | null;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  schedule: TimeWindow[];
  drivingLicenceRequired: boolean;
  createdDay: number;
}

/** What the matcher reads of a seeded vacancy: the same features matching.store.ts reads of the stored row. */
export function vacancyFeaturesOfInfo(v: VacancyInfo): VacancyFeatures {
  return {
    hoursPerWeek: v.hours,
    schedule: v.schedule,
    escoCode: v.escoCode,
    iscoGroup: v.isco,
    requiredSkills: v.requiredSkills,
    niceToHaveSkills: v.niceToHaveSkills,
    contractType: v.contractType,
    sector: v.sector,
    drivingLicenceRequired: v.drivingLicenceRequired,
  };
}

/** The lowest score a seeded proposal has: werkmatchers propose good matches. */
const GOOD_MATCH = 50;

/** A seeded work profile as the matcher sees it, for the candidate lists computed after all residents exist. */
export interface SeededProfile {
  residentId: string;
  teamId: string | null;
  features: ProfileFeatures;
  home: LatLon | null;
  /** maskOf(availability), for the quick pre-check below. */
  mask: string;
}

const masks = new WeakMap<readonly TimeWindow[], string>();
const maskOfCached = (w: readonly TimeWindow[]) => {
  let m = masks.get(w);
  if (m === undefined) masks.set(w, (m = maskOf(w)));
  return m;
};

/**
 * A quick pre-check of two hard constraints (hours within the range; no half hour of the schedule outside the
 * availability, on the 336-bit masks as the SQL pre-filter does). Only a speed-up: what passes is scored by the
 * matcher itself, which checks them again; what fails here would fail there.
 */
function mayPass(f: ProfileFeatures, profileMask: string, v: VacancyInfo): boolean {
  if (v.hours < f.hoursMin || v.hours > f.hoursMax) return false;
  const vm = maskOfCached(v.schedule);
  for (let i = 0; i < vm.length; i += 1) if (vm.charCodeAt(i) === 49 && profileMask.charCodeAt(i) !== 49) return false;
  return true;
}

/** The matcher's own score (matcher.score.ts), with the distance between the PC4 centres as the matching service computes it. */
export function seededScore(features: ProfileFeatures, home: LatLon | null, v: VacancyInfo): MatchScore {
  return scoreMatch({ profile: features, vacancy: vacancyFeaturesOfInfo(v), distanceKm: home && v.location ? distanceKm(home, v.location) : null });
}

export interface AgreementInfo {
  id: string;
  employerId: string;
  fromDay: number;
  toDay: number;
}

/** What resident generation draws on: open vacancies, and filled ones waiting for the placement that filled them. */
export interface EmploymentPool {
  municipalityId: string;
  advisorIds: string[];
  open: VacancyInfo[];
  filled: VacancyInfo[];
  nextFilled: number;
  /** Intention agreements by employer. */
  intentions: Map<string, AgreementInfo>;
  hospital: { employerId: string; name: string; intentionAgreementId: string } | null;
  /** The work profiles generated so far (for the lists of candidates per vacancy, candidateExposures). */
  profiles: SeededProfile[];
  /** The team of each werkmatcher, and the werkmatchers of each team (who opened the lists of candidates). */
  teamOfCoach: Map<string, string>;
  coachesOfTeam: Map<string, string[]>;
  /**
   * Every recommendation list stored so far (direction, resident or vacancy, werkmatcher, instant): a list is
   * identified by these, so two lists that share them would read as one list of 20. Kept for the whole
   * municipality, so that no path (a resident generated twice, two teams, two directions) can repeat one.
   */
  shownLists: Set<string>;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];

function someWeekdays(rng: Rng, n: number): IsoWeekday[] {
  return rng.shuffle([...WEEKDAYS]).slice(0, n).sort((a, b) => a - b);
}

/** A schedule of the given kind and the hours per week that fall within it. */
export function scheduleOf(rng: Rng, kind: ScheduleKind, hospital: boolean): { schedule: TimeWindow[]; hours: number } {
  let windows: TimeWindow[];
  let hours: number | null = null;
  switch (kind) {
    case 'school': {
      const from = rng.pick(['09:00', '09:30']);
      const to = rng.pick(['13:00', '13:30', '14:00', '14:30']);
      const perDay = (Number(to.slice(0, 2)) * 60 + Number(to.slice(3)) - Number(from.slice(0, 2)) * 60 - Number(from.slice(3))) / 60;
      // At least 12 hours a week (and for the hospital at most four days, so part-time parents fit).
      const least = Math.ceil(12 / perDay);
      const days = someWeekdays(rng, Math.max(least, hospital ? rng.int(3, 4) : rng.int(3, 5)));
      windows = days.map((day) => ({ day, from, to }));
      break;
    }
    case 'day': {
      const days = rng.chance(0.6) ? [...WEEKDAYS] : someWeekdays(rng, 4);
      windows = days.map((day) => ({ day, from: rng.pick(['08:00', '08:30']), to: rng.pick(['16:30', '17:00']) }));
      hours = rng.pick([24, 28, 32, 36]);
      break;
    }
    case 'early':
      windows = WEEKDAYS.map((day) => ({ day, from: '06:00', to: rng.pick(['09:30', '10:00']) }));
      break;
    case 'evening': {
      const days = rng.shuffle([1, 2, 3, 4, 5, 6] as IsoWeekday[]).slice(0, rng.int(4, 6));
      windows = days.map((day) => ({ day, from: '17:00', to: '22:00' }));
      hours = rng.pick([12, 16, 20]);
      break;
    }
    case 'shift':
      windows = ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, from: '07:00', to: '23:00' }));
      hours = rng.pick([24, 28, 32, 36]);
      break;
    case 'weekend':
      windows = ([6, 7] as const).map((day) => ({ day, from: '09:00', to: '17:00' }));
      hours = rng.pick([12, 16]);
      break;
  }
  const schedule = normaliseWindows(windows);
  const span = hoursOf(schedule);
  return { schedule, hours: Math.min(span, Math.max(12, Math.min(38, hours ?? span))) };
}

const INSTRUMENTS: readonly (readonly [Instrument, number])[] = [
  ['trialPlacement', 0.4],
  ['jobCoaching', 0.35],
  ['wageCostSubsidy', 0.25],
  ['noRiskPolicy', 0.2],
];

function vacancyDescription(e: EmployerDef, t: VacancyTemplate, hours: number): string {
  const when: Record<ScheduleKind, string> = {
    school: 'De werktijden vallen binnen schooltijden.',
    day: 'Je werkt overdag op doordeweekse dagen.',
    early: 'Je werkt vroeg in de ochtend, vóór kantoortijd.',
    evening: "Je werkt 's avonds.",
    shift: 'Je werkt in wisselende diensten, ook in het weekend.',
    weekend: 'Je werkt in het weekend.',
  };
  return `${e.name.replace(' (demo)', '')} zoekt een ${t.title.toLowerCase()} voor ${hours} uur per week. ${when[t.kind]} Ervaring is niet nodig: je krijgt een inwerkperiode en een vaste collega.`;
}

/**
 * The employers of a demo municipality (none for others) with everything that belongs to them, and the pool that
 * resident generation draws on. `advisorIds`: the employer advisors (account managers, created_by).
 */
export function buildEmployers(
  org: Pick<OrgModel, 'municipalityId' | 'code' | 'city'> & Partial<Pick<OrgModel, 'teams'>>,
  advisorIds: readonly string[],
  today: number,
): { rows: EmployerRows; pool: EmploymentPool } | null {
  const defs = EMPLOYERS_BY_MUNICIPALITY[org.code];
  const advisor = advisorIds[0];
  if (!defs || !advisor) return null;
  const m = org.municipalityId;
  const rows: EmployerRows = { employers: [], locations: [], contacts: [], agreements: [], vacancies: [] };
  const pool: EmploymentPool = {
    municipalityId: m,
    advisorIds: [...advisorIds],
    open: [],
    filled: [],
    nextFilled: 0,
    intentions: new Map(),
    hospital: null,
    profiles: [],
    teamOfCoach: new Map((org.teams ?? []).flatMap((t) => t.coaches.map((c): [string, string] => [c.id, t.id]))),
    coachesOfTeam: new Map((org.teams ?? []).map((t) => [t.id, t.coaches.map((c) => c.id)])),
    shownLists: new Set<string>(),
  };
  const year = Number(formatDay(today).slice(0, 4));

  for (const [i, e] of defs.entries()) {
    const rng = new Rng(hashSeed('employer', org.code, e.key, formatDay(today)));
    const id = seedUuid('employer', org.code, e.key);
    const createdAt = instantOn(today - rng.int(200, 900), 8 * 60);
    rows.employers.push({
      municipality_id: m,
      id,
      name: e.name,
      sector: e.sector,
      kvk_number: `90${String(hashSeed('kvk', e.key) % 1_000_000).padStart(6, '0')}`,
      website: e.website ?? `https://${e.key}.example.org`,
      notes: e.notes ?? null,
      account_manager_id: advisorIds[i % advisorIds.length] ?? advisor,
      version: 1,
      created_by: advisor,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const locationId = seedUuid('employer-location', org.code, e.key);
    const location = locationOfPostcode(e.postcode);
    rows.locations.push({
      municipality_id: m,
      id: locationId,
      employer_id: id,
      name: e.hospital ? 'Hoofdlocatie' : 'Vestiging',
      street: e.street,
      house_number: e.houseNumber,
      postcode: e.postcode,
      city: org.city,
      lat: location?.lat ?? null,
      lon: location?.lon ?? null,
    });
    for (let n = 0; n < (e.hospital ? 2 : rng.int(1, 2)); n += 1) {
      const name = staffDisplayName(new Rng(hashSeed('employer-contact', org.code, e.key, n)));
      rows.contacts.push({
        municipality_id: m,
        id: seedUuid('employer-contact', org.code, e.key, n),
        employer_id: id,
        name,
        job_title: CONTACT_TITLES[(i + n) % CONTACT_TITLES.length] ?? null,
        email: `${asciiSlug(name.split(' ')[0] ?? 'contact')}@${e.key}.example.org`,
        phone: `06${String(hashSeed('employer-phone', e.key, n) % 100_000_000).padStart(8, '0')}`,
        active: true,
      });
    }
    const signed = parseDay(`${year - 1}-12-12`);
    if (e.hospital || e.intention) {
      const agreementId = seedUuid('agreement', org.code, e.key, 'intention', year);
      const fromDay = parseDay(`${year}-01-01`);
      const toDay = parseDay(`${year + 1}-12-31`);
      rows.agreements.push({
        municipality_id: m,
        id: agreementId,
        employer_id: id,
        kind: 'intention',
        title: e.hospital ? `Intentieverklaring ${year}–${year + 1}: ${HOSPITAL_PLEDGE} banen voor inwoners in de bijstand` : `Intentieverklaring werkervaringsplaatsen ${year}–${year + 1}`,
        target_group: 'Inwoners met een bijstandsuitkering',
        pledged_placements: e.hospital ? HOSPITAL_PLEDGE : (e.intention ?? 1),
        period_start: formatDay(fromDay),
        period_end: formatDay(toDay),
        signed_on: formatDay(signed),
        notes: e.hospital ? 'Plaatsingen in voeding, schoonmaak, ontvangst en logistiek; jobcarving waar nodig.' : null,
        created_by: advisor,
        created_at: instantOn(signed, 9 * 60),
      });
      pool.intentions.set(id, { id: agreementId, employerId: id, fromDay, toDay });
      if (e.hospital) pool.hospital = { employerId: id, name: e.name, intentionAgreementId: agreementId };
    }
    if (e.antiDiscrimination) {
      const from = today - rng.int(120, 700);
      rows.agreements.push({
        municipality_id: m,
        id: seedUuid('agreement', org.code, e.key, 'antiDiscrimination'),
        employer_id: id,
        kind: 'antiDiscrimination',
        title: 'Akkoord: samen tegen discriminatie bij werving en selectie',
        target_group: null,
        pledged_placements: null,
        period_start: formatDay(from),
        period_end: formatDay(from + 3 * 365),
        signed_on: formatDay(from),
        notes: 'Anoniem solliciteren via de werkgeversadviseur; selectie op vaardigheden.',
        created_by: advisor,
        created_at: instantOn(from, 9 * 60),
      });
    }

    for (const [ti, t] of e.vacancies.entries()) {
      const occupation = escoOccupation(t.esco);
      const skills = SKILLS_BY_ISCO[occupation.iscoGroup] ?? GENERIC_SKILLS;
      const filled = Math.ceil(t.open / 2);
      const closed = ti === 0 && i % 3 === 0 ? 1 : 0;
      const draft = ti === 1 && i % 5 === 0 ? 1 : 0;
      const statuses: VacancyRow['status'][] = [
        ...Array<VacancyRow['status']>(t.open).fill('open'),
        ...Array<VacancyRow['status']>(filled).fill('filled'),
        ...Array<VacancyRow['status']>(closed).fill('closed'),
        ...Array<VacancyRow['status']>(draft).fill('draft'),
      ];
      for (const [n, status] of statuses.entries()) {
        const { schedule, hours } = scheduleOf(rng, t.kind, e.hospital === true);
        const vid = seedUuid('vacancy', org.code, e.key, ti, n);
        const past = status === 'filled' || status === 'closed';
        const created = past ? today - rng.int(60, 450) : today - rng.int(2, 80);
        const contract: ContractType =
          t.contract ??
          rng.weighted<ContractType>([
            ['permanent', 35],
            ['temporary', 55],
            ['agency', 10],
          ]);
        const instruments = INSTRUMENTS.filter(([, p]) => rng.chance(p)).map(([x]) => x);
        const row: VacancyRow = {
          municipality_id: m,
          id: vid,
          employer_id: id,
          location_id: locationId,
          title: t.title,
          description: vacancyDescription(e, t, hours),
          esco_code: occupation.code,
          occupation_label: occupation.label,
          isco_group: occupation.iscoGroup,
          required_skills: skills.slice(0, 2),
          nice_to_have_skills: skills.slice(2, 4),
          hours_per_week: hours,
          schedule: JSON.stringify(schedule),
          schedule_mask: maskOf(schedule),
          postcode: e.postcode,
          lat: location?.lat ?? null,
          lon: location?.lon ?? null,
          contract_type: contract,
          instruments,
          driving_licence_required: t.licence === true,
          job_carving_notes: t.carving ?? null,
          status,
          closing_date: status === 'open' ? formatDay(today + rng.int(10, 60)) : past ? formatDay(created + rng.int(20, 45)) : null,
          version: past ? 2 : 1,
          created_by: advisor,
          created_at: instantOn(created, 8 * 60 + rng.int(0, 16) * 30),
          updated_at: instantOn(past ? created + rng.int(30, 50) : created, 9 * 60),
        };
        rows.vacancies.push(row);
        const info: VacancyInfo = {
          id: vid,
          employerId: id,
          employerName: e.name,
          sector: e.sector,
          hospital: e.key === HOSPITAL_KEY,
          title: t.title,
          escoCode: occupation.code,
          label: occupation.label,
          isco: occupation.iscoGroup,
          hours,
          contractType: contract,
          instruments,
          schoolHours: t.kind === 'school',
          location,
          requiredSkills: row.required_skills,
          niceToHaveSkills: row.nice_to_have_skills,
          schedule,
          drivingLicenceRequired: row.driving_licence_required,
          createdDay: created,
        };
        if (status === 'open') pool.open.push(info);
        if (status === 'filled') pool.filled.push(info);
      }
    }
  }
  // Placements take filled vacancies in this (deterministic, shuffled) order.
  new Rng(hashSeed('filled-order', org.code, formatDay(today))).shuffle(pool.filled);
  return { rows, pool };
}

export interface EmploymentInput {
  municipalityId: string;
  resident: ResidentRow;
  sex: Sex;
  age: number;
  coach: CoachModel;
  today: number;
  lastContactDay: number | null;
  lastContactAt: Date | null;
  caseIndex: number;
  role: StoryRole | null;
}

const WORK_PROFILE_SHARE = 0.3;
// Of the profiles with a good match (score 50 or more); about the same number of proposals as when any vacancy was proposed.
const PROPOSAL_SHARE = 0.22;

type Availability = 'school' | 'weekdays' | 'anytime' | 'mornings' | 'eveningsWeekend';

function availabilityOf(kind: Availability): TimeWindow[] {
  switch (kind) {
    case 'school':
      return schoolHours();
    case 'weekdays':
      return WEEKDAYS.map((day) => ({ day, from: '08:00', to: '17:30' }));
    case 'anytime':
      return ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, from: '06:00', to: '23:00' }));
    case 'mornings':
      return WEEKDAYS.map((day) => ({ day, from: '06:00', to: '13:00' }));
    case 'eveningsWeekend':
      return [
        ...WEEKDAYS.map((day) => ({ day, from: '16:00', to: '22:30' })),
        { day: 6 as const, from: '08:00', to: '22:00' },
        { day: 7 as const, from: '08:00', to: '18:00' },
      ];
  }
}

const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** n calendar months after a day (end-of-month days clamp). */
function monthsAfter(day: number, n: number): number {
  const d = new Date(day * 86_400_000);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  return Date.UTC(y, mo, Math.min(d.getUTCDate(), last)) / 86_400_000;
}

/** Work profile, recommendation lists, proposals and placement of one resident (when he has recent contact). */
export function generateEmployment(rng: Rng, e: EmploymentInput, pool: EmploymentPool, out: ResidentRows, stats: SeedStats): void {
  const story = e.role === 'singleParent';
  if (!story) {
    if (e.lastContactDay === null || e.today - e.lastContactDay > 90 || !rng.chance(WORK_PROFILE_SHARE)) return;
  }
  if (pool.open.length === 0) return;
  const m = e.municipalityId;
  const r = e.resident;
  const home = locationOfPostcode(r.postcode);
  const updatedAt = e.lastContactAt ?? instantOn(e.today - 1, 9 * 60);

  // Availability: single parents mostly within school hours.
  const kind: Availability = story
    ? 'school'
    : r.household_type === 'singleParent' && rng.chance(0.75)
      ? 'school'
      : rng.weighted<Availability>([
          ['weekdays', 45],
          ['anytime', 25],
          ['mornings', 15],
          ['eveningsWeekend', 10],
          ['school', 5],
        ]);
  const availability = normaliseWindows(availabilityOf(kind));

  // Desired occupations: from the vacancies on offer (school-hours ones for a school-hours profile).
  const offer = kind === 'school' ? pool.open.filter((v) => v.schoolHours) : pool.open;
  const desired: { escoCode: string; label: string; iscoGroup: string }[] = [];
  if (story) {
    for (const code of ['9112.2', '5246.1', '5131.1']) {
      const o = escoOccupation(code);
      desired.push({ escoCode: o.code, label: o.label, iscoGroup: o.iscoGroup });
    }
  } else {
    const n = rng.int(1, 3);
    for (let k = 0; k < n * 3 && desired.length < n; k += 1) {
      const v = rng.pick(offer.length > 0 ? offer : pool.open);
      if (!desired.some((d) => d.escoCode === v.escoCode)) desired.push({ escoCode: v.escoCode, label: v.label, iscoGroup: v.isco });
    }
  }
  const isco = [...new Set(desired.map((d) => d.iscoGroup))];
  const skillPool = [...new Set([...isco.flatMap((g) => SKILLS_BY_ISCO[g] ?? []), ...GENERIC_SKILLS])];
  const skills = story
    ? ['schoonmaken', 'hygiëne', 'klantvriendelijk', 'samenwerken', 'nauwkeurig werken', 'omgaan met kinderen']
    : rng.shuffle([...skillPool]).slice(0, rng.int(2, Math.min(6, skillPool.length)));
  const experience = story
    ? [
        { description: 'Overblijfkracht op een basisschool', years: 3 },
        { description: 'Schoonmaakwerk in een hotel', years: 2 },
      ]
    : desired.slice(0, rng.int(0, 2)).map((d) => ({ description: `${d.label} bij een vorige werkgever`, years: rng.int(1, 6) }));
  const school = kind === 'school';
  const hoursMin = story ? 12 : school ? 12 : rng.pick([12, 16, 20, 24]);
  const hoursMax = story ? 24 : school ? rng.pick([20, 24, 27.5]) : Math.min(38, hoursMin + rng.pick([8, 12, 16]));
  const licence = story ? false : rng.chance(0.3);
  const sectors = [...new Set(pool.open.filter((v) => isco.includes(v.isco)).map((v) => v.sector))].slice(0, 3);
  const profile: WorkProfileRow = {
    municipality_id: m,
    resident_id: r.id,
    desired_occupations: JSON.stringify(desired),
    desired_isco_groups: isco,
    skills,
    experience: JSON.stringify(experience),
    education: EDUCATION_NL[r.education_level] ?? null,
    hours_min: hoursMin,
    hours_max: hoursMax,
    availability: JSON.stringify(availability),
    availability_mask: maskOf(availability),
    max_travel_km: story ? 8 : rng.pick([5, 8, 10, 15, 20, 25]),
    lat: home?.lat ?? null,
    lon: home?.lon ?? null,
    has_driving_licence: licence,
    preferred_contract_types: story ? ['permanent', 'temporary'] : rng.chance(0.6) ? ['permanent', 'temporary'] : ['permanent'],
    preferred_sectors: story ? ['zorg', 'schoonmaak', 'horeca'] : sectors,
    preferences_note: story
      ? 'Wil werken onder schooltijd; de kinderen (6 en 9) gaan in Overvecht naar school. Liever niet in de weekenden.'
      : school
        ? 'Alleen onder schooltijd beschikbaar.'
        : null,
    version: rng.chance(0.3) ? 2 : 1,
    updated_by: e.coach.id,
    updated_at: updatedAt,
  };
  out.workProfiles.push(profile);
  stats.workProfiles += 1;

  // Self-reported group data for the fairness monitor (voluntary: not everyone).
  if (rng.chance(0.65)) {
    out.fairness.push({
      municipality_id: m,
      resident_id: r.id,
      gender: rng.chance(0.01) ? 'other' : e.sex,
      migration_background: rng.weighted<'none' | 'western' | 'nonWestern'>([
        ['none', 45],
        ['western', 10],
        ['nonWestern', 45],
      ]),
      basis: 'selfReported',
      recorded_at: updatedAt,
    });
  }
  // The matcher's view of this profile: every list and proposal below is scored by the matcher itself
  // (matcher.score.ts), so what the demo shows is what the product computes for the same rows.
  const features: ProfileFeatures = {
    hoursMin,
    hoursMax,
    availability,
    maxTravelKm: profile.max_travel_km,
    hasDrivingLicence: licence,
    desiredEscoCodes: desired.map((d) => d.escoCode),
    desiredIscoGroups: isco,
    skills,
    preferredContractTypes: profile.preferred_contract_types,
    preferredSectors: profile.preferred_sectors,
  };
  const mask = profile.availability_mask;
  pool.profiles.push({ residentId: r.id, teamId: pool.teamOfCoach.get(e.coach.id) ?? null, features, home, mask });
  if (story) return; // The story single parent: a fresh profile, no list shown yet, no proposal.

  const score = (v: VacancyInfo) => seededScore(features, home, v);
  // The vacancies that pass the hard constraints, best first, as the list "Passende vacatures" orders them.
  const ranked = (vacancies: readonly VacancyInfo[]) =>
    vacancies
      .filter((v) => mayPass(features, mask, v))
      .map((v) => ({ v, id: v.id, s: score(v) }))
      .filter((x) => x.s.passes)
      .map((x) => ({ ...x, score: x.s.score }))
      .sort(compareScored);
  const fitting = ranked(pool.open);
  if (fitting.length === 0) return; // Nothing fits this profile: no list was worth storing, no proposal.

  // Recommendation lists shown to the werkmatcher: the matcher's top 10 (stored as the service stores them).
  let listNo = 0;
  const addList = (at: Date, list: ReturnType<typeof ranked>) => {
    for (const [k, x] of list.slice(0, 10).entries()) {
      out.exposures.push({
        municipality_id: m,
        id: seedUuid('exposure', r.id, listNo, k),
        shown_at: at,
        direction: 'vacanciesForResident',
        resident_id: r.id,
        vacancy_id: x.v.id,
        rank: k + 1,
        score: x.score,
        matcher_version: MATCHER_VERSION,
        shown_to: e.coach.id,
      });
    }
    listNo += 1;
  };
  // Two lists of one resident never share an instant (they would read as one list of 20).
  const key = (t: Date) => `vacanciesForResident|${r.id}|${e.coach.id}|${t.getTime()}`;
  for (let n = rng.int(1, 2); n > 0; n -= 1) {
    let at = instantOn(e.today - rng.int(1, 170), 8 * 60 + rng.int(0, 14) * 30);
    while (pool.shownLists.has(key(at))) at = new Date(at.getTime() + 60_000);
    pool.shownLists.add(key(at));
    addList(at, fitting);
  }

  if (!rng.chance(PROPOSAL_SHARE)) return;
  type Status = MatchProposalRow['status'];
  let status = rng.weighted<Status>([
    ['proposed', 10],
    ['residentAgreed', 8],
    ['residentDeclined', 10],
    ['presented', 8],
    ['interviewAgreed', 8],
    ['revealed', 7],
    ['placed', 30],
    ['rejected', 12],
    ['withdrawn', 9],
  ]);
  let vacancy: VacancyInfo | undefined;
  if (status === 'placed') {
    // The next filled vacancy that fits this profile (a werkmatcher proposes only what passes the hard constraints).
    const at = pool.filled.findIndex((v, i) => i >= pool.nextFilled && mayPass(features, mask, v) && score(v).passes && score(v).score >= GOOD_MATCH);
    if (at >= 0) {
      [pool.filled[pool.nextFilled], pool.filled[at]] = [pool.filled[at]!, pool.filled[pool.nextFilled]!];
      vacancy = pool.filled[pool.nextFilled];
      pool.nextFilled += 1;
    } else status = 'rejected';
  }
  // Otherwise one of the best five that fit, and only a good match (a werkmatcher does not propose a 10-point match).
  const good = fitting.filter((x) => x.score >= GOOD_MATCH);
  if (!vacancy && good.length === 0) return;
  vacancy ??= rng.pick(good.slice(0, 5)).v;
  const open = ['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed'].includes(status);
  const earliestStart = Math.max(vacancy.createdDay + 30, e.today - 420);
  const startDay = status === 'placed' ? (earliestStart <= e.today - 7 ? rng.int(earliestStart, e.today - 7) : e.today - 7) : null;
  const proposedDay = startDay !== null ? startDay - rng.int(25, 50) : e.today - (open ? rng.int(3, 40) : rng.int(20, 300));
  const advisor = rng.pick(pool.advisorIds);
  const step = (days: number, base: number) => instantOn(Math.min(e.today - 1, base + days), 8 * 60 + rng.int(0, 14) * 30);
  const proposedAt = instantOn(proposedDay, 8 * 60 + rng.int(0, 14) * 30);
  // The list the werkmatcher proposed from, half an hour before: it held the proposed vacancy.
  const chosen = vacancy;
  const withChosen = fitting.some((x) => x.v.id === chosen.id) ? fitting : [...fitting, ...ranked([chosen])].sort(compareScored);
  // Not at the instant of another list of his (the proposal can fall on the day and time of an earlier list).
  let listAt = addMinutes(proposedAt, -30);
  while (pool.shownLists.has(key(listAt))) listAt = addMinutes(listAt, -1);
  pool.shownLists.add(key(listAt));
  addList(listAt, withChosen);
  const order: Status[] = ['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed'];
  // How far the proposal got: a rejection comes after the presentation or after the interview was agreed.
  const rejectedAfter: Status | null = status === 'rejected' ? (rng.chance(0.5) ? 'presented' : 'interviewAgreed') : null;
  const furthest: Status = rejectedAfter ?? (status === 'withdrawn' || status === 'residentDeclined' ? 'proposed' : status);
  const reached = (s: Status) => order.indexOf(s) <= order.indexOf(furthest);
  const span = startDay !== null ? Math.max(8, startDay - proposedDay - 7) : Math.max(4, e.today - 1 - proposedDay);
  const t = (fraction: number) => step(Math.floor(span * fraction), proposedDay);
  const responded = status !== 'proposed' && status !== 'withdrawn';
  const responseAt = responded ? t(0.15) : null;
  const presented = reached('presented');
  const interview = reached('interviewAgreed');
  const revealed = reached('revealed');
  const proposalId = seedUuid('proposal', r.id, 0);
  // Score and explanation as POST /residents/{id}/proposals stores them: the matcher's, at the moment of proposing.
  const scored = score(vacancy);
  const explanation = scored.contributions.map(presentContribution);
  const proposalScore = scored.score;
  const presentedAt = presented ? t(0.35) : null;
  const interviewAt = interview ? t(0.55) : null;
  const revealedAt = revealed ? t(0.75) : null;
  const closedAt =
    status === 'placed' && startDay !== null
      ? instantOn(startDay - 5, 10 * 60)
      : status === 'residentDeclined'
        ? responseAt
        : status === 'rejected' || status === 'withdrawn'
          ? t(0.9)
          : null;
  out.proposals.push({
    municipality_id: m,
    id: proposalId,
    resident_id: r.id,
    vacancy_id: vacancy.id,
    score: proposalScore,
    explanation: JSON.stringify(explanation),
    matcher_version: MATCHER_VERSION,
    status,
    note: rng.chance(0.4) ? 'Besproken in het gesprek; inwoner is enthousiast over deze werkgever.' : null,
    proposed_by: e.coach.id,
    proposed_at: proposedAt,
    resident_response_at: responseAt,
    resident_response_how: responseAt ? rng.pick(['inPerson', 'phone', 'video']) : null,
    presented_by: presented ? advisor : null,
    presented_at: presentedAt,
    anonymous_profile: presented
      ? JSON.stringify({
          desiredOccupations: desired.map((d) => ({ label: d.label })),
          skills,
          experience,
          education: profile.education,
          hoursMin,
          hoursMax,
          availability,
          hasDrivingLicence: licence,
          maxTravelKm: profile.max_travel_km,
        })
      : null,
    // No code of its own: the candidates module derives it from the proposal id with the deployment's key, in the one
    // format K-XXXXXX (it wrote "K-" + 4 characters of the id here, a second format; migration 202612040040).
    candidate_code: null,
    interview_committed_at: interviewAt,
    revealed_by: revealed ? advisor : null,
    revealed_at: revealedAt,
    closed_at: closedAt,
    version: 1 + [responseAt, presentedAt, interviewAt, revealedAt, closedAt].filter(Boolean).length,
    updated_at: closedAt ?? revealedAt ?? interviewAt ?? presentedAt ?? responseAt ?? proposedAt,
  });
  stats.proposals += 1;
  if (status !== 'placed' || startDay === null) return;

  // The placement, its follow-ups (1/3/6/12 months) and the case's outflow, as POST /placements records them.
  const placementId = seedUuid('placement', r.id, 0);
  const agreement = pool.intentions.get(vacancy.employerId);
  const linked = agreement && startDay >= agreement.fromDay && startDay <= agreement.toDay ? agreement.id : null;
  const outflow = vacancy.hours >= 32 ? 'full' : 'partial';
  let endedOn: number | null = null;
  for (const months of [1, 3, 6, 12]) {
    const due = monthsAfter(startDay, months);
    const done = endedOn !== null || (due <= e.today - 3 && rng.chance(0.85));
    let still: boolean | null = null;
    let note: string | null = null;
    let doneOn: number | null = null;
    if (done) {
      doneOn = endedOn ?? Math.min(e.today - 1, due + rng.int(0, 10));
      still = endedOn === null && rng.chance(0.88);
      note = still ? 'Gaat goed; werkgever tevreden.' : 'Dienstverband beëindigd; nieuwe stappen in het plan.';
      if (!still && endedOn === null) endedOn = doneOn;
    }
    out.followUps.push({
      municipality_id: m,
      placement_id: placementId,
      months,
      due_on: formatDay(due),
      done_on: doneOn === null ? null : formatDay(doneOn),
      still_employed: still,
      note,
      recorded_by: done ? e.coach.id : null,
    });
  }
  out.placements.push({
    municipality_id: m,
    id: placementId,
    resident_id: r.id,
    employer_id: vacancy.employerId,
    vacancy_id: vacancy.id,
    proposal_id: proposalId,
    agreement_id: linked,
    start_date: formatDay(startDay),
    end_date: endedOn === null ? null : formatDay(endedOn),
    contract_type: vacancy.contractType,
    hours_per_week: vacancy.hours,
    hourly_wage: Math.round((14.4 + rng.float() * 2.6) * 100) / 100,
    instrument: vacancy.instruments[0] ?? null,
    outflow,
    status: endedOn === null ? 'active' : 'ended',
    // The employer advisor records the placement after the reveal (as in the web app), so a placement that ends the
    // benefit leaves the outflow to the werkmatcher (ADR 0029): the resident's page offers it.
    created_by: advisor,
    created_at: instantOn(startDay - 5, 10 * 60),
  });
  const c = out.cases[e.caseIndex];
  if (c && c.resident_id === r.id) {
    c.outflow = outflow;
    c.outflow_on = formatDay(startDay);
  }
  stats.placements += 1;
}

/**
 * The lists of candidates for each open vacancy that werkmatchers opened ("Passende kandidaten"), after all residents
 * of the municipality exist: per vacancy and team, the matcher's top 10 among the team's residents with a work profile
 * (the team's need-to-know scope), shown to one of the team's werkmatchers once or twice in the last 300 days. These
 * are the exposures the fairness monitor counts as "In top 10"; which groups get there follows from the profiles
 * (hours, times, travel, occupations), never from group data.
 */
export function candidateExposures(pool: EmploymentPool, today: number): MatchExposureRow[] {
  const rows: MatchExposureRow[] = [];
  const byTeam = new Map<string, SeededProfile[]>();
  for (const p of pool.profiles) if (p.teamId) byTeam.set(p.teamId, [...(byTeam.get(p.teamId) ?? []), p]);
  for (const v of pool.open) {
    const rng = new Rng(hashSeed('candidate-lists', pool.municipalityId, v.id, formatDay(today)));
    // Two lists of one vacancy shown to the same werkmatcher at the same instant would read as one list of 20.
    const taken = pool.shownLists;
    for (const [teamId, profiles] of [...byTeam.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const coaches = pool.coachesOfTeam.get(teamId) ?? [];
      if (coaches.length === 0 || !rng.chance(0.6)) continue;
      const top = profiles
        .filter((p) => mayPass(p.features, p.mask, v))
        .map((p) => ({ id: p.residentId, s: seededScore(p.features, p.home, v) }))
        .filter((x) => x.s.passes)
        .map((x) => ({ id: x.id, score: x.s.score }))
        .sort(compareScored)
        .slice(0, 10);
      if (top.length === 0) continue;
      for (let n = rng.int(1, 2), listNo = 0; listNo < n; listNo += 1) {
        let at = instantOn(Math.max(v.createdDay, today - rng.int(1, 300)), 8 * 60 + rng.int(0, 16) * 30);
        const shownTo = rng.pick(coaches);
        const key = (t: Date) => `residentsForVacancy|${v.id}|${shownTo}|${t.getTime()}`;
        while (taken.has(key(at))) at = new Date(at.getTime() + 60_000);
        taken.add(key(at));
        for (const [k, x] of top.entries()) {
          rows.push({
            municipality_id: pool.municipalityId,
            id: seedUuid('candidate-exposure', v.id, teamId, listNo, k),
            shown_at: at,
            direction: 'residentsForVacancy',
            resident_id: x.id,
            vacancy_id: v.id,
            rank: k + 1,
            score: x.score,
            matcher_version: MATCHER_VERSION,
            shown_to: shownTo,
          });
        }
      }
    }
  }
  return rows;
}
