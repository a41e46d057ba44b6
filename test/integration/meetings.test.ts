import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInNl } from '../../src/domain/dates.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { loginAs, type ApiClient } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { backdateMeeting, workday } from '../helpers/office-hours.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Meetings over real HTTP: scheduling a 3-gesprek only with consent, what the buurtteam professional sees, the .ics
// invitation (CRLF, folding, UTC, SEQUENCE), If-Match, the report whose agreed actions go into the plan and which
// counts as contact (a no-show does not), consent withdrawal, the processing log, and an access matrix of every
// meeting route × every persona × in scope / out of scope / another municipality.

type Persona = keyof typeof ROLE_USERS;
type Key = keyof World['residents'];
let server: TestServer;
let world: World;
const clients = new Map<Persona, ApiClient>();
const c = (p: Persona) => clients.get(p)!;
const M = (key: Key) => `/api/v1/residents/${world.residents[key]}/meetings`;
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const inDays = (n: number) => new Date(Date.parse(`${todayInNl()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const user = (p: Persona) => world.users[ROLE_USERS[p]]!;
const pseudo = (key: Key) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents[key]);
const trace = () => {
  const id = randomBytes(16).toString('hex');
  return { id, headers: { traceparent: `00-${id}-${randomBytes(8).toString('hex')}-01` } };
};
const logged = (traceId: string) => server.ownerDb.selectFrom('processing_log_entries').selectAll().where('trace_id', '=', traceId).execute();
const etagOf = async (id: string) => {
  const { rows } = await sql<{ version: number }>`SELECT version FROM meetings WHERE id = ${id}`.execute(server.ownerDb);
  return `"meeting-${id}-v${rows[0]!.version}"`;
};
const coachOf = (k: Key): Persona => (k === 'zu1' ? 'jobCoachOtherArea' : k === 'ar1' ? 'jobCoachOtherMunicipality' : 'jobCoach');

/**
 * Plans a meeting on the next working day at 10:00. A past start cannot be planned (date-rules): such a meeting is
 * planned ahead and then moved back to the given time by the owner, as if it had taken place.
 */
async function schedule(who: ApiClient, key: Key, over: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const past = typeof over.startsAt === 'string' && Date.parse(over.startsAt) < Date.now();
  const res = await who.post(
    M(key),
    {
      type: 'intake',
      startsAt: workday(1, '10:00'),
      endsAt: workday(1, '11:00'),
      mode: 'inPerson',
      location: 'Werkwinkel Overvecht',
      agenda: null,
      ...over,
      ...(past ? { startsAt: workday(1, '10:00'), endsAt: workday(1, '11:00') } : {}),
    },
    headers,
  );
  if (past && res.status === 201) {
    await backdateMeeting(server.ownerDb, res.body.id, over.startsAt as string, over.endsAt as string);
    res.body = (await who.get(`/api/v1/meetings/${res.body.id}`)).body;
  }
  return res;
}
const threeWay = (over: Record<string, unknown> = {}) => ({
  type: 'threeWay',
  participants: [{ staffUserId: user('partnerProfessional') }],
  ...over,
});
const ics = async (who: ApiClient, id: string) => {
  const res = await who.get(`/api/v1/meetings/${id}/invitation.ics`);
  const text = typeof res.body === 'string' ? res.body : '';
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const value = (name: string) => lines.filter((l) => l.split(/[;:]/)[0] === name).map((l) => l.slice(l.indexOf(':') + 1));
  return { res, text, value };
};
const utc = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

let threeWayId = '';
let intakeId = '';

beforeAll(async () => {
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  for (const p of ['jobCoach', 'teamLead', 'partnerProfessional'] as Persona[]) {
    await server.ownerDb
      .updateTable('staff_users')
      .set({ email: `${ROLE_USERS[p]}@example.org` })
      .where('id', '=', user(p))
      .execute();
  }
  for (const p of Object.keys(ROLE_USERS) as Persona[]) clients.set(p, await loginAs(server.baseUrl, ROLE_USERS[p]));
});

afterAll(async () => {
  await server?.close();
});

describe('scheduling', () => {
  it('a 3-gesprek for ov1 with the buurtteam (consent) → 201; the agenda starts from open barriers and plan actions', async () => {
    const wm = c('jobCoach');
    expect(
      (
        await wm.post(`/api/v1/residents/${world.residents.ov1}/barriers`, {
          domain: 'finances',
          description: 'Schulden bij drie schuldeisers',
        })
      ).status,
    ).toBe(201);
    const plan = await wm.post(`/api/v1/residents/${world.residents.ov1}/plan`, {
      goals: [{ title: 'Schulden op een rij' }],
    });
    await wm.post(
      `/api/v1/residents/${world.residents.ov1}/plan/goals/${plan.body.goals[0].id}/actions`,
      { description: 'Budgetcoach regelen', dueDate: inDays(10) },
      { 'if-match': plan.headers.get('etag')! },
    );
    const res = await schedule(wm, 'ov1', threeWay({ agenda: undefined }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    threeWayId = res.body.id;
    expect(res.headers.get('etag')).toBe(`"meeting-${threeWayId}-v1"`);
    expect(res.headers.get('location')).toBe(`/api/v1/meetings/${threeWayId}`);
    expect(res.body).toMatchObject({
      type: 'threeWay',
      typeLabel: '3-gesprek',
      status: 'planned',
      icsSequence: 0,
      organiser: { id: user('jobCoach') },
      permissions: { edit: true, recordReport: false },
    });
    expect(res.body.participants.map((p: any) => [p.kind, p.staffUser?.id ?? null, p.organiser])).toEqual([
      ['resident', null, false],
      ['staff', user('jobCoach'), true],
      ['partnerProfessional', user('partnerProfessional'), false],
    ]);
    expect(res.body.agenda).toContain('Financiën: Schulden bij drie schuldeisers');
    expect(res.body.agenda).toContain('Budgetcoach regelen');
  });

  it('the same for ov4 (no consent) → 400 saying consent comes first; incomplete or wrong schedules → 400 per field', async () => {
    const wm = c('jobCoach');
    const noConsent = await schedule(wm, 'ov4', threeWay());
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.invalidParams).toEqual([expect.objectContaining({ name: 'participants.0.staffUserId', code: 'noConsent' })]);
    expect(noConsent.body.invalidParams[0].reason).toContain('toestemming');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'threeWay' }, 'participants'],
      [{ endsAt: workday(1, '09:00') }, 'endsAt'],
      [{ startsAt: workday(290, '10:00'), endsAt: workday(290, '11:00') }, 'startsAt'],
      [{ participants: [{ staffUserId: user('policyOfficer') }] }, 'participants.0.staffUserId'],
      [{ participants: [{ staffUserId: user('jobCoachOtherMunicipality') }] }, 'participants.0.staffUserId'],
      [{ mode: 'video', location: null }, 'videoUrl'],
    ];
    for (const [over, field] of cases) {
      const res = await schedule(wm, 'ov4', over);
      expect([res.status, res.body.invalidParams?.map((p: any) => p.name)], field).toEqual([400, [field]]);
    }
  });

  it('a 3-gesprek on a past Sunday without a place: refused with every reason at once, nothing saved', async () => {
    const wm = c('jobCoach');
    const before = await sql<{ n: string }>`SELECT count(*) AS n FROM meetings`.execute(server.ownerDb);
    // The last Sunday before today, 10:00 in Utrecht (at least a day ago).
    const sunday = new Date(Date.now() - 86_400_000);
    while (sunday.getUTCDay() !== 0) sunday.setUTCDate(sunday.getUTCDate() - 1);
    const day = sunday.toISOString().slice(0, 10);
    const res = await wm.post(M('ov1'), {
      ...threeWay(),
      startsAt: new Date(`${day}T10:00:00+01:00`).toISOString(),
      endsAt: new Date(`${day}T11:00:00+01:00`).toISOString(),
      mode: 'inPerson',
      location: null,
      agenda: null,
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: any) => `${p.name}:${p.code}`)).toEqual(['startsAt:past', 'startsAt:weekend', 'location:required']);
    expect(res.body.invalidParams[1].reason).toMatch(/is een zondag\. Plan gesprekken op een werkdag/);
    const evening = await wm.post(M('ov1'), { ...threeWay(), startsAt: workday(1, '19:00'), endsAt: workday(1, '20:00'), mode: 'phone', agenda: null });
    expect(evening.body.invalidParams?.map((p: any) => `${p.name}:${p.code}`)).toEqual(['startsAt:officeHours', 'endsAt:officeHours']);
    const after = await sql<{ n: string }>`SELECT count(*) AS n FROM meetings`.execute(server.ownerDb);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await wm.get(M('ov4'))).body.items).toEqual([]);
  });
});

describe('what the buurtteam professional sees', () => {
  it('the ov1 3-gesprek in his list and detail, not an intake of ov1 he is not part of (404)', async () => {
    intakeId = (await schedule(c('jobCoach'), 'ov1', { agenda: 'Kennismaken' })).body.id;
    const bt = c('partnerProfessional');
    expect((await bt.get(M('ov1'))).body.items.map((m: any) => m.id)).toEqual([threeWayId]);
    expect((await c('jobCoach').get(M('ov1'))).body.items.map((m: any) => m.id).sort()).toEqual([threeWayId, intakeId].sort());
    const detail = await bt.get(`/api/v1/meetings/${threeWayId}`);
    expect([detail.status, detail.body.permissions]).toEqual([200, { edit: false, recordReport: false }]);
    expect((await bt.get(`/api/v1/meetings/${intakeId}`)).status).toBe(404);
    expect((await ics(bt, intakeId)).res.status).toBe(404);
    expect((await bt.get('/api/v1/meetings')).body.items.map((m: any) => m.id)).toEqual([threeWayId]);
    expect((await bt.patch(`/api/v1/meetings/${threeWayId}`, { agenda: 'x' }, { 'if-match': await etagOf(threeWayId) })).status).toBe(404);
  });
});

describe('the .ics invitation', () => {
  it('is iCalendar with CRLF, lines of at most 75 octets, UTC times, UID, organiser and attendees, no resident name', async () => {
    const wm = c('jobCoach');
    const agenda = `Schulden op een rij; budgetcoach, en ${'één stap tegelijk 💶 '.repeat(12)}`;
    expect((await wm.patch(`/api/v1/meetings/${threeWayId}`, { agenda }, { 'if-match': await etagOf(threeWayId) })).body.icsSequence).toBe(0);
    const { res, text, value } = await ics(c('partnerProfessional'), threeWayId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="gesprek-\d{4}-\d{2}-\d{2}\.ics"$/);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8'), l).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    expect([lines[0], lines.at(-1)]).toEqual(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
    const m = (await c('jobCoach').get(`/api/v1/meetings/${threeWayId}`)).body;
    expect(value('UID')).toEqual([`${threeWayId}@samenplan`]);
    expect(value('DTSTART')).toEqual([utc(m.startsAt)]);
    expect(value('DTEND')).toEqual([utc(m.endsAt)]);
    expect(value('DTSTAMP')[0]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(value('SEQUENCE')).toEqual(['0']);
    expect(value('STATUS')).toEqual(['CONFIRMED']);
    expect(value('SUMMARY')).toEqual(['3-gesprek Samenplan']);
    expect(value('ORGANIZER')).toEqual([`mailto:${ROLE_USERS.jobCoach}@example.org`]);
    expect(value('ATTENDEE')).toEqual([`mailto:${ROLE_USERS.partnerProfessional}@example.org`]);
    expect(value('DESCRIPTION')[0]).toContain('Schulden op een rij\\; budgetcoach\\, en één stap');
    expect(text).not.toMatch(/Anna|Jansen/);
  });

  it('SEQUENCE increases after a reschedule (not after an agenda change); a cancellation is METHOD:CANCEL', async () => {
    const wm = c('jobCoach');
    const moved = await wm.patch(`/api/v1/meetings/${threeWayId}`, { startsAt: workday(2, '10:00'), endsAt: workday(2, '11:00') }, { 'if-match': await etagOf(threeWayId) });
    expect([moved.status, moved.body.icsSequence]).toEqual([200, 1]);
    const { value } = await ics(wm, threeWayId);
    expect([value('SEQUENCE'), value('DTSTART')]).toEqual([['1'], [utc(moved.body.startsAt)]]);
    const other = (await schedule(wm, 'ov3', { mode: 'phone', location: null })).body.id;
    const cancelled = await wm.patch(`/api/v1/meetings/${other}`, { status: 'cancelled', cancelReason: 'Inwoner is ziek' }, { 'if-match': await etagOf(other) });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      icsSequence: 1,
      cancelReason: 'Inwoner is ziek',
    });
    const off = await ics(wm, other);
    expect(off.res.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect([off.value('METHOD'), off.value('STATUS'), off.value('LOCATION')]).toEqual([['CANCEL'], ['CANCELLED'], ['Telefonisch']]);
    expect((await wm.patch(`/api/v1/meetings/${other}`, { agenda: 'x' }, { 'if-match': await etagOf(other) })).status).toBe(409);
  });

  it('PATCH needs If-Match: missing → 428, stale or for another meeting → 412; nothing changes', async () => {
    const wm = c('jobCoach');
    const before = (await wm.get(`/api/v1/meetings/${threeWayId}`)).body;
    const path = `/api/v1/meetings/${threeWayId}`;
    expect((await wm.patch(path, { agenda: 'Nieuw' })).status).toBe(428);
    expect((await wm.patch(path, { agenda: 'Nieuw' }, { 'if-match': `"meeting-${threeWayId}-v1"` })).status).toBe(412);
    expect((await wm.patch(path, { agenda: 'Nieuw' }, { 'if-match': `"meeting-${intakeId}-v${before.version}"` })).status).toBe(412);
    expect((await wm.get(path)).body).toMatchObject({ version: before.version, agenda: before.agenda });
  });
});

describe('the report (gespreksverslag)', () => {
  const past = { startsAt: hours(-3), endsAt: hours(-2) };
  const attendance = (m: any, residentCame: boolean) =>
    m.participants.map((p: any) => ({
      participantId: p.id,
      attended: p.kind === 'resident' ? residentCame : true,
    }));

  it('agreed actions go into the plan with owner and due date (a plan is started when there is none); the last contact moves', async () => {
    const wm = c('jobCoach');
    expect((await wm.get(`/api/v1/residents/${world.residents.ov4}/plan`)).status).toBe(404);
    const m = (
      await schedule(wm, 'ov4', {
        ...past,
        type: 'followUp',
        mode: 'video',
        location: null,
        videoUrl: 'https://meet.example.org/ov4',
      })
    ).body;
    expect(m.permissions).toEqual({ edit: true, recordReport: true });
    const res = await wm.post(`/api/v1/meetings/${m.id}/report`, {
      report: 'Besproken: werk in de zorg, kinderopvang.',
      attendance: attendance(m, true),
      agreedActions: [
        {
          goalTitle: 'Werk in de zorg',
          description: 'Vacatures in de zorg zoeken',
          owner: { type: 'jobCoach', staffUserId: user('jobCoach') },
          dueDate: inDays(14),
        },
        { description: 'Kinderopvang aanvragen', owner: { type: 'resident' }, dueDate: inDays(7) },
        {
          goalTitle: 'werk in de zorg',
          description: 'Cv bijwerken',
          owner: { type: 'otherPartner', name: 'Werkwinkel' },
          dueDate: inDays(21),
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.meeting).toMatchObject({
      status: 'held',
      statusLabel: 'Gehouden',
      report: { text: 'Besproken: werk in de zorg, kinderopvang.', recordedBy: { id: user('jobCoach') } },
    });
    expect(res.body.meeting.participants.every((p: any) => p.attended === true)).toBe(true);
    expect(res.body.meeting.report.agreedActions.map((a: any) => [a.owner.name, a.dueDate])).toEqual([
      [`Test ${ROLE_USERS.jobCoach}`, inDays(14)],
      ['Dirk Visser', inDays(7)],
      ['Werkwinkel', inDays(21)],
    ]);
    expect(res.body).toMatchObject({ contactMomentRecorded: true, plan: { failed: [] } });
    expect(res.body.plan.addedActionIds).toHaveLength(3);
    const plan = (await wm.get(`/api/v1/residents/${world.residents.ov4}/plan`)).body;
    expect(plan.version).toBe(res.body.plan.version);
    const goals = plan.goals.map((g: any) => [g.title, g.actions.map((a: any) => [a.description, a.owner.type, a.owner.name, a.dueDate])]);
    expect(goals).toEqual([
      [
        'Werk in de zorg',
        [
          ['Vacatures in de zorg zoeken', 'jobCoach', `Test ${ROLE_USERS.jobCoach}`, inDays(14)],
          ['Cv bijwerken', 'otherPartner', 'Werkwinkel', inDays(21)],
        ],
      ],
      [expect.stringMatching(/^Afspraken uit het vervolggesprek van \d+-\d+-\d{4}$/), [['Kinderopvang aanvragen', 'resident', 'Dirk Visser', inDays(7)]]],
    ]);
    const resident = (await wm.get(`/api/v1/residents/${world.residents.ov4}`)).body;
    expect(resident.case.lastContactAt).toBe(m.startsAt);
    expect(
      (
        await wm.post(`/api/v1/meetings/${m.id}/report`, {
          report: 'Nog eens',
          attendance: attendance(m, true),
        })
      ).status,
    ).toBe(409);
  });

  it('a 3-gesprek: an action for the buurtteam on an existing goal; the buurtteam sees the report', async () => {
    const wm = c('jobCoach');
    const m = (await schedule(wm, 'ov1', threeWay(past))).body;
    const goal = (await wm.get(`/api/v1/residents/${world.residents.ov1}/plan`)).body.goals[0];
    const res = await wm.post(`/api/v1/meetings/${m.id}/report`, {
      report: 'Samen de schulden doorgenomen.',
      attendance: attendance(m, true),
      agreedActions: [
        {
          goalId: goal.id,
          description: 'Samen de brieven doornemen',
          owner: { type: 'partnerProfessional', staffUserId: user('partnerProfessional') },
          dueDate: inDays(5),
        },
      ],
    });
    expect([res.status, res.body.plan?.failed]).toEqual([201, []]);
    const plan = (await c('partnerProfessional').get(`/api/v1/residents/${world.residents.ov1}/plan`)).body;
    const action = plan.goals[0].actions.find((a: any) => a.id === res.body.plan.addedActionIds[0]);
    expect(action).toMatchObject({
      description: 'Samen de brieven doornemen',
      dueDate: inDays(5),
      owner: { type: 'partnerProfessional', name: `Test ${ROLE_USERS.partnerProfessional}` },
    });
    expect((await c('partnerProfessional').get(`/api/v1/meetings/${m.id}`)).body.report.text).toBe('Samen de schulden doorgenomen.');
  });

  it('a no-show sets status noShow and adds no contact; it takes no agreements', async () => {
    const wm = c('jobCoach');
    const before = (await wm.get(`/api/v1/residents/${world.residents.ov3}`)).body.case.lastContactAt;
    const m = (await schedule(wm, 'ov3', past)).body;
    const withActions = await wm.post(`/api/v1/meetings/${m.id}/report`, {
      attendance: attendance(m, false),
      agreedActions: [{ description: 'Bellen', owner: { type: 'resident' }, dueDate: inDays(3) }],
    });
    expect([withActions.status, withActions.body.invalidParams?.map((p: any) => p.name)]).toEqual([400, ['agreedActions']]);
    const res = await wm.post(`/api/v1/meetings/${m.id}/report`, { attendance: attendance(m, false) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      meeting: { status: 'noShow', report: { text: null } },
      contactMomentRecorded: false,
      plan: null,
    });
    expect(res.body.meeting.participants.find((p: any) => p.kind === 'resident').attended).toBe(false);
    expect((await wm.get(`/api/v1/residents/${world.residents.ov3}`)).body.case.lastContactAt).toBe(before);
    expect(before).toBe('2026-01-10T09:00:00.000Z');
  });

  it('validation: not before the meeting, a report text when held, the resident’s attendance, a goal of this plan → 400', async () => {
    const wm = c('jobCoach');
    const future = (await schedule(wm, 'ov3')).body;
    const m = (await schedule(wm, 'ov3', past)).body;
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      [future.id, { report: 'Te vroeg', attendance: attendance(future, true) }, ['report']],
      [m.id, { attendance: attendance(m, true) }, ['report']],
      [m.id, { report: 'Verslag', attendance: [] }, ['attendance']],
      [
        m.id,
        {
          report: 'Verslag',
          attendance: [...attendance(m, true), { participantId: future.participants[0].id, attended: true }],
        },
        ['attendance.2.participantId'],
      ],
      [
        m.id,
        {
          report: 'Verslag',
          attendance: attendance(m, true),
          agreedActions: [{ goalId: future.id, description: 'X', owner: { type: 'resident' }, dueDate: inDays(2) }],
        },
        ['agreedActions.0.goalId'],
      ],
      [
        m.id,
        {
          report: 'Verslag',
          attendance: attendance(m, true),
          agreedActions: [{ description: 'X', owner: { type: 'resident' }, dueDate: inDays(-2) }],
        },
        ['agreedActions.0.dueDate'],
      ],
      [
        m.id,
        {
          report: 'Verslag',
          attendance: attendance(m, true),
          agreedActions: [
            {
              description: 'X',
              owner: { type: 'partnerProfessional', staffUserId: user('partnerProfessional') },
              dueDate: inDays(2),
            },
          ],
        },
        ['agreedActions.0.owner.staffUserId'],
      ],
    ];
    for (const [id, body, fields] of cases) {
      const res = await wm.post(`/api/v1/meetings/${id}/report`, body);
      expect([res.status, res.body.invalidParams?.map((p: any) => p.name)], JSON.stringify(body)).toEqual([400, fields]);
    }
    expect((await wm.get(`/api/v1/meetings/${m.id}`)).body.status).toBe('planned');
  });
});

describe('processing log', () => {
  it('every use case leaves one PA-010 entry for the right resident; a list of many residents one entry for all', async () => {
    const wm = c('jobCoach');
    const fresh = (await schedule(wm, 'ov2', { startsAt: hours(-2), endsAt: hours(-1) })).body;
    const ops: Array<[string, Key[], Persona, (h: Record<string, string>) => Promise<{ status: number }>]> = [
      ['meetings.create', ['ov2'], 'jobCoach', (h) => schedule(wm, 'ov2', {}, h)],
      ['meetings.list', ['ov1'], 'partnerProfessional', (h) => c('partnerProfessional').get(M('ov1'), h)],
      ['meetings.read', ['ov1'], 'jobCoach', (h) => wm.get(`/api/v1/meetings/${threeWayId}`, h)],
      ['meetings.invitation', ['ov1'], 'partnerProfessional', (h) => c('partnerProfessional').get(`/api/v1/meetings/${threeWayId}/invitation.ics`, h)],
      [
        'meetings.update',
        ['ov1'],
        'teamLead',
        async (h) => c('teamLead').patch(`/api/v1/meetings/${threeWayId}`, { agenda: 'Teamleider' }, { ...h, 'if-match': await etagOf(threeWayId) }),
      ],
      [
        'meetings.report',
        ['ov2'],
        'jobCoach',
        (h) => wm.post(`/api/v1/meetings/${fresh.id}/report`, { report: 'Kort', attendance: [{ participantId: fresh.participants[0].id, attended: true }] }, h),
      ],
    ];
    for (const [action, keys, persona, op] of ops) {
      const t = trace();
      expect((await op(t.headers)).status, action).toBeLessThan(300);
      const entries = (await logged(t.id)).filter((e) => e.processing_activity_id === 'PA-010');
      expect(
        entries.map((e) => [e.action, e.data_subject_id, e.actor_id, e.actor_role]),
        action,
      ).toEqual(keys.map((k) => [action, pseudo(k), user(persona), persona]));
    }
    const t = trace();
    const mine = await wm.get('/api/v1/meetings', t.headers);
    const shown: string[] = [...new Set<string>(mine.body.items.map((m: any) => m.resident.id))];
    expect(shown.length).toBeGreaterThan(1);
    const entries = await logged(t.id);
    expect(new Set(entries.map((e) => e.seq)).size).toBe(1);
    expect(entries.map((e) => e.data_subject_id).sort()).toEqual(shown.map((id) => pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, id)).sort());
    expect(entries.every((e) => e.action === 'meetings.mine' && e.processing_activity_id === 'PA-010')).toBe(true);
  });

  it('a refused request logs no processing, only the failed attempt: out of scope, not his meeting, no permission, invalid', async () => {
    const refused = [
      (h: Record<string, string>) => c('jobCoachOtherArea').get(`/api/v1/meetings/${threeWayId}`, h),
      (h: Record<string, string>) => c('partnerProfessional').get(`/api/v1/meetings/${intakeId}`, h),
      (h: Record<string, string>) => c('policyOfficer').get(M('ov1'), h),
      (h: Record<string, string>) => schedule(c('jobCoach'), 'ov4', threeWay(), h),
    ];
    for (const op of refused) {
      const t = trace();
      expect((await op(t.headers)).status).toBeGreaterThanOrEqual(400);
      expect((await logged(t.id)).filter((e: { status: string }) => e.status !== 'error')).toEqual([]);
    }
  });
});

type Target = 'inScope' | 'outOfScope' | 'otherMunicipality';
const targets: Record<Persona, Record<Target, Key>> = {
  jobCoach: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  teamLead: { inScope: 'ov4', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  jobCoachOtherArea: { inScope: 'zu1', outOfScope: 'ov4', otherMunicipality: 'ar1' },
  partnerProfessional: { inScope: 'ov1', outOfScope: 'ov2', otherMunicipality: 'ar1' },
  partnerOtherOrg: { inScope: 'ov1', outOfScope: 'ov3', otherMunicipality: 'ar1' },
  employerAdvisor: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  policyOfficer: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  researcher: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  admin: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  privacyOfficer: { inScope: 'ov1', outOfScope: 'zu1', otherMunicipality: 'ar1' },
  jobCoachOtherMunicipality: { inScope: 'ar1', outOfScope: 'ov1', otherMunicipality: 'ov4' },
};
const caseWorkers: Persona[] = ['jobCoach', 'teamLead', 'jobCoachOtherArea', 'jobCoachOtherMunicipality'];
const readers: Persona[] = [...caseWorkers, 'partnerProfessional'];
/** Per resident a planned meeting tomorrow: for ov1 a 3-gesprek with the buurtteam professional. */
const planned = {} as Record<Key, string>;
/** A meeting that has taken place and is waiting for its report, fresh for every call. */
const awaitingReport = async (k: Key) =>
  (await schedule(c(coachOf(k)), k, k === 'ov1' ? threeWay({ startsAt: hours(-2), endsAt: hours(-1) }) : { startsAt: hours(-2), endsAt: hours(-1) })).body;

interface RouteCase {
  name: string;
  allowed: Persona[];
  okStatus: number;
  call(who: ApiClient, key: Key): Promise<{ status: number }>;
}

const routes: RouteCase[] = [
  { name: 'GET /residents/{id}/meetings', allowed: readers, okStatus: 200, call: (w, k) => w.get(M(k)) },
  {
    name: 'POST /residents/{id}/meetings',
    allowed: caseWorkers,
    okStatus: 201,
    call: (w, k) => schedule(w, k, { type: 'followUp' }),
  },
  {
    name: 'GET /meetings/{meetingId}',
    allowed: readers,
    okStatus: 200,
    call: (w, k) => w.get(`/api/v1/meetings/${planned[k]}`),
  },
  {
    name: 'PATCH /meetings/{meetingId}',
    allowed: caseWorkers,
    okStatus: 200,
    call: async (w, k) => w.patch(`/api/v1/meetings/${planned[k]}`, { agenda: `Agenda ${randomBytes(3).toString('hex')}` }, { 'if-match': await etagOf(planned[k]) }),
  },
  {
    name: 'GET /meetings/{meetingId}/invitation.ics',
    allowed: readers,
    okStatus: 200,
    call: (w, k) => w.get(`/api/v1/meetings/${planned[k]}/invitation.ics`),
  },
  {
    name: 'POST /meetings/{meetingId}/report',
    allowed: caseWorkers,
    okStatus: 201,
    call: async (w, k) => {
      const m = await awaitingReport(k);
      return w.post(`/api/v1/meetings/${m.id}/report`, {
        report: 'Kort verslag',
        attendance: [{ participantId: m.participants[0].id, attended: true }],
      });
    },
  },
];

describe('access matrix: meeting routes × personas × in scope / out of scope / other municipality', () => {
  beforeAll(async () => {
    for (const k of Object.keys(world.residents) as Key[]) {
      const res = await schedule(c(coachOf(k)), k, k === 'ov1' ? threeWay() : {});
      expect(res.status, k).toBe(201);
      planned[k] = res.body.id;
    }
  });

  for (const route of routes) {
    describe(route.name, () => {
      for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
        const inScope = route.allowed.includes(persona) ? route.okStatus : 404;
        it(`${persona}: in scope → ${inScope}, out of scope → 404, other municipality → 404`, async () => {
          const t = targets[persona];
          const got = {
            inScope: (await route.call(c(persona), t.inScope)).status,
            outOfScope: (await route.call(c(persona), t.outOfScope)).status,
            other: (await route.call(c(persona), t.otherMunicipality)).status,
          };
          expect(got).toEqual({ inScope, outOfScope: 404, other: 404 });
        });
      }
    });
  }

  describe('GET /meetings (my meetings)', () => {
    const visible: Record<Persona, Key[] | 403> = {
      jobCoach: ['ov1', 'ov2', 'ov3', 'ov4'],
      // Through the POST row of the matrix above: the teamleider planned a follow-up for ov4.
      teamLead: ['ov4'],
      jobCoachOtherArea: ['zu1'],
      partnerProfessional: ['ov1'],
      partnerOtherOrg: [],
      employerAdvisor: 403,
      policyOfficer: 403,
      researcher: 403,
      admin: 403,
      privacyOfficer: 403,
      jobCoachOtherMunicipality: ['ar1'],
    };
    for (const persona of Object.keys(ROLE_USERS) as Persona[]) {
      it(`${persona} gets ${JSON.stringify(visible[persona])}`, async () => {
        const res = await c(persona).get('/api/v1/meetings?status=planned');
        const expected = visible[persona];
        if (expected === 403) {
          expect([res.status, res.headers.get('content-type')]).toEqual([403, 'application/problem+json; charset=utf-8']);
          return;
        }
        expect(res.status).toBe(200);
        const residents = [...new Set(res.body.items.map((m: any) => m.resident.id))].sort();
        expect(residents).toEqual(expected.map((k) => world.residents[k]).sort());
        for (const m of res.body.items) {
          const ids = [m.organiser.id, ...m.participants.map((p: any) => p.staffUser?.id)];
          expect(ids).toContain(user(persona));
          expect(m.status).toBe('planned');
        }
        const times = res.body.items.map((m: any) => m.startsAt);
        expect(times).toEqual([...times].sort());
      });
    }

    it('the window: from/to, at most 92 days, to after from', async () => {
      const wm = c('jobCoach');
      const soon = await wm.get(`/api/v1/meetings?from=${encodeURIComponent(hours(-1))}&to=${encodeURIComponent(hours(1))}`);
      expect([soon.status, soon.body.items]).toEqual([200, []]);
      expect((await wm.get(`/api/v1/meetings?from=${encodeURIComponent(hours(2))}&to=${encodeURIComponent(hours(1))}`)).status).toBe(400);
      expect((await wm.get(`/api/v1/meetings?from=${encodeURIComponent(hours(0))}&to=${encodeURIComponent(hours(24 * 93))}`)).status).toBe(400);
    });
  });
});

describe('consent withdrawn', () => {
  it('the buurtteam professional sees nothing of ov1 any more: list, detail, invitation and my meetings', async () => {
    const bt = c('partnerProfessional');
    const wm = c('jobCoach');
    expect((await bt.get(`/api/v1/meetings/${threeWayId}`)).status).toBe(200);
    const consents = (await wm.get(`/api/v1/residents/${world.residents.ov1}/consents`)).body.items;
    const active = consents.find((k: any) => k.active && k.partnerOrganisation.id === world.partners.btOvervecht);
    expect((await wm.post(`/api/v1/residents/${world.residents.ov1}/consents/${active.id}/withdraw`)).status).toBe(200);
    expect((await bt.get(`/api/v1/meetings/${threeWayId}`)).status).toBe(404);
    expect((await bt.get(`/api/v1/meetings/${threeWayId}/invitation.ics`)).status).toBe(404);
    expect((await bt.get(M('ov1'))).status).toBe(404);
    expect((await bt.get('/api/v1/meetings')).body.items).toEqual([]);
    // A new 3-gesprek with him is refused until the resident consents again; the werkmatcher still sees everything.
    expect((await schedule(wm, 'ov1', threeWay())).status).toBe(400);
    expect((await wm.get(`/api/v1/meetings/${threeWayId}`)).status).toBe(200);
  });
});
