import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationOfPostcode } from '../../src/domain/geo.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The work profile over real HTTP: create without If-Match, replace with If-Match (428/412 otherwise), availability
// normalised and stored as a mask, the PC4 location of the resident's postcode, validation per field, PA-013, and
// 404 for everyone outside the area team's scope.

let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (p: keyof typeof ROLE_USERS) => clients.get(p)!;
const path = (id: string) => `/api/v1/residents/${id}/work-profile`;
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};

const body = (over: Record<string, unknown> = {}) => ({
  desiredOccupations: [{ escoCode: '5230.1' }, { escoCode: '5223.4' }],
  skills: ['Kassa', ' klantvriendelijk ', 'KASSA'],
  experience: [{ description: 'Kassa bij de supermarkt', years: 2 }],
  education: 'mbo 2 Retail',
  hoursMin: 16,
  hoursMax: 24,
  availability: [
    { day: 2, from: '09:00', to: '12:00' },
    { day: 1, from: '09:00', to: '14:30' },
    { day: 2, from: '11:00', to: '14:30' },
    { day: 3, from: '09:00', to: '14:30' },
  ],
  maxTravelKm: 10,
  hasDrivingLicence: false,
  preferredContractTypes: ['permanent'],
  preferredSectors: ['Detailhandel'],
  preferencesNote: 'Alleen onder schooltijd',
  ...over,
});

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const [p, u] of Object.entries(ROLE_USERS)) clients.set(p, await loginAs(server.baseUrl, u));
});

afterAll(async () => {
  await server?.close();
});

describe('work profile', () => {
  let etag: string;

  it('is created without If-Match: normalised availability, ESCO labels, PC4 location, ETag', async () => {
    const t = trace();
    const res = await c('jobCoach').put(path(world.residents.ov1), body(), t.headers);
    expect(res.status).toBe(201);
    etag = res.headers.get('etag')!;
    expect(etag).toBe(`"work-profile-${world.residents.ov1}-v1"`);
    expect(res.body).toMatchObject({
      residentId: world.residents.ov1,
      desiredOccupations: [
        { escoCode: '5230.1', label: 'kassamedewerker', iscoGroup: '5230' },
        { escoCode: '5223.4', label: 'verkoopmedewerker', iscoGroup: '5223' },
      ],
      skills: ['Kassa', 'klantvriendelijk'],
      availability: [
        { day: 1, from: '09:00', to: '14:30' },
        { day: 2, from: '09:00', to: '14:30' },
        { day: 3, from: '09:00', to: '14:30' },
      ],
      availabilityHours: 16.5,
      fitsSchoolHoursOnly: true,
      hoursMin: 16,
      hoursMax: 24,
      maxTravelKm: 10,
      preferredContractTypes: ['permanent'],
      version: 1,
      updatedBy: { id: world.users['wm.ov'], displayName: 'Test wm.ov' },
      escoAttribution: 'Deze dienst gebruikt de ESCO-classificatie van de Europese Commissie',
    });
    const { rows } = await sql<{ lat: number; lon: number; desired_isco_groups: string[]; mask: string }>`
      SELECT lat, lon, desired_isco_groups, availability_mask::text AS mask FROM work_profiles WHERE resident_id = ${world.residents.ov1}`.execute(server.ownerDb);
    expect({ lat: rows[0]!.lat, lon: rows[0]!.lon }).toEqual(locationOfPostcode('3562AB'));
    expect(rows[0]!.desired_isco_groups).toEqual(['5230', '5223']);
    // Monday 09:00–14:30: half hours 18..28 of the first day.
    expect(rows[0]!.mask.slice(0, 48)).toBe('0'.repeat(18) + '1'.repeat(11) + '0'.repeat(19));
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select(['action', 'processing_activity_id', 'data_subject_id']).where('trace_id', '=', t.id).execute();
    expect(logged).toEqual([{ action: 'workProfiles.create', processing_activity_id: 'PA-013', data_subject_id: pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1) }]);
  });

  it('is read with its ETag, and the read is logged', async () => {
    const t = trace();
    const res = await c('teamLead').get(path(world.residents.ov1), t.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.body.skills).toEqual(['Kassa', 'klantvriendelijk']);
    const logged = await server.ownerDb.selectFrom('processing_log_entries').select(['action', 'processing_activity_id', 'actor_role']).where('trace_id', '=', t.id).execute();
    expect(logged).toEqual([{ action: 'workProfiles.read', processing_activity_id: 'PA-013', actor_role: 'teamLead' }]);
  });

  it('needs If-Match once it exists: 428 without, 412 when stale, 200 with the current ETag', async () => {
    expect((await c('jobCoach').put(path(world.residents.ov1), body())).status).toBe(428);
    expect((await c('jobCoach').put(path(world.residents.ov1), body(), { 'if-match': `"work-profile-${world.residents.ov1}-v7"` })).status).toBe(412);
    const ok = await c('jobCoach').put(path(world.residents.ov1), body({ hoursMax: 28, maxTravelKm: null }), { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, hoursMax: 28, maxTravelKm: null });
    expect(ok.headers.get('etag')).toBe(`"work-profile-${world.residents.ov1}-v2"`);
    expect((await c('jobCoach').put(path(world.residents.ov1), body(), { 'if-match': etag })).status).toBe(412);
  });

  it('answers 404 "Nog geen werkprofiel" for a resident in scope without one', async () => {
    const res = await c('jobCoach').get(path(world.residents.ov2));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe('Nog geen werkprofiel');
  });

  it('validates per field: windows, hours, unknown ESCO code', async () => {
    const res = await c('jobCoach').put(
      path(world.residents.ov3),
      body({
        desiredOccupations: [{ escoCode: '5230.1' }, { escoCode: '9999.9' }],
        hoursMin: 30,
        hoursMax: 20,
        availability: [
          { day: 1, from: '09:00', to: '12:00' },
          { day: 8, from: '09:00', to: '12:00' },
          { day: 2, from: '09:15', to: '12:00' },
          { day: 3, from: '13:00', to: '12:00' },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: any) => [p.name, p.code])).toEqual([
      ['desiredOccupations[1].escoCode', 'unknown'],
      ['availability[1].day', 'invalidWindow'],
      ['availability[2].from', 'invalidWindow'],
      ['availability[3].to', 'invalidWindow'],
      ['hoursMin', 'range'],
    ]);
    expect(res.body.invalidParams[3].reason).toBe('De eindtijd moet na de begintijd liggen.');
    expect((await c('jobCoach').get(path(world.residents.ov3))).status).toBe(404);
    const empty = await c('jobCoach').put(path(world.residents.ov3), body({ availability: [] }));
    expect(empty.body.invalidParams).toEqual([expect.objectContaining({ name: 'availability', code: 'required' })]);
  });

  it('a resident without a known PC4 gets no location (travel then "unknown")', async () => {
    await sql`UPDATE residents SET postcode = '9999ZZ' WHERE id = ${world.residents.ov4}`.execute(server.ownerDb);
    expect((await c('jobCoach').put(path(world.residents.ov4), body())).status).toBe(201);
    const { rows } = await sql<{ lat: number | null }>`SELECT lat FROM work_profiles WHERE resident_id = ${world.residents.ov4}`.execute(server.ownerDb);
    expect(rows[0]!.lat).toBeNull();
  });

  it('is 404 for everyone outside the area team: other team, other municipality, buurtteam, advisor, policy', async () => {
    const expected404: Array<keyof typeof ROLE_USERS> = ['jobCoachOtherArea', 'jobCoachOtherMunicipality', 'partnerProfessional', 'employerAdvisor', 'policyOfficer', 'researcher', 'admin', 'privacyOfficer'];
    for (const p of expected404) {
      expect([p, (await c(p).get(path(world.residents.ov1))).status]).toEqual([p, 404]);
      expect([p, (await c(p).put(path(world.residents.ov2), body())).status]).toEqual([p, 404]);
    }
    expect((await c('jobCoachOtherArea').get(path(world.residents.zu1))).status).toBe(404); // in scope, no profile yet
    expect((await c('jobCoachOtherArea').put(path(world.residents.zu1), body())).status).toBe(201);
    expect((await c('jobCoach').get(path(world.residents.zu1))).status).toBe(404);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM work_profiles WHERE resident_id = ${world.residents.ov2}`.execute(server.ownerDb);
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
