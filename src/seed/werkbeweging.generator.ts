import { formatDay, parseDay } from './dates.ts';
import { seedUuid } from './ids.ts';
import type { OrgModel } from './model.ts';
import { residentName, streetName, createDutchFaker } from './names.ts';
import { apportion, hashSeed, Rng } from './random.ts';
import type { BsnAllocator } from './bsn-range.ts';

/**
 * The demo's Werkbeweging (issue 12; seed 001_16f0e6d7398b956c): Utrecht helps 2,000 residents extra towards work and
 * education on top of the yearly outflow of 1,450, with EUR 5 million over 2.5 years and three action lines. The
 * programme started on the first of the month a year ago, so the dashboard shows a year of progress.
 *
 * The residents who left the benefit during that year are former residents (closed case, ended benefit, an outflow
 * with its reason), spread over the wijken as the caseload is; outflow rises month by month as the programme takes
 * hold. Some had left once before during the programme and came back within 12 months (that outflow is undone and
 * counted against, shown as returns on the dashboard) and left again later.
 * Deterministic: seeded random, dates relative to today.
 */

export const PROGRAMME_NAME = 'Werkbeweging';
export const BASELINE_PER_YEAR = 1450;
export const GOAL_EXTRA = 2000;

const REASONS: Array<[string, number]> = [
  ['workFullTime', 0.3],
  ['workPartTime', 0.26],
  ['education', 0.14],
  ['otherIncome', 0.1],
  ['moved', 0.09],
  ['partner', 0.07],
  ['other', 0.04],
];
const HOUSEHOLDS: Array<[string, number]> = [
  ['single', 0.5],
  ['singleParent', 0.22],
  ['couple', 0.1],
  ['coupleWithChildren', 0.12],
  ['other', 0.06],
];
const EDUCATION: Array<[string, number]> = [
  ['none', 0.08],
  ['primary', 0.12],
  ['vmbo', 0.24],
  ['mbo1', 0.1],
  ['mbo2to4', 0.26],
  ['havoVwo', 0.08],
  ['hbo', 0.07],
  ['wo', 0.03],
  ['unknown', 0.02],
];

export interface FormerResident {
  id: string;
  bsn: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  date_of_birth: string;
  street: string;
  house_number: string;
  postcode: string;
  area_id: string;
  household_type: string;
  education_level: string;
}

export interface WerkbewegingRows {
  programme: { id: string; periodStart: string; periodEnd: string };
  lines: Array<{ id: string; kind: string; name: string; budgetCents: number; position: number }>;
  expenditures: Array<{ id: string; lineId: string; spentOn: string; amountCents: number; description: string }>;
  residents: FormerResident[];
  benefits: Array<{ id: string; resident_id: string; start_date: string; end_date: string }>;
  cases: Array<{ id: string; resident_id: string; opened_on: string; closed_on: string; contact_person_id: string | null; last_contact_at: string }>;
  contactMoments: Array<{ id: string; resident_id: string; staff_user_id: string; occurred_at: string }>;
  assignments: Array<{ id: string; case_id: string; resident_id: string; staff_user_id: string; assigned_at: string; ended_at: string }>;
  outflows: Array<{ id: string; resident_id: string; case_id: string; benefit_id: string; reason: string; outflow_on: string; returned_on: string | null; return_benefit_id: string | null }>;
}

/** Of the residents who left at least this many days into the programme, this share had left once before and came back. */
const RETURN_ELIGIBLE_DAYS = 150;
const RETURN_SHARE = 0.08;

const pad = (n: number) => String(n).padStart(2, '0');
function monthStartOf(day: number, monthsBack: number): string {
  const d = new Date(day * 86_400_000);
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-01`;
}
function addMonths(iso: string, n: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-01`;
}

/** The former residents and the programme, for the municipality; coaches per area for their contact person. */
export function buildWerkbeweging(model: OrgModel, today: number, bsn: BsnAllocator, coachesByArea: Map<string, string[]>): WerkbewegingRows {
  const rng = new Rng(`werkbeweging:${model.code}`);
  const backRng = new Rng(`werkbeweging-returns:${model.code}`);
  const faker = createDutchFaker(hashSeed('werkbeweging', model.code));
  const periodStart = monthStartOf(today, 12);
  const periodEnd = formatDay(parseDay(addMonths(periodStart, 30)) - 1);
  const programmeId = seedUuid('programme', model.code, PROGRAMME_NAME);
  const lines = [
    { id: seedUuid('programme-line', model.code, 'contact'), kind: 'contact', name: 'Persoonlijk contact en maatwerk met een vast aanspreekpunt', budgetCents: 220_000_000, position: 0 },
    { id: seedUuid('programme-line', model.code, 'jobs'), kind: 'jobs', name: 'Passende banen bij werkgevers (ook binnen schooltijden)', budgetCents: 180_000_000, position: 1 },
    { id: seedUuid('programme-line', model.code, 'discrimination'), kind: 'discrimination', name: 'Aanpak discriminatie met een akkoord van grote werkgevers', budgetCents: 100_000_000, position: 2 },
  ];

  // Outflow per month: the baseline (1,450 a year) plus an extra share that grows as the programme takes hold.
  const months: string[] = [];
  for (let i = 0; i <= 12; i++) months.push(addMonths(periodStart, i));
  const todayIso = formatDay(today);
  const rows: WerkbewegingRows = {
    programme: { id: programmeId, periodStart, periodEnd },
    lines,
    expenditures: [],
    residents: [],
    benefits: [],
    cases: [],
    contactMoments: [],
    assignments: [],
    outflows: [],
  };
  const areaShares = model.areas.map((a) => a.share);
  let n = 0;
  months.forEach((month, i) => {
    // Up to yesterday: nothing is registered for today or later (a demo made this morning has no contact today yet).
    const yesterday = formatDay(today - 1);
    const monthEnd = [formatDay(parseDay(addMonths(month, 1)) - 1), yesterday].sort()[0]!;
    if (month > yesterday) return;
    const days = parseDay(monthEnd) - parseDay(month) + 1;
    const baseline = (BASELINE_PER_YEAR * days) / 365.25;
    const extra = (14 + 5.2 * i) * (days / 30.4);
    const total = Math.round(baseline + extra);
    const perArea = apportion(total, areaShares);
    model.areas.forEach((area, ai) => {
      for (let k = 0; k < perArea[ai]!; k++) {
        n += 1;
        const id = seedUuid('former-resident', model.code, n);
        const sex = rng.chance(0.55) ? 'female' : 'male';
        // The caseload's age shares (CBS: 10% under 27, 34% 27–44, 56% 45+), from 19 so that the benefit starts after 18.
        const age = rng.weighted([
          [rng.int(19, 26), 0.1],
          [rng.int(27, 44), 0.34],
          [rng.int(45, 66), 0.56],
        ]);
        const name = residentName(rng, faker, sex, age);
        const outflowOn = formatDay(parseDay(month) + rng.int(0, days - 1));
        const yearsOn = rng.weighted([
          [rng.int(0, 11), 0.3],
          [rng.int(12, 23), 0.2],
          [rng.int(24, 59), 0.3],
          [rng.int(60, 160), 0.2],
        ]);
        const birthYear = Number(outflowOn.slice(0, 4)) - age;
        const dateOfBirth = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
        // Not before the 18th birthday (bijstand starts at 18 at the earliest).
        const adult = parseDay(`${birthYear + 18}${dateOfBirth.slice(4)}`) + 1;
        const benefitStart = formatDay(Math.max(adult, parseDay(outflowOn) - Math.max(20, Math.round(yearsOn * 30.4))));
        let letters = String.fromCharCode(65 + rng.int(0, 19)) + String.fromCharCode(65 + rng.int(0, 23));
        if (letters === 'SA' || letters === 'SD' || letters === 'SS') letters = 'AB';
        rows.residents.push({
          id,
          bsn: bsn.next().bsn,
          given_names: name.givenNames,
          family_name_prefix: name.prefix,
          family_name: name.familyName,
          date_of_birth: dateOfBirth,
          street: streetName(rng),
          house_number: String(rng.int(1, 180)),
          postcode: `${rng.pick(area.pc4s)}${letters}`,
          area_id: area.id,
          household_type: rng.weighted(HOUSEHOLDS),
          education_level: rng.weighted(EDUCATION),
        });
        const coaches = coachesByArea.get(area.id) ?? [];
        const coach = coaches.length > 0 ? rng.pick(coaches) : null;
        // Returns to benefit: some left once before during the programme, came back within 12 months (that outflow is
        // undone and counted against, as the trigger on benefits marks it) and left again now. They have two benefits
        // and two closed cases. Their own random stream, so that everyone else's draws stay as they were.
        const back = parseDay(outflowOn) - parseDay(periodStart) >= RETURN_ELIGIBLE_DAYS && backRng.chance(RETURN_SHARE);
        const episodes: Array<{ start: string; end: string; returned: string | null }> = [];
        if (back) {
          const firstOut = formatDay(parseDay(outflowOn) - backRng.int(75, 110));
          const returnOn = formatDay(parseDay(firstOut) + backRng.int(30, 55));
          episodes.push({ start: benefitStart < firstOut ? benefitStart : formatDay(Math.max(adult, parseDay(firstOut) - 120)), end: firstOut, returned: returnOn });
          episodes.push({ start: returnOn, end: outflowOn, returned: null });
        } else {
          episodes.push({ start: benefitStart, end: outflowOn, returned: null });
        }
        const reason = rng.weighted(REASONS.map(([r, w]) => [r, w] as const));
        const benefitIds = episodes.map((_, e) => seedUuid('former-benefit', model.code, n, e));
        episodes.forEach((ep, e) => {
          const caseId = seedUuid('former-case', model.code, n, e);
          rows.benefits.push({ id: benefitIds[e]!, resident_id: id, start_date: ep.start, end_date: ep.end });
          // The last contact: the conversation about leaving, on the day itself.
          const r = ep.returned ? backRng : rng;
          const lastContact = `${ep.end}T${pad(8 + r.int(0, 8))}:${pad(r.int(0, 3) * 15)}:00Z`;
          rows.cases.push({ id: caseId, resident_id: id, opened_on: ep.start, closed_on: ep.end, contact_person_id: coach, last_contact_at: lastContact });
          if (coach) rows.contactMoments.push({ id: seedUuid('former-contact', model.code, n, e), resident_id: id, staff_user_id: coach, occurred_at: lastContact });
          if (coach) {
            rows.assignments.push({ id: seedUuid('former-assignment', model.code, n, e), case_id: caseId, resident_id: id, staff_user_id: coach, assigned_at: `${ep.start}T09:00:00Z`, ended_at: `${ep.end}T17:00:00Z` });
          }
          rows.outflows.push({
            id: seedUuid('former-outflow', model.code, n, e),
            resident_id: id,
            case_id: caseId,
            benefit_id: benefitIds[e]!,
            reason: ep.returned ? backRng.pick(['workPartTime', 'workFullTime', 'otherIncome']) : reason,
            outflow_on: ep.end,
            returned_on: ep.returned,
            return_benefit_id: ep.returned ? benefitIds[e + 1]! : null,
          });
        });
      }
    });
    // Expenditures: every line spends a share of its budget each month, a little more as the programme grows.
    for (const l of lines) {
      const amount = Math.round((l.budgetCents / 30) * (0.6 + 0.06 * i) / 100) * 100;
      rows.expenditures.push({ id: seedUuid('programme-spend', model.code, l.kind, month), lineId: l.id, spentOn: formatDay(Math.min(parseDay(month) + 14, parseDay(todayIso))), amountCents: amount, description: EXPENDITURE[l.kind]! });
    }
  });
  return rows;
}

const EXPENDITURE: Record<string, string> = {
  contact: 'Extra werkmatchers en casemanagement (maand)',
  jobs: 'Werkgeversservicepunt, jobcarving en begeleiding op de werkplek (maand)',
  discrimination: 'Akkoord tegen discriminatie: trainingen en anoniem solliciteren (maand)',
};
