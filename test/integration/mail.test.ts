import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_QUEUE } from '../../src/modules/worklist/worklist.jobs.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { mailSenderFromEnv, smtpTarget } from '../../src/platform/jobs/mail.ts';
import { startJobWorker, type JobWorker } from '../../src/platform/jobs/worker.ts';
import { jobDefinitions } from '../../src/server.ts';
import { ROLE_USERS, createWorld } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// E-mail when SMTP is configured: the daily reminder reaches a real SMTP server (smtp-server, in process) as a mail
// with the count in the subject and an absolute link, exactly once per notification even when the job runs again;
// staff without an address get none; nothing of a resident is in the message.

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Headers and a text/plain body (7bit or quoted-printable), enough for what nodemailer sends here. */
function parseMessage(raw: string): Omit<Received, 'to'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  let body = rest.join('\n\n');
  if (/quoted-printable/i.test(headers.get('content-transfer-encoding') ?? '')) {
    body = Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return { from: headers.get('from') ?? '', subject: headers.get('subject') ?? '', text: body.replace(/\r\n/g, '\n') };
}

let server: TestServer;
let appDb: Db;
let worker: JobWorker;
let smtp: SMTPServer;
const inbox: Received[] = [];
const operationalLog: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'samenplan' && auth.password === 'geheim') callback(null, { user: auth.username });
      else callback(new Error('Onbekende gebruiker'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', callback);
      stream.on('end', () => {
        inbox.push({ ...parseMessage(Buffer.concat(chunks).toString('utf8')), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;

  server = await startTestServer({ template: 'empty' });
  await createWorld(server.ownerDb);
  // wm.ov has an e-mail address, wm.ar has none; both get a reminder (a resident over the contact norm).
  await server.ownerDb.updateTable('staff_users').set({ email: 'wm.ov@gemeente.example' }).where('username', '=', ROLE_USERS.jobCoach).execute();
  await server.ownerDb.updateTable('cases').set({ last_contact_at: null }).execute();
  appDb = createDb(createPool(server.db.appUrl, { max: 3 }));
  const mail = mailSenderFromEnv(
    { SMTP_URL: `smtp://samenplan:geheim@127.0.0.1:${port}`, SMTP_FROM: 'Samenplan <noreply@gemeente.example>' },
    (m) => operationalLog.push(m),
    'https://samenplan.gemeente.example/',
  );
  worker = await startJobWorker({ ownerUrl: server.db.ownerUrl, ownerDb: server.ownerDb, appDb, jobs: jobDefinitions, mail, schedule: false, pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await worker?.stop();
  await appDb?.destroy();
  await server?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe('e-mail when SMTP is configured', () => {
  it('says in the operational log where mail goes, without the credentials', () => {
    expect(operationalLog).toHaveLength(1);
    expect(operationalLog[0]).toMatch(/^E-mail staat aan via smtp:\/\/127\.0\.0\.1:\d+/);
    expect(operationalLog[0]).not.toContain('geheim');
  });

  it('mails the daily reminder once to the werkmatcher with an address, with an absolute link and no resident data', async () => {
    await worker.send(REMINDER_QUEUE);
    await worker.idle();
    await worker.idle();
    expect(inbox).toHaveLength(1);
    const [m] = inbox;
    expect(m!.to).toEqual(['wm.ov@gemeente.example']);
    expect(m!.from).toBe('Samenplan <noreply@gemeente.example>');
    expect(m!.subject).toMatch(/^Samenplan: \d+ inwoners? boven de contactnorm$/);
    expect(m!.text).toContain('Open Samenplan: https://samenplan.gemeente.example/werklijst');
    for (const name of ['Bram', 'Carla', 'Dirk', 'Vries', 'Bakker', 'Visser']) expect(m!.text).not.toContain(name);

    const { rows } = await sql<{ username: string; emailed: boolean }>`
      SELECT s.username, n.emailed_at IS NOT NULL AS emailed FROM notifications n
      JOIN staff_users s ON s.municipality_id = n.municipality_id AND s.id = n.staff_user_id ORDER BY s.username`.execute(server.ownerDb);
    // Both got the in-app notification; only the one with an address was mailed.
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((r) => r.emailed)).toEqual([{ username: ROLE_USERS.jobCoach, emailed: true }]);
    expect(rows.map((r) => r.username)).toContain(ROLE_USERS.jobCoachOtherMunicipality);
  });

  it('does not mail again when the reminder job runs a second time the same day', async () => {
    await worker.send(REMINDER_QUEUE);
    await worker.idle();
    await worker.idle();
    expect(inbox).toHaveLength(1);
  });

  it('falls back to in-app only for a missing or invalid SMTP_URL', () => {
    const said: string[] = [];
    expect(mailSenderFromEnv({}, (m) => said.push(m), 'http://localhost').configured).toBe(false);
    expect(mailSenderFromEnv({ SMTP_URL: 'http://not-smtp' }, (m) => said.push(m), 'http://localhost').configured).toBe(false);
    expect(said[1]).toMatch(/geen geldige smtp/);
    expect(smtpTarget('smtps://u:p@mail.example:465')).toBe('smtps://mail.example:465');
  });
});
