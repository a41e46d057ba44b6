import { randomUUID } from 'node:crypto';
import { endBeforeStartProblem } from '../../domain/date-rules.ts';
import { locationOfPostcode } from '../../domain/geo.ts';
import { normalisePostcode } from '../../domain/postcode.ts';
import type { RequestContext } from '../../platform/context.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import type { ProcessingLogger } from '../../platform/processing-log/processing-log.ts';
import { presentAgreement, presentAgreementSummary, presentContact, presentEmployer, presentLocation } from './employers.presenter.ts';
import type { AgreementCreate, ContactCreate, EmployerCreate, EmployerUpdate, LocationCreate } from './employers.schema.ts';
import { employersStore } from './employers.store.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { pageOf } from '../../platform/http/list.ts';

// Employer services (werkgeversdienstverlening). Employers are organisations, not residents: reading or changing an
// employer is not logged; reading or writing its business contacts (personal data) is logged under PA-017 with the
// contacts themselves as data subjects.

export const EMPLOYER = 'Deze werkgever';
const KIND = 'employer';
export const employerEtag = (id: string, version: number) => etagOf(KIND, id, version);

/** Field problems of this module: 400 with invalidParams (as the contract states for the vacancy's escoCode). */
export function invalidInput(invalidParams: InvalidParam[]): ProblemError {
  return new ProblemError(400, 'Controleer de invoer', 'Een of meer velden zijn niet goed ingevuld.', invalidParams);
}

async function loadEmployer(tx: Tx, ctx: RequestContext, log: ProcessingLogger, id: string) {
  const store = employersStore(tx, ctx.principal);
  const e = await store.findById(id);
  if (!e) throw problems.notFound(EMPLOYER);
  const withContacts = ctx.can('employers:write');
  const [locations, contacts, agreements, vacancies] = await Promise.all([
    store.locations([id]),
    withContacts ? store.contacts(id) : Promise.resolve([]),
    store.agreements([id]),
    store.vacancies(id),
  ]);
  if (contacts.length > 0) log.subjects(contacts.map((c) => c.id), { action: 'employers.contacts.read' });
  return { employer: presentEmployer(e, { locations, contacts, agreements, vacancies }), etag: employerEtag(id, e.version) };
}

export async function listEmployers(ctx: RequestContext, query: { q?: string; cursor?: string; limit: number }) {
  const sortKey = 'name';
  const cursor = decodeCursor(query.cursor, sortKey);
  return ctx.transaction(async (tx) => {
    const store = employersStore(tx, ctx.principal);
    const q = query.q || undefined;
    const rows = await store.list({ q, after: cursor ? { value: cursor.value ?? '', id: cursor.id } : undefined, limit: query.limit });
    const shown = rows.slice(0, query.limit);
    const agreements = shown.length > 0 ? await store.agreements(shown.map((r) => r.id)) : [];
    return pageOf(rows, query.limit, await store.count({ q }), (r) => ({ sort: sortKey, value: r.sort_value }), (r) => ({
      id: r.id,
      name: r.name,
      sector: r.sector,
      openVacancies: Number(r.open_vacancies),
      agreements: agreements.filter((a) => a.employer_id === r.id).map(presentAgreementSummary),
    }));
  });
}

export async function getEmployer(ctx: RequestContext, id: string) {
  return ctx.transaction((tx, log) => loadEmployer(tx, ctx, log, id));
}

export async function createEmployer(ctx: RequestContext, body: EmployerCreate) {
  return ctx.transaction(async (tx, log) => {
    const id = randomUUID();
    await employersStore(tx, ctx.principal).insert({
      id,
      name: body.name,
      sector: body.sector,
      kvkNumber: body.kvkNumber ?? null,
      website: body.website || null,
      notes: body.notes || null,
    });
    return loadEmployer(tx, ctx, log, id);
  });
}

export async function updateEmployer(ctx: RequestContext, id: string, ifMatch: string | undefined, body: EmployerUpdate) {
  return ctx.transaction(async (tx, log) => {
    const store = employersStore(tx, ctx.principal);
    const current = await store.findById(id, true);
    if (!current) throw problems.notFound(EMPLOYER);
    const expected = versionFromIfMatch(ifMatch, KIND, id);
    if (expected !== current.version) throw problems.stale();
    const pick = <K extends keyof EmployerUpdate>(k: K, fallback: string | null) => (body[k] === undefined ? fallback : (body[k] as string | null) || null);
    const ok = await store.update(id, expected, {
      name: body.name ?? current.name,
      sector: body.sector ?? current.sector,
      kvkNumber: pick('kvkNumber', current.kvk_number),
      website: pick('website', current.website),
      notes: pick('notes', current.notes),
    });
    if (!ok) throw problems.stale();
    return loadEmployer(tx, ctx, log, id);
  });
}

export async function addLocation(ctx: RequestContext, employerId: string, body: LocationCreate) {
  const postcode = normalisePostcode(body.postcode);
  if (!postcode) throw invalidInput([{ name: 'postcode', code: 'postcode', reason: 'Vul een geldige postcode in, bijvoorbeeld 3511 AB.' }]);
  return ctx.transaction(async (tx) => {
    const store = employersStore(tx, ctx.principal);
    if (!(await store.findById(employerId))) throw problems.notFound(EMPLOYER);
    const id = randomUUID();
    const where = locationOfPostcode(postcode);
    const row = { id, employerId, name: body.name, street: body.street || null, houseNumber: body.houseNumber || null, postcode, city: body.city };
    await store.insertLocation({ ...row, lat: where?.lat ?? null, lon: where?.lon ?? null });
    return presentLocation({ ...row, employer_id: employerId, house_number: row.houseNumber });
  });
}

export async function addContact(ctx: RequestContext, employerId: string, body: ContactCreate) {
  return ctx.transaction(async (tx, log) => {
    const store = employersStore(tx, ctx.principal);
    if (!(await store.findById(employerId))) throw problems.notFound(EMPLOYER);
    const row = { id: randomUUID(), employerId, name: body.name, jobTitle: body.jobTitle || null, email: body.email || null, phone: body.phone || null };
    await store.insertContact(row);
    log.subjects([row.id], { action: 'employers.contacts.create' });
    return presentContact({ id: row.id, name: row.name, job_title: row.jobTitle, email: row.email, phone: row.phone });
  });
}

export async function addAgreement(ctx: RequestContext, employerId: string, body: AgreementCreate) {
  const errors: InvalidParam[] = [];
  if (body.kind === 'intention' && body.pledgedPlacements === undefined) {
    errors.push({ name: 'pledgedPlacements', code: 'required', reason: 'Vul bij een intentieverklaring in hoeveel plaatsingen de werkgever toezegt.' });
  }
  // The shared rule (src/domain/date-rules.ts), the form checks the same.
  if (endBeforeStartProblem(body.periodStart, body.periodEnd)) {
    errors.push({ name: 'periodEnd', code: 'beforeStart', reason: endBeforeStartProblem(body.periodStart, body.periodEnd)!.reason });
  }
  if (errors.length > 0) throw invalidInput(errors);
  return ctx.transaction(async (tx) => {
    const store = employersStore(tx, ctx.principal);
    if (!(await store.findById(employerId))) throw problems.notFound(EMPLOYER);
    const id = randomUUID();
    await store.insertAgreement({
      id,
      employerId,
      kind: body.kind,
      title: body.title,
      targetGroup: body.targetGroup || null,
      pledgedPlacements: body.pledgedPlacements ?? null,
      periodStart: body.periodStart,
      periodEnd: body.periodEnd,
      signedOn: body.signedOn ?? null,
      notes: body.notes || null,
    });
    return presentAgreement((await store.agreement(employerId, id))!);
  });
}
