import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { TEST_API_KEY, startBrpMock, type BrpMock } from '../helpers/brp-mock.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The BRP lookup against a local Haal Centraal mock over real HTTP (test/helpers/brp-mock.ts, per the spec).

let brp: BrpMock;
let server: TestServer;
let world: World;
let wm: ApiClient;

beforeAll(async () => {
  brp = await startBrpMock();
  server = await startTestServer({ template: 'empty', config: { brp: { url: brp.url, apiKey: TEST_API_KEY, timeoutMs: 800 } } });
  world = await createWorld(server.ownerDb);
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
});

afterAll(async () => {
  await server?.close();
  await brp?.close();
});

const lookup = (c: ApiClient, bsn: string) => c.post('/api/v1/brp/person-lookups', { bsn });

async function brpLogSubjects(): Promise<string[]> {
  const { rows } = await sql<{ s: string }>`
    SELECT unnest(data_subject_ids) AS s FROM processing_log WHERE municipality_id = ${world.utrecht} AND processing_activity_id = 'PA-038' AND action = 'brp.lookup'`.execute(server.ownerDb);
  return rows.map((r) => r.s);
}

describe('BRP lookup (Haal Centraal BRP Bevragen)', () => {
  it('asks the BRP per the specification and answers the registration form fields', async () => {
    const res = await lookup(wm, '999993653');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      bsn: '999993653',
      givenNames: 'Suzanne',
      familyNamePrefix: 'van',
      familyName: 'Moulin',
      dateOfBirth: '1986-05-21',
      street: 'Zamenhofdreef',
      houseNumber: '12',
      postcode: '3562JA',
      city: 'Utrecht',
      householdType: 'singleParent',
      partners: 0,
      minorChildren: 1,
      residentId: null,
      source: 'BRP',
    });
    const sent = brp.requests.at(-1)!;
    expect(sent.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(sent.body).toMatchObject({ type: 'RaadpleegMetBurgerservicenummer', burgerservicenummer: ['999993653'] });
    expect(sent.body.fields).toEqual(expect.arrayContaining(['naam.geslachtsnaam', 'geboorte.datum', 'verblijfplaats.verblijfadres.postcode', 'partners.burgerservicenummer']));
    expect(await brpLogSubjects()).toContain(pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, 'bsn:999993653'));
  });

  it('household from partner and children under 18; house letter and addition; a partly unknown date of birth is left empty', async () => {
    expect((await lookup(wm, '999990925')).body).toMatchObject({ householdType: 'coupleWithChildren', partners: 1, minorChildren: 1, houseNumber: '41B', postcode: '3563CK' });
    expect((await lookup(wm, '999991887')).body).toMatchObject({ householdType: 'single', dateOfBirth: null, houseNumber: '7-bis' });
    expect((await lookup(wm, '999992405')).body).toMatchObject({ householdType: 'couple' });
  });

  it('a person the BRP does not know: 404 with a clear Dutch message (and the lookup logged)', async () => {
    const before = (await brpLogSubjects()).length;
    const res = await lookup(wm, '999990962');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ title: 'Niet gevonden in de BRP', invalidParams: [{ name: 'bsn', code: 'unknown' }] });
    expect((await brpLogSubjects()).length).toBe(before + 1);
  });

  it('a BSN that fails the 11-check never reaches the BRP', async () => {
    const n = brp.requests.length;
    const res = await lookup(wm, '123456788');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'bsn', code: 'elfproef' });
    expect(brp.requests.length).toBe(n);
  });

  it('the BRP down: 503 "BRP niet beschikbaar" in Dutch; hanging: the same after the timeout, others are served meanwhile', async () => {
    brp.mode = 'down';
    const down = await lookup(wm, '999993653');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ title: 'BRP niet beschikbaar', detail: expect.stringContaining('De BRP gaf een foutmelding.') });
    brp.mode = 'hang';
    const t0 = Date.now();
    const hanging = lookup(wm, '999993653');
    const other = await wm.get('/api/v1/residents');
    expect(other.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(700);
    const res = await hanging;
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('De BRP antwoordde niet op tijd.');
    expect(Date.now() - t0).toBeLessThan(5000);
    brp.mode = 'ok';
  });

  it('a wrong API key: the BRP refuses, said plainly', async () => {
    const key = server.config.brp!.apiKey;
    server.config.brp!.apiKey = 'wrong-key';
    const res = await lookup(wm, '999993653');
    server.config.brp!.apiKey = key;
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('weigert');
  });

  it('a resident is registered from a BRP test person; a later lookup names him and logs him as the subject', async () => {
    const person = (await lookup(wm, '999990925')).body;
    const created = await wm.post('/api/v1/residents', {
      bsn: person.bsn,
      givenNames: person.givenNames,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      street: person.street,
      houseNumber: person.houseNumber,
      postcode: person.postcode,
      city: person.city,
      householdType: person.householdType,
      educationLevel: 'mbo2to4',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Karim Bouzid', address: { postcode: '3563 CK' } });
    const again = await lookup(wm, '999990925');
    expect(again.body.residentId).toBe(created.body.id);
    expect(await brpLogSubjects()).toContain(pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, created.body.id));
  });

  it('only for roles that register residents', async () => {
    const beleid = await loginAs(server.baseUrl, ROLE_USERS.policyOfficer);
    expect((await lookup(beleid, '999993653')).status).toBe(403);
  });
});
