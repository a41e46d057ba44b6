import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { addDaysIso } from '../../src/domain/search-period.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { ApiClient, loginAs, type ApiResponse } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { makeBsn } from '../helpers/fixtures.ts';
import { sampleBsns, sampleCsv } from '../../src/modules/imports/imports.sample.ts';
import { backdateMeeting, workday } from '../helpers/office-hours.ts';
import { startTestServer } from '../helpers/server.ts';
import { TEST_API_KEY, startBrpMock } from '../helpers/brp-mock.ts';

// Every operation of the OpenAPI document, one real request each, checked against the processing log
// (Logboek Dataverwerkingen): what the operation declares in x-processing is what it writes, for exactly the data
// subjects it processed. A table below holds one request per operationId; an operation without an entry, or an
// entry without an operation, fails the test. Operations that name a resident in their path (subjectParam) are also
// called for a resident outside the caller's scope: 404 and one entry with status error for that resident.

const API = '/api/v1';
const started = Date.now();
// A local Haal Centraal mock for the BRP lookup (test/helpers/brp-mock.ts).
const brpMock = await startBrpMock();
const server = await startTestServer({ template: 'demo', config: { brp: { url: brpMock.url, apiKey: TEST_API_KEY, timeoutMs: 3000 } } });
afterAll(async () => {
  await server.close();
  await brpMock.close();
});
const db = server.ownerDb;

// --- The operations of the document -------------------------------------------------------------------------------

type XProcessing =
  | { personalData: false; reason: string }
  | {
      personalData: true;
      activities: string[];
      actions: string[];
      subject: 'resident' | 'employerContact' | 'aggregate';
      subjectParam?: string;
      also?: Array<{ activity: string; action: string }>;
    };

interface Operation {
  id: string;
  method: string;
  /** Template relative to the API prefix, e.g. /residents/{id}/plan. */
  path: string;
  /** Absent on public routes (no session, no personal data). */
  processing?: XProcessing;
}

const doc = (await new ApiClient(server.baseUrl).get(`${API}/openapi.json`)).body;
const operations: Operation[] = Object.entries<Record<string, any>>(doc.paths ?? {}).flatMap(([path, item]) =>
  Object.entries<any>(item)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, op]) => ({ id: op.operationId ?? `${method} ${path}`, method: method.toUpperCase(), path, processing: op['x-processing'] })),
);

// --- The demo, looked up with the owner connection ----------------------------------------------------------------

const PERSONAS = [
  'werkmatcher.overvecht',
  'teamleider.overvecht',
  'buurtteam.overvecht',
  'werkgeversadviseur',
  'beleid',
  'privacy',
  'werkmatcher.arnhem',
  'beheerder',
  'werkmatcher.jongeren',
  'senior.jongeren',
  'onderzoeker',
] as const;
type Persona = (typeof PERSONAS)[number];
const WM: Persona = 'werkmatcher.overvecht';
const TL: Persona = 'teamleider.overvecht';
const BT: Persona = 'buurtteam.overvecht';
const WGA: Persona = 'werkgeversadviseur';
const BELEID: Persona = 'beleid';
const PRIVACY: Persona = 'privacy';
const WM_ARNHEM: Persona = 'werkmatcher.arnhem';
const ADMIN: Persona = 'beheerder';
const WMJ: Persona = 'werkmatcher.jongeren';
const SENIOR: Persona = 'senior.jongeren';
const ONDERZOEKER: Persona = 'onderzoeker';

async function rows<T>(query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}
async function one<T>(what: string, query: RawBuilder<T>): Promise<T> {
  const [row] = await rows(query);
  if (!row) throw new Error(`De demo heeft geen ${what}`);
  return row;
}
async function ids(what: string, n: number, query: RawBuilder<{ id: string }>): Promise<string[]> {
  const found = (await rows(query)).map((r) => r.id);
  if (found.length < n) throw new Error(`De demo heeft geen ${n} × ${what}`);
  return found;
}

const staff = new Map(
  (
    await rows(sql<{ username: string; id: string; roles: string[]; municipality_id: string; partner_organisation_id: string | null }>`
      SELECT username, id, roles, municipality_id, partner_organisation_id FROM staff_users
      WHERE username = ANY(${[...PERSONAS, 'werkmatcher.zuilen']}::text[])`)
  ).map((s) => [s.username, s]),
);
// Mijn Samenplan (issue 11): demo residents act for themselves (actor = the resident, role resident).
const NAIMA = 'inwoner.naima' as unknown as Persona;
const MARCO = 'inwoner.marco' as unknown as Persona;
for (const r of await rows(sql<{ username: string; id: string; municipality_id: string }>`
    SELECT portal_demo_username AS username, id, municipality_id FROM residents WHERE portal_demo_username IS NOT NULL`)) {
  staff.set(r.username, { ...r, roles: ['resident'], partner_organisation_id: null });
}
const isResidentPersona = (as: string) => as.startsWith('inwoner.');
async function portalLogin(username: string): Promise<ApiClient> {
  const c = new ApiClient(server.baseUrl);
  const res = await c.post(`${API}/portal/session/demo`, { username });
  if (res.status !== 201) throw new Error(`portal demo login ${username}: ${res.status}`);
  c.csrfToken = res.body.csrfToken;
  return c;
}
const user = (username: string) => staff.get(username) ?? (() => { throw new Error(`Geen demogebruiker ${username}`); })();
const utrecht = user(WM).municipality_id;
const wmId = user(WM).id;
const btOrg = user(BT).partner_organisation_id!;

const inArea = (code: string) => sql`r.area_id = (SELECT a.id FROM areas a WHERE a.municipality_id = r.municipality_id AND a.code = ${code})`;
const activeCase = (contactPerson: RawBuilder<unknown> = sql`true`) =>
  sql`EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.closed_on IS NULL AND ${contactPerson})`;
const activeConsentOfBt = sql`EXISTS (SELECT 1 FROM consents k WHERE k.municipality_id = r.municipality_id AND k.resident_id = r.id
  AND k.partner_organisation_id = ${btOrg}::uuid AND k.withdrawn_at IS NULL AND k.valid_from <= current_date
  AND (k.valid_to IS NULL OR k.valid_to >= current_date))`;

/** Residents, records and proposals of the demo that the requests below work on. */
const resident = (
  await one('inwoner met plan, belemmeringen, werkprofiel en gesprekken', sql<{ id: string }>`
    SELECT r.id FROM residents r
    WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND ${activeCase(sql`c.contact_person_id = ${wmId}::uuid`)}
      AND EXISTS (SELECT 1 FROM plans p JOIN plan_actions x ON x.municipality_id = p.municipality_id AND x.plan_id = p.id
                  WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active')
      AND EXISTS (SELECT 1 FROM barriers b WHERE b.municipality_id = r.municipality_id AND b.resident_id = r.id)
      AND EXISTS (SELECT 1 FROM work_profiles w WHERE w.municipality_id = r.municipality_id AND w.resident_id = r.id)
      AND EXISTS (SELECT 1 FROM meetings m WHERE m.municipality_id = r.municipality_id AND m.resident_id = r.id)
      AND NOT EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.municipality_id = r.municipality_id AND mp.resident_id = r.id)
    ORDER BY r.id LIMIT 1`)
).id;
const demo = {
  /** Werkmatcher Overvecht's own resident with everything: a plan with actions, barriers, a work profile, meetings. */
  resident,
  /** An Overvecht resident without an active plan (to start one). */
  withoutPlan: (
    await one('inwoner zonder plan', sql<{ id: string }>`
      SELECT r.id FROM residents r
      WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND ${activeCase()}
        AND NOT EXISTS (SELECT 1 FROM plans p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active')
      ORDER BY r.id LIMIT 1`)
  ).id,
  /** Another resident of Werkmatcher Overvecht (handed over to a colleague). */
  handover: (
    await one('tweede inwoner van werkmatcher Overvecht', sql<{ id: string }>`
      SELECT r.id FROM residents r
      WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND ${activeCase(sql`c.contact_person_id = ${wmId}::uuid`)}
        AND r.id <> ${resident}::uuid
      ORDER BY r.id DESC LIMIT 1`)
  ).id,
  /** An Overvecht resident of another werkmatcher (reassigned to Werkmatcher Overvecht by the teamleider). */
  othersCaseload: (
    await one('inwoner van een andere werkmatcher in Overvecht', sql<{ id: string }>`
      SELECT r.id FROM residents r
      WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')}
        AND ${activeCase(sql`c.contact_person_id <> ${wmId}::uuid`)}
      ORDER BY r.id LIMIT 1`)
  ).id,
  /** An Overvecht resident who gave Buurtteam Overvecht consent (shared view), and one who did not. */
  shared: (await one('inwoner met toestemming voor het buurtteam', sql<{ id: string }>`
      SELECT r.id FROM residents r WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND ${activeConsentOfBt}
      ORDER BY r.id LIMIT 1`)).id,
  notShared: (await one('inwoner zonder toestemming voor het buurtteam', sql<{ id: string }>`
      SELECT r.id FROM residents r WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND NOT ${activeConsentOfBt}
      ORDER BY r.id LIMIT 1`)).id,
  /** Outside Werkmatcher Overvecht's areas: Noordwest (Zuilen), and another municipality. */
  zuilen: (await one('inwoner in Noordwest', sql<{ id: string }>`
      SELECT r.id FROM residents r WHERE r.municipality_id = ${utrecht} AND ${inArea('noordwest')} ORDER BY r.id LIMIT 1`)).id,
  arnhem: (await one('inwoner in Arnhem', sql<{ id: string }>`
      SELECT r.id FROM residents r WHERE r.municipality_id = ${user('werkmatcher.arnhem').municipality_id} ORDER BY r.id LIMIT 1`)).id,
  /** In Werkmatcher Arnhem's own wijk (Noord). */
  arnhemNoord: (await one('inwoner in Arnhem-Noord', sql<{ id: string }>`
      SELECT r.id FROM residents r WHERE r.municipality_id = ${user('werkmatcher.arnhem').municipality_id} AND ${inArea('noord')} AND ${activeCase()}
      ORDER BY r.id LIMIT 1`)).id,
  /** A partner organisation none of the personas works for (for a consent). */
  otherOrg: (await one('andere partnerorganisatie', sql<{ id: string }>`
      SELECT id FROM partner_organisations WHERE municipality_id = ${utrecht} AND id <> ${btOrg}::uuid ORDER BY id LIMIT 1`)).id,
  /** Every partner organisation but the buurtteam persona's (the portal's consents). */
  otherOrgs: (await sql<{ id: string }>`
      SELECT id FROM partner_organisations WHERE municipality_id = ${utrecht} AND id <> ${btOrg}::uuid ORDER BY id`.execute(db)).rows.map((r) => r.id),
  /** An employer with business contacts (PA-017). */
  employer: (await one('werkgever met contactpersonen', sql<{ id: string }>`
      SELECT e.id FROM employers e WHERE e.municipality_id = ${utrecht}
        AND EXISTS (SELECT 1 FROM employer_contacts k WHERE k.municipality_id = e.municipality_id AND k.employer_id = e.id)
      ORDER BY e.id LIMIT 1`)).id,
  vacancy: (await one('vacature', sql<{ id: string; esco_code: string }>`
      SELECT id, esco_code FROM vacancies WHERE municipality_id = ${utrecht} AND status IN ('draft', 'open')
      ORDER BY status = 'draft' DESC, id LIMIT 1`)),
  /** Proposals of the demo, per status (Overvecht residents: in Werkmatcher Overvecht's scope). */
  proposals: Object.fromEntries(
    await Promise.all(
      (['proposed', 'residentAgreed', 'presented', 'interviewAgreed', 'revealed'] as const).map(async (status) => [
        status,
        await ids(`voorstellen met status ${status}`, 2, sql<{ id: string }>`
          SELECT p.id FROM match_proposals p JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
          WHERE p.municipality_id = ${utrecht} AND p.status = ${status} AND ${inArea('overvecht')} ORDER BY p.id`),
      ]),
    ),
  ) as Record<'proposed' | 'residentAgreed' | 'presented' | 'interviewAgreed' | 'revealed', string[]>,
  /** A placement of an Overvecht resident that started before today, with a follow-up still to do. */
  placement: await one('plaatsing met open nazorg', sql<{ id: string; resident_id: string; months: number }>`
      SELECT p.id, p.resident_id, min(f.months) AS months FROM placements p
      JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
      JOIN placement_follow_ups f ON f.municipality_id = p.municipality_id AND f.placement_id = p.id AND f.done_on IS NULL
      WHERE p.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND p.start_date < current_date
      GROUP BY p.id, p.resident_id ORDER BY p.id LIMIT 1`),
};
type Demo = typeof demo;
/** Issue 12: Overvecht residents still on benefit, for the outflow cases (not the demo's main resident). */
const outflowResidents = await benefitResidents();

/** The residents of proposals (candidate routes show no resident id until the reveal). */
async function residentsOfProposals(proposalIds: string[]): Promise<string[]> {
  return (await rows(sql<{ resident_id: string }>`
    SELECT resident_id FROM match_proposals WHERE municipality_id = ${utrecht} AND id = ANY(${proposalIds}::uuid[])`)).map((r) => r.resident_id);
}
async function residentsOfCampaign(campaignId: string): Promise<string[]> {
  return (await rows(sql<{ resident_id: string }>`
    SELECT resident_id FROM catch_up_campaign_residents WHERE municipality_id = ${utrecht} AND campaign_id = ${campaignId}::uuid`)).map((r) => r.resident_id);
}
async function meetingOf(residentId: string): Promise<string> {
  return (await one('gesprek', sql<{ id: string }>`
    SELECT id FROM meetings WHERE municipality_id = ${utrecht} AND resident_id = ${residentId}::uuid ORDER BY starts_at DESC, id LIMIT 1`)).id;
}

// --- Sessions ------------------------------------------------------------------------------------------------------

const sessions = new Map<Persona, ApiClient>();
async function session(as: Persona): Promise<ApiClient> {
  if (!sessions.has(as)) sessions.set(as, isResidentPersona(as) ? await portalLogin(as) : await loginAs(server.baseUrl, as));
  return sessions.get(as)!;
}

// --- Helpers for the request builders ------------------------------------------------------------------------------

const today = () => todayInNl();
const inDays = (n: number) => todayInNl(new Date(Date.now() + n * 86_400_000));
const hoursFromNow = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

/** A preparatory call (under a trace of its own, so not part of the entries checked): its response, or a readable failure. */
async function prepare(c: ApiClient, method: string, path: string, body?: unknown): Promise<ApiResponse<any>> {
  const res = await c.request(method, `${API}${path}`, body);
  if (res.status >= 300) throw new Error(`voorbereiding ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}
const etagOf = async (c: ApiClient, path: string) => (await prepare(c, 'GET', path)).headers.get('etag')!;
const planOf = async (c: ApiClient, residentId: string) => (await prepare(c, 'GET', `/residents/${residentId}/plan`)).body;
const futureMeeting = (over: Record<string, unknown> = {}) => ({
  type: 'followUp',
  startsAt: workday(2, '10:00'),
  endsAt: workday(2, '11:00'),
  mode: 'inPerson',
  location: 'Werkwinkel Overvecht',
  participants: [],
  ...over,
});
const idsOf = (items: Array<{ id: string }>) => items.map((i) => i.id);
const studyNamed = async (c: ApiClient, name: string) => {
  const found = (await prepare(c, 'GET', '/studies')).body.items.find((s: { name: string }) => s.name === name);
  if (!found) throw new Error(`geen studie ${name}`);
  return found as { id: string };
};

// --- One request per operation ---------------------------------------------------------------------------------------

interface Request {
  /** Values for the path parameters of the operation's template. */
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Case {
  /** Who sends it: a persona that may. */
  as: Persona;
  /** own (default): the persona's session; fresh: a session of its own (it may end it); none: no session (public). */
  session?: 'own' | 'fresh' | 'none';
  /** The request, built when its turn comes (after the cases above it), from the demo; preparatory calls allowed. */
  request?: (d: Demo, c: ApiClient) => Request | Promise<Request>;
  /**
   * Whose data the request processed (ids of residents, or of employer contacts), from the response or the demo.
   * Default: the resident named by the path (subjectParam), or 'aggregate'.
   */
  subjects?: (res: ApiResponse<any>, d: Demo) => string[] | Promise<string[]>;
  /** For the failure case: the resident outside the persona's scope (default: by persona, see outsideOf). */
  outside?: (d: Demo) => string;
}

const onResident = (as: Persona, pick: (d: Demo) => string = (d) => d.resident, more: Omit<Request, 'params'> = {}): Case => ({
  as,
  request: (d) => ({ params: { id: pick(d) }, ...more }),
});

const cases: Record<string, Case> = {
  // Beheer and session
  getHealth: { as: WM, session: 'none' },
  getLoginOptions: { as: WM, session: 'none' },
  createDemoSession: { as: WM, session: 'none', request: () => ({ body: { username: WM } }) },
  getSession: { as: WM },
  deleteSession: { as: BELEID, session: 'fresh' },

  // Organisation
  listAreas: { as: WM },
  listTeams: { as: WM },
  listPartnerOrganisations: { as: WM },
  listStaff: { as: WM, request: () => ({ query: { role: 'jobCoach' } }) },

  // Residents
  listResidents: { as: WM, request: () => ({ query: { limit: 25 } }), subjects: (res) => idsOf(res.body.items) },
  createResident: {
    as: WM,
    request: () => ({
      body: {
        bsn: makeBsn(4_242_424),
        givenNames: 'Noor',
        familyName: 'Verwerking',
        dateOfBirth: '1988-04-12',
        street: 'Teststraat',
        houseNumber: '12',
        postcode: '3562AB',
        city: 'Utrecht',
        householdType: 'single',
        educationLevel: 'mbo2to4',
      },
    }),
    subjects: (res) => [res.body.id],
  },
  // Through the consent: the shared view (PA-005); outside it, an Overvecht resident without consent.
  getResident: { ...onResident(BT, (d) => d.shared), outside: (d) => d.notShared },
  updateResident: {
    as: WM,
    request: async (d, c) => ({
      params: { id: d.resident },
      headers: { 'if-match': await etagOf(c, `/residents/${d.resident}`) },
      body: { phone: '06 24681357' },
    }),
  },
  getResidentBsn: { ...onResident(WM), outside: (d) => d.arnhem },
  // In another municipality: pseudonyms are keyed to the caller's municipality; outside, a resident of Utrecht.
  listContactPersonHistory: onResident(WM_ARNHEM, (d) => d.arnhemNoord),
  changeContactPerson: onResident(WM, (d) => d.handover, {
    body: { staffUserId: user('werkmatcher.zuilen').id, handoverNote: 'Warme overdracht: zie het plan en de laatste afspraken.' },
  }),
  listConsents: onResident(WM),
  createConsent: onResident(WM, (d) => d.resident, {
    body: { partnerOrganisationId: demo.otherOrg, purpose: 'Samen schulden op een rij zetten', validFrom: today() },
  }),
  withdrawConsent: {
    as: WM,
    request: async (d, c) => {
      const consent = await prepare(c, 'POST', `/residents/${d.resident}/consents`, { partnerOrganisationId: d.otherOrg, purpose: 'Even meekijken', validFrom: today() });
      return { params: { id: d.resident, consentId: consent.body.id } };
    },
  },
  listContactMoments: { ...onResident(WM), outside: (d) => d.arnhem },
  createContactMoment: {
    as: WM,
    request: (d) => ({ params: { id: d.resident }, body: { occurredAt: hoursFromNow(-2), channel: 'phone', summary: 'Gebeld over de vacature' } }),
  },
  listResidentProcessingLog: onResident(PRIVACY),

  // The privacy officer: a lookup by BSN with a reason (PA-007), the log and its filters, the register, the export (PA-019)
  lookupResidentProcessing: {
    as: PRIVACY,
    request: async (d) => ({
      body: { bsn: (await one('BSN', sql<{ bsn: string }>`SELECT bsn FROM residents WHERE id = ${d.resident}::uuid`)).bsn, reason: 'Controle na een klacht van de inwoner' },
    }),
    subjects: (_res, d) => [d.resident],
  },
  // Issue 16: an erasure request (PA-042): the demo resident has an active case, so it is refused (and logged).
  createErasureRequest: {
    as: PRIVACY,
    request: async (d) => ({
      body: { bsn: (await one('BSN', sql<{ bsn: string }>`SELECT bsn FROM residents WHERE id = ${d.resident}::uuid`)).bsn, reason: 'Brief van de inwoner: wil gewist worden' },
    }),
    subjects: (_res, d) => [d.resident],
  },
  // Issue 16: what the law says before deciding (nothing changes, logged with the request), and the decisions taken.
  assessErasureRequest: {
    as: PRIVACY,
    request: async (d) => ({
      body: { bsn: (await one('BSN', sql<{ bsn: string }>`SELECT bsn FROM residents WHERE id = ${d.resident}::uuid`)).bsn, reason: 'Brief van de inwoner: wil gewist worden' },
    }),
    subjects: (_res, d) => [d.resident],
  },
  listErasureRequests: { as: PRIVACY },
  searchProcessingLog: { as: PRIVACY, request: () => ({ query: { activity: 'PA-001', limit: 10 } }) },
  listProcessingLogActors: { as: PRIVACY },
  listProcessingActivities: { as: PRIVACY },
  exportSubjectAccess: onResident(PRIVACY, (d) => d.resident, { query: { format: 'csv' } }),

  // Situation: assessments and barriers
  getAssessmentScales: { as: WM },
  listAssessments: onResident(WM),
  createAssessment: onResident(WM, (d) => d.resident, { body: { scores: { finances: 3, housing: 4 }, ladderRung: 3, note: 'Samen gescoord' } }),
  listBarriers: onResident(BT, (d) => d.shared),
  createBarrier: onResident(WM, (d) => d.resident, { body: { domain: 'finances', description: 'Betalingsachterstand bij de woningcorporatie' } }),
  updateBarrier: {
    as: WM,
    request: async (d, c) => {
      const [barrier] = (await prepare(c, 'GET', `/residents/${d.resident}/barriers`)).body.items;
      return {
        params: { id: d.resident, barrierId: barrier.id },
        headers: { 'if-match': `"barrier-${barrier.id}-v${barrier.version}"` },
        body: { description: `${barrier.description} (bijgewerkt)`.slice(0, 2000) },
      };
    },
  },

  // The plan
  getPlan: onResident(WM),
  createPlan: onResident(WM, (d) => d.withoutPlan, { body: { goals: [{ title: 'Werk vinden in de zorg' }] } }),
  updatePlan: {
    as: WM,
    request: async (d, c) => ({
      params: { id: d.resident },
      headers: { 'if-match': await etagOf(c, `/residents/${d.resident}/plan`) },
      body: { agreement: { agreedOn: today(), how: 'inPerson' } },
    }),
  },
  createPlanGoal: {
    as: WM,
    request: async (d, c) => ({
      params: { id: d.resident },
      headers: { 'if-match': await etagOf(c, `/residents/${d.resident}/plan`) },
      body: { title: 'Fietsen naar het werk' },
    }),
  },
  updatePlanGoal: {
    as: WM,
    request: async (d, c) => {
      const plan = await planOf(c, d.resident);
      return {
        params: { id: d.resident, goalId: plan.goals[0].id },
        headers: { 'if-match': await etagOf(c, `/residents/${d.resident}/plan`) },
        body: { description: 'Samen besproken en aangescherpt' },
      };
    },
  },
  createPlanAction: {
    as: WM,
    request: async (d, c) => {
      const plan = await planOf(c, d.resident);
      return {
        params: { id: d.resident, goalId: plan.goals[0].id },
        headers: { 'if-match': await etagOf(c, `/residents/${d.resident}/plan`) },
        body: { description: 'Cv bijwerken', owner: { type: 'resident' }, dueDate: inDays(14) },
      };
    },
  },
  updatePlanAction: {
    as: WM,
    request: async (d, c) => {
      const plan = await planOf(c, d.resident);
      const action = plan.goals.flatMap((g: any) => g.actions)[0];
      return {
        params: { id: d.resident, actionId: action.id },
        headers: { 'if-match': await etagOf(c, `/residents/${d.resident}/plan`) },
        body: { dueDate: inDays(21) },
      };
    },
  },
  listPlanVersions: onResident(WM),
  downloadPlanPdf: onResident(WM),

  // Meetings
  listMyMeetings: {
    as: WM,
    request: () => ({ query: { from: hoursFromNow(-24 * 30), to: hoursFromNow(24 * 30) } }),
    subjects: (res) => res.body.items.map((m: any) => m.resident.id),
  },
  listResidentMeetings: onResident(WM),
  // Without an agenda, the open barriers make one (PA-008 barriers.list, declared in also).
  createMeeting: onResident(WM, (d) => d.resident, { body: futureMeeting() }),
  getMeeting: {
    as: WM,
    request: async (d) => ({ params: { meetingId: await meetingOf(d.resident) } }),
    subjects: (_res, d) => [d.resident],
  },
  updateMeeting: {
    as: WM,
    request: async (d, c) => {
      const created = await prepare(c, 'POST', `/residents/${d.resident}/meetings`, futureMeeting({ agenda: null }));
      return { params: { meetingId: created.body.id }, headers: { 'if-match': created.headers.get('etag')! }, body: { location: 'Wijkcentrum De Dreef' } };
    },
    subjects: (_res, d) => [d.resident],
  },
  downloadMeetingInvitation: {
    as: WM,
    request: async (d) => ({ params: { meetingId: await meetingOf(d.resident) } }),
    subjects: (_res, d) => [d.resident],
  },
  // A meeting that was held; the report puts an agreed action into the plan (also: plans, contact moments).
  createMeetingReport: {
    as: WM,
    request: async (d, c) => {
      // Planned ahead, then moved back in time: it took place (a past start cannot be planned).
      const held = (await prepare(c, 'POST', `/residents/${d.resident}/meetings`, futureMeeting({ agenda: null }))).body;
      await backdateMeeting(db, held.id, hoursFromNow(-3), hoursFromNow(-2));
      return {
        params: { meetingId: held.id },
        body: {
          report: 'Besproken: de stap naar werk in de zorg.',
          attendance: held.participants.map((p: any) => ({ participantId: p.id, attended: true })),
          agreedActions: [{ goalTitle: 'Werk in de zorg', description: 'Vacatures in de zorg bekijken', owner: { type: 'resident' }, dueDate: inDays(7) }],
        },
      };
    },
    subjects: (_res, d) => [d.resident],
  },

  // Worklist and notifications
  getWorklist: {
    as: WM,
    subjects: (res) =>
      ['newInCaseload', 'dueActions', 'overContactNorm', 'upcomingMeetings', 'newWithoutPlan'].flatMap((list) => res.body[list].map((x: any) => x.resident.id)),
  },
  // The buurtteam's own werklijst (PA-018): every resident shown.
  getPartnerWorklist: {
    as: BT,
    subjects: (res) => ['openActions', 'meetings', 'consentsEndingSoon'].flatMap((list) => res.body[list].map((x: any) => x.resident.id)),
  },
  listNotifications: { as: WM },
  markNotificationRead: {
    as: WM,
    request: async (_d, c) => ({ params: { id: (await prepare(c, 'GET', '/notifications')).body.items[0].id } }),
  },

  // Team (teamleider)
  listTeamCaseloads: { as: TL },
  createReassignment: {
    as: TL,
    request: (d) => ({ body: { residentIds: [d.othersCaseload], toStaffUserId: wmId, handoverNote: 'Overdracht: de inwoner wil snel aan het werk.' } }),
    subjects: (_res, d) => [d.othersCaseload],
  },
  previewCatchUpCampaign: {
    as: TL,
    request: () => ({ body: { criteria: { minMonthsOnBenefit: 24, minMonthsWithoutContact: 6 } } }),
    subjects: (res) => idsOf(res.body.sample),
  },
  // Strict criteria, so that only a handful of residents is divided (the demo's running campaign already holds the
  // residents 36 months on benefit and 6 months without contact: they are not selected again).
  createCatchUpCampaign: {
    as: TL,
    request: async (_d, c) => {
      for (const [minMonthsOnBenefit, minMonthsWithoutContact] of [[240, 36], [180, 24], [120, 24], [96, 18], [72, 12], [48, 12], [300, 5], [300, 4], [240, 5], [240, 4], [180, 5], [180, 4], [300, 3], [240, 3], [180, 3], [120, 3], [24, 6], [24, 12], [24, 18]]) {
        const criteria = { minMonthsOnBenefit, minMonthsWithoutContact };
        const { total, fingerprint } = (await prepare(c, 'POST', '/catch-up-campaigns/preview', { criteria, staffUserIds: [wmId] })).body;
        if (total > 0 && total <= 25) return { body: { criteria, name: 'Inhaalslag logboektest', staffUserIds: [wmId], previewFingerprint: fingerprint } };
      }
      throw new Error('geen criteria met 1 tot 25 inwoners');
    },
    subjects: (res) => residentsOfCampaign(res.body.id),
  },
  listCatchUpCampaigns: { as: TL },
  getCatchUpCampaign: {
    as: TL,
    request: async (_d, c) => ({ params: { id: (await prepare(c, 'GET', '/catch-up-campaigns')).body.items[0].id } }),
    subjects: (res) => residentsOfCampaign(res.body.id),
  },
  closeCatchUpCampaign: {
    as: TL,
    request: async (_d, c) => ({ params: { id: (await prepare(c, 'GET', '/catch-up-campaigns')).body.items.find((x: any) => x.status === 'active').id } }),
    subjects: (res) => residentsOfCampaign(res.body.id),
  },

  // ESCO
  searchEscoOccupations: { as: WGA, request: () => ({ query: { q: 'schoonmaker' } }) },
  getEscoOccupation: { as: WGA, request: (d) => ({ params: { code: d.vacancy.esco_code } }) },

  // Employers (werkgeversadviseur); business contacts are data subjects of their own (PA-017)
  listEmployers: { as: WGA },
  createEmployer: { as: WGA, request: () => ({ body: { name: 'Bakkerij De Korenschoof', sector: 'Voeding' } }) },
  getEmployer: { as: WGA, request: (d) => ({ params: { id: d.employer } }), subjects: (res) => idsOf(res.body.contacts) },
  updateEmployer: {
    as: WGA,
    request: async (d, c) => ({ params: { id: d.employer }, headers: { 'if-match': await etagOf(c, `/employers/${d.employer}`) }, body: { notes: 'Wil graag leerwerkplekken bieden' } }),
    subjects: (res) => idsOf(res.body.contacts),
  },
  createEmployerLocation: { as: WGA, request: (d) => ({ params: { id: d.employer }, body: { name: 'Magazijn', postcode: '3542AB', city: 'Utrecht' } }) },
  createEmployerContact: {
    as: WGA,
    request: (d) => ({ params: { id: d.employer }, body: { name: 'Petra de Groot', jobTitle: 'HR-adviseur', email: 'petra@example.org' } }),
    subjects: (res) => [res.body.id],
  },
  createEmployerAgreement: {
    as: WGA,
    request: (d) => ({ params: { id: d.employer }, body: { kind: 'antiDiscrimination', title: 'Verklaring inclusief werkgeverschap', periodStart: today(), periodEnd: inDays(365) } }),
  },

  // Vacancies
  listVacancies: { as: WGA },
  createVacancy: {
    as: WGA,
    request: (d) => ({
      body: {
        employerId: d.employer,
        title: 'Medewerker bakkerij',
        escoCode: d.vacancy.esco_code,
        requiredSkills: ['deeg maken'],
        niceToHaveSkills: [],
        hoursPerWeek: 20,
        schedule: [{ day: 2, from: '09:00', to: '14:00' }],
        postcode: '3562AB',
        contractType: 'temporary',
        instruments: ['trialPlacement'],
        drivingLicenceRequired: false,
        status: 'draft',
      },
    }),
  },
  getVacancy: { as: WGA, request: (d) => ({ params: { id: d.vacancy.id } }) },
  updateVacancy: {
    as: WGA,
    request: async (d, c) => ({
      params: { id: d.vacancy.id },
      headers: { 'if-match': await etagOf(c, `/vacancies/${d.vacancy.id}`) },
      body: { jobCarvingNotes: 'Taken op maat te maken' },
    }),
  },

  // Work profile and matching (werkmatcher)
  getWorkProfile: onResident(WM),
  putWorkProfile: {
    as: WM,
    request: async (d, c) => {
      const got = await prepare(c, 'GET', `/residents/${d.resident}/work-profile`);
      const p = got.body;
      return {
        params: { id: d.resident },
        headers: { 'if-match': got.headers.get('etag')! },
        body: {
          desiredOccupations: p.desiredOccupations.map((o: any) => ({ escoCode: o.escoCode })),
          skills: p.skills,
          experience: p.experience,
          education: p.education,
          hoursMin: p.hoursMin,
          hoursMax: p.hoursMax,
          availability: p.availability,
          maxTravelKm: p.maxTravelKm,
          hasDrivingLicence: p.hasDrivingLicence,
          preferredContractTypes: p.preferredContractTypes,
          preferredSectors: p.preferredSectors,
          preferencesNote: 'Liever overdag',
        },
      };
    },
  },
  listVacancyMatches: onResident(WM),
  listCandidateMatches: {
    as: WM,
    request: async (d, c) => ({ params: { id: (await prepare(c, 'GET', `/residents/${d.resident}/vacancy-matches`)).body.items[0].vacancy.id } }),
    subjects: (res) => res.body.items.map((i: any) => i.resident.id),
  },

  // Proposals (werkmatcher)
  createProposal: {
    as: WM,
    request: async (d, c) => {
      const matches = (await prepare(c, 'GET', `/residents/${d.resident}/vacancy-matches`)).body.items;
      const open = matches.find((m: any) => m.proposal === null);
      if (!open) throw new Error('geen passende vacature zonder voorstel');
      return { params: { id: d.resident }, body: { vacancyId: open.vacancy.id, note: 'Past bij de uren' } };
    },
  },
  listResidentProposals: onResident(WM),
  recordProposalResidentResponse: {
    as: WM,
    request: (d) => ({ params: { id: d.proposals.proposed[0]! }, body: { agreed: true, how: 'phone' } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.proposed[0]!]),
  },
  withdrawProposal: {
    as: WM,
    request: (d) => ({ params: { id: d.proposals.proposed[1]! } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.proposed[1]!]),
  },

  // Candidates (werkgeversadviseur): anonymous until the reveal, so the residents come from the demo
  listCandidates: { as: WGA, request: () => ({ query: { limit: 20 } }), subjects: (res) => residentsOfProposals(res.body.items.map((i: any) => i.proposalId)) },
  getCandidate: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.interviewAgreed[1]! } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.interviewAgreed[1]!]),
  },
  presentCandidate: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.residentAgreed[0]! } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.residentAgreed[0]!]),
  },
  downloadCandidateProfilePdf: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.interviewAgreed[1]! } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.interviewAgreed[1]!]),
  },
  commitCandidateInterview: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.presented[0]! }, body: {} }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.presented[0]!]),
  },
  rejectCandidate: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.presented[1]! }, body: { note: 'Past niet bij het team' } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.presented[1]!]),
  },
  revealCandidate: {
    as: WGA,
    request: (d) => ({ params: { proposalId: d.proposals.interviewAgreed[0]! } }),
    subjects: (_res, d) => residentsOfProposals([d.proposals.interviewAgreed[0]!]),
  },

  // Placements
  createPlacement: {
    as: WGA,
    request: async (d) => {
      const proposal = await one('voorstel', sql<{ resident_id: string; employer_id: string }>`
        SELECT p.resident_id, v.employer_id FROM match_proposals p JOIN vacancies v ON v.municipality_id = p.municipality_id AND v.id = p.vacancy_id
        WHERE p.municipality_id = ${utrecht} AND p.id = ${d.proposals.revealed[0]!}::uuid`);
      return {
        body: {
          residentId: proposal.resident_id,
          employerId: proposal.employer_id,
          proposalId: d.proposals.revealed[0]!,
          startDate: inDays(7),
          contractType: 'temporary',
          hoursPerWeek: 24,
          outflow: 'partial',
        },
      };
    },
    subjects: (res) => [res.body.residentId],
  },
  listPlacements: { as: WM, subjects: (res) => res.body.items.map((p: any) => p.residentId) },
  getPlacement: { as: WM, request: (d) => ({ params: { id: d.placement.id } }), subjects: (_res, d) => [d.placement.resident_id] },
  listResidentPlacements: onResident(WM, (d) => d.placement.resident_id),
  recordPlacementFollowUp: {
    as: WM,
    request: async (d, c) => ({
      params: { id: d.placement.id, months: d.placement.months },
      headers: { 'if-match': await etagOf(c, `/placements/${d.placement.id}`) },
      body: { doneOn: today(), stillEmployed: true, note: 'Gaat goed' },
    }),
    subjects: (_res, d) => [d.placement.resident_id],
  },

  // Studies (issue 14): the demo's Weten wat werkt is allocated; a new study of the teamleider takes the enrolment.
  createStudy: {
    as: TL,
    request: () => ({
      body: {
        name: 'Proef (verwerkingstest)', eligibility: 'Bijstand', targetSize: 40, startsOn: today(), endsOn: inDays(365), primaryOutcome: 'workingOver12h',
        arms: [{ key: 'controle', name: 'Controle', isControl: true }, { key: 'extra_hulp', name: 'Extra hulp', isControl: false, contactEveryDays: 14 }],
      },
    }),
  },
  listStudies: { as: TL },
  calculateStudyPower: { as: TL, request: () => ({ body: { kind: 'means', delta: 0.3, sd: 1 } }) },
  getStudy: { as: WM, request: async (d, c) => ({ params: { id: (await studyNamed(c, 'Weten wat werkt')).id } }) },
  enrolStudyParticipant: {
    as: WM,
    request: async (d, c) => ({
      params: { id: (await studyNamed(c, 'Proef (verwerkingstest)')).id },
      body: { residentId: d.resident, consentGiven: true, consentGivenOn: today(), educationLevel: 'midden' },
    }),
    subjects: (_res, d) => [d.resident],
  },
  allocateStudy: {
    as: TL,
    request: async (d, c) => {
      const study = await studyNamed(c, 'Proef (verwerkingstest)');
      // One more participant of the teamleider's team, so that both arms can be filled.
      const other = await one('tweede inwoner', sql<{ id: string }>`SELECT r.id FROM residents r JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        WHERE r.municipality_id = ${utrecht} AND a.name = 'Overvecht' AND r.id <> ${d.resident}::uuid ORDER BY r.id LIMIT 1`);
      await prepare(c, 'POST', `/studies/${study.id}/participants`, { residentId: other.id, consentGiven: true, consentGivenOn: today(), educationLevel: 'laag' });
      return { params: { id: study.id } };
    },
    subjects: async () => (await rows(sql<{ resident_id: string }>`SELECT sp.resident_id FROM study_participants sp JOIN studies s ON s.id = sp.study_id
      WHERE s.name = 'Proef (verwerkingstest)'`)).map((r) => r.resident_id),
  },
  enrolStudyParticipantBatch: {
    as: TL,
    request: async (d, c) => {
      const study = await prepare(c, 'POST', '/studies', {
        name: 'Proef (batch)', eligibility: 'Bijstand', targetSize: 40, startsOn: today(), endsOn: inDays(365), primaryOutcome: 'workingOver12h',
        arms: [{ key: 'controle', name: 'Controle', isControl: true }, { key: 'extra_hulp', name: 'Extra hulp', isControl: false, contactEveryDays: 14 }],
      });
      const two = await ids('twee inwoners van Overvecht', 2, sql<{ id: string }>`SELECT r.id FROM residents r JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        WHERE r.municipality_id = ${utrecht} AND a.name = 'Overvecht' ORDER BY r.id DESC LIMIT 2`);
      return { params: { id: study.body.id }, body: { participants: two.map((residentId) => ({ residentId, consentGiven: true, consentGivenOn: today(), educationLevel: 'laag' })) } };
    },
    subjects: (res) => res.body.participants.map((p: { residentId: string }) => p.residentId),
  },
  getStudyOverview: { as: BELEID, request: async (d, c) => ({ params: { id: (await studyNamed(c, 'Weten wat werkt')).id } }) },
  exportStudyDataset: {
    as: ONDERZOEKER,
    request: async (d, c) => ({ params: { id: (await studyNamed(c, 'Weten wat werkt')).id } }),
    subjects: async () => (await rows(sql<{ resident_id: string }>`SELECT sp.resident_id FROM study_participants sp JOIN studies s ON s.municipality_id = sp.municipality_id AND s.id = sp.study_id
      WHERE s.municipality_id = ${utrecht} AND s.name = 'Weten wat werkt' AND sp.arm_key IS NOT NULL`)).map((r) => r.resident_id),
  },
  analyseStudy: { as: BELEID, request: async (d, c) => ({ params: { id: (await studyNamed(c, 'Weten wat werkt')).id }, query: { se: 'HC2' } }) },
  listResidentStudyRules: onResident(WM),

  // Fairness monitor and algorithm register
  getFairnessMonitor: { as: BELEID },

  // Team Jongeren (issue 13): search periods (PA-028) and exemptions with the senior's check (PA-029).
  createSearchPeriod: {
    as: WMJ,
    request: async () => ({
      params: {
        id: (await one('jongere zonder zoektermijn', sql<{ id: string }>`
          SELECT r.id FROM residents r WHERE r.municipality_id = ${utrecht} AND ${activeCase(sql`c.contact_person_id = ${user(WMJ).id}::uuid`)}
            AND r.date_of_birth > current_date - interval '26 years' AND r.date_of_birth <= current_date - interval '18 years'
            AND NOT EXISTS (SELECT 1 FROM youth_search_periods sp WHERE sp.municipality_id = r.municipality_id AND sp.resident_id = r.id)
          ORDER BY r.id LIMIT 1`)).id,
      },
      body: { reportDate: today() },
    }),
    outside: (d) => d.arnhem,
  },
  listResidentSearchPeriods: { as: WMJ, request: async () => ({ params: { id: (await youthRunning(0)).resident_id } }), outside: (d) => d.arnhem },
  listSearchPeriods: { as: WMJ, subjects: (res) => res.body.items.map((p: any) => p.residentId) },
  getSearchPeriod: { as: WMJ, request: async () => ({ params: { periodId: (await youthRunning(0)).id } }), subjects: async () => [(await youthRunning(0)).resident_id] },
  recordSearchActivity: {
    as: WMJ,
    request: async () => ({ params: { periodId: (await youthRunning(0)).id }, body: { occurredOn: today(), kind: 'jobApplication', description: 'Gesolliciteerd bij de bibliotheek' } }),
    subjects: async () => [(await youthRunning(0)).resident_id],
  },
  handleSearchPeriodEarly: {
    as: WMJ,
    request: async () => ({ params: { periodId: (await youthRunning(1)).id }, body: { reason: 'Geen onderdak: de aanvraag gaat eerder in behandeling.' } }),
    subjects: async (res) => [res.body.residentId],
  },
  withdrawSearchPeriod: {
    as: WMJ,
    request: async () => ({ params: { periodId: (await youthRunning(1)).id }, body: { reason: 'Zelf werk gevonden.' } }),
    subjects: async (res) => [res.body.residentId],
  },
  proposeExemption: {
    as: WMJ,
    request: async () => ({ params: { periodId: (await youthRunning(1)).id }, body: { legalBasis: 'Art. 41 lid 4 Participatiewet', reasonCategory: 'statusHolder' } }),
    subjects: async (res) => [res.body.residentId],
  },
  listExemptions: { as: SENIOR, subjects: (res) => res.body.items.map((e: any) => e.residentId) },
  confirmExemption: {
    as: SENIOR,
    request: async () => ({ params: { exemptionId: (await youthPendingExemption()).id }, body: { note: 'Akkoord' } }),
    subjects: (res) => [res.body.residentId],
  },
  rejectExemption: {
    as: SENIOR,
    request: async () => {
      const period = await youthRunning(1);
      const proposed = await prepare(await session(WMJ), 'POST', `/youth/search-periods/${period.id}/exemptions`, { legalBasis: 'Art. 41 lid 4 Participatiewet', reasonCategory: 'ongoingCare' });
      return { params: { exemptionId: proposed.body.id }, body: { note: 'Eerst bespreken in het casuïstiekoverleg.' } };
    },
    subjects: (res) => [res.body.residentId],
  },
  createYouthReferral: {
    as: WMJ,
    request: async () => ({
      params: { id: (await youthRunning(0)).resident_id },
      body: {
        partnerKind: 'youthCare', organisationName: 'Jeugdzorg Utrecht', professionalName: 'Sanne de Boer', contextSummary: 'Verlaat de woongroep.',
        consent: { given: true, on: today() }, urgency: 'soon',
      },
    }),
    outside: (d) => d.arnhem,
  },
  listResidentYouthReferrals: { as: WMJ, request: async () => ({ params: { id: (await youthReferral()).resident_id } }), outside: (d) => d.arnhem },
  listYouthReferrals: { as: WMJ, subjects: (res) => res.body.items.map((f: any) => f.residentId) },
  planYouthIntake: {
    as: WMJ,
    request: async () => ({
      params: { referralId: (await youthReferral()).id },
      body: { startsAt: workday(3, '10:00'), endsAt: workday(3, '11:00'), mode: 'inPerson', location: 'Werkwinkel Centrum' },
    }),
    subjects: (res) => [res.body.residentId],
  },
  requestCustomProvision: {
    as: WMJ,
    request: async () => ({
      params: { id: (await youthRunning(0)).resident_id },
      body: { kind: 'books', description: 'Studieboeken', amountCents: 8_950, ruleRoom: 'Art. 35 Participatiewet', justification: 'Voor de opleiding.' },
    }),
    outside: (d) => d.arnhem,
  },
  listResidentCustomProvisions: { as: WMJ, request: async () => ({ params: { id: (await youthRunning(0)).resident_id } }), outside: (d) => d.arnhem },
  listCustomProvisions: { as: WMJ, subjects: (res) => res.body.items.map((p: any) => p.residentId) },
  approveCustomProvision: {
    as: SENIOR,
    request: async () => ({ params: { provisionId: (await youthProvision('requested')).id }, body: {} }),
    subjects: (res) => [res.body.residentId],
  },
  rejectCustomProvision: {
    as: SENIOR,
    request: async () => {
      const created = await prepare(await session(WMJ), 'POST', `/residents/${(await youthRunning(0)).resident_id}/provisions`, {
        kind: 'laptop', description: 'Tweede laptop', amountCents: 70_000, ruleRoom: 'Art. 35 Participatiewet', justification: 'Kapot.',
      });
      return { params: { provisionId: created.body.id }, body: { note: 'Eerst de garantie van de eerste laptop.' } };
    },
    subjects: (res) => [res.body.residentId],
  },
  payCustomProvision: {
    as: WMJ,
    request: async () => ({ params: { provisionId: (await youthProvision('approved')).id }, body: { paidOn: today(), reference: 'MW-TEST-1' } }),
    subjects: (res) => [res.body.residentId],
  },
  listCustomProvisionBudgets: { as: WMJ, request: () => ({ query: { year: Number(today().slice(0, 4)) } }) },
  // Case reviews (PA-048): a casuïstiekoverleg far ahead (no demo review on that day), a young person on its agenda.
  createYouthCaseReview: { as: WMJ, request: () => ({ body: { kind: 'caseConsultation', heldOn: addDaysIso(today(), 45) } }) },
  listYouthCaseReviews: { as: WMJ },
  addYouthCaseReviewItem: {
    as: WMJ,
    request: async (_d, c) => {
      const review = (await prepare(c, 'GET', '/youth/case-reviews')).body.items.find((r: { heldOn: string }) => r.heldOn === addDaysIso(today(), 45));
      return { params: { reviewId: review.id }, body: { residentId: (await youthRunning(0)).resident_id, question: 'Zoektermijn of eerst schuldhulp?' } };
    },
    subjects: (res) => [res.body.residentId],
  },
  getYouthCaseReview: {
    as: WMJ,
    request: async (_d, c) => ({ params: { reviewId: (await prepare(c, 'GET', '/youth/case-reviews')).body.items.find((r: { heldOn: string }) => r.heldOn === addDaysIso(today(), 45)).id } }),
    subjects: (res) => res.body.items.map((i: { residentId: string }) => i.residentId),
  },
  recordYouthCaseReviewOutcome: {
    as: WMJ,
    request: async (_d, c) => {
      const review = (await prepare(c, 'GET', '/youth/case-reviews')).body.items.find((r: { heldOn: string }) => r.heldOn === addDaysIso(today(), 45));
      const item = (await prepare(c, 'GET', `/youth/case-reviews/${review.id}`)).body.items[0];
      return { params: { itemId: item.id }, body: { discussion: 'Besproken met het team.', decision: 'Eerst schuldhulp.', actions: [{ description: 'Aanmelden bij schuldhulp' }] } };
    },
    subjects: (res) => [res.body.residentId],
  },
  // Transition moments (PA-049): the demo's young person handed over by school/RMC has one.
  listResidentTransitionMoments: { as: WMJ, request: async () => ({ params: { id: (await youthRunning(0)).resident_id } }), outside: (d) => d.arnhem },
  listYouthTransitionMoments: { as: WMJ, subjects: (res) => res.body.items.map((i: { residentId: string }) => i.residentId) },
  getYouthCouncilLetter: { as: BELEID, request: () => ({ query: { year: Number(today().slice(0, 4)) } }) },
  downloadYouthCouncilLetterPdf: { as: BELEID, request: () => ({ query: { year: Number(today().slice(0, 4)) } }) },
  getExemptionRate: { as: BELEID, request: () => ({ query: { year: Number(today().slice(0, 4)) } }) },
  getMatcherAlgorithmRegisterEntry: { as: BELEID },

  // Bulk import (functioneel beheerder): three new residents in an area of the demo
  listImportMappings: { as: ADMIN },
  createImport: {
    as: ADMIN,
    request: async () => {
      const range = await one('postcodegebied', sql<{ pc4_from: number }>`
        SELECT pc4_from FROM area_postcode_ranges WHERE municipality_id = ${utrecht} ORDER BY pc4_from LIMIT 1`);
      return {
        query: { mapping: 'suite4sd', fileName: 'export.csv' },
        headers: { 'content-type': 'text/csv' },
        body: sampleCsv(3, { pc4: [range.pc4_from], bsnStart: 77_700_000 }),
      };
    },
    subjects: async () => (await rows(sql<{ id: string }>`
      SELECT id FROM residents WHERE municipality_id = ${utrecht} AND bsn = ANY(${sampleBsns(3, 77_700_000)}::text[])`)).map((r) => r.id),
  },
  listImports: { as: ADMIN },
  // BRP lookup of a fictitious test person who is not (yet) a resident: the subject is the pseudonymised BSN
  lookupBrpPerson: { as: WM, request: () => ({ body: { bsn: '999993653' } }), subjects: () => ['bsn:999993653'] },
  getImport: { as: ADMIN, request: async (_d, c) => ({ params: { importId: (await prepare(c, 'GET', '/imports')).body.items[0].id } }) },
  getImportReport: { as: ADMIN, request: async (_d, c) => ({ params: { importId: (await prepare(c, 'GET', '/imports')).body.items[0].id } }) },
  // Webhooks for partner systems (functioneel beheerder, ADR 0025): subscriptions and deliveries hold no personal data
  listWebhookSubscriptions: { as: ADMIN },
  createWebhookSubscription: {
    as: ADMIN,
    request: () => ({ body: { name: 'Re-integratiebedrijf', url: 'http://127.0.0.1:9/gebeurtenissen', eventTypes: ['nl.samenplan.plan.gewijzigd'] } }),
  },
  updateWebhookSubscription: {
    as: ADMIN,
    request: async (_d, c) => ({ params: { subscriptionId: (await prepare(c, 'GET', '/webhook-subscriptions')).body.items[0].id }, body: { active: true } }),
  },
  listWebhookDeliveries: { as: ADMIN, request: () => ({ query: { status: 'dead' } }) },
  redeliverWebhookDelivery: {
    as: ADMIN,
    request: async (_d, c) => {
      // A delivery that was given up (dead), as the job leaves it after its last attempt.
      const subscriptionId = (await prepare(c, 'GET', '/webhook-subscriptions')).body.items[0].id as string;
      const deliveryId = randomUUID();
      await sql`INSERT INTO webhook_deliveries (municipality_id, id, subscription_id, event_id, event_type, event, log_subject, status, attempts)
        VALUES (${utrecht}, ${deliveryId}, ${subscriptionId}, ${randomUUID()}, 'nl.samenplan.plan.gewijzigd', '{}'::jsonb, 'pseudoniem', 'dead', 8)`.execute(db);
      return { params: { deliveryId } };
    },
  },
  // API clients of partner systems (ADR 0032): the client's data is no personal data; the token endpoint is public
  listApiClients: { as: ADMIN },
  createApiClient: {
    as: ADMIN,
    request: async (_d, c) => ({ body: { name: 'Buurtteam-systeem', partnerOrganisationId: (await prepare(c, 'GET', '/partner-organisations')).body.items[0].id, scopes: ['plans:read'] } }),
  },
  updateApiClient: {
    as: ADMIN,
    request: async (_d, c) => ({ params: { clientId: (await prepare(c, 'GET', '/api-clients')).body.items[0].id }, body: { active: true } }),
  },
  createOAuthToken: {
    as: ADMIN,
    session: 'none',
    request: async () => {
      const admin = await session(ADMIN);
      const made = await prepare(admin, 'POST', '/api-clients', { name: 'Tweede systeem', partnerOrganisationId: (await prepare(admin, 'GET', '/partner-organisations')).body.items[0].id, scopes: ['plans:read'] });
      return { body: { grant_type: 'client_credentials', client_id: made.body.id, client_secret: made.body.secret } };
    },
  },
  // Mijn Samenplan (issue 11): the resident herself
  getPortalLoginOptions: { as: WM, session: 'none' },
  createPortalDemoSession: { as: WM, session: 'none', request: () => ({ body: { username: 'inwoner.marco' } }) },
  getPortalSession: { as: NAIMA },
  deletePortalSession: { as: MARCO, session: 'fresh' },
  getPortalHome: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  replyToPortalAppointment: {
    as: NAIMA,
    request: async (_d, c) => ({ params: { meetingId: (await prepare(c, 'GET', '/portal/home')).body.appointments[0].id }, body: { confirm: true } }),
    subjects: () => [user(NAIMA).id],
  },
  downloadPortalAppointmentIcs: {
    as: NAIMA,
    request: async (_d, c) => ({ params: { meetingId: (await prepare(c, 'GET', '/portal/home')).body.appointments[0].id } }),
    subjects: () => [user(NAIMA).id],
  },
  getPortalPlan: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  updatePortalPlanAction: {
    as: NAIMA,
    request: async (_d, c) => {
      const got = await prepare(c, 'GET', '/portal/plan');
      const own = got.body.goals.flatMap((g: any) => g.actions).find((a: any) => a.permissions.edit);
      return { params: { actionId: own.id }, headers: { 'if-match': got.headers.get('etag')! }, body: { status: 'done' } };
    },
    subjects: () => [user(NAIMA).id],
  },
  proposePortalPlanGoal: {
    as: NAIMA,
    request: async (_d, c) => ({ headers: { 'if-match': await etagOf(c, '/portal/plan') }, body: { title: 'Zwemdiploma voor mijn dochter regelen' } }),
    subjects: () => [user(NAIMA).id],
  },
  agreePortalPlan: {
    as: NAIMA,
    request: async (_d, c) => ({ headers: { 'if-match': await etagOf(c, '/portal/plan') } }),
    subjects: () => [user(NAIMA).id],
  },
  downloadPortalPlanPdf: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  listPortalConsents: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  getPortalAccessLog: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  listPortalMessages: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  getPortalWorkProfile: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  putPortalWorkProfile: {
    as: NAIMA,
    request: async (_d, c) => {
      const got = await prepare(c, 'GET', '/portal/work-profile');
      const p = got.body;
      const body = {
        desiredOccupations: p.desiredOccupations.map((o: any) => ({ escoCode: o.escoCode })), skills: p.skills, experience: p.experience, education: p.education,
        hoursMin: p.hoursMin, hoursMax: p.hoursMax, availability: p.availability, maxTravelKm: p.maxTravelKm, hasDrivingLicence: p.hasDrivingLicence,
        preferredContractTypes: p.preferredContractTypes, preferredSectors: p.preferredSectors, preferencesNote: 'Liefst onder schooltijden',
      };
      return { headers: { 'if-match': got.headers.get('etag')! }, body };
    },
    subjects: () => [user(NAIMA).id],
  },
  listPortalProposals: { as: NAIMA, subjects: () => [user(NAIMA).id] },
  answerPortalProposal: {
    as: NAIMA,
    request: async (_d, c) => {
      let open = (await prepare(c, 'GET', '/portal/proposals')).body.items.find((p: any) => p.status === 'proposed');
      if (!open) {
        // Her werkmatcher proposes a fitting vacancy first.
        const w = await session(WM);
        const naima = user(NAIMA).id;
        const match = (await prepare(w, 'GET', `/residents/${naima}/vacancy-matches`)).body.items.find((m: any) => m.proposal === null);
        if (!match) throw new Error('geen passende vacature zonder voorstel voor Naima');
        open = (await prepare(w, 'POST', `/residents/${naima}/proposals`, { vacancyId: match.vacancy.id })).body;
      }
      return { params: { proposalId: open.id }, body: { agreed: true } };
    },
    subjects: () => [user(NAIMA).id],
  },
  sendPortalMessage: { as: NAIMA, request: () => ({ body: { body: 'Ik heb de vacature gelezen. Ik wil graag solliciteren.' } }), subjects: () => [user(NAIMA).id] },
  // Issue 11: the area team's side of the conversation; the werklijst's unread count (the residents who wrote)
  listResidentMessages: onResident(WM),
  sendResidentMessage: onResident(WM, (d) => d.resident, { body: { body: 'Fijn om te horen. Ik bel u morgen.' } }),
  listUnreadMessages: {
    as: WM,
    request: async () => {
      // A message from a resident of her caseload that she has not read yet (sent by the resident herself).
      await prepare(await session(NAIMA), 'POST', '/portal/messages', { body: 'Heeft u mijn bericht gezien?' });
      return {};
    },
    subjects: async () => (await rows(sql<{ resident_id: string }>`
      SELECT DISTINCT x.resident_id FROM resident_messages x JOIN cases c ON c.municipality_id = x.municipality_id AND c.resident_id = x.resident_id
      WHERE x.municipality_id = ${utrecht} AND x.sender = 'resident' AND x.read_at IS NULL AND c.closed_on IS NULL AND c.contact_person_id = ${wmId}::uuid`)).map((r) => r.resident_id),
  },
  downloadPortalMyData: { as: NAIMA, request: () => ({ query: { format: 'json' } }), subjects: () => [user(NAIMA).id] },
  searchPortalOccupations: { as: NAIMA, request: () => ({ query: { q: 'kok' } }) },
  calculatePortalWorkPays: { as: NAIMA, request: () => ({ body: { hoursPerWeek: 16, hourlyWage: 14, household: 'singleParent', age27OrOlder: true } }) },
  // An organisation Naima has no active consent for yet: the demo may already give her one for the first other
  // organisation (the seed's consents follow the date), and a second consent for the same one is a 409.
  givePortalConsent: {
    as: NAIMA,
    request: async (d, c) => {
      const active = new Set((await prepare(c, 'GET', '/portal/consents')).body.items.filter((k: any) => k.active).map((k: any) => k.partnerOrganisation.id));
      const free = d.otherOrgs.find((o) => !active.has(o));
      if (!free) throw new Error('Naima heeft al toestemming voor elke andere partnerorganisatie');
      return { body: { partnerOrganisationId: free } };
    },
    subjects: () => [user(NAIMA).id],
  },
  withdrawPortalConsent: {
    as: NAIMA,
    request: async (d, c) => ({
      params: { consentId: (await prepare(c, 'GET', '/portal/consents')).body.items.find((k: any) => k.active && d.otherOrgs.includes(k.partnerOrganisation.id)).id },
    }),
    subjects: () => [user(NAIMA).id],
  },
  // Issue 12: outflow, partial work and return to benefit (PA-025); programmes (PA-026, PA-027 aggregates)
  registerOutflow: onResident(WM, () => outflowResidents[0]!, { body: { reason: 'workPartTime', outflowOn: todayInNl() } }),
  listResidentOutflows: onResident(WM),
  registerBenefitReturn: {
    as: WM,
    request: async (_d, c) => {
      const id = outflowResidents[1]!;
      await prepare(c, 'POST', `/residents/${id}/outflows`, { reason: 'moved', outflowOn: inDays(-20) });
      return { params: { id }, body: { startDate: today() } };
    },
    subjects: (res) => [res.body.residentId],
  },
  listPartialWork: onResident(WM),
  recordPartialWork: { as: WM, request: () => ({ params: { id: outflowResidents[2]!, month: today().slice(0, 7) }, body: { hours: 12, earningsCents: 18_000 } }) },
  listProgrammes: { as: BELEID },
  createProgramme: { as: BELEID, request: () => ({ body: programmeBody() }) },
  getProgramme: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  listProgrammeExpenditures: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  addProgrammeExpenditure: {
    as: BELEID,
    request: async (_d, c) => {
      const p = (await prepare(c, 'GET', `/programmes/${await programmeOf(c)}`)).body;
      return { params: { id: p.id }, body: { actionLineId: p.actionLines[0].id, spentOn: p.periodStart, amountCents: 100_00, description: 'Training werkmatchers' } };
    },
  },
  getProgrammeDashboard: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  listProgrammeSnapshots: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  exportProgrammeDashboardCsv: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  exportProgrammeDashboardXlsx: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
  downloadProgrammeReportPdf: { as: BELEID, request: async (_d, c) => ({ params: { id: await programmeOf(c) } }) },
};

/** Overvecht residents with an open benefit and an active case (issue 12: outflow cases), not the demo's main one. */
async function benefitResidents(): Promise<string[]> {
  return (await rows(sql<{ id: string }>`
    SELECT r.id FROM residents r WHERE r.municipality_id = ${utrecht} AND ${inArea('overvecht')} AND r.id <> ${demo.resident}::uuid
      AND EXISTS (SELECT 1 FROM benefits b WHERE b.municipality_id = r.municipality_id AND b.resident_id = r.id AND b.end_date IS NULL)
      AND EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active')
    ORDER BY r.id DESC LIMIT 5`)).map((r) => r.id);
}
const programmeBody = () => ({
  name: 'Programma test',
  periodStart: '2026-01-01',
  periodEnd: '2027-12-31',
  baselinePerYear: 100,
  goalExtra: 50,
  actionLines: [{ kind: 'contact', name: 'Contact', budgetCents: 1_000_00 }],
});
async function programmeOf(c: ApiClient): Promise<string> {
  const list = (await prepare(c, 'GET', '/programmes')).body;
  return list.items[0]?.id ?? (await prepare(c, 'POST', '/programmes', programmeBody())).body.id;
}

/** Outside the persona's need-to-know: another wijk, a resident without consent, or another municipality. */
/** werkmatcher.jongeren's running search periods without an open exemption, the soonest end first: the k-th. */
async function youthRunning(k: number) {
  return one('lopende zoektermijn van werkmatcher.jongeren', sql<{ id: string; resident_id: string }>`
    SELECT sp.id, sp.resident_id FROM youth_search_periods sp
    JOIN cases c ON c.municipality_id = sp.municipality_id AND c.resident_id = sp.resident_id AND c.status = 'active'
      AND c.contact_person_id = ${user(WMJ).id}::uuid
    WHERE sp.municipality_id = ${utrecht} AND sp.status = 'running' AND sp.end_date > current_date AND sp.handled_early_on IS NULL
      AND NOT EXISTS (SELECT 1 FROM youth_exemptions e WHERE e.municipality_id = sp.municipality_id AND e.search_period_id = sp.id
        AND e.status IN ('pending', 'confirmed'))
    ORDER BY sp.end_date, sp.id OFFSET ${k} LIMIT 1`);
}
/** The demo's warm handover from youth care that waits for its intake. */
async function youthReferral() {
  return one('warme overdracht zonder intake', sql<{ id: string; resident_id: string }>`
    SELECT id, resident_id FROM youth_referrals WHERE municipality_id = ${utrecht} AND status = 'received' AND created_by = ${user(WMJ).id}::uuid
    ORDER BY received_on, id LIMIT 1`);
}
async function youthProvision(status: string) {
  return one(`maatwerkvoorziening ${status}`, sql<{ id: string }>`
    SELECT id FROM youth_provisions WHERE municipality_id = ${utrecht} AND status = ${status} AND requested_by = ${user(WMJ).id}::uuid
    ORDER BY requested_at, id LIMIT 1`);
}
async function youthPendingExemption() {
  return one('ontheffing die wacht op de senior', sql<{ id: string }>`
    SELECT e.id FROM youth_exemptions e WHERE e.municipality_id = ${utrecht} AND e.status = 'pending'
      AND e.decided_by <> ${user(SENIOR).id}::uuid ORDER BY e.created_at, e.id LIMIT 1`);
}

function outsideOf(c: Case, d: Demo): string {
  if (c.outside) return c.outside(d);
  if (c.as === PRIVACY) return d.arnhem;
  if (c.as === BT) return d.notShared;
  if (c.as === WM_ARNHEM) return d.resident;
  return d.zuilen;
}

// --- Sending and reading the log -------------------------------------------------------------------------------------

interface Entry {
  processing_activity_id: string;
  action: string;
  status: string;
  actor_id: string;
  actor_role: string;
  data_subject_type: string;
  data_subject_id: string;
}

async function send(op: Operation, c: Case, req: Request): Promise<{ res: ApiResponse<any>; entries: Entry[] }> {
  const fresh = () => (isResidentPersona(c.as) ? portalLogin(c.as) : loginAs(server.baseUrl, c.as));
  const client = c.session === 'none' ? new ApiClient(server.baseUrl) : c.session === 'fresh' ? await fresh() : await session(c.as);
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = req.params?.[name];
    if (value === undefined) throw new Error(`${op.id}: geen waarde voor {${name}}`);
    return encodeURIComponent(String(value));
  });
  const query = req.query ? `?${new URLSearchParams(Object.entries(req.query).map(([k, v]): [string, string] => [k, String(v)]))}` : '';
  const traceId = randomBytes(16).toString('hex');
  const headers = { ...req.headers, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
  const body = req.body ?? (['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined);
  const res = await client.request(op.method, `${API}${path}${query}`, body, headers);
  const entries = await rows(sql<Entry>`
    SELECT processing_activity_id, action, status, actor_id, actor_role, data_subject_type, data_subject_id
    FROM processing_log_entries WHERE trace_id = ${traceId} ORDER BY id, data_subject_id`);
  return { res, entries };
}

/** The same request for another resident: his id wherever the first one's stood (path, body, If-Match). */
function forResident(req: Request, param: string, residentId: string): Request {
  const from = String(req.params?.[param]);
  const swap = <T,>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v).replaceAll(from, residentId)) as T));
  return { ...req, params: { ...req.params, [param]: residentId }, body: swap(req.body), headers: swap(req.headers) };
}

const pseudonymOf = (as: Persona, id: string) => pseudonymise(TEST_PSEUDONYM_KEY, user(as).municipality_id, id);
const declaredPairs = (x: Extract<XProcessing, { personalData: true }>) => [
  ...x.activities.flatMap((activity) => x.actions.map((action) => `${activity} ${action}`)),
  ...(x.also ?? []).map((a) => `${a.activity} ${a.action}`),
];

/** Everything about the entries except whose data: one line per entry that breaks the declaration. */
function offences(entries: Entry[], x: Extract<XProcessing, { personalData: true }>, as: Persona, status: 'ok' | 'error'): string[] {
  const pairs = declaredPairs(x);
  const who = user(as);
  return entries.flatMap((e) => {
    const wrong = [
      pairs.includes(`${e.processing_activity_id} ${e.action}`) ? null : `${e.processing_activity_id} ${e.action} is not declared (${pairs.join(', ')})`,
      e.status === status ? null : `status ${e.status}, expected ${status}`,
      e.actor_id === who.id ? null : `actor ${e.actor_id}, expected ${as} (${who.id})`,
      who.roles.includes(e.actor_role) ? null : `actor role ${e.actor_role} is not one of ${who.roles.join(', ')}`,
      e.data_subject_type === x.subject ? null : `data subject type ${e.data_subject_type}, declared ${x.subject}`,
    ].filter((w): w is string => w !== null);
    return wrong.map((w) => `${e.processing_activity_id} ${e.action}: ${w}`);
  });
}

/** Subjects as readable labels: the id behind a pseudonym when it is one we expected, else the pseudonym. */
function labels(pseudonyms: Iterable<string>, known: Map<string, string>): string[] {
  return [...new Set(pseudonyms)].map((p) => known.get(p) ?? `unexpected ${p}`).sort();
}

// --- The walk ----------------------------------------------------------------------------------------------------------

const order = Object.keys(cases);
const walked = [...operations].sort((a, b) => (order.indexOf(a.id) + 1 || Infinity) - (order.indexOf(b.id) + 1 || Infinity));
const built = new Map<string, Request>();
let failureCases = 0;

afterAll(() => {
  console.log(
    `[processing-log-routes] ${operations.length} operations walked, ${failureCases} with a failure case, ${Math.round((Date.now() - started) / 100) / 10} s`,
  );
});

describe('processing log: every operation of the OpenAPI document logs what it declares', () => {
  it('the table has exactly one request per operation of the document', () => {
    const documented = new Set(operations.map((o) => o.id));
    expect({
      operationsWithoutRequest: [...documented].filter((id) => !(id in cases)),
      requestsForOperationsThatAreGone: order.filter((id) => !documented.has(id)),
    }).toEqual({ operationsWithoutRequest: [], requestsForOperationsThatAreGone: [] });
    expect(operations.length).toBeGreaterThan(80);
  });

  for (const op of walked) {
    const c = cases[op.id];
    const x = op.processing;
    const what = !x ? 'public: nothing logged' : x.personalData ? `logs ${x.subject === 'aggregate' ? 'an aggregate' : `its ${x.subject}s`}` : 'no personal data: nothing logged';

    it(`${op.id} (${op.method} ${op.path}) as ${c?.as ?? '?'}: ${what}`, async () => {
      if (!c) throw new Error(`No request for ${op.id} in the table of this test: add one.`);
      const req = (await c.request?.(demo, await session(c.as))) ?? {};
      built.set(op.id, req);
      const { res, entries } = await send(op, c, req);
      expect(res.status, `${op.method} ${op.path}: ${JSON.stringify(res.body)?.slice(0, 500)}`).toBeLessThan(300);
      if (!x || !x.personalData) {
        expect(entries.map((e) => `${e.processing_activity_id} ${e.action}`)).toEqual([]);
        return;
      }
      expect(entries.length, 'at least one entry').toBeGreaterThan(0);
      expect(offences(entries, x, c.as, 'ok')).toEqual([]);
      const expected =
        (await c.subjects?.(res, demo)) ?? (x.subject === 'aggregate' ? ['aggregate'] : x.subjectParam ? [String(req.params?.[x.subjectParam])] : null);
      if (!expected) throw new Error(`${op.id}: say whose data the request processed (subjects)`);
      expect(expected.length, 'the request processed somebody').toBeGreaterThan(0);
      const known = new Map(expected.map((id) => [x.subject === 'aggregate' ? id : pseudonymOf(c.as, id), id]));
      expect(labels(entries.map((e) => e.data_subject_id), known)).toEqual([...new Set(expected)].sort());
    });

    if (c && x?.personalData && x.subjectParam) {
      const param = x.subjectParam;
      failureCases += 1;
      it(`${op.id}: for a resident outside the scope of ${c.as} → 404, one entry with status error for him`, async () => {
        const ok = built.get(op.id) ?? (await c.request?.(demo, await session(c.as))) ?? {};
        const outside = outsideOf(c, demo);
        const { res, entries } = await send(op, c, forResident(ok, param, outside));
        expect(res.status, JSON.stringify(res.body)?.slice(0, 500)).toBe(404);
        expect(offences(entries, x, c.as, 'error')).toEqual([]);
        expect(entries.map((e) => [`${e.processing_activity_id} ${e.action}`, e.status, e.data_subject_id])).toEqual([
          [`${x.activities[0]} ${x.actions[0]}`, 'error', pseudonymOf(c.as, outside)],
        ]);
      });
    }
  }

  for (const id of order.filter((id) => !operations.some((o) => o.id === id))) {
    it(`${id}: the document has no such operation any more (remove it from the table)`, () => {
      throw new Error(`${id} is in the table but not in the OpenAPI document`);
    });
  }
});
