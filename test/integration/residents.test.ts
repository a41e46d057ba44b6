import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bsnCheckDigit } from '../../src/domain/bsn.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { ROLE_USERS, createWorld, makeBsn, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let world: World;
let wm: ApiClient;

const valid = () => ({
  bsn: makeBsn(5000 + Math.floor(Math.random() * 90000)),
  givenNames: 'Fatima',
  familyNamePrefix: 'el',
  familyName: 'Amrani',
  dateOfBirth: '1988-04-12',
  street: 'Braziliëdreef',
  houseNumber: '12',
  postcode: '3563 cl',
  city: 'Utrecht',
  householdType: 'singleParent',
  educationLevel: 'vmbo',
  phone: '06 12345678',
  email: 'fatima@example.org',
  benefitStartDate: '2022-02-01',
});

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
});

afterAll(async () => {
  await server?.close();
});

describe('create a resident', () => {
  it('creates the resident with area from the postcode, a case, and the creator as contact person', async () => {
    const body = valid();
    const res = await wm.post('/api/v1/residents', body);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/residents/${res.body.id}`);
    expect(res.headers.get('etag')).toBe(`"resident-${res.body.id}-v1"`);
    expect(res.body).toMatchObject({
      name: 'Fatima el Amrani',
      area: { id: world.areas.overvecht, name: 'Overvecht' },
      address: { postcode: '3563 CL' },
      bsnMasked: `******${body.bsn.slice(-3)}`,
      contactPerson: { id: world.users[ROLE_USERS.jobCoach], displayName: 'Test wm.ov' },
      benefit: { startDate: '2022-02-01' },
      view: 'full',
      version: 1,
    });
    const history = await wm.get(`/api/v1/residents/${res.body.id}/contact-person-history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].endedAt).toBeNull();
  });

  it('explains every wrong field next to its name, and writes nothing', async () => {
    const count = async () => (await server.ownerDb.selectFrom('residents').select('id').execute()).length;
    const before = await count();
    const res = await wm.post('/api/v1/residents', {
      ...valid(),
      bsn: '123456789',
      postcode: '12AB',
      dateOfBirth: '2031-02-30',
      email: 'geen-mail',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.title).toBe('Controleer de invoer');
    const reasons = Object.fromEntries((res.body.invalidParams as Array<{ name: string; reason: string }>).map((p) => [p.name, p.reason]));
    expect(reasons.bsn).toBe('Dit BSN klopt niet: controleer de 9 cijfers.');
    expect(reasons.postcode).toMatch(/1234 AB/);
    expect(reasons.dateOfBirth).toBeDefined();
    expect(reasons.email).toMatch(/e-mailadres/);
    expect(await count()).toBe(before);
  });

  it('dates that cannot be: a benefit before birth, 31 February, before the 18th birthday, in the future — all at once, nothing written', async () => {
    const count = async () => (await server.ownerDb.selectFrom('residents').select('id').execute()).length;
    const before = await count();
    const reasonsOf = (res: { body: any }) => Object.fromEntries(res.body.invalidParams.map((p: any) => [p.name, `${p.code}: ${p.reason}`]));
    // The issue's case: born in 1990, on benefit since 1980.
    const beforeBirth = await wm.post('/api/v1/residents', { ...valid(), dateOfBirth: '1990-05-01', benefitStartDate: '1980-01-01', email: 'geen-mail' });
    expect(beforeBirth.status).toBe(400);
    expect(reasonsOf(beforeBirth)).toEqual({
      benefitStartDate: 'beforeBirth: De uitkering kan niet beginnen vóór de geboortedatum (1 mei 1990).',
      email: expect.stringContaining('e-mailadres'),
    });
    const feb31 = await wm.post('/api/v1/residents', { ...valid(), dateOfBirth: '1990-02-31', benefitStartDate: '2026-02-31' });
    expect(reasonsOf(feb31)).toEqual({
      dateOfBirth: 'notExist: 31 februari 1990 bestaat niet: februari 1990 heeft 28 dagen.',
      benefitStartDate: 'notExist: 31 februari 2026 bestaat niet: februari 2026 heeft 28 dagen.',
    });
    const young = await wm.post('/api/v1/residents', { ...valid(), dateOfBirth: '2000-06-15', benefitStartDate: '2017-01-01' });
    expect(reasonsOf(young).benefitStartDate).toMatch(/^beforeAdult: Bijstand begint op zijn vroegst op de 18e verjaardag \(15 juni 2018\)/);
    const future = await wm.post('/api/v1/residents', { ...valid(), benefitStartDate: '2999-01-01' });
    expect(reasonsOf(future).benefitStartDate).toMatch(/^future:/);
    expect(await count()).toBe(before);
  });

  it('an edit keeps the benefit start and the date of birth consistent, against what is on file', async () => {
    const created = await wm.post('/api/v1/residents', { ...valid(), dateOfBirth: '1988-04-12', benefitStartDate: '2022-02-01' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const etag = created.headers.get('etag')!;
    const early = await wm.patch(`/api/v1/residents/${id}`, { benefitStartDate: '1987-01-01' }, { 'if-match': etag });
    expect([early.status, early.body.invalidParams?.[0]?.code]).toEqual([400, 'beforeBirth']);
    const later = await wm.patch(`/api/v1/residents/${id}`, { dateOfBirth: '2010-01-01' }, { 'if-match': etag });
    expect([later.status, later.body.invalidParams?.map((p: any) => `${p.name}:${p.code}`)]).toEqual([400, ['dateOfBirth:benefitStart']]);
    const both = await wm.patch(`/api/v1/residents/${id}`, { dateOfBirth: '1990-01-01', benefitStartDate: '2023-03-01' }, { 'if-match': etag });
    expect(both.status).toBe(200);
    expect([both.body.dateOfBirth, both.body.benefit.startDate]).toEqual(['1990-01-01', '2023-03-01']);
  });

  it('rejects a schema violation with 400 problem+json naming the field', async () => {
    const res = await wm.post('/api/v1/residents', { ...valid(), householdType: 'alleen' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain('householdType');
  });

  it('refuses a BSN that is already registered, and a postcode outside the team’s areas', async () => {
    const body = valid();
    expect((await wm.post('/api/v1/residents', body)).status).toBe(201);
    const dup = await wm.post('/api/v1/residents', { ...valid(), bsn: body.bsn });
    expect(dup.status).toBe(400);
    expect(dup.body.invalidParams[0]).toMatchObject({ name: 'bsn', code: 'duplicate' });
    const outside = await wm.post('/api/v1/residents', { ...valid(), postcode: '3552 AB' });
    expect(outside.status).toBe(400);
    expect(outside.body.invalidParams[0]).toMatchObject({ name: 'postcode', code: 'scope' });
    expect(outside.body.invalidParams[0].reason).toContain('Noordwest');
    const unknown = await wm.post('/api/v1/residents', { ...valid(), postcode: '9999 ZZ' });
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'postcode', code: 'area' });
    expect(unknown.body.invalidParams[0].reason).toContain('hoort niet bij een wijk van uw gemeente');
  });

  it("names the area in the municipality's own word: Arnhem says gebied", async () => {
    const arnhem = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
    const unknown = await arnhem.post('/api/v1/residents', { ...valid(), postcode: '9999 ZZ' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'postcode', code: 'area' });
    expect(unknown.body.invalidParams[0].reason).toBe('Deze postcode hoort niet bij een gebied van uw gemeente. Controleer de postcode.');
  });

  it('accepts a BSN typed with dots and spaces', async () => {
    const first = '99887766';
    const bsn = `${first}${bsnCheckDigit(first) ?? 0}`;
    if (bsnCheckDigit(first) === null) return;
    const res = await wm.post('/api/v1/residents', { ...valid(), bsn: `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` });
    expect(res.status).toBe(201);
    expect((await wm.get(`/api/v1/residents/${res.body.id}/bsn`)).body.bsn).toBe(bsn);
  });
});

describe('edit with optimistic concurrency', () => {
  it('needs If-Match, applies a current version, and answers 412 to a stale one without overwriting', async () => {
    const id = world.residents.ov2;
    const first = await wm.get(`/api/v1/residents/${id}`);
    const etag = first.headers.get('etag')!;
    expect((await wm.patch(`/api/v1/residents/${id}`, { phone: '06 11111111' })).status).toBe(428);
    const ok = await wm.patch(`/api/v1/residents/${id}`, { phone: '06 11111111' }, { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.body.phone).toBe('06 11111111');
    expect(ok.headers.get('etag')).not.toBe(etag);
    const stale = await wm.patch(`/api/v1/residents/${id}`, { phone: '06 22222222' }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.title).toBe('Inmiddels gewijzigd');
    expect((await wm.get(`/api/v1/residents/${id}`)).body.phone).toBe('06 11111111');
  });

  it('two editors racing: every write either applies or gets 412, none is lost silently', async () => {
    const id = world.residents.ov3;
    const etag = (await wm.get(`/api/v1/residents/${id}`)).headers.get('etag')!;
    const tl = await loginAs(server.baseUrl, ROLE_USERS.teamLead);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? wm : tl).patch(`/api/v1/residents/${id}`, { houseNumber: String(100 + i) }, { 'if-match': etag })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(7);
    const winner = results.find((r) => r.status === 200)!;
    const now = await wm.get(`/api/v1/residents/${id}`);
    expect(now.body.address.houseNumber).toBe(winner.body.address.houseNumber);
    expect(now.body.version).toBe(2);
  });
});

describe('contact person and handover', () => {
  it('a change needs a handover note, ends the old assignment and keeps the history', async () => {
    const id = world.residents.ov4;
    const tl = await loginAs(server.baseUrl, ROLE_USERS.teamLead);
    const target = world.users[ROLE_USERS.jobCoachOtherArea]!;
    const noNote = await tl.put(`/api/v1/residents/${id}/contact-person`, { staffUserId: target });
    expect(noNote.status).toBe(400);
    expect(noNote.body.invalidParams[0].name).toBe('handoverNote');
    const notCoach = await tl.put(`/api/v1/residents/${id}/contact-person`, {
      staffUserId: world.users[ROLE_USERS.policyOfficer],
      handoverNote: 'Overdracht aan beleid',
    });
    expect(notCoach.body.invalidParams[0].name).toBe('staffUserId');
    const res = await tl.put(`/api/v1/residents/${id}/contact-person`, {
      staffUserId: target,
      handoverNote: 'Warme overdracht: wil graag parttime werken in de zorg.',
    });
    expect(res.status).toBe(200);
    const [current, previous] = res.body.items;
    expect(current).toMatchObject({
      staffUser: { id: target },
      endedAt: null,
      handoverNote: 'Warme overdracht: wil graag parttime werken in de zorg.',
      assignedBy: { id: world.users[ROLE_USERS.teamLead] },
    });
    expect(previous.staffUser.id).toBe(world.users[ROLE_USERS.jobCoach]);
    expect(previous.endedAt).not.toBeNull();
    expect((await wm.get(`/api/v1/residents/${id}`)).body.contactPerson.id).toBe(target);
  });
});

describe('caseload list', () => {
  it('filters by contact person, area, search and contact norm; paginates with a cursor without gaps or repeats', async () => {
    const mine = await wm.get('/api/v1/residents?contactPerson=me');
    expect(mine.body.total).toBe(mine.body.items.length);
    expect(mine.body.items.every((r: { contactPerson: { id: string } }) => r.contactPerson.id === world.users[ROLE_USERS.jobCoach])).toBe(true);
    const search = await wm.get('/api/v1/residents?q=ANNA%20jan');
    expect(search.body.items.map((r: { name: string }) => r.name)).toEqual(['Anna Jansen']);
    const over = await wm.get('/api/v1/residents?noContactDays=30');
    expect(over.body.items.length).toBeGreaterThan(0);
    expect(over.body.items.every((r: { overContactNorm: boolean; daysSinceContact: number | null }) => r.daysSinceContact === null || r.daysSinceContact > 30)).toBe(true);
    const all = await wm.get('/api/v1/residents?limit=200&sort=-name');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; next: string | null } } = await wm.get(
        `/api/v1/residents?limit=2&sort=-name${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((r: { id: string }) => r.id));
    const names = all.body.items.map((r: { name: string }) => r.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const bad = await wm.get('/api/v1/residents?sort=name&cursor=bm9wZQ');
    expect(bad.status).toBe(400);
  });

  it('paginates in last-contact order too', async () => {
    const all = await wm.get('/api/v1/residents?limit=200&sort=lastContact');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; next: string | null } } = await wm.get(
        `/api/v1/residents?limit=3&sort=lastContact${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((r: { id: string }) => r.id));
  });
});

describe('contact moments', () => {
  it('recording a contact updates the last contact of the case; a future moment is refused', async () => {
    const id = world.residents.ov1;
    const when = new Date(Date.now() - 3_600_000).toISOString();
    const res = await wm.post(`/api/v1/residents/${id}/contact-moments`, { occurredAt: when, channel: 'homeVisit', summary: 'Huisbezoek' });
    expect(res.status).toBe(201);
    const detail = await wm.get(`/api/v1/residents/${id}`);
    expect(detail.body.case.daysSinceContact).toBe(0);
    expect(detail.body.case.overContactNorm).toBe(false);
    const future = await wm.post(`/api/v1/residents/${id}/contact-moments`, { occurredAt: '2099-01-01T10:00:00+01:00', channel: 'phone' });
    expect(future.status).toBe(400);
  });
});

describe('sessions', () => {
  it('sets an httpOnly SameSite cookie, and logout ends the session', async () => {
    const c = new ApiClient(server.baseUrl);
    const res = await fetch(`${server.baseUrl}/api/v1/session/demo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: ROLE_USERS.jobCoach }),
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('samenplan_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const logged = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
    expect((await logged.get('/api/v1/session')).status).toBe(200);
    expect((await logged.delete('/api/v1/session')).status).toBe(204);
    expect((await logged.get('/api/v1/session')).status).toBe(401);
    void c;
  });

  it('an unknown demo user gets a clear 400', async () => {
    const c = new ApiClient(server.baseUrl);
    const res = await c.post('/api/v1/session/demo', { username: 'niemand' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('username');
  });
});
