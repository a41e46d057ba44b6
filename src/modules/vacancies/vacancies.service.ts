import { randomUUID } from 'node:crypto';
import { closingDateProblem, isoDateProblem } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import { locationOfPostcode } from '../../domain/geo.ts';
import { normalisePostcode } from '../../domain/postcode.ts';
import { MASK_BITS, maskOf, normaliseWindows, schoolHours, type TimeWindow } from '../../domain/schedule.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { invalidInput } from '../employers/employers.service.ts';
import { findOccupation, type OccupationRef } from '../esco/esco.data.ts';
import { presentVacancy, presentVacancySummary } from './vacancies.presenter.ts';
import type { VacancyCreate, VacancyListQuery, VacancyUpdate } from './vacancies.schema.ts';
import { vacanciesStore, type VacancyRow, type VacancyValues } from './vacancies.store.ts';
import { postcodeProblem, windowProblems } from './vacancies.validation.ts';
import { pageOf } from '../../platform/http/list.ts';

// Vacancies of employers. No personal data: nothing to log. The occupation label and ISCO group come from ESCO by
// escoCode; the schedule is stored normalised with its 336-bit mask; lat/lon is the approximate PC4 centre.

export const VACANCY = 'Deze vacature';
const KIND = 'vacancy';
const ZERO_MASK = '0'.repeat(MASK_BITS);
const SCHOOL_MASK = maskOf(schoolHours());

export const vacancyEtag = (id: string, version: number) => etagOf(KIND, id, version);

export async function listVacancies(ctx: RequestContext, query: VacancyListQuery) {
  const sortKey = 'newest';
  const cursor = decodeCursor(query.cursor, sortKey);
  return ctx.transaction(async (tx) => {
    const store = vacanciesStore(tx, ctx.principal);
    const filter = {
      status: query.status,
      employerId: query.employerId,
      q: query.q || undefined,
      schoolHours: query.schoolHours === 'true' ? { mask: SCHOOL_MASK, zero: ZERO_MASK } : undefined,
    };
    const rows = await store.list({ ...filter, after: cursor ? { value: cursor.value ?? '', id: cursor.id } : undefined, limit: query.limit });
    return pageOf(rows, query.limit, await store.count(filter), (r) => ({ sort: sortKey, value: r.sort_value }), presentVacancySummary);
  });
}

async function load(tx: Tx, ctx: RequestContext, id: string) {
  const v = await vacanciesStore(tx, ctx.principal).findById(id);
  if (!v) throw problems.notFound(VACANCY);
  return { vacancy: presentVacancy(v), etag: vacancyEtag(id, v.version) };
}

export async function getVacancy(ctx: RequestContext, id: string) {
  return ctx.transaction((tx) => load(tx, ctx, id));
}

type Input = Omit<VacancyCreate, 'status' | 'locationId' | 'description' | 'jobCarvingNotes' | 'closingDate'> & { status: string; locationId?: string | null; description?: string | null; jobCarvingNotes?: string | null; closingDate?: string | null };

/** Checks the input against ESCO, the postcode and the windows, and against the employer's locations. */
async function valuesOf(tx: Tx, ctx: RequestContext, input: Input, keepOccupation?: OccupationRef, keepClosingDate?: string | null): Promise<VacancyValues> {
  const errors: InvalidParam[] = [];
  // A new or changed closing date: today or later, within two years (shared rule); an unchanged one may have passed.
  if (input.closingDate != null && input.closingDate !== keepClosingDate) {
    const problem = isoDateProblem(input.closingDate) ?? closingDateProblem(input.closingDate, todayInNl());
    if (problem) errors.push({ name: 'closingDate', ...problem });
  }
  // An unchanged escoCode keeps its stored label (an ESCO release may rename or drop it).
  const occupation = keepOccupation ?? findOccupation(input.escoCode);
  if (!occupation) errors.push({ name: 'escoCode', code: 'unknownEscoCode', reason: 'Dit beroep staat niet in ESCO. Kies een beroep uit de zoeklijst.' });
  const pc = postcodeProblem(input.postcode);
  if (pc) errors.push(pc);
  errors.push(...windowProblems('schedule', input.schedule as TimeWindow[]));
  const store = vacanciesStore(tx, ctx.principal);
  if (!(await store.employerExists(input.employerId))) {
    errors.push({ name: 'employerId', code: 'unknown', reason: 'Deze werkgever bestaat niet, of u heeft er geen toegang toe.' });
  } else if (input.locationId && !(await store.locationOf(input.employerId, input.locationId))) {
    errors.push({ name: 'locationId', code: 'unknown', reason: 'Deze vestiging hoort niet bij de werkgever.' });
  }
  if (errors.length > 0 || !occupation) throw invalidInput(errors);
  const postcode = normalisePostcode(input.postcode)!;
  const where = locationOfPostcode(postcode);
  const schedule = normaliseWindows(input.schedule as TimeWindow[]);
  return {
    employerId: input.employerId,
    locationId: input.locationId ?? null,
    title: input.title,
    description: input.description || null,
    escoCode: occupation.code,
    occupationLabel: occupation.label,
    iscoGroup: occupation.iscoGroup,
    requiredSkills: input.requiredSkills,
    niceToHaveSkills: input.niceToHaveSkills,
    hoursPerWeek: input.hoursPerWeek,
    schedule,
    scheduleMask: maskOf(schedule),
    postcode,
    lat: where?.lat ?? null,
    lon: where?.lon ?? null,
    contractType: input.contractType,
    instruments: [...new Set(input.instruments)],
    drivingLicenceRequired: input.drivingLicenceRequired,
    jobCarvingNotes: input.jobCarvingNotes || null,
    status: input.status,
    closingDate: input.closingDate ?? null,
  };
}

export async function createVacancy(ctx: RequestContext, body: VacancyCreate) {
  return ctx.transaction(async (tx) => {
    const values = await valuesOf(tx, ctx, body);
    const id = randomUUID();
    await vacanciesStore(tx, ctx.principal).insert(id, values);
    return load(tx, ctx, id);
  });
}

function inputOf(current: VacancyRow, body: VacancyUpdate): Input {
  const or = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    employerId: current.employer_id,
    locationId: or(body.locationId, current.location_id),
    title: or(body.title, current.title),
    description: or(body.description, current.description),
    escoCode: or(body.escoCode, current.esco_code),
    requiredSkills: or(body.requiredSkills, current.required_skills),
    niceToHaveSkills: or(body.niceToHaveSkills, current.nice_to_have_skills),
    hoursPerWeek: or(body.hoursPerWeek, Number(current.hours_per_week)),
    schedule: or(body.schedule, current.schedule as VacancyCreate['schedule']),
    postcode: or(body.postcode, current.postcode),
    contractType: or(body.contractType, current.contract_type),
    instruments: or(body.instruments, current.instruments as VacancyCreate['instruments']),
    drivingLicenceRequired: or(body.drivingLicenceRequired, current.driving_licence_required),
    jobCarvingNotes: or(body.jobCarvingNotes, current.job_carving_notes),
    status: or(body.status, current.status),
    closingDate: or(body.closingDate, current.closing_date),
  };
}

export async function updateVacancy(ctx: RequestContext, id: string, ifMatch: string | undefined, body: VacancyUpdate) {
  return ctx.transaction(async (tx) => {
    const store = vacanciesStore(tx, ctx.principal);
    const current = await store.findById(id, true);
    if (!current) throw problems.notFound(VACANCY);
    const expected = versionFromIfMatch(ifMatch, KIND, id);
    if (expected !== current.version) throw problems.stale();
    const keep = body.escoCode === undefined || body.escoCode === current.esco_code
      ? { code: current.esco_code, label: current.occupation_label, iscoGroup: current.isco_group }
      : undefined;
    const values = await valuesOf(tx, ctx, inputOf(current, body), keep, current.closing_date);
    if (!(await store.update(id, expected, values))) throw problems.stale();
    return load(tx, ctx, id);
  });
}

/** For the placements module: the vacancy → filled in the caller's transaction. */
export async function markVacancyFilled(tx: Tx, ctx: RequestContext, id: string) {
  return vacanciesStore(tx, ctx.principal).markFilled(id);
}
