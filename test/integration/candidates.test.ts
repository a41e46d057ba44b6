import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskOf, type TimeWindow } from '../../src/domain/schedule.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { folded, pdfToText } from '../helpers/pdf.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// The employer advisor's anonymous candidates over real HTTP (PA-014): only proposals the resident agreed to, of the
// advisor's own municipality; never an identity before the reveal; the reveal only after the resident agreed and the
// employer committed to an interview; racing steps cannot both succeed; every read and reveal in the processing log.
// Employers, vacancies, work profiles and proposals are inserted directly (their own modules are built elsewhere).

let server: TestServer;
let world: World;
const clients = new Map<string, ApiClient>();
const c = (username: string) => clients.get(username)!;
const ADVISOR = ROLE_USERS.employerAdvisor;
const ADVISOR_AR = 'wga.ar';
const P = {} as Record<'agreed' | 'proposed' | 'declined' | 'withdrawn' | 'race' | 'reject' | 'noConsent' | 'locked' | 'arnhem', string>;
const V = {} as Record<'a' | 'b' | 'ar', string>;

// A resident with distinctive values: none of them may appear before the reveal.
const ZEBULON = {
  given_names: 'Zebulon Quirijn',
  family_name_prefix: 'van der',
  family_name: 'Xylofoonstra',
  date_of_birth: '1963-11-29',
  street: 'Kwikstaartlaan',
  house_number: '417',
  postcode: '3563QZ',
  city: 'Zwammerdam',
  phone: '06 98765432',
  email: 'zebulon.xylofoonstra@voorbeeld.example',
  household_type: 'singleParent',
};
let zebulonBsn: string;
const forbidden = () => ['Zebulon', 'Quirijn', 'Xylofoonstra', '1963-11-29', 'Kwikstaartlaan', '3563QZ', 'Zwammerdam', '98765432', 'voorbeeld.example', 'singleParent', zebulonBsn, 'Overvecht'];

const schoolHours: TimeWindow[] = [1, 2, 3, 4, 5].map((day) => ({ day: day as TimeWindow['day'], from: '09:00', to: '14:30' }));

async function insertVacancy(m: string, employerId: string, createdBy: string, title: string) {
  const id = randomUUID();
  const schedule: TimeWindow[] = [{ day: 2, from: '09:00', to: '13:00' }];
  await sql`INSERT INTO vacancies (municipality_id, id, employer_id, title, esco_code, occupation_label, isco_group, required_skills,
      hours_per_week, schedule, schedule_mask, postcode, contract_type, status, closing_date, created_by)
    VALUES (${m}, ${id}, ${employerId}, ${title}, 'esco-5321', 'Verzorgende', '5321', ARRAY['wondverzorging'], 4,
      ${JSON.stringify(schedule)}::jsonb, ${maskOf(schedule)}::bit(336), '3511AB', 'temporary', 'open', '2027-01-31', ${createdBy})`.execute(server.ownerDb);
  return id;
}

async function insertProfile(m: string, residentId: string, updatedBy: string, skills: string[]) {
  await sql`INSERT INTO work_profiles (municipality_id, resident_id, desired_occupations, desired_isco_groups, skills, experience,
      education, hours_min, hours_max, availability, availability_mask, max_travel_km, has_driving_licence, updated_by)
    VALUES (${m}, ${residentId}, ${JSON.stringify([{ escoCode: 'esco-5321', label: 'Verzorgende', iscoGroup: '5321' }])}::jsonb,
      ARRAY['5321'], ${skills}, ${JSON.stringify([{ description: 'Thuiszorg', years: 3 }])}::jsonb, 'MBO 3 Verzorgende IG', 4, 20,
      ${JSON.stringify(schoolHours)}::jsonb, ${maskOf(schoolHours)}::bit(336), 15, true, ${updatedBy})`.execute(server.ownerDb);
}

async function insertProposal(m: string, residentId: string, vacancyId: string, proposedBy: string, status: string, agreed: boolean, interview = false) {
  const id = randomUUID();
  await sql`INSERT INTO match_proposals (municipality_id, id, resident_id, vacancy_id, score, explanation, matcher_version, status,
      proposed_by, resident_response_at, resident_response_how, interview_committed_at)
    VALUES (${m}, ${id}, ${residentId}, ${vacancyId}, 81.25,
      ${JSON.stringify([{ criterion: 'schedule', kind: 'hard', points: 0, maxPoints: 0, explanation: 'Past binnen schooltijden' }])}::jsonb,
      'samenplan-matcher/1.0.0', ${status}, ${proposedBy}, ${agreed ? sql`now()` : sql`NULL`}, ${agreed ? 'phone' : null},
      ${interview ? sql`now()` : sql`NULL`})`.execute(server.ownerDb);
  return id;
}

const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const logged = async (traceId: string) =>
  (await server.ownerDb.selectFrom('processing_log_entries').select(['action', 'processing_activity_id', 'data_subject_id', 'actor_role']).where('trace_id', '=', traceId).execute());
const pseudo = (id: string) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id);
const proposalRow = async (id: string) =>
  (await sql<{ status: string; anonymous_profile: unknown; candidate_code: string | null; presented_by: string | null; interview_committed_at: Date | null; revealed_by: string | null }>`
    SELECT status, anonymous_profile, candidate_code, presented_by, interview_committed_at, revealed_by FROM match_proposals WHERE id = ${id}`.execute(server.ownerDb)).rows[0]!;

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  const db = server.ownerDb;
  const u = world.users;
  const arAdvisor = randomUUID();
  u[ADVISOR_AR] = arAdvisor;
  await db.insertInto('staff_users').values({ municipality_id: world.arnhem, id: arAdvisor, username: ADVISOR_AR, display_name: 'Test wga.ar', email: null, roles: ['employerAdvisor'], partner_organisation_id: null, oidc_subject: null, demo_persona: true }).execute();
  await db.updateTable('residents').set(ZEBULON).where('id', '=', world.residents.ov1).execute();
  zebulonBsn = (await db.selectFrom('residents').select('bsn').where('id', '=', world.residents.ov1).executeTakeFirstOrThrow()).bsn;

  const employer = randomUUID();
  const employerAr = randomUUID();
  await sql`INSERT INTO employers (municipality_id, id, name, sector, created_by) VALUES
    (${world.utrecht}, ${employer}, 'Zorggroep Noord', 'Zorg', ${u[ADVISOR]}),
    (${world.arnhem}, ${employerAr}, 'Zorg Arnhem', 'Zorg', ${arAdvisor})`.execute(db);
  V.a = await insertVacancy(world.utrecht, employer, u[ADVISOR]!, 'Verzorgende IG dinsdagochtend');
  V.b = await insertVacancy(world.utrecht, employer, u[ADVISOR]!, 'Helpende zorg');
  V.ar = await insertVacancy(world.arnhem, employerAr, arAdvisor, 'Verzorgende Arnhem');

  const coach = u[ROLE_USERS.jobCoach]!;
  for (const k of ['ov1', 'ov2', 'ov3', 'ov4', 'zu1'] as const) await insertProfile(world.utrecht, world.residents[k], coach, ['wondverzorging', 'plannen']);
  await insertProfile(world.arnhem, world.residents.ar1, u[ROLE_USERS.jobCoachOtherMunicipality]!, ['plannen']);

  P.agreed = await insertProposal(world.utrecht, world.residents.ov1, V.a, coach, 'residentAgreed', true);
  P.proposed = await insertProposal(world.utrecht, world.residents.ov2, V.a, coach, 'proposed', false);
  P.declined = await insertProposal(world.utrecht, world.residents.ov3, V.a, coach, 'residentDeclined', false);
  P.withdrawn = await insertProposal(world.utrecht, world.residents.ov4, V.a, coach, 'withdrawn', false);
  P.race = await insertProposal(world.utrecht, world.residents.ov3, V.b, coach, 'residentAgreed', true);
  P.reject = await insertProposal(world.utrecht, world.residents.ov4, V.b, coach, 'residentAgreed', true);
  P.locked = await insertProposal(world.utrecht, world.residents.ov2, V.b, coach, 'residentAgreed', true);
  // Inconsistent on purpose: an interview but no recorded consent of the resident (the reveal must refuse).
  P.noConsent = await insertProposal(world.utrecht, world.residents.zu1, V.b, coach, 'interviewAgreed', false, true);
  P.arnhem = await insertProposal(world.arnhem, world.residents.ar1, V.ar, u[ROLE_USERS.jobCoachOtherMunicipality]!, 'residentAgreed', true);

  for (const name of [ADVISOR, ADVISOR_AR, ROLE_USERS.jobCoach, ROLE_USERS.teamLead, ROLE_USERS.policyOfficer]) clients.set(name, await loginAs(server.baseUrl, name));
});

afterAll(async () => {
  await server?.close();
});

const ids = (body: { items: Array<{ proposalId: string }> }) => body.items.map((x) => x.proposalId).sort();

describe('what the employer advisor sees', () => {
  it('lists only agreed-or-later proposals of his municipality, anonymously, and logs PA-014 reads', async () => {
    const t = trace();
    const res = await c(ADVISOR).get('/api/v1/candidates', t.headers);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual([P.agreed, P.race, P.reject, P.noConsent, P.locked].sort());
    const json = JSON.stringify(res.body);
    for (const value of forbidden()) expect(json, value).not.toContain(value);
    for (const cand of res.body.items) {
      expect(cand.identity).toBeNull();
      expect(cand.candidateCode).toMatch(/^K-[0-9A-F]{6}$/);
      expect(Object.keys(cand.profile).sort()).toEqual(['availability', 'desiredOccupations', 'education', 'experience', 'hasDrivingLicence', 'hoursMax', 'hoursMin', 'maxTravelKm', 'skills']);
    }
    const zeb = res.body.items.find((x: { proposalId: string }) => x.proposalId === P.agreed);
    expect(zeb).toMatchObject({
      status: 'residentAgreed',
      score: 81.3,
      vacancy: { id: V.a, title: 'Verzorgende IG dinsdagochtend', employer: { name: 'Zorggroep Noord' }, hoursPerWeek: 4, fitsSchoolHours: true, closingDate: '2027-01-31' },
      profile: { desiredOccupations: [{ label: 'Verzorgende' }], education: 'MBO 3 Verzorgende IG', hoursMin: 4, hoursMax: 20, maxTravelKm: 15, hasDrivingLicence: true },
    });
    const rows = await logged(t.id);
    expect(rows.map((r) => [r.action, r.processing_activity_id, r.actor_role])).toEqual(rows.map(() => ['candidates.list', 'PA-014', 'employerAdvisor']));
    expect(rows.map((r) => r.data_subject_id).sort()).toEqual([world.residents.ov1, world.residents.ov2, world.residents.ov3, world.residents.ov4, world.residents.zu1].map(pseudo).sort());
  });

  it('filters by vacancy and status, and pages with a next link', async () => {
    expect(ids((await c(ADVISOR).get(`/api/v1/candidates?vacancyId=${V.a}`)).body)).toEqual([P.agreed]);
    expect(ids((await c(ADVISOR).get('/api/v1/candidates?status=interviewAgreed')).body)).toEqual([P.noConsent]);
    expect((await c(ADVISOR).get('/api/v1/candidates?status=proposed')).status).toBe(400);
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const page: { status: number; body: any } = await c(ADVISOR).get(`/api/v1/candidates?limit=3${next ? `&cursor=${next}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((x: { proposalId: string }) => x.proposalId));
      next = page.body.next;
    }
    expect(seen.sort()).toEqual([P.agreed, P.race, P.reject, P.noConsent, P.locked].sort());
  });

  it('a proposal the resident has not agreed to, declined or that was withdrawn is 404', async () => {
    for (const id of [P.proposed, P.declined, P.withdrawn]) {
      expect((await c(ADVISOR).get(`/api/v1/candidates/${id}`)).status).toBe(404);
      expect((await c(ADVISOR).post(`/api/v1/candidates/${id}/presentation`)).status).toBe(404);
      expect((await c(ADVISOR).post(`/api/v1/candidates/${id}/reveal`)).status).toBe(404);
    }
    expect((await c(ADVISOR).get(`/api/v1/candidates/${randomUUID()}`)).status).toBe(404);
  });

  it('an advisor of another municipality gets 404, and sees only his own', async () => {
    expect((await c(ADVISOR_AR).get(`/api/v1/candidates/${P.agreed}`)).status).toBe(404);
    expect((await c(ADVISOR_AR).post(`/api/v1/candidates/${P.agreed}/presentation`)).status).toBe(404);
    expect(ids((await c(ADVISOR_AR).get('/api/v1/candidates')).body)).toEqual([P.arnhem]);
    expect((await c(ADVISOR).get(`/api/v1/candidates/${P.arnhem}`)).status).toBe(404);
  });

  it('a werkmatcher, teamleider or policy officer gets 404 on a candidate and 403 on the list', async () => {
    for (const who of [ROLE_USERS.jobCoach, ROLE_USERS.teamLead, ROLE_USERS.policyOfficer]) {
      expect((await c(who).get(`/api/v1/candidates/${P.agreed}`)).status).toBe(404);
      expect((await c(who).post(`/api/v1/candidates/${P.agreed}/reveal`)).status).toBe(404);
      expect((await c(who).get('/api/v1/candidates')).status).toBe(403);
    }
  });
});

describe('presentation, interview and reveal', () => {
  it('never shows the identity before the reveal, and shows it after; every step is logged under PA-014', async () => {
    const adv = c(ADVISOR);
    const early = await adv.post(`/api/v1/candidates/${P.agreed}/reveal`);
    expect(early.status).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.detail).toContain('De werkgever heeft nog geen gesprek toegezegd');
    expect(early.body.detail).not.toContain('De inwoner heeft nog niet ingestemd');

    const tRead = trace();
    const before = await adv.get(`/api/v1/candidates/${P.agreed}`, tRead.headers);
    expect(before.status).toBe(200);
    expect(before.body.identity).toBeNull();
    expect(await logged(tRead.id)).toEqual([{ action: 'candidates.read', processing_activity_id: 'PA-014', data_subject_id: pseudo(world.residents.ov1), actor_role: 'employerAdvisor' }]);

    const presented = await adv.post(`/api/v1/candidates/${P.agreed}/presentation`);
    expect(presented.status).toBe(200);
    expect(presented.body).toMatchObject({ status: 'presented', identity: null, candidateCode: before.body.candidateCode });
    expect(presented.body.presentedAt).not.toBeNull();
    const stored = await proposalRow(P.agreed);
    expect(stored).toMatchObject({ status: 'presented', candidate_code: before.body.candidateCode, presented_by: world.users[ADVISOR] });
    expect(stored.anonymous_profile).toEqual(presented.body.profile);
    for (const value of forbidden()) expect(JSON.stringify(stored.anonymous_profile)).not.toContain(value);

    // Presenting twice is refused, naming the current status.
    const again = await adv.post(`/api/v1/candidates/${P.agreed}/presentation`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('(presented)');
    expect(again.body.currentStatus).toBe('presented');

    // The employer keeps seeing the snapshot, not later edits of the work profile.
    await sql`UPDATE work_profiles SET skills = ARRAY['heftruck'] WHERE resident_id = ${world.residents.ov1}`.execute(server.ownerDb);
    expect((await adv.get(`/api/v1/candidates/${P.agreed}`)).body.profile.skills).toEqual(['wondverzorging', 'plannen']);

    expect((await adv.post(`/api/v1/candidates/${P.agreed}/reveal`)).body.detail).toContain('De werkgever heeft nog geen gesprek toegezegd');
    const future = await adv.post(`/api/v1/candidates/${P.agreed}/interview-commitment`, { committedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.invalidParams[0].name).toBe('committedOn');
    const interview = await adv.post(`/api/v1/candidates/${P.agreed}/interview-commitment`, {});
    expect(interview.status).toBe(200);
    expect(interview.body).toMatchObject({ status: 'interviewAgreed', identity: null });
    expect(interview.body.interviewCommittedAt).not.toBeNull();
    for (const value of forbidden()) expect(JSON.stringify(interview.body), value).not.toContain(value);
    for (const value of forbidden()) expect(JSON.stringify((await adv.get('/api/v1/candidates')).body), value).not.toContain(value);

    const tReveal = trace();
    const revealed = await adv.post(`/api/v1/candidates/${P.agreed}/reveal`, {}, tReveal.headers);
    expect(revealed.status).toBe(200);
    expect(revealed.body.status).toBe('revealed');
    expect(revealed.body.identity).toEqual({ name: 'Zebulon Quirijn van der Xylofoonstra', phone: '06 98765432', email: 'zebulon.xylofoonstra@voorbeeld.example', residentId: world.residents.ov1 });
    expect(await logged(tReveal.id)).toEqual([{ action: 'candidates.reveal', processing_activity_id: 'PA-014', data_subject_id: pseudo(world.residents.ov1), actor_role: 'employerAdvisor' }]);
    expect((await proposalRow(P.agreed)).revealed_by).toBe(world.users[ADVISOR]);

    // After the reveal the identity stays visible to the advisor (and only the identity fields, not address or BSN).
    const after = await adv.get(`/api/v1/candidates/${P.agreed}`);
    expect(after.body.identity.name).toBe('Zebulon Quirijn van der Xylofoonstra');
    for (const value of [zebulonBsn, '3563QZ', 'Kwikstaartlaan', '1963-11-29']) expect(JSON.stringify(after.body)).not.toContain(value);
    const revealedAgain = await adv.post(`/api/v1/candidates/${P.agreed}/reveal`);
    expect(revealedAgain.status).toBe(409);
    expect(revealedAgain.body.currentStatus).toBe('revealed');
    // Another municipality's advisor still sees nothing.
    expect((await c(ADVISOR_AR).get(`/api/v1/candidates/${P.agreed}`)).status).toBe(404);

    // Once placed (the placements module sets the proposal to placed), the candidate links to the placement.
    const placement = randomUUID();
    await sql`INSERT INTO placements (municipality_id, id, resident_id, employer_id, vacancy_id, proposal_id, start_date, contract_type, hours_per_week, outflow, created_by)
      SELECT municipality_id, ${placement}, resident_id, ${revealed.body.vacancy.employer.id}, vacancy_id, id, '2026-12-01', 'temporary', 4, 'partial', ${world.users[ADVISOR]}
      FROM match_proposals WHERE id = ${P.agreed}`.execute(server.ownerDb);
    await sql`UPDATE match_proposals SET status = 'placed' WHERE id = ${P.agreed}`.execute(server.ownerDb);
    const placed = await adv.get(`/api/v1/candidates/${P.agreed}`);
    expect(placed.body).toMatchObject({ status: 'placed', placementId: placement, identity: { residentId: world.residents.ov1 } });
    expect(before.body.placementId).toBeNull();
  });

  it('refuses the reveal when the resident’s consent is not recorded', async () => {
    const res = await c(ADVISOR).post(`/api/v1/candidates/${P.noConsent}/reveal`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('De inwoner heeft nog niet ingestemd');
    expect(res.body.missing).toEqual(['De inwoner heeft nog niet ingestemd.']);
    expect((await proposalRow(P.noConsent)).revealed_by).toBeNull();
  });

  it('a rejection ends it: no reveal afterwards', async () => {
    const adv = c(ADVISOR);
    expect((await adv.post(`/api/v1/candidates/${P.reject}/rejection`, { note: 'Te weinig ervaring' })).status).toBe(409);
    expect((await adv.post(`/api/v1/candidates/${P.reject}/presentation`)).status).toBe(200);
    const rejected = await adv.post(`/api/v1/candidates/${P.reject}/rejection`, { note: 'Te weinig ervaring' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const stored = await sql<{ rejection_note: string | null }>`SELECT rejection_note FROM match_proposals WHERE id = ${P.reject}::uuid`.execute(server.ownerDb);
    expect(stored.rows).toEqual([{ rejection_note: 'Te weinig ervaring' }]);
    const reveal = await adv.post(`/api/v1/candidates/${P.reject}/reveal`);
    expect(reveal.status).toBe(409);
    expect(reveal.body.currentStatus).toBe('rejected');
    expect((await adv.post(`/api/v1/candidates/${P.reject}/interview-commitment`)).status).toBe(409);
  });

  it('of two racing presentations, and of two racing reveals, exactly one wins', async () => {
    const adv = c(ADVISOR);
    const other = await loginAs(server.baseUrl, ADVISOR);
    const presentations = await Promise.all([adv.post(`/api/v1/candidates/${P.race}/presentation`), other.post(`/api/v1/candidates/${P.race}/presentation`)]);
    expect(presentations.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(presentations.find((r) => r.status === 409)!.body.currentStatus).toBe('presented');
    expect((await adv.post(`/api/v1/candidates/${P.race}/interview-commitment`)).status).toBe(200);
    const t = [trace(), trace()];
    const reveals = await Promise.all([adv.post(`/api/v1/candidates/${P.race}/reveal`, {}, t[0]!.headers), other.post(`/api/v1/candidates/${P.race}/reveal`, {}, t[1]!.headers)]);
    expect(reveals.map((r) => r.status).sort()).toEqual([200, 409]);
    // Only the winner logged a reveal.
    const logs = [...(await logged(t[0]!.id)), ...(await logged(t[1]!.id))];
    expect(logs.map((l) => l.action)).toEqual(['candidates.reveal']);
  });

  it('the status guard holds when another change commits between the check and the update', async () => {
    // Another transaction changes the row and holds its lock; the request reads the old status (not yet committed),
    // passes the check, then waits on the row. When the other commits, the conditional UPDATE finds nothing: 409.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const isHeld = new Promise<void>((r) => (held = r));
    const holder = server.ownerDb.transaction().execute(async (tx) => {
      await sql`UPDATE match_proposals SET status = 'presented', presented_at = now() WHERE id = ${P.locked}`.execute(tx);
      held();
      await gate;
    });
    await isHeld;
    const pending = c(ADVISOR).post(`/api/v1/candidates/${P.locked}/presentation`);
    const waiting = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(server.ownerDb)).rows[0]!.n);
    for (let i = 0; i < 200 && (await waiting()) === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(1);
    release();
    await holder;
    const res = await pending;
    expect(res.status).toBe(409);
    expect(res.body.currentStatus).toBe('presented');
    expect((await proposalRow(P.locked)).presented_by).toBeNull();
  });
});

describe('an anonymous profile that names the resident', () => {
  it('is not presented: 409 naming the fields (not the name), nothing changes; after the werkmatcher fixes it, it is', async () => {
    const adv = c(ADVISOR);
    const ov2 = world.residents.ov2;
    const employer = (await sql<{ id: string }>`SELECT employer_id AS id FROM vacancies WHERE id = ${V.a}::uuid`.execute(server.ownerDb)).rows[0]!.id;
    const vacancy = await insertVacancy(world.utrecht, employer, world.users[ADVISOR]!, 'Zorghulp woensdag');
    const proposal = await insertProposal(world.utrecht, ov2, vacancy, world.users[ROLE_USERS.jobCoach]!, 'residentAgreed', true);
    const { given_names: given } = (await sql<{ given_names: string }>`SELECT given_names FROM residents WHERE id = ${ov2}::uuid`.execute(server.ownerDb)).rows[0]!;
    const firstName = given.split(' ')[0]!;
    const saved = (await sql<{ experience: unknown }>`SELECT experience FROM work_profiles WHERE resident_id = ${ov2}::uuid`.execute(server.ownerDb)).rows[0]!.experience;
    await sql`UPDATE work_profiles SET experience = ${JSON.stringify([{ description: `${firstName} werkte 3 jaar in de thuiszorg`, years: 3 }])}::jsonb
      WHERE resident_id = ${ov2}::uuid`.execute(server.ownerDb);

    const refused = await adv.post(`/api/v1/candidates/${proposal}/presentation`);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.title).toBe('Het profiel is niet anoniem');
    expect(refused.body.fields).toEqual(['experience[0].description']);
    expect(JSON.stringify(refused.body)).not.toContain(firstName);
    expect((await proposalRow(proposal)).status).toBe('residentAgreed');
    expect((await proposalRow(proposal)).anonymous_profile).toBeNull();

    await sql`UPDATE work_profiles SET experience = ${JSON.stringify(saved)}::jsonb WHERE resident_id = ${ov2}::uuid`.execute(server.ownerDb);
    const presented = await adv.post(`/api/v1/candidates/${proposal}/presentation`);
    expect(presented.status).toBe(200);
    expect(presented.body.status).toBe('presented');
  });
});

describe('what the advisor sends the employer: the anonymous profile as text and as a PDF', () => {
  // Zebulon (ov1) with his distinctive name, BSN, birth date, street, postcode, phone and e-mail: none of them may be
  // in the text block or the PDF text (pdftotext), before or after the reveal.
  let proposal: string;
  const download = async (username: string, id: string) => {
    const login = await fetch(`${server.baseUrl}/api/v1/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
    const cookie = login.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
    const t = trace();
    const res = await fetch(`${server.baseUrl}/api/v1/candidates/${id}/anonymous-profile/pdf`, { headers: { cookie, ...t.headers } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()), traceId: t.id };
  };
  beforeAll(async () => {
    proposal = await insertProposal(world.utrecht, world.residents.ov1, V.b, world.users[ROLE_USERS.jobCoach]!, 'residentAgreed', true);
  });

  it('before "Anoniem voorstellen" there is nothing to send yet: no text, the PDF answers 409', async () => {
    const res = await c(ADVISOR).get(`/api/v1/candidates/${proposal}`);
    expect(res.status).toBe(200);
    expect(res.body.anonymousText).toBeNull();
    const pdf = await download(ADVISOR, proposal);
    expect(pdf.status).toBe(409);
  });

  it('after presenting: a text block and a tagged PDF with the candidate code, the profile and no identifying data', async () => {
    const presented = await c(ADVISOR).post(`/api/v1/candidates/${proposal}/presentation`);
    expect(presented.status).toBe(200);
    const code: string = presented.body.candidateCode;
    expect(code).toMatch(/^K-[0-9A-F]{6}$/);
    const text: string = presented.body.anonymousText;
    expect(text.split('\n')[0]).toBe(`Kandidaat ${code}`);
    for (const words of ['Helpende zorg', 'Zorggroep Noord', 'Verzorgende', 'Vaardigheden:', 'Thuiszorg (3 jaar)', 'MBO 3 Verzorgende IG', '4 tot 20 uur per week', 'maandag 09:00–14:30', 'Past binnen schooltijden']) {
      expect(text, words).toContain(words);
    }
    for (const f of forbidden()) expect(text, f).not.toContain(f);

    const pdf = await download(ADVISOR, proposal);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.disposition).toBe(`attachment; filename="kandidaat-${code}.pdf"`);
    const raw = pdf.bytes.toString('latin1');
    for (const marker of ['/StructTreeRoot', '/Marked true', '/Lang (nl-NL)', '/S /H1', '/S /H2', '/S /L']) expect(raw, marker).toContain(marker);
    expect(raw).toContain('NotoSans');
    const pdfText = folded(await pdfToText(pdf.bytes));
    expect(pdfText).toContain(`Kandidaat ${code}`);
    for (const words of ['Gewenst werk', 'Verzorgende', 'Vaardigheden', '4 tot 20 uur per week']) expect(pdfText, words).toContain(words);
    // Nothing that identifies him: name, BSN, birth date (also as Dutch date), street, postcode, city, phone, e-mail.
    for (const f of [...forbidden(), '29-11-1963', '29 november 1963', '06 98765432', 'zebulon']) expect(pdfText.toLowerCase(), f).not.toContain(f.toLowerCase());
    expect(await logged(pdf.traceId)).toEqual([{ action: 'candidates.profilePdf', processing_activity_id: 'PA-014', data_subject_id: pseudo(world.residents.ov1), actor_role: 'employerAdvisor' }]);
  });

  it('the PDF is 404 for a proposal the resident did not agree to, an unknown one, another municipality’s advisor and a werkmatcher', async () => {
    expect((await download(ADVISOR, P.proposed)).status).toBe(404);
    expect((await download(ADVISOR, P.declined)).status).toBe(404);
    expect((await download(ADVISOR, randomUUID())).status).toBe(404);
    expect((await download(ADVISOR_AR, proposal)).status).toBe(404);
    expect((await download(ROLE_USERS.jobCoach, proposal)).status).toBe(404);
    expect((await download(ROLE_USERS.policyOfficer, proposal)).status).toBe(404);
  });
});
