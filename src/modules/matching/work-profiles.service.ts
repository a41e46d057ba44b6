import { locationOfPostcode } from '../../domain/geo.ts';
import { maskOf, normaliseWindows, slotOf, windowProblem, SLOTS_PER_DAY, type IsoWeekday, type TimeWindow } from '../../domain/schedule.ts';
import type { RequestContext } from '../../platform/context.ts';
import { etagOf, versionFromIfMatch } from '../../platform/http/etag.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import { findOccupation } from '../esco/esco.data.ts';
import { normaliseLabel } from './matcher.score.ts';
import { presentWorkProfile } from './matching.presenter.ts';
import type { WorkProfileBody } from './matching.schema.ts';
import { workProfilesStore, type WorkProfileWrite } from './work-profiles.store.ts';

// The resident's work profile (PA-013): read and replaced (PUT) by the area team within the need-to-know scope.
// If-Match is required once a profile exists (like the plans module). The availability is stored normalised and as
// a 336-bit mask; the approximate PC4 centre of the resident's postcode is stored for his own travel maximum only.

export const ETAG_KIND = 'work-profile';

export const noProfile = () =>
  new ProblemError(404, 'Nog geen werkprofiel', 'Deze inwoner heeft nog geen werkprofiel. Vul eerst het werkprofiel in.');

/** The field of a window that windowProblem objects to: day, from or to. */
function windowField(w: TimeWindow): 'day' | 'from' | 'to' {
  if (!Number.isInteger(w.day) || w.day < 1 || w.day > 7) return 'day';
  const from = slotOf(w.from);
  if (from === null || from >= SLOTS_PER_DAY) return 'from';
  return 'to';
}

/** Validates and normalises the body; throws 400 with one invalidParam per problem. */
export function validateWorkProfile(body: WorkProfileBody, postcode: string): WorkProfileWrite {
  const errors: InvalidParam[] = [];
  const desired: WorkProfileWrite['desiredOccupations'] = [];
  body.desiredOccupations.forEach((o, i) => {
    const found = findOccupation(o.escoCode.trim());
    if (!found) errors.push({ name: `desiredOccupations[${i}].escoCode`, code: 'unknown', reason: 'Onbekend beroep: kies een beroep uit de ESCO-lijst.' });
    else if (!desired.some((d) => d.escoCode === found.code)) desired.push({ escoCode: found.code, label: found.label, iscoGroup: found.iscoGroup });
  });
  const availability: TimeWindow[] = [];
  body.availability.forEach((w, i) => {
    const problem = windowProblem(w as TimeWindow);
    if (problem) errors.push({ name: `availability[${i}].${windowField(w as TimeWindow)}`, code: 'invalidWindow', reason: problem });
    else availability.push({ day: w.day as IsoWeekday, from: w.from, to: w.to });
  });
  if (body.availability.length === 0) {
    errors.push({ name: 'availability', code: 'required', reason: 'Geef aan op welke dagen en tijden de inwoner kan werken.' });
  }
  if (body.hoursMin > body.hoursMax) {
    errors.push({ name: 'hoursMin', code: 'range', reason: 'Het minimum aantal uren mag niet hoger zijn dan het maximum.' });
  }
  const skills: string[] = [];
  const seen = new Set<string>();
  for (const s of body.skills) {
    const key = normaliseLabel(s);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    skills.push(s.trim().replace(/\s+/g, ' '));
  }
  if (errors.length > 0) throw problems.invalid(errors);
  const normalised = normaliseWindows(availability);
  const location = locationOfPostcode(postcode);
  const text = (s: string | null | undefined) => (s && s.trim().length > 0 ? s.trim() : null);
  return {
    desiredOccupations: desired,
    skills,
    experience: body.experience.map((e) => ({ description: e.description.trim(), years: e.years })),
    education: text(body.education),
    hoursMin: body.hoursMin,
    hoursMax: body.hoursMax,
    availability: normalised,
    availabilityMask: maskOf(normalised),
    maxTravelKm: body.maxTravelKm ?? null,
    lat: location?.lat ?? null,
    lon: location?.lon ?? null,
    hasDrivingLicence: body.hasDrivingLicence,
    preferredContractTypes: [...new Set(body.preferredContractTypes)],
    preferredSectors: [...new Map(body.preferredSectors.map((s) => [normaliseLabel(s), s.trim()])).values()],
    preferencesNote: text(body.preferencesNote),
  };
}

export async function getWorkProfile(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = workProfilesStore(tx, ctx.principal);
    if (!(await store.residentInScope(residentId))) throw problems.notFound('Deze inwoner');
    const row = await store.get(residentId);
    if (!row) throw noProfile();
    log.subjects([residentId], { action: 'workProfiles.read' });
    return { profile: presentWorkProfile(row), etag: etagOf(ETAG_KIND, residentId, row.version) };
  });
}

/** Creates (no If-Match) or replaces (If-Match with the current ETag) the profile. */
export async function putWorkProfile(ctx: RequestContext, residentId: string, ifMatch: string | undefined, body: WorkProfileBody) {
  return ctx.transaction(async (tx, log) => {
    const store = workProfilesStore(tx, ctx.principal);
    const resident = await store.residentInScope(residentId);
    if (!resident) throw problems.notFound('Deze inwoner');
    const existing = await store.get(residentId, true);
    if (existing) {
      const expected = versionFromIfMatch(ifMatch, ETAG_KIND, residentId);
      if (expected !== existing.version) throw problems.stale();
    } else if (ifMatch) {
      throw problems.stale();
    }
    const write = validateWorkProfile(body, resident.postcode);
    const ok = existing ? await store.update(residentId, existing.version, write) : await store.insert(residentId, write);
    if (!ok) throw problems.stale();
    const row = (await store.get(residentId))!;
    log.subjects([residentId], { action: existing ? 'workProfiles.update' : 'workProfiles.create' });
    return { profile: presentWorkProfile(row), etag: etagOf(ETAG_KIND, residentId, row.version), created: !existing };
  });
}
