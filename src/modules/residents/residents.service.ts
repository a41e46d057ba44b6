import type { Principal } from '../../platform/access/principal.ts';
import { randomUUID } from 'node:crypto';
import { normaliseBsn } from '../../domain/bsn.ts';
import { benefitStartProblem, contactMomentProblem } from '../../domain/date-rules.ts';
import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import * as organisation from '../organisation/organisation.service.ts';
import { isEmptyScope } from './residents.policy.ts';
import { presentResident, presentSummary } from './residents.presenter.ts';
import type {
  consentCreateSchema,
  contactMomentCreateSchema,
  contactPersonChangeSchema,
  residentCreateSchema,
  residentListQuerySchema,
  residentUpdateSchema,
} from './residents.schema.ts';
import type { z } from 'zod';
import { residentsStore, type BulkResidentRow, type ResidentListFilter, type ResidentSort } from './residents.store.ts';
import { checkBenefitStart, checkBsn, checkDateOfBirth, checkDateRange, checkEmail, checkPhone, checkPostcode } from './residents.validation.ts';
import { wholeList } from '../../platform/http/list.ts';

/** The municipality's word for an area in messages: Utrecht "wijk", Arnhem "gebied" (municipalities.area_term). */
function areaWords(p: Principal): { one: string; other: string; that: string } {
  return p.terms?.area === 'gebied' ? { one: 'gebied', other: 'gebieden', that: 'dat gebied' } : { one: 'wijk', other: 'wijken', that: 'die wijk' };
}

const RESIDENT = 'Deze inwoner';

function searchOf(q: string | undefined, mayUseBsn: boolean): ResidentListFilter['q'] {
  if (!q) return undefined;
  const digits = normaliseBsn(q);
  if (mayUseBsn && /^[0-9]{9}$/.test(digits)) return { kind: 'bsn', bsn: digits };
  const cleaned = q.toLowerCase().replace(/\s+/g, ' ').trim();
  if (!cleaned) return undefined;
  return { kind: 'name', pattern: `%${cleaned.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
}

export async function listResidents(ctx: RequestContext, query: z.infer<typeof residentListQuerySchema>) {
  const descending = query.sort.startsWith('-');
  const sort = query.sort.replace('-', '') as ResidentSort;
  const cursor = decodeCursor(query.cursor, query.sort);
  const q = searchOf(query.q, ctx.can('residents:readBsn'));
  // Without a name search (a LIKE pattern, whose selectivity the plan should see) the list's plans do not depend on
  // the values: planned once per connection instead of on every request (ADR 0011).
  const genericPlans = q?.kind !== 'name';
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    if (isEmptyScope(store.scope)) return { ...wholeList([]), contactNormDays: ctx.principal.contactNormDays };
    const filter: ResidentListFilter = {
      q,
      areaId: query.areaId,
      status: query.status,
      noContactDays: query.noContactDays,
      contactPersonId: query.contactPerson === 'me' ? ctx.principal.userId : undefined,
      sort,
      descending,
      after: cursor ? { value: cursor.value, id: cursor.id } : undefined,
      limit: query.limit,
    };
    const rows = await store.list(filter);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const next = rows.length > query.limit && last ? encodeCursor({ sort: query.sort, value: last.sort_value, id: last.id }) : null;
    // The first page carries its total; a later page (or a list sorted by benefit) asks for it.
    const counted = rows[0]?.total;
    const total = counted != null ? Number(counted) : !filter.after && rows.length === 0 ? 0 : await store.count(filter);
    const action = filter.q ? 'residents.search' : 'residents.list';
    log.subjects(page.map((r) => r.id), { action });
    const now = new Date();
    return {
      items: page.map((r) => presentSummary(ctx.principal, r, now)),
      next,
      total,
      contactNormDays: ctx.principal.contactNormDays,
    };
  }, { genericPlans });
}

export async function getResident(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const row = await residentsStore(tx, ctx.principal).findById(id);
    if (!row) throw problems.notFound(RESIDENT);
    const resident = presentResident(ctx.principal, row);
    // Seen through the area team: the file (PA-001); through a consent: the shared parts only (PA-005).
    log.subjects([id], { action: 'residents.read', activity: resident.view === 'full' ? 'PA-001' : 'PA-005' });
    return { resident, etag: etagOf('resident', id, row.version) };
  });
}

export async function revealBsn(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const row = await residentsStore(tx, ctx.principal).findById(id);
    if (!row || !presentResident(ctx.principal, row).permissions.readBsn) throw problems.notFound(RESIDENT);
    log.subjects([id], { action: 'residents.bsn.reveal' });
    return { bsn: row.bsn };
  });
}

function isBsnTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && (e.constraint ?? '').includes('bsn');
}

const bsnTaken = (): InvalidParam => ({
  name: 'bsn',
  code: 'duplicate',
  reason: 'Er staat al een inwoner met dit BSN in Samenplan. Zoek de inwoner op in plaats van hem opnieuw in te voeren.',
});

export async function createResident(ctx: RequestContext, body: z.infer<typeof residentCreateSchema>) {
  const errors: InvalidParam[] = [];
  const bsn = checkBsn(body.bsn, errors);
  const postcode = checkPostcode(body.postcode, errors);
  const dateOfBirth = checkDateOfBirth(body.dateOfBirth, errors);
  const email = checkEmail(body.email, errors);
  const phone = checkPhone(body.phone, errors);
  if (body.benefitStartDate) checkBenefitStart(body.benefitStartDate, dateOfBirth, errors);
  const id = randomUUID();
  try {
    return await ctx.transaction(async (tx, log) => {
      const store = residentsStore(tx, ctx.principal);
      const area = errors.some((e) => e.name === 'postcode') ? null : await organisation.areaForPostcode(tx, postcode);
      if (!area && !errors.some((e) => e.name === 'postcode')) {
        errors.push({ name: 'postcode', code: 'area', reason: `Deze postcode hoort niet bij een ${areaWords(ctx.principal).one} van uw gemeente. Controleer de postcode.` });
      } else if (area && !store.scope.areaIds.includes(area.id)) {
        errors.push({
          name: 'postcode',
          code: 'scope',
          reason: `Dit adres valt in ${areaWords(ctx.principal).one} ${area.name}, buiten de ${areaWords(ctx.principal).other} van uw team. Vraag het team van ${areaWords(ctx.principal).that} de inwoner in te voeren.`,
        });
      }
      const contactPersonId = body.contactPersonId === undefined ? (ctx.principal.roles.includes('jobCoach') ? ctx.principal.userId : null) : body.contactPersonId;
      if (contactPersonId) await checkJobCoach(tx, contactPersonId, 'contactPersonId', errors);
      if (errors.length > 0) throw problems.invalid(errors);
      await store.insertResident({
        id,
        bsn,
        given_names: body.givenNames,
        family_name_prefix: body.familyNamePrefix || null,
        family_name: body.familyName,
        date_of_birth: dateOfBirth!,
        street: body.street,
        house_number: body.houseNumber,
        postcode,
        city: body.city,
        area_id: area!.id,
        household_type: body.householdType,
        education_level: body.educationLevel,
        phone,
        email,
      });
      const caseId = randomUUID();
      const openedOn = body.benefitStartDate ?? todayInNl();
      if (body.benefitStartDate) await store.insertBenefit(randomUUID(), id, body.benefitStartDate);
      await store.insertCase({ id: caseId, residentId: id, openedOn, contactPersonId: null });
      if (contactPersonId) await store.setContactPerson(caseId, id, contactPersonId, null, randomUUID());
      log.subjects([id], { action: 'residents.create' });
      const row = await store.findById(id);
      return { resident: presentResident(ctx.principal, row!), etag: etagOf('resident', id, row!.version) };
    });
  } catch (err) {
    if (isBsnTaken(err)) throw problems.invalid([bsnTaken()]);
    throw err;
  }
}

async function checkJobCoach(tx: Tx, staffId: string, field: string, errors: InvalidParam[]) {
  const staff = await organisation.staffMember(tx, staffId);
  if (!staff || !staff.active || !staff.roles.includes('jobCoach')) {
    errors.push({ name: field, code: 'notJobCoach', reason: 'Kies een werkmatcher van uw gemeente als vast aanspreekpunt.' });
  }
  return staff;
}

export async function updateResident(ctx: RequestContext, id: string, ifMatch: string | undefined, body: z.infer<typeof residentUpdateSchema>) {
  const expectedVersion = versionFromIfMatch(ifMatch, 'resident', id);
  const errors: InvalidParam[] = [];
  const patch: Record<string, string | null> = {};
  if (body.givenNames !== undefined) patch.given_names = body.givenNames;
  if (body.familyNamePrefix !== undefined) patch.family_name_prefix = body.familyNamePrefix || null;
  if (body.familyName !== undefined) patch.family_name = body.familyName;
  const newBirth = body.dateOfBirth !== undefined ? checkDateOfBirth(body.dateOfBirth, errors) : undefined;
  if (newBirth) patch.date_of_birth = newBirth;
  if (body.street !== undefined) patch.street = body.street;
  if (body.houseNumber !== undefined) patch.house_number = body.houseNumber;
  if (body.city !== undefined) patch.city = body.city;
  if (body.householdType !== undefined) patch.household_type = body.householdType;
  if (body.educationLevel !== undefined) patch.education_level = body.educationLevel;
  if (body.phone !== undefined) patch.phone = checkPhone(body.phone, errors);
  if (body.email !== undefined) patch.email = checkEmail(body.email, errors);
  const postcode = body.postcode !== undefined ? checkPostcode(body.postcode, errors) : undefined;
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const current = await store.findById(id);
    if (!current || !presentResident(ctx.principal, current).permissions.update) throw problems.notFound(RESIDENT);
    // The benefit start against the date of birth as it will be (the new one, else the one on file).
    const birth = newBirth ?? (body.dateOfBirth === undefined ? current.date_of_birth : null);
    if (body.benefitStartDate) checkBenefitStart(body.benefitStartDate, birth, errors);
    else if (newBirth && current.benefit_start && current.benefit_end === null) {
      const problem = benefitStartProblem(current.benefit_start, newBirth, '9999-12-31');
      if (problem) errors.push({ name: 'dateOfBirth', code: 'benefitStart', reason: `Met deze geboortedatum klopt de startdatum van de uitkering niet: ${problem.reason}` });
    }
    if (postcode !== undefined && !errors.some((e) => e.name === 'postcode')) {
      const area = await organisation.areaForPostcode(tx, postcode);
      if (!area) {
        errors.push({ name: 'postcode', code: 'area', reason: `Deze postcode hoort niet bij een ${areaWords(ctx.principal).one} van uw gemeente. Controleer de postcode.` });
      } else if (area.id !== current.area_id && !store.scope.areaIds.includes(area.id)) {
        // A move to a wijk outside the caller's teams would take the resident out of his scope, and PostgreSQL's
        // need-to-know policy refuses that new row (it failed as a 500): refuse it here, saying why.
        errors.push({
          name: 'postcode',
          code: 'scope',
          reason: `Dit adres valt in ${areaWords(ctx.principal).one} ${area.name}, buiten de ${areaWords(ctx.principal).other} van uw team: deze verhuizing kunt u niet vastleggen. Overleg met het team van ${areaWords(ctx.principal).that}.`,
        });
      } else {
        patch.postcode = postcode;
        patch.area_id = area.id;
      }
    }
    if (errors.length > 0) throw problems.invalid(errors);
    if (current.version !== expectedVersion) throw problems.stale();
    const ok = await store.updateResident(id, expectedVersion, patch);
    if (!ok) throw problems.stale();
    if (body.benefitStartDate) {
      const n = await store.updateCurrentBenefitStart(id, body.benefitStartDate);
      if (n === 0) await store.insertBenefit(randomUUID(), id, body.benefitStartDate);
    }
    log.subjects([id], { action: 'residents.update' });
    // After a move out of the caller's areas the resident may no longer be in scope: answer with what is known.
    const row = (await store.findById(id)) ?? { ...current, version: current.version + 1 };
    return { resident: presentResident(ctx.principal, row), etag: etagOf('resident', id, row.version) };
  });
}

function presentAssignment(h: {
  id: string;
  staff_user_id: string;
  staff_name: string;
  assigned_at: Date;
  ended_at: Date | null;
  handover_note: string | null;
  assigned_by: string | null;
  assigned_by_name: string | null;
}) {
  return {
    id: h.id,
    staffUser: { id: h.staff_user_id, displayName: h.staff_name },
    assignedAt: h.assigned_at.toISOString(),
    endedAt: h.ended_at ? h.ended_at.toISOString() : null,
    handoverNote: h.handover_note,
    assignedBy: h.assigned_by ? { id: h.assigned_by, displayName: h.assigned_by_name ?? '' } : null,
  };
}

/** Loads the resident in scope with the full view, or answers 404. */
async function requireFull(store: ReturnType<typeof residentsStore>, ctx: RequestContext, id: string) {
  const row = await store.findById(id);
  if (!row) throw problems.notFound(RESIDENT);
  const presented = presentResident(ctx.principal, row);
  return { row, presented };
}

export async function contactPersonHistory(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (presented.view !== 'full') throw problems.notFound(RESIDENT);
    const items = (await store.contactPersonHistory(id)).map(presentAssignment);
    log.subjects([id], { action: 'residents.contactPerson.history' });
    return wholeList(items);
  });
}

export async function changeContactPerson(ctx: RequestContext, id: string, body: z.infer<typeof contactPersonChangeSchema>) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (!presented.permissions.assignContactPerson) throw problems.notFound(RESIDENT);
    const errors: InvalidParam[] = [];
    await checkJobCoach(tx, body.staffUserId, 'staffUserId', errors);
    const current = await store.lockActiveCase(id);
    if (!current) {
      errors.push({ name: 'staffUserId', code: 'noCase', reason: 'Deze inwoner heeft geen lopend traject. Open eerst een traject.' });
    } else if (current.contact_person_id === body.staffUserId) {
      errors.push({ name: 'staffUserId', code: 'same', reason: 'Deze werkmatcher is al het vaste aanspreekpunt.' });
    } else if (current.contact_person_id && (!body.handoverNote || body.handoverNote.length < 10)) {
      errors.push({
        name: 'handoverNote',
        code: 'required',
        reason: 'Schrijf een overdrachtsnotitie van minstens 10 tekens: wat moet de nieuwe werkmatcher weten?',
      });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    await store.setContactPerson(current!.id, id, body.staffUserId, body.handoverNote || null, randomUUID());
    log.subjects([id], { action: 'residents.contactPerson.change' });
    return wholeList((await store.contactPersonHistory(id)).map(presentAssignment));
  });
}

function presentConsent(k: {
  id: string;
  partner_organisation_id: string;
  partner_name: string;
  purpose: string;
  valid_from: string;
  valid_to: string | null;
  withdrawn_at: Date | null;
  recorded_at: Date;
  recorded_by: string | null;
  recorded_by_name: string | null;
  active: boolean;
}) {
  return {
    id: k.id,
    partnerOrganisation: { id: k.partner_organisation_id, name: k.partner_name },
    purpose: k.purpose,
    validFrom: k.valid_from,
    validTo: k.valid_to,
    withdrawnAt: k.withdrawn_at ? k.withdrawn_at.toISOString() : null,
    active: k.active,
    recordedAt: k.recorded_at.toISOString(),
    recordedBy: k.recorded_by ? { id: k.recorded_by, displayName: k.recorded_by_name ?? '' } : null,
  };
}

export async function listConsents(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    // A buurtteam professional sees only his own organisation's consents.
    const only = presented.view === 'shared' ? (ctx.principal.partnerOrganisationId ?? undefined) : undefined;
    const items = (await store.consents(id, only)).map(presentConsent);
    log.subjects([id], { action: 'residents.consents.list' });
    return wholeList(items);
  });
}

export async function grantConsent(ctx: RequestContext, id: string, body: z.infer<typeof consentCreateSchema>) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (!presented.permissions.manageConsents) throw problems.notFound(RESIDENT);
    const errors: InvalidParam[] = [];
    const org = await organisation.partnerOrganisation(tx, body.partnerOrganisationId);
    if (!org) errors.push({ name: 'partnerOrganisationId', code: 'unknown', reason: 'Kies een buurtteam of partnerorganisatie uit de lijst.' });
    checkDateRange(body.validFrom, body.validTo, 'validTo', errors);
    if (errors.length > 0) throw problems.invalid(errors);
    const consentId = randomUUID();
    await store.insertConsent({
      id: consentId,
      residentId: id,
      partnerOrganisationId: body.partnerOrganisationId,
      purpose: body.purpose,
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
    });
    log.subjects([id], { action: 'residents.consents.grant' });
    const k = (await store.consents(id)).find((c) => c.id === consentId)!;
    return presentConsent(k);
  });
}

export async function withdrawConsent(ctx: RequestContext, id: string, consentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (!presented.permissions.manageConsents) throw problems.notFound(RESIDENT);
    if (!(await store.consentExists(id, consentId))) throw problems.notFound('Deze toestemming');
    await store.withdrawConsent(id, consentId);
    log.subjects([id], { action: 'residents.consents.withdraw' });
    return presentConsent((await store.consents(id)).find((c) => c.id === consentId)!);
  });
}

function presentContactMoment(c: { id: string; occurred_at: Date; channel: string; summary: string | null; staff_user_id: string; staff_name: string }) {
  return {
    id: c.id,
    occurredAt: c.occurred_at.toISOString(),
    channel: c.channel as 'inPerson',
    summary: c.summary,
    staffUser: { id: c.staff_user_id, displayName: c.staff_name },
  };
}

export async function listContactMoments(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (presented.view !== 'full') throw problems.notFound(RESIDENT);
    const items = (await store.contactMoments(id, 100)).map(presentContactMoment);
    log.subjects([id], { action: 'residents.contactMoments.list' });
    return wholeList(items);
  });
}

export async function recordContactMoment(ctx: RequestContext, id: string, body: z.infer<typeof contactMomentCreateSchema>) {
  const occurredAt = new Date(body.occurredAt);
  const problem = contactMomentProblem(occurredAt, new Date());
  if (problem) throw problems.invalid([{ name: 'occurredAt', ...problem }]);
  return ctx.transaction(async (tx, log) => {
    const store = residentsStore(tx, ctx.principal);
    const { presented } = await requireFull(store, ctx, id);
    if (!presented.permissions.recordContact) throw problems.notFound(RESIDENT);
    const momentId = randomUUID();
    await store.insertContactMoment({ id: momentId, residentId: id, occurredAt, channel: body.channel, summary: body.summary ?? null });
    log.subjects([id], { action: 'residents.contactMoments.create' });
    return presentContactMoment((await store.contactMoments(id, 100)).find((c) => c.id === momentId)!);
  });
}


/**
 * The bulk import's write (src/modules/imports), inside the import's transaction: upserts by BSN, returns which
 * residents were created and which changed (equal rows are neither). The caller logs them (PA-037).
 */
export async function importResidents(tx: Tx, principal: Principal, rows: readonly BulkResidentRow[]) {
  return residentsStore(tx, principal).bulkUpsert(rows);
}

/** The id of the resident with this BSN in the caller's scope, or null (used by the BRP lookup, in its transaction). */
export async function residentIdByBsn(tx: Tx, principal: Principal, bsn: string): Promise<string | null> {
  return (await residentsStore(tx, principal).idByBsn(bsn)) ?? null;
}

// Issue 12 (outflow module): the resident's benefit and case for an outflow, inside the caller's transaction. The
// outflow service validates and logs; these only read and write the residents module's own tables.

/** The open benefit and active case of a resident in the caller's scope (locked), or null when out of scope. */
export async function openBenefitAndCase(tx: Tx, ctx: RequestContext, residentId: string) {
  const row = await residentsStore(tx, ctx.principal).openBenefitAndCase(residentId);
  if (!row) return null;
  return { benefitId: row.benefit_id, benefitStart: row.benefit_start, caseId: row.case_id, dateOfBirth: row.date_of_birth };
}

/** Ends the benefit and closes the case on the outflow day (same transaction as the outflow). */
export async function endBenefitAndCloseCase(tx: Tx, ctx: RequestContext, benefitId: string, caseId: string, on: string) {
  await residentsStore(tx, ctx.principal).endBenefitAndCloseCase(benefitId, caseId, on);
}

/** A return to benefit: a new benefit and a new active case from `startDate` (the database links it to the outflow it undoes). */
export async function restartBenefit(tx: Tx, ctx: RequestContext, residentId: string, startDate: string) {
  const store = residentsStore(tx, ctx.principal);
  await store.insertBenefit(randomUUID(), residentId, startDate);
  await store.insertCase({ id: randomUUID(), residentId, openedOn: startDate, contactPersonId: null });
}

/** The end of the resident's latest benefit (null: none ended). */
export async function latestBenefitEnd(tx: Tx, ctx: RequestContext, residentId: string) {
  return residentsStore(tx, ctx.principal).latestBenefitEnd(residentId);
}
