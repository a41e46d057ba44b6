import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationOfPostcode } from '../../src/domain/geo.ts';
import { maskOf, type IsoWeekday, type TimeWindow } from '../../src/domain/schedule.ts';
import { MATCHER_VERSION } from '../../src/modules/matching/matcher.features.ts';
import { compareScored, scoreMatch } from '../../src/modules/matching/matcher.score.ts';
import { candidateMatches } from '../../src/modules/matching/matching.service.ts';
import type { Principal } from '../../src/platform/access/principal.ts';
import { createRequestContext } from '../../src/platform/context.ts';
import { noResidents, tenantTransaction } from '../../src/platform/db/transaction.ts';
import { createDb, createPool } from '../../src/platform/db/database.ts';
import { traceFromHeader } from '../../src/platform/processing-log/trace.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Matching over real HTTP: the single parent available 09:00–14:30 on weekdays gets the school-hours vacancy and
// not the 09:00–17:00 one; explanations in Dutch with points; deterministic order (score, then id); exposures stored
// with the matcher version; candidates only from the caller's scope; proposals with their status rules and the
// one-open-proposal rule under a race; 404 for everyone outside the area team.

let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (p: keyof typeof ROLE_USERS) => clients.get(p)!;
type VacancyKey = 'skills' | 'school' | 'fullDay' | 'tieA' | 'tieB' | 'sales' | 'far' | 'licence' | 'draft' | 'tooMany' | 'arnhem';
const V = {} as Record<VacancyKey, string>;
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const weekdays = (from: string, to: string, days: IsoWeekday[] = [1, 2, 3, 4, 5]): TimeWindow[] => days.map((day) => ({ day, from, to }));

/** Ids in a chosen order, so that the tie-break by id is checked against a known answer. */
const idWithPrefix = (p: string) => `${p}${randomUUID().slice(p.length)}`;

async function insertVacancy(m: string, employerId: string, createdBy: string, key: VacancyKey, v: {
  id?: string; title: string; escoCode: string; label: string; isco: string; hours: number; schedule: TimeWindow[]; postcode: string;
  required?: string[]; nice?: string[]; contract?: string; licence?: boolean; status?: string;
}) {
  const id = v.id ?? randomUUID();
  V[key] = id;
  const loc = locationOfPostcode(v.postcode);
  await sql`INSERT INTO vacancies (municipality_id, id, employer_id, title, esco_code, occupation_label, isco_group, required_skills,
      nice_to_have_skills, hours_per_week, schedule, schedule_mask, postcode, lat, lon, contract_type, driving_licence_required, status, created_by)
    VALUES (${m}, ${id}, ${employerId}, ${v.title}, ${v.escoCode}, ${v.label}, ${v.isco}, ${v.required ?? []}::text[], ${v.nice ?? []}::text[],
      ${v.hours}, ${JSON.stringify(v.schedule)}::jsonb, ${maskOf(v.schedule)}::bit(336), ${v.postcode}, ${loc?.lat ?? null}, ${loc?.lon ?? null},
      ${v.contract ?? 'permanent'}, ${v.licence ?? false}, ${v.status ?? 'open'}, ${createdBy})`.execute(server.ownerDb);
}

const profile = (over: Record<string, unknown> = {}) => ({
  desiredOccupations: [{ escoCode: '5230.1' }],
  skills: ['Kassa', 'Klantvriendelijk'],
  experience: [],
  hoursMin: 16,
  hoursMax: 24,
  availability: weekdays('09:00', '14:30'),
  maxTravelKm: 15,
  hasDrivingLicence: false,
  preferredContractTypes: ['permanent'],
  preferredSectors: [],
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const [p, u] of Object.entries(ROLE_USERS)) clients.set(p, await loginAs(server.baseUrl, u));
  const u = world.utrecht;
  const advisor = world.users['wga']!;
  const employer = randomUUID();
  await sql`INSERT INTO employers (municipality_id, id, name, sector, created_by) VALUES (${u}, ${employer}, 'Supermarkt De Hoek', 'Detailhandel', ${advisor})`.execute(server.ownerDb);
  const base = { escoCode: '5230.1', label: 'kassamedewerker', isco: '5230', hours: 20, postcode: '3563AB', required: ['kassa', 'Klantvriendelijk'] };
  await insertVacancy(u, employer, advisor, 'school', { ...base, title: 'Kassamedewerker onder schooltijd', schedule: weekdays('09:00', '13:00') });
  await insertVacancy(u, employer, advisor, 'fullDay', { ...base, title: 'Kassamedewerker 9 tot 5', schedule: weekdays('09:00', '17:00', [1, 2, 3]) });
  await insertVacancy(u, employer, advisor, 'tieB', { id: idWithPrefix('ffff'), escoCode: '5230.3', label: 'kaartjesverkoper', isco: '5230', hours: 18, postcode: '3562AB', title: 'Kaartjesverkoper B', schedule: weekdays('10:00', '14:00', [1, 2, 3]), contract: 'temporary' });
  await insertVacancy(u, employer, advisor, 'tieA', { id: idWithPrefix('0000'), escoCode: '5230.3', label: 'kaartjesverkoper', isco: '5230', hours: 18, postcode: '3562AB', title: 'Kaartjesverkoper A', schedule: weekdays('10:00', '14:00', [1, 2, 3]), contract: 'temporary' });
  await insertVacancy(u, employer, advisor, 'sales', { escoCode: '5223.4', label: 'verkoopmedewerker', isco: '5223', hours: 16, postcode: '3561AA', title: 'Verkoopmedewerker', schedule: weekdays('09:00', '12:00', [1, 2, 3]), required: ['Kassa'] });
  await insertVacancy(u, employer, advisor, 'far', { ...base, title: 'Kassa in Arnhem', postcode: '6811AA', schedule: weekdays('09:00', '13:00') });
  await insertVacancy(u, employer, advisor, 'licence', { ...base, title: 'Bezorger met kassa', licence: true, schedule: weekdays('09:00', '13:00') });
  await insertVacancy(u, employer, advisor, 'draft', { ...base, title: 'Concept', status: 'draft', schedule: weekdays('09:00', '13:00') });
  await insertVacancy(u, employer, advisor, 'tooMany', { ...base, title: 'Kassa 32 uur', hours: 32, schedule: weekdays('09:00', '14:30') });
  const arnhemEmployer = randomUUID();
  await sql`INSERT INTO employers (municipality_id, id, name, sector, created_by) VALUES (${world.arnhem}, ${arnhemEmployer}, 'Winkel Arnhem', 'Detailhandel', ${world.users['wm.ar']})`.execute(server.ownerDb);
  await insertVacancy(world.arnhem, arnhemEmployer, world.users['wm.ar']!, 'arnhem', { ...base, title: 'Kassa Arnhem', postcode: '6811AA', schedule: weekdays('09:00', '13:00') });

  // ov1: single parent, school hours only. ov2: available all day. ov3: profile but no active case. zu1: other team.
  const put = async (client: ApiClient, id: string, body: object) => expect((await client.put(`/api/v1/residents/${id}/work-profile`, body)).status).toBe(201);
  await put(c('jobCoach'), world.residents.ov1, profile());
  await put(c('jobCoach'), world.residents.ov2, profile({ availability: weekdays('08:00', '18:00'), skills: ['Kassa'], preferredContractTypes: [] }));
  await put(c('jobCoach'), world.residents.ov3, profile());
  await sql`UPDATE cases SET status = 'closed', closed_on = current_date WHERE resident_id = ${world.residents.ov3}`.execute(server.ownerDb);
  await put(c('jobCoachOtherArea'), world.residents.zu1, profile());
});

afterAll(async () => {
  await server?.close();
});

const matches = (client: ApiClient, resident: string, query = '', headers?: Record<string, string>) =>
  client.get(`/api/v1/residents/${resident}/vacancy-matches${query}`, headers);

describe('vacancies for a resident', () => {
  it('the single parent (09:00–14:30) gets the school-hours vacancy, not the 09:00–17:00 one; Dutch explanations with points', async () => {
    const t = trace();
    const res = await matches(c('jobCoach'), world.residents.ov1, '', t.headers);
    expect(res.status).toBe(200);
    expect(res.body.matcherVersion).toBe(MATCHER_VERSION);
    expect(res.body.items.map((m: any) => [m.vacancy.id, m.score])).toEqual([
      [V.school, 100],
      [V.tieA, 90],
      [V.tieB, 90],
      [V.sales, 65],
    ]);
    const top = res.body.items[0];
    expect(top.vacancy).toMatchObject({
      title: 'Kassamedewerker onder schooltijd',
      employer: { name: 'Supermarkt De Hoek' },
      occupation: { code: '5230.1', label: 'kassamedewerker', iscoGroup: '5230' },
      hoursPerWeek: 20,
      schedule: weekdays('09:00', '13:00'),
      fitsSchoolHours: true,
      contractType: 'permanent',
      status: 'open',
    });
    expect(top.proposal).toBeNull();
    expect(top.contributions).toEqual([
      { criterion: 'hours', kind: 'hard', points: 0, maxPoints: 0, explanation: '20 uur per week past bij de gewenste 16 tot 24 uur' },
      { criterion: 'schedule', kind: 'hard', points: 0, maxPoints: 0, explanation: 'Past binnen schooltijden' },
      { criterion: 'travel', kind: 'hard', points: 0, maxPoints: 0, explanation: expect.stringMatching(/^Ongeveer \d+(,\d)? km, binnen 15 km$/) },
      { criterion: 'drivingLicence', kind: 'hard', points: 0, maxPoints: 0, explanation: 'Geen rijbewijs nodig' },
      { criterion: 'occupation', kind: 'soft', points: 50, maxPoints: 50, explanation: 'Precies het gewenste beroep' },
      { criterion: 'requiredSkills', kind: 'soft', points: 30, maxPoints: 30, explanation: '2 van de 2 gevraagde vaardigheden' },
      { criterion: 'niceToHaveSkills', kind: 'soft', points: 10, maxPoints: 10, explanation: 'Geen extra vaardigheden gewenst' },
      { criterion: 'contractType', kind: 'soft', points: 5, maxPoints: 5, explanation: 'Contract (vast) past bij de voorkeur' },
      { criterion: 'sector', kind: 'soft', points: 5, maxPoints: 5, explanation: 'Geen voorkeur voor sector' },
    ]);
    const tie = res.body.items[1].contributions;
    expect(tie.find((x: any) => x.criterion === 'occupation')).toMatchObject({ points: 45, explanation: 'Beroep in dezelfde beroepsgroep (ISCO 5230)' });
    expect(tie.find((x: any) => x.criterion === 'contractType')).toMatchObject({ points: 0, explanation: 'Contract (tijdelijk) is niet de voorkeur' });
    expect(res.body.items[3].contributions.find((x: any) => x.criterion === 'occupation')).toMatchObject({ points: 15, explanation: 'Beroep in hetzelfde beroepsgebied (ISCO 52)' });

    // Exposures: one row per shown vacancy (top 10), rank, score and matcher version; the resident logged under PA-013.
    const { rows } = await sql<{ vacancy_id: string; rank: number; score: string; matcher_version: string; direction: string; shown_to: string }>`
      SELECT vacancy_id, rank, score, matcher_version, direction, shown_to FROM match_exposures WHERE resident_id = ${world.residents.ov1} ORDER BY rank`.execute(server.ownerDb);
    expect(rows.map((r) => [r.vacancy_id, r.rank, Number(r.score), r.matcher_version, r.direction, r.shown_to])).toEqual(
      [V.school, V.tieA, V.tieB, V.sales].map((v, i) => [v, i + 1, [100, 90, 90, 65][i], MATCHER_VERSION, 'vacanciesForResident', world.users['wm.ov']]),
    );
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select(['action', 'processing_activity_id', 'data_subject_id']).where('trace_id', '=', t.id).execute();
    expect(logged).toEqual([{ action: 'matching.vacanciesForResident', processing_activity_id: 'PA-013', data_subject_id: pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1) }]);
  });

  it('is deterministic and respects limit', async () => {
    const a = await matches(c('teamLead'), world.residents.ov1);
    const b = await matches(c('teamLead'), world.residents.ov1, '?limit=2');
    expect(a.body.items.map((m: any) => m.vacancy.id)).toEqual([V.school, V.tieA, V.tieB, V.sales]);
    expect(b.body.items.map((m: any) => m.vacancy.id)).toEqual([V.school, V.tieA]);
  });

  it('wider availability shows the 09:00–17:00 vacancy, and schoolHoursOnly filters it out', async () => {
    const all = await matches(c('jobCoach'), world.residents.ov2);
    const ids = all.body.items.map((m: any) => m.vacancy.id);
    expect(ids).toContain(V.fullDay);
    const fullDay = all.body.items.find((m: any) => m.vacancy.id === V.fullDay);
    expect(fullDay.vacancy.fitsSchoolHours).toBe(false);
    expect(fullDay.contributions[1].explanation).toBe('Werktijden passen binnen de beschikbare tijden');
    expect(fullDay.contributions.find((x: any) => x.criterion === 'requiredSkills')).toMatchObject({ points: 15, explanation: '1 van de 2 gevraagde vaardigheden' });
    const school = await matches(c('jobCoach'), world.residents.ov2, '?schoolHoursOnly=true');
    expect(school.body.items.map((m: any) => m.vacancy.id)).toEqual(ids.filter((id: string) => id !== V.fullDay));
    for (const v of ['far', 'licence', 'draft', 'tooMany', 'arnhem'] as const) expect(ids).not.toContain(V[v]);
  });

  it('without a work profile: 404 problem "Nog geen werkprofiel"', async () => {
    const res = await matches(c('jobCoach'), world.residents.ov4);
    expect(res.status).toBe(404);
    expect(res.body.title).toBe('Nog geen werkprofiel');
  });
});

describe('residents for a vacancy', () => {
  it('only residents in the caller’s scope with a work profile and an active case, logged and exposed', async () => {
    const t = trace();
    const res = await c('jobCoach').get(`/api/v1/vacancies/${V.school}/candidate-matches`, t.headers);
    expect(res.status).toBe(200);
    expect(res.body.matcherVersion).toBe(MATCHER_VERSION);
    // ov1 100 (all skills, permanent preferred); ov2 85 (one of two skills, no preference).
    expect(res.body.items.map((d: any) => [d.resident, d.score])).toEqual([
      [{ id: world.residents.ov1, name: 'Anna Jansen' }, 100],
      [{ id: world.residents.ov2, name: 'Bram de Vries' }, 85],
    ]);
    expect(res.body.items[1].contributions.find((x: any) => x.criterion === 'schedule').explanation).toBe('Past binnen schooltijden');
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select('data_subject_id').where('trace_id', '=', t.id).where('processing_activity_id', '=', 'PA-013').execute();
    expect(logged.map((l) => l.data_subject_id).sort()).toEqual([world.residents.ov1, world.residents.ov2].map((id) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id)).sort());
    const { rows } = await sql<{ resident_id: string; rank: number }>`SELECT resident_id, rank FROM match_exposures
      WHERE vacancy_id = ${V.school} AND direction = 'residentsForVacancy' ORDER BY rank`.execute(server.ownerDb);
    expect(rows.map((r) => [r.resident_id, r.rank])).toEqual([[world.residents.ov1, 1], [world.residents.ov2, 2]]);

    const other = await c('jobCoachOtherArea').get(`/api/v1/vacancies/${V.school}/candidate-matches`);
    expect(other.body.items.map((d: any) => d.resident.id)).toEqual([world.residents.zu1]);
  });

  it('the 09:00–17:00 vacancy only finds the resident available all day', async () => {
    const res = await c('jobCoach').get(`/api/v1/vacancies/${V.fullDay}/candidate-matches?limit=5`);
    expect(res.body.items.map((d: any) => d.resident.id)).toEqual([world.residents.ov2]);
  });

  it('follows the resident: a move to another area and a closed or reopened case change who is listed at once', async () => {
    // work_profiles.scope_area_id and has_active_case (migration 202611220091) are kept by triggers on residents and
    // cases; the candidate query filters on them instead of joining residents and cases.
    const ov2 = world.residents.ov2;
    const ids = async (who: 'jobCoach' | 'jobCoachOtherArea') =>
      ((await c(who).get(`/api/v1/vacancies/${V.fullDay}/candidate-matches?limit=5`)).body.items as any[]).map((d) => d.resident.id);
    expect(await ids('jobCoach')).toEqual([ov2]);
    expect(await ids('jobCoachOtherArea')).toEqual([]);
    await sql`UPDATE residents SET area_id = ${world.areas.zuilen} WHERE id = ${ov2}`.execute(server.ownerDb);
    expect(await ids('jobCoach')).toEqual([]);
    expect(await ids('jobCoachOtherArea')).toEqual([ov2]);
    await sql`UPDATE residents SET area_id = ${world.areas.overvecht} WHERE id = ${ov2}`.execute(server.ownerDb);
    expect(await ids('jobCoach')).toEqual([ov2]);

    // The case closed and reopened by the application role, under row-level security, as the app would.
    const appDb = createDb(createPool(server.db.appUrl, { max: 1 }));
    const asApp = (status: 'active' | 'closed') =>
      tenantTransaction(appDb, { ...noResidents(world.utrecht), areaIds: [world.areas.overvecht] }, async (tx) => {
        await sql`UPDATE cases SET status = ${status}, closed_on = ${status === 'closed' ? sql`current_date` : sql`NULL`}
          WHERE municipality_id = ${world.utrecht} AND resident_id = ${ov2}`.execute(tx);
      });
    try {
      await asApp('closed');
      expect(await ids('jobCoach')).toEqual([]);
      await asApp('active');
      expect(await ids('jobCoach')).toEqual([ov2]);
    } finally {
      await appDb.destroy();
    }
    // The stored flags: ov1 active in Overvecht; ov3's case was closed after its profile was saved. A new case for
    // ov3 (INSERT) sets the flag, deleting it clears it again.
    const flags = async () =>
      (await sql<{ resident_id: string; has_active_case: boolean; scope_area_id: string }>`SELECT resident_id, has_active_case, scope_area_id
        FROM work_profiles WHERE resident_id = ANY(${[world.residents.ov1, world.residents.ov3]}::uuid[]) ORDER BY resident_id`.execute(server.ownerDb)).rows;
    expect(Object.fromEntries((await flags()).map((f) => [f.resident_id, [f.has_active_case, f.scope_area_id]]))).toEqual({
      [world.residents.ov1]: [true, world.areas.overvecht],
      [world.residents.ov3]: [false, world.areas.overvecht],
    });
    const newCase = randomUUID();
    await sql`INSERT INTO cases (municipality_id, id, resident_id, opened_on) VALUES (${world.utrecht}, ${newCase}, ${world.residents.ov3}, current_date)`.execute(server.ownerDb);
    expect((await flags()).find((f) => f.resident_id === world.residents.ov3)!.has_active_case).toBe(true);
    await sql`DELETE FROM cases WHERE municipality_id = ${world.utrecht} AND id = ${newCase}`.execute(server.ownerDb);
    expect((await flags()).find((f) => f.resident_id === world.residents.ov3)!.has_active_case).toBe(false);
  });

  it('another municipality’s vacancy is 404', async () => {
    expect((await c('jobCoachOtherMunicipality').get(`/api/v1/vacancies/${V.school}/candidate-matches`)).status).toBe(404);
    expect((await c('jobCoach').get(`/api/v1/vacancies/${V.arnhem}/candidate-matches`)).status).toBe(404);
  });
});

describe('exact top-k', () => {
  it('equals scoring every resident in scope, also with skills spelled with diacritics and capitals', async () => {
    const spellings = [['Hygiëne', 'kassa'], ['HYGIENE'], ['Café-ervaring', 'Kassa '], ['cafe-ervaring'], ['Ølbrouwen'], ['Kassa', 'Hygiene', 'Cafe-Ervaring'], [], ['Klantvriendelijk'], ['hygiëne', 'café-ervaring'], ['Koken'], ['KASSA'], ['Ñandú']];
    const employer = (await sql<{ id: string }>`SELECT id FROM employers WHERE name = 'Supermarkt De Hoek'`.execute(server.ownerDb)).rows[0]!.id;
    await insertVacancy(world.utrecht, employer, world.users['wga']!, 'skills', {
      escoCode: '9112.2', label: 'schoonmaker gebouwen', isco: '9112', hours: 12, postcode: '3563AB', title: 'Schoonmaak met kassa',
      schedule: weekdays('09:00', '12:00', [1, 2]), required: ['Hygiene', 'kassa', 'CAFÉ-ervaring'], nice: ['ølbrouwen'],
    });
    const bodies = new Map<string, ReturnType<typeof profile>>();
    for (const [i, skills] of spellings.entries()) {
      const id = randomUUID();
      await sql`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name, date_of_birth, street, house_number, postcode, city,
          area_id, household_type, education_level, is_fictitious, updated_at)
        VALUES (${world.utrecht}, ${id}, ${makeBsn(5000 + 50 * i)}, ${`Test${i}`}, 'Spelling', '1990-01-01', 'Teststraat', ${String(i + 1)}, '3561AB', 'Utrecht',
          ${world.areas.overvecht}, 'single', 'vmbo', true, now())`.execute(server.ownerDb);
      await sql`INSERT INTO cases (municipality_id, id, resident_id, opened_on) VALUES (${world.utrecht}, ${randomUUID()}, ${id}, '2024-01-01')`.execute(server.ownerDb);
      const body = profile({ skills, desiredOccupations: [{ escoCode: i % 3 === 0 ? '9112.2' : i % 3 === 1 ? '9112.1' : '5230.1' }], hoursMin: 8, availability: weekdays('08:00', '18:00'), preferredContractTypes: i % 2 ? ['temporary'] : [] });
      expect((await c('jobCoach').put(`/api/v1/residents/${id}/work-profile`, body)).status).toBe(201);
      bodies.set(id, body);
    }
    // Brute force: every profile in scope that passes, scored by the pure function, sorted by score then id.
    const inScope = [...bodies.entries()].map(([id, b]) => ({ id, b }));
    const others = (await c('jobCoach').get(`/api/v1/vacancies/${V.skills}/candidate-matches?limit=200`)).body.items as any[];
    const vacancy = { hoursPerWeek: 12, schedule: weekdays('09:00', '12:00', [1, 2]), escoCode: '9112.2', iscoGroup: '9112', requiredSkills: ['Hygiene', 'kassa', 'CAFÉ-ervaring'], niceToHaveSkills: ['ølbrouwen'], contractType: 'permanent', sector: 'Detailhandel', drivingLicenceRequired: false };
    const brute = inScope
      .map(({ id, b }) => {
        const iscoOf: Record<string, string> = { '9112.2': '9112', '9112.1': '9112', '5230.1': '5230' };
        const codes = b.desiredOccupations.map((o) => o.escoCode);
        const distance = 0.5; // same PC4 block; well within 15 km
        return { id, ...scoreMatch({ profile: { hoursMin: b.hoursMin, hoursMax: b.hoursMax, availability: b.availability, maxTravelKm: b.maxTravelKm, hasDrivingLicence: b.hasDrivingLicence, desiredEscoCodes: codes, desiredIscoGroups: codes.map((c) => iscoOf[c]!), skills: b.skills, preferredContractTypes: b.preferredContractTypes, preferredSectors: b.preferredSectors }, vacancy, distanceKm: distance }) };
      })
      .filter((x) => x.passes);
    const all = [...brute, ...others.filter((o) => !bodies.has(o.resident.id)).map((o) => ({ id: o.resident.id, score: o.score }))].sort(compareScored);
    expect(others.map((o) => [o.resident.id, o.score])).toEqual(all.map((x) => [x.id, x.score]));
    for (const k of [1, 2, 3, 5, 8]) {
      const top = (await c('jobCoach').get(`/api/v1/vacancies/${V.skills}/candidate-matches?limit=${k}`)).body.items;
      expect(top.map((o: any) => [o.resident.id, o.score])).toEqual(all.slice(0, k).map((x) => [x.id, x.score]));
    }
    expect(new Set(all.map((x) => x.score)).size).toBeGreaterThan(3);
    // Through the service with batches of one, so the SQL bounds decide what is scored: still the same answer.
    const appDb = createDb(createPool(server.db.appUrl, { max: 2 }));
    try {
      const principal: Principal = {
        userId: world.users['wm.ov']!, username: 'wm.ov', displayName: 'Test wm.ov', municipalityId: world.utrecht, municipalityName: 'Utrecht (test)',
        contactNormDays: 90, roles: ['jobCoach'], teamIds: [], areaIds: [world.areas.overvecht], partnerOrganisationId: null,
      };
      for (const k of [1, 2, 3, 4, 6]) {
        let scored = 0;
        const ctx = createRequestContext(appDb, principal, traceFromHeader(undefined), TEST_PSEUDONYM_KEY, {
          processing: { activity: 'PA-013', action: 'matching.residentsForVacancy' },
          permission: 'matching:run',
        });
        const res = await candidateMatches(ctx, V.skills, { limit: k, firstBatch: 1, stats: (st) => (scored = st.scored) });
        expect(res.items.map((o) => [o.resident.id, o.score])).toEqual(all.slice(0, k).map((x) => [x.id, x.score]));
        if (k === 1) expect(scored).toBeLessThan(all.length);
      }
    } finally {
      await appDb.destroy();
    }
  });
});

describe('proposals', () => {
  const propose = (client: ApiClient, resident: string, vacancyId: string, note?: string) =>
    client.post(`/api/v1/residents/${resident}/proposals`, { vacancyId, ...(note ? { note } : {}) });
  let proposalId: string;

  it('stores the score, explanation and matcher version of now; a second open proposal is 409', async () => {
    const res = await propose(c('jobCoach'), world.residents.ov1, V.school, 'Besproken in het gesprek van dinsdag');
    expect(res.status).toBe(201);
    proposalId = res.body.id;
    expect(res.body).toMatchObject({
      residentId: world.residents.ov1,
      vacancy: { id: V.school, title: 'Kassamedewerker onder schooltijd' },
      score: 100,
      matcherVersion: MATCHER_VERSION,
      status: 'proposed',
      note: 'Besproken in het gesprek van dinsdag',
      proposedBy: { id: world.users['wm.ov'], displayName: 'Test wm.ov' },
      residentResponseAt: null,
      presentedAt: null,
      revealedAt: null,
    });
    expect(res.body.explanation).toHaveLength(9);
    expect(res.body.explanation[4]).toEqual({ criterion: 'occupation', kind: 'soft', points: 50, maxPoints: 50, explanation: 'Precies het gewenste beroep' });
    const { rows } = await sql<{ score: string; matcher_version: string; explanation: unknown[] }>`SELECT score, matcher_version, explanation FROM match_proposals WHERE id = ${proposalId}`.execute(server.ownerDb);
    expect([Number(rows[0]!.score), rows[0]!.matcher_version, rows[0]!.explanation]).toEqual([100, MATCHER_VERSION, res.body.explanation]);

    const again = await propose(c('teamLead'), world.residents.ov1, V.school);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('al een open voorstel');
    const listed = await matches(c('jobCoach'), world.residents.ov1);
    expect(listed.body.items[0].proposal).toEqual({ id: proposalId, status: 'proposed' });
  });

  it('racing proposals for the same vacancy: exactly one is created, the other is 409', async () => {
    const results = await Promise.all([0, 1, 2].map(() => propose(c('jobCoach'), world.residents.ov1, V.sales)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM match_proposals WHERE resident_id = ${world.residents.ov1} AND vacancy_id = ${V.sales}`.execute(server.ownerDb);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('a vacancy that is not open is 409; one that no longer fits is 400 with the reason in Dutch', async () => {
    const draft = await propose(c('jobCoach'), world.residents.ov1, V.draft);
    expect(draft.status).toBe(409);
    expect(draft.body.detail).toBe('Deze vacature is een concept: u kunt haar niet meer voorstellen.');
    const misfit = await propose(c('jobCoach'), world.residents.ov1, V.fullDay);
    expect(misfit.status).toBe(400);
    expect(misfit.body.detail).toContain('Werktijden vallen (deels) buiten de beschikbare tijden');
    expect(misfit.body.invalidParams).toEqual([{ name: 'vacancyId', code: 'schedule', reason: 'Werktijden vallen (deels) buiten de beschikbare tijden' }]);
    const unknown = await propose(c('jobCoach'), world.residents.ov1, randomUUID());
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'vacancyId', code: 'unknown' });
  });

  it('resident response and withdrawal follow the status rules; an illegal step is 409 naming the status', async () => {
    const t = trace();
    const agreed = await c('jobCoach').post(`/api/v1/proposals/${proposalId}/resident-response`, { agreed: true, how: 'phone' }, t.headers);
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({ status: 'residentAgreed', residentResponseHow: 'phone' });
    expect(agreed.body.residentResponseAt).toEqual(expect.any(String));
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select(['action', 'processing_activity_id']).where('trace_id', '=', t.id).execute();
    expect(logged).toEqual([{ action: 'proposals.residentResponse', processing_activity_id: 'PA-013' }]);

    const twice = await c('jobCoach').post(`/api/v1/proposals/${proposalId}/resident-response`, { agreed: false, how: 'phone' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain("'inwoner akkoord'");
    expect(twice.body.currentStatus).toBe('residentAgreed');

    const withdrawn = await c('teamLead').post(`/api/v1/proposals/${proposalId}/withdrawal`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await c('jobCoach').post(`/api/v1/proposals/${proposalId}/withdrawal`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain("'ingetrokken'");

    // After the withdrawal a new proposal for the same vacancy may be made.
    const fresh = await propose(c('jobCoach'), world.residents.ov1, V.school);
    expect(fresh.status).toBe(201);
    const declined = await c('jobCoach').post(`/api/v1/proposals/${fresh.body.id}/resident-response`, { agreed: false, how: 'inPerson' });
    expect(declined.body.status).toBe('residentDeclined');
    expect((await c('jobCoach').post(`/api/v1/proposals/${fresh.body.id}/withdrawal`)).status).toBe(409);

    const list = await c('jobCoach').get(`/api/v1/residents/${world.residents.ov1}/proposals`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: any) => [p.vacancy.id, p.status]).sort()).toEqual(
      [[V.school, 'residentDeclined'], [V.school, 'withdrawn'], [V.sales, 'proposed']].sort(),
    );
  });
});

describe('access', () => {
  it('werkmatcher of another team, other municipality, buurtteam, advisor and policy officer get 404', async () => {
    const proposal = (await c('jobCoach').get(`/api/v1/residents/${world.residents.ov1}/proposals`)).body.items.find((p: any) => p.status === 'proposed');
    const outsiders: Array<keyof typeof ROLE_USERS> = ['jobCoachOtherArea', 'jobCoachOtherMunicipality', 'partnerProfessional', 'employerAdvisor', 'policyOfficer', 'researcher', 'admin', 'privacyOfficer'];
    for (const p of outsiders) {
      const got = {
        matches: (await matches(c(p), world.residents.ov1)).status,
        propose: (await c(p).post(`/api/v1/residents/${world.residents.ov1}/proposals`, { vacancyId: V.tieA })).status,
        list: (await c(p).get(`/api/v1/residents/${world.residents.ov1}/proposals`)).status,
        respond: (await c(p).post(`/api/v1/proposals/${proposal.id}/resident-response`, { agreed: true, how: 'phone' })).status,
        withdraw: (await c(p).post(`/api/v1/proposals/${proposal.id}/withdrawal`)).status,
      };
      expect([p, got]).toEqual([p, { matches: 404, propose: 404, list: 404, respond: 404, withdraw: 404 }]);
    }
    for (const p of ['partnerProfessional', 'employerAdvisor', 'policyOfficer'] as const) {
      expect([p, (await c(p).get(`/api/v1/vacancies/${V.school}/candidate-matches`)).status]).toEqual([p, 404]);
    }
    const { rows } = await sql<{ status: string }>`SELECT status FROM match_proposals WHERE id = ${proposal.id}`.execute(server.ownerDb);
    expect(rows[0]!.status).toBe('proposed');
    const { rows: none } = await sql<{ n: string }>`SELECT count(*) AS n FROM match_proposals WHERE vacancy_id = ${V.tieA}`.execute(server.ownerDb);
    expect(Number(none[0]!.n)).toBe(0);
  });
});
