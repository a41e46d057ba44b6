import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageProblem, MESSAGE_MAX } from '../../src/modules/messages/messages.rules.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { mailSenderFromEnv } from '../../src/platform/jobs/mail.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { pseudonymise } from '../../src/platform/processing-log/pseudonym.ts';
import { jobDefinitions } from '../../src/server.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { TEST_PSEUDONYM_KEY } from '../helpers/db.ts';
import { ROLE_USERS, createWorld, type World } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import fc from 'fast-check';

// Messages between a resident and his contact person (issue 11, PA-022), over real HTTP, with a real SMTP server
// (smtp-server, in process) and the job worker: the resident writes from Mijn Samenplan, the werkmatcher answers from
// the resident page; unread counts on both sides; an e-mail says only that there is a message, never its words; each
// read and write is in the processing log with the resident as subject; another resident, a werkmatcher of another
// area and the buurtteam (even with consent) get 404.

interface Received { to: string[]; subject: string; raw: string }

let server: TestServer;
let world: World;
let appDb: Db;
let worker: JobWorker;
let smtp: SMTPServer;
const inbox: Received[] = [];
let anna: ApiClient;
let bram: ApiClient;
let wm: ApiClient;
const ANNA_WORDS = 'Ik heb morgen een sollicitatiegesprek bij de thuiszorg';
const WM_WORDS = 'Wat goed! Neem uw cv en uw diploma mee naar het gesprek';

async function loginResident(username: string): Promise<ApiClient> {
  const c = new ApiClient(server.baseUrl);
  const res = await c.post('/api/v1/portal/session/demo', { username });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  c.csrfToken = res.body.csrfToken;
  return c;
}

async function delivered() {
  await worker.idle();
  await worker.idle();
  await worker.idle();
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        // Headers and the text body, quoted-printable decoded (as nodemailer sends it).
        const raw = Buffer.from(
          Buffer.concat(chunks).toString('latin1').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8');
        const subject = /^subject: (.*)$/im.exec(raw)?.[1] ?? '';
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  server = await startTestServer({ template: 'empty' });
  world = await createWorld(server.ownerDb);
  await server.ownerDb.updateTable('residents').set({ portal_demo_username: 'inwoner.anna' }).where('id', '=', world.residents.ov1).execute();
  await server.ownerDb.updateTable('residents').set({ portal_demo_username: 'inwoner.bram' }).where('id', '=', world.residents.ov2).execute();
  await server.ownerDb.updateTable('staff_users').set({ email: 'wm.ov@gemeente.example' }).where('username', '=', ROLE_USERS.jobCoach).execute();
  appDb = createDb(createPool(server.db.appUrl, { max: 3 }));
  const mail = mailSenderFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Samenplan <noreply@gemeente.example>' }, () => {}, 'https://samenplan.gemeente.example/');
  worker = await startJobWorker({ ownerUrl: server.db.ownerUrl, ownerDb: server.ownerDb, appDb, jobs: jobDefinitions, mail, schedule: false, pollingIntervalSeconds: 0.5 });
  anna = await loginResident('inwoner.anna');
  bram = await loginResident('inwoner.bram');
  wm = await loginAs(server.baseUrl, ROLE_USERS.jobCoach);
});

afterAll(async () => {
  await worker?.stop();
  await appDb?.destroy();
  await server?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('the rule for a message body', () => {
  it('accepts plain text up to the maximum and refuses empty, too long and markup', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: MESSAGE_MAX }).filter((s) => s.trim().length > 0 && !s.includes('<')), (s) => messageProblem(s) === null),
    );
    fc.assert(fc.property(fc.string({ maxLength: 20 }).map((s) => s.replace(/\S/g, ' ')), (s) => messageProblem(s) === 'empty'));
    expect(messageProblem('x'.repeat(MESSAGE_MAX + 1))).toBe('tooLong');
    for (const s of ['<script>alert(1)</script>', 'hallo <b>vet</b>', '<!-- x -->', '< img src=x onerror=alert(1)>']) expect(messageProblem(s), s).toBe('markup');
    for (const s of ['1 < 2', 'ik <3 werk', 'a<5 uur']) expect(messageProblem(s), s).toBeNull();
  });
});

describe('Mijn Samenplan: messages with the contact person', () => {
  it('the resident writes; bad input gets a Dutch answer at the field and stores nothing', async () => {
    for (const [body, text] of [['   ', 'Schrijf eerst'], ['x'.repeat(MESSAGE_MAX + 1), 'korter'], ['<script>alert(1)</script>', 'gewone tekst']] as const) {
      const res = await anna.post('/api/v1/portal/messages', { body });
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0]).toMatchObject({ name: 'body' });
      expect(res.body.invalidParams[0].reason).toContain(text);
    }
    const { rows } = await sql`SELECT 1 FROM resident_messages`.execute(server.ownerDb);
    expect(rows).toHaveLength(0);
    const sent = await anna.post('/api/v1/portal/messages', { body: `  ${ANNA_WORDS}  ` });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ from: 'resident', authorName: 'U', mine: true, body: ANNA_WORDS, readAt: null });
    const list = await anna.get('/api/v1/portal/messages');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { body: string }) => m.body)).toEqual([ANNA_WORDS]);
    expect(list.body.contactPerson).toBe(`Test ${ROLE_USERS.jobCoach}`);
  });

  it('the werkmatcher is told (werklijst count, e-mail without the words) and reads it on the resident page', async () => {
    await delivered();
    const mailToWm = inbox.filter((m) => m.to.includes('wm.ov@gemeente.example'));
    expect(mailToWm).toHaveLength(1);
    expect(mailToWm[0]!.subject).toContain('Een inwoner stuurde u een bericht');
    expect(mailToWm[0]!.raw).not.toContain('sollicitatiegesprek');
    expect(mailToWm[0]!.raw).not.toContain('Anna');
    const unread = await wm.get('/api/v1/unread-messages');
    expect(unread.status).toBe(200);
    expect(unread.body).toMatchObject({ total: 1, unreadTotal: 1 });
    expect(unread.body.items[0]).toMatchObject({ residentId: world.residents.ov1, displayName: 'Anna Jansen', unread: 1 });
    const thread = await wm.get(`/api/v1/residents/${world.residents.ov1}/messages`);
    expect(thread.status).toBe(200);
    expect(thread.body.unreadBefore).toBe(1);
    expect(thread.body.items[0]).toMatchObject({ from: 'resident', mine: false, body: ANNA_WORDS });
    expect((await wm.get('/api/v1/unread-messages')).body).toMatchObject({ total: 0, unreadTotal: 0 });
    // The resident sees that it was read.
    expect((await anna.get('/api/v1/portal/messages')).body.items[0].readAt).not.toBeNull();
  });

  it('the werkmatcher answers; the resident gets an e-mail that says only that there is a message, and an unread count', async () => {
    const res = await wm.post(`/api/v1/residents/${world.residents.ov1}/messages`, { body: WM_WORDS });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ from: 'staff', authorName: `Test ${ROLE_USERS.jobCoach}`, mine: true });
    await delivered();
    const toAnna = inbox.filter((m) => m.to.includes('anna@example.org'));
    expect(toAnna).toHaveLength(1);
    expect(toAnna[0]!.subject).toBe('Samenplan: u heeft een nieuw bericht');
    expect(toAnna[0]!.raw).toContain('https://samenplan.gemeente.example/mijn/berichten');
    for (const word of ['cv', 'diploma', 'Wat goed']) expect(toAnna[0]!.raw).not.toContain(word);
    // Once: the job running again sends nothing more.
    const { rows } = await sql<{ emailed: boolean }>`SELECT emailed_at IS NOT NULL AS emailed FROM resident_messages WHERE sender = 'staff'`.execute(server.ownerDb);
    expect(rows).toEqual([{ emailed: true }]);
    const home = await anna.get('/api/v1/portal/home');
    expect(home.body.unreadMessages).toBe(1);
    const thread = await anna.get('/api/v1/portal/messages');
    expect(thread.body.unreadBefore).toBe(1);
    expect(thread.body.items.map((m: { from: string; mine: boolean }) => [m.from, m.mine])).toEqual([['resident', true], ['staff', false]]);
    expect((await anna.get('/api/v1/portal/home')).body.unreadMessages).toBe(0);
  });

  it('markup is never stored; what is stored comes back as the same plain text', async () => {
    const text = 'Vraag: is 16 < 20 uur genoeg? "Ja" & \'nee\'';
    const res = await anna.post('/api/v1/portal/messages', { body: text });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(text);
    expect((await wm.post(`/api/v1/residents/${world.residents.ov1}/messages`, { body: '<img src=x onerror=alert(1)>' })).status).toBe(400);
  });

  it('each resident sees only his own conversation; out of scope is 404', async () => {
    const other = await bram.get('/api/v1/portal/messages');
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    expect((await bram.get('/api/v1/portal/home')).body.unreadMessages).toBe(0);
    const zu = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherArea);
    expect((await zu.get(`/api/v1/residents/${world.residents.ov1}/messages`)).status).toBe(404);
    expect((await zu.post(`/api/v1/residents/${world.residents.ov1}/messages`, { body: 'Hallo' })).status).toBe(404);
    expect((await zu.get('/api/v1/unread-messages')).body.items).toEqual([]);
    // The buurtteam has consent for Anna's plan, but not for her messages.
    const bt = await loginAs(server.baseUrl, ROLE_USERS.partnerProfessional);
    expect((await bt.get(`/api/v1/residents/${world.residents.ov1}/messages`)).status).toBe(404);
    const ar = await loginAs(server.baseUrl, ROLE_USERS.jobCoachOtherMunicipality);
    expect((await ar.get(`/api/v1/residents/${world.residents.ov1}/messages`)).status).toBe(404);
    // A staff session cannot use the resident's routes, a resident session not the staff's.
    expect((await wm.get('/api/v1/portal/messages')).status).toBe(404);
    expect((await anna.get(`/api/v1/residents/${world.residents.ov1}/messages`)).status).toBe(401);
  });

  it('every read and write is in the processing log with Anna as subject (PA-022)', async () => {
    const pseudonym = pseudonymise(TEST_PSEUDONYM_KEY, world.utrecht, world.residents.ov1);
    const rows = await server.ownerDb
      .selectFrom('processing_log_entries')
      .select(['action', 'processing_activity_id', 'actor_role', 'status'])
      .where('data_subject_id', '=', pseudonym)
      .where('processing_activity_id', '=', 'PA-022')
      .execute();
    const seen = new Set(rows.filter((r) => r.status !== 'error').map((r) => `${r.actor_role} ${r.action}`));
    for (const a of ['resident messages.send', 'resident messages.read', 'resident messages.unread', 'jobCoach messages.read', 'jobCoach messages.send', 'jobCoach messages.unread']) {
      expect(seen, a).toContain(a);
    }
  });
});
