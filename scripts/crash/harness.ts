import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { projectRoot } from '../../src/platform/config.ts';
import { createDb, createPool, withDatabase, type Db } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { verifyProcessingLogChain } from '../../src/platform/processing-log/chain-verify.ts';
import { loginAs, type ApiClient } from '../../test/helpers/client.ts';
import { backdateMeeting, workday } from '../../test/helpers/office-hours.ts';
import { ROLE_USERS, createWorld, type World } from '../../test/helpers/fixtures.ts';

// Crash-kill harness (issue 16, docs/reliability.md). Starts the real server (`samenplan start`: API, sealer, job
// worker) as a child process on its own database, drives a mixed write load (plan goals with If-Match, meetings with a
// report whose agreed actions go into the plan, team reassignments whose notice becomes a notification and an e-mail
// job), and kill -9s the server at a random moment. A second instance is always booting, so the next one takes over
// at once (two instances at a time is a supported set-up). After every kill it checks, on the database:
//   1. every write the client saw acknowledged is there;
//   2. a change exists if and only if its processing-log entry (status ok, its trace id) exists;
//   3. no half-written records: a meeting's report exists only with all of its agreed actions in the plan, and an
//      acknowledged reassignment has its notice queued or delivered;
//   4. the hash chain verifies (after the surviving instance sealed);
// and at the end, after a clean run of the jobs: every notification has been e-mailed, each notification's Message-ID
// reached the SMTP server (duplicates are counted: delivery is at least once with an idempotency key, so once in
// effect), and no notification exists twice.

export interface CrashOptions {
  iterations: number;
  /** Admin URL of the PostgreSQL to create the crash database on (never killed). */
  adminUrl?: string;
  /** Concurrent load clients. */
  clients?: number;
  /** Kill after a random time in [minMs, maxMs] of load. */
  minMs?: number;
  maxMs?: number;
  seed?: number;
  log?: (msg: string) => void;
  keepDatabase?: boolean;
  /**
   * Kill PostgreSQL too: every `pgKillEvery`-th kill also kill -9s the postmaster (and its backends: the database
   * host dies) of a throw-away cluster the harness creates for itself (initdb as user postgres into a temp dir, on
   * `pgPort`), restarts it (crash recovery) and checks the same invariants. The machine's main cluster is never used.
   */
  pgKillEvery?: number;
  pgPort?: number;
}

export interface CrashReport {
  iterations: number;
  /** Of which PostgreSQL was killed too (own cluster). */
  postgresKills: number;
  attempts: number;
  acknowledged: number;
  lostAcknowledged: number;
  changeWithoutLog: number;
  logWithoutChange: number;
  halfWritten: number;
  chainBreaks: number;
  notifications: number;
  notEmailed: number;
  duplicateNotifications: number;
  duplicateDeliveries: number;
  missingDeliveries: number;
  seconds: number;
  /** Answers seen per kind of write ("goal 201", "goal 412", "report error" for a cut connection…). */
  answers: Record<string, number>;
  problems: string[];
}

type Kind = 'goal' | 'meeting' | 'report' | 'reassign';
interface Attempt {
  kind: Kind;
  marker: string;
  trace: string;
  acked: boolean;
  /** For a report: the meeting and the markers of its agreed actions. */
  meetingId?: string;
  actions?: string[];
  residentIds?: string[];
  notified?: string;
}

const WRITE_ACTION: Record<Kind, string> = { goal: 'plans.goals.create', meeting: 'meetings.create', report: 'meetings.report', reassign: 'team.reassign' };

const PSEUDONYM_KEY = 'crash-pseudonym-key-0123456789abcdef0123456789';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Instance {
  child: ChildProcess;
  url: string;
  ready: Promise<void>;
  exited: Promise<void>;
}

function startInstance(ownerUrl: string, smtpPort: number, log: (m: string) => void, port: number): Instance {
  const child = spawn(process.execPath, [path.join(projectRoot, 'bin/samenplan.mjs'), 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: ownerUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SAMENPLAN_DEMO_LOGIN: 'true',
      SAMENPLAN_SEED_DEMO: 'false',
      SAMENPLAN_PSEUDONYM_KEY: PSEUDONYM_KEY,
      SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-crash-')),
      SAMENPLAN_LOGIN_RATE_LIMIT: '100000',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOG_LEVEL: 'silent',
      // A job whose worker was killed is retried after this; the maintenance that notices runs this often.
      SAMENPLAN_JOB_EXPIRE_SECONDS: '10',
      SAMENPLAN_JOB_MAINTENANCE_SECONDS: '2',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = (async () => {
    // Generous: on a machine shared with other test runs (and at nice 19) a boot took over 30 s now and then.
    for (const until = Date.now() + 180_000; Date.now() < until; ) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server stopped while starting: ${stderr.slice(-500)}`);
      if (stderr.includes('Samenplan draait op')) {
        try {
          const r = await fetch(`${url}/api/v1/health`);
          if (r.ok) return;
        } catch {
          // not yet
        }
      }
      await sleep(50);
    }
    log(stderr);
    throw new Error('server did not start in 180 s');
  })();
  return { child, url, ready, exited };
}

// A throw-away PostgreSQL cluster of the harness's own (never the machine's main cluster): initdb as user postgres
// into a temp dir, its own port, trust auth on 127.0.0.1 only.
const PG_BIN = process.env.SAMENPLAN_PG_BIN ?? (() => {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
  return majors[0] ? path.join(root, majors[0], 'bin') : '';
})();

interface OwnCluster {
  dir: string;
  port: number;
  adminUrl: string;
  start(): void;
  /** kill -9 of the postmaster and every backend: the database host dies. */
  kill(): Promise<void>;
  destroy(): void;
}

function asPostgres(cmd: string, args: string[]): void {
  const run = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
  execFileSync(run[0], [...run[1]], { stdio: 'pipe' });
}

function ownCluster(port: number): OwnCluster {
  const dir = mkdtempSync(path.join(tmpdir(), 'sp-crash-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  asPostgres(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-instructions']);
  const start = () =>
    asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '120', '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`, 'start']);
  const backends = (pid: number) => {
    const out: number[] = [];
    for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pid) out.push(Number(d));
      } catch {
        // gone already
      }
    }
    return out;
  };
  return {
    dir,
    port,
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    async kill() {
      const pidFile = path.join(data, 'postmaster.pid');
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      const children = backends(pid);
      for (const p of [pid, ...children]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      // Wait until every process of the cluster is gone (its shared memory is released), then it can start again.
      for (let i = 0; i < 200 && [pid, ...children].some((p) => existsSync(`/proc/${p}`)); i += 1) await sleep(50);
    },
    destroy() {
      try {
        asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runCrash(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const started = Date.now();
  const random = rng(options.seed ?? Date.now());
  const cluster = options.pgKillEvery ? ownCluster(options.pgPort ?? 55432) : null;
  cluster?.start();
  const adminUrl = cluster?.adminUrl ?? options.adminUrl ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `samenplan_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const ownerUrl = withDatabase(adminUrl, dbName);
  await migrate(ownerUrl);
  const ownerPool = createPool(ownerUrl, { max: 4, prepared: false });
  // When PostgreSQL dies a checked-out client reports the reset itself; the query that used it fails on its own.
  ownerPool.on('connect', (client) => client.on('error', () => undefined));
  const ownerDb: Db = createDb(ownerPool);

  // SMTP sink: every delivery with its Message-ID.
  const deliveries: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? `none-${deliveries.length}`;
        deliveries.push(id);
        callback();
      });
    },
  });
  // A kill -9 cuts an SMTP conversation mid-way: the connection reset is the expected outcome, not the harness's end.
  smtp.on('error', () => undefined);
  const smtpPort = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port)));

  const report: CrashReport = {
    iterations: 0, postgresKills: 0, attempts: 0, acknowledged: 0, lostAcknowledged: 0, changeWithoutLog: 0, logWithoutChange: 0, halfWritten: 0,
    chainBreaks: 0, notifications: 0, notEmailed: 0, duplicateNotifications: 0, duplicateDeliveries: 0, missingDeliveries: 0, seconds: 0, answers: {}, problems: [],
  };
  const problem = (msg: string) => {
    if (report.problems.length < 50) report.problems.push(msg);
  };
  const instances: Instance[] = [];
  // Stopped from outside (timeout, Ctrl-C): no server child may outlive the harness.
  const onStop = () => {
    for (const inst of instances) if (inst.child.exitCode === null && inst.child.signalCode === null) inst.child.kill('SIGKILL');
    cluster?.destroy();
    process.exit(143);
  };
  process.once('SIGTERM', onStop);
  process.once('SIGINT', onStop);
  try {
    const world: World = await createWorld(ownerDb);
    // A second werkmatcher in the Overvecht team, and e-mail addresses, so reassignments notify and mail.
    const coach2 = randomUUID();
    await sql`INSERT INTO staff_users (municipality_id, id, username, display_name, email, roles, demo_persona)
      VALUES (${world.utrecht}, ${coach2}, 'wm.ov2', 'Test wm.ov2', 'wm.ov2@example.org', ARRAY['jobCoach'], true)`.execute(ownerDb);
    await sql`INSERT INTO team_members (municipality_id, team_id, staff_user_id, is_lead)
      SELECT municipality_id, team_id, ${coach2}, false FROM team_members WHERE staff_user_id = ${world.users[ROLE_USERS.jobCoach]!}`.execute(ownerDb);
    await sql`UPDATE staff_users SET email = username || '@example.org' WHERE municipality_id = ${world.utrecht} AND email IS NULL`.execute(ownerDb);
    const coaches = [world.users[ROLE_USERS.jobCoach]!, coach2];
    const residentKeys = ['ov1', 'ov2', 'ov3', 'ov4'] as const;

    const boot = async () => {
      const inst = startInstance(ownerUrl, smtpPort, log, await freePort());
      instances.push(inst);
      return inst;
    };
    let current = await boot();
    await current.ready;
    let next = await boot();
    // Sessions live in PostgreSQL: log in once, keep using the cookies on every instance.
    const wmSession = await loginAs(current.url, ROLE_USERS.jobCoach);
    const tlSession = await loginAs(current.url, ROLE_USERS.teamLead);
    const on = (c: ApiClient, url: string) => Object.assign(Object.create(Object.getPrototypeOf(c) as object) as ApiClient, c, { baseUrl: url });
    // Every plan exists before the load, so goals have a plan to go into.
    for (const k of residentKeys) await wmSession.post(`/api/v1/residents/${world.residents[k]}/plan`, {});

    const attempts: Attempt[] = [];
    const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

    const saw = (kind: Kind, status: number | string) => {
      const k = `${kind} ${status}`;
      report.answers[k] = (report.answers[k] ?? 0) + 1;
    };
    const oneWrite = async (url: string, stop: () => boolean) => {
      const wm = on(wmSession, url);
      const tl = on(tlSession, url);
      while (!stop()) {
        const resident = world.residents[residentKeys[Math.floor(random() * residentKeys.length)]!];
        const r = random();
        const trace = randomBytes(16).toString('hex');
        const headers = { traceparent: `00-${trace}-${randomBytes(8).toString('hex')}-01` };
        try {
          if (r < 0.5) {
            const plan = await wm.get(`/api/v1/residents/${resident}/plan`);
            const marker = `goal ${randomUUID()}`;
            const a: Attempt = { kind: 'goal', marker, trace, acked: false };
            attempts.push(a);
            const res = await wm.post(`/api/v1/residents/${resident}/plan/goals`, { title: marker }, { ...headers, 'if-match': plan.headers.get('etag') ?? '' });
            a.acked = res.status === 201;
            saw('goal', res.status);
          } else if (r < 0.85) {
            const marker = `meeting ${randomUUID()}`;
            const m: Attempt = { kind: 'meeting', marker, trace, acked: false };
            attempts.push(m);
            const created = await wm.post(`/api/v1/residents/${resident}/meetings`, { type: 'followUp', startsAt: workday(1, '10:00'), endsAt: workday(1, '11:00'), mode: 'phone', location: null, agenda: marker }, headers);
            m.acked = created.status === 201;
            // As the meeting tests do: the meeting took place (moved into the past by the owner), so it can be reported.
            if (m.acked) await backdateMeeting(ownerDb, created.body.id, hours(-3), hours(-2));
            saw('meeting', created.status);
            if (!m.acked) continue;
            const trace2 = randomBytes(16).toString('hex');
            const actions = [`actie ${randomUUID()}`, `actie ${randomUUID()}`];
            const rep: Attempt = { kind: 'report', marker: `verslag ${randomUUID()}`, trace: trace2, acked: false, meetingId: created.body.id, actions };
            attempts.push(rep);
            const body = {
              report: rep.marker,
              attendance: (created.body.participants as Array<{ id: string }>).map((p) => ({ participantId: p.id, attended: true })),
              agreedActions: actions.map((description) => ({ description, owner: { type: 'resident' }, dueDate: hours(24 * 7).slice(0, 10) })),
            };
            const res = await wm.post(`/api/v1/meetings/${created.body.id}/report`, body, { traceparent: `00-${trace2}-${randomBytes(8).toString('hex')}-01` });
            rep.acked = res.status === 201 || res.status === 200;
            saw('report', res.status);
          } else {
            const marker = `Overdracht ${randomUUID()}`;
            const to = coaches[Math.floor(random() * 2)]!;
            const a: Attempt = { kind: 'reassign', marker, trace, acked: false, residentIds: [resident], notified: to };
            attempts.push(a);
            const res = await tl.post('/api/v1/team/reassignments', { residentIds: [resident], toStaffUserId: to, handoverNote: marker }, headers);
            a.acked = res.status === 200 || res.status === 201;
            saw('reassign', res.status);
          }
        } catch (err) {
          if (process.env.CRASH_DEBUG) process.stderr.write(`crash: request failed: ${String(err)}\n`);
          saw(attempts.at(-1)?.kind ?? 'goal', 'cut');
          await sleep(20);
          // connection reset by the kill: the write's outcome is unknown to the client (not acknowledged)
        }
      }
    };

    const checkIteration = async (batch: Attempt[]) => {
      for (const a of batch) {
        report.attempts += 1;
        if (a.acked) report.acknowledged += 1;
        let change: boolean;
        if (a.kind === 'goal') {
          change = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM plan_goals WHERE title = ${a.marker}`.execute(ownerDb)).rows[0]!.n) > 0;
        } else if (a.kind === 'meeting') {
          change = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM meetings WHERE agenda = ${a.marker}`.execute(ownerDb)).rows[0]!.n) > 0;
        } else if (a.kind === 'report') {
          const rep = await sql<{ n: string }>`SELECT count(*) AS n FROM meetings WHERE id = ${a.meetingId!} AND report = ${a.marker}`.execute(ownerDb);
          change = Number(rep.rows[0]!.n) > 0;
          const acts = await sql<{ n: string }>`SELECT count(*) AS n FROM plan_actions WHERE description = ANY(${a.actions!}::text[])`.execute(ownerDb);
          const nActs = Number(acts.rows[0]!.n);
          if ((change && nActs !== a.actions!.length) || (!change && nActs !== 0)) {
            report.halfWritten += 1;
            problem(`half-written report ${a.marker}: report ${change}, ${nActs} of ${a.actions!.length} actions`);
          }
        } else {
          change = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM contact_person_assignments WHERE handover_note = ${a.marker}`.execute(ownerDb)).rows[0]!.n) > 0;
        }
        // The write's own entry (a refused write logs e.g. plans.conflict under the same trace: not a change).
        const logged = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM processing_log WHERE trace_id = ${a.trace} AND status = 'ok' AND action = ${WRITE_ACTION[a.kind]}`.execute(ownerDb)).rows[0]!.n) > 0;
        if (a.acked && !change) {
          report.lostAcknowledged += 1;
          problem(`lost acknowledged ${a.kind} ${a.marker}`);
        }
        if (change && !logged) {
          report.changeWithoutLog += 1;
          problem(`${a.kind} ${a.marker} without its log entry`);
        }
        if (logged && !change) {
          report.logWithoutChange += 1;
          problem(`log entry of ${a.kind} ${a.marker} without its change`);
        }
      }
      const v = await verifyProcessingLogChain(ownerDb, { parallel: 1 });
      if (v.breakCount > 0 || v.alteredFunctions.length > 0) {
        report.chainBreaks += v.breakCount + v.alteredFunctions.length;
        problem(`chain: ${JSON.stringify(v.breaks.slice(0, 3))}`);
      }
    };

    for (let i = 0; i < options.iterations; i += 1) {
      const before = attempts.length;
      let stopped = false;
      const load = Array.from({ length: options.clients ?? 4 }, () => oneWrite(current.url, () => stopped));
      const min = options.minMs ?? 1000;
      const max = options.maxMs ?? 3000;
      await sleep(min + random() * (max - min));
      stopped = true;
      const pgKill = cluster !== null && (i + 1) % options.pgKillEvery! === 0;
      if (pgKill) {
        // The database host dies mid-load: PostgreSQL and both instances (their connections are gone with it).
        next.ready.catch(() => undefined);
        await cluster.kill();
        current.child.kill('SIGKILL');
        next.child.kill('SIGKILL');
        await Promise.all([current.exited, next.exited]);
        await Promise.all(load);
        cluster.start();
        report.postgresKills += 1;
        current = await boot();
        await current.ready;
        next = await boot();
      } else {
        current.child.kill('SIGKILL');
        await current.exited;
        await Promise.all(load);
        // The next instance takes over; a new spare starts booting.
        await next.ready;
        current = next;
        next = await boot();
      }
      await checkIteration(attempts.slice(before));
      report.iterations += 1;
      if ((i + 1) % 10 === 0 || i + 1 === options.iterations) {
        log(`crash: ${i + 1}/${options.iterations} kills (${report.postgresKills} of PostgreSQL), ${report.attempts} writes (${report.acknowledged} acknowledged), lost ${report.lostAcknowledged}, mismatches ${report.changeWithoutLog + report.logWithoutChange}, half-written ${report.halfWritten}, chain breaks ${report.chainBreaks}`);
      }
    }

    // Jobs: let the surviving instance finish every job, then check notifications and deliveries.
    await next.ready;
    const until = Date.now() + 120_000;
    for (;;) {
      const { rows } = await sql<{ outbox: string; open: string; unmailed: string }>`
        SELECT (SELECT count(*) FROM job_outbox)::text AS outbox,
          (SELECT count(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active'))::text AS open,
          (SELECT count(*) FROM notifications WHERE emailed_at IS NULL)::text AS unmailed`.execute(ownerDb);
      if (rows[0]!.outbox === '0' && rows[0]!.open === '0' && rows[0]!.unmailed === '0') break;
      if (Date.now() > until) {
        problem(`jobs not done after 120 s: ${JSON.stringify(rows[0])}`);
        break;
      }
      await sleep(500);
    }
    const notes = await sql<{ id: string; emailed_at: Date | null; dedupe_key: string }>`SELECT id, emailed_at, dedupe_key FROM notifications`.execute(ownerDb);
    report.notifications = notes.rows.length;
    report.notEmailed = notes.rows.filter((n) => !n.emailed_at).length;
    report.duplicateNotifications = notes.rows.length - new Set(notes.rows.map((n) => n.dedupe_key)).size;
    const acked = attempts.filter((a) => a.kind === 'reassign' && a.acked).length;
    const notices = notes.rows.filter((n) => n.dedupe_key.startsWith('reassignment:')).length;
    if (notices < acked) problem(`${acked} acknowledged reassignments but ${notices} notifications`);
    const byId = new Map<string, number>();
    for (const d of deliveries) byId.set(d, (byId.get(d) ?? 0) + 1);
    report.duplicateDeliveries = [...byId.values()].reduce((s, n) => s + n - 1, 0);
    report.missingDeliveries = notes.rows.filter((n) => !byId.has(`<notification-${n.id}@samenplan>`)).length;
    report.seconds = Math.round((Date.now() - started) / 1000);
    return report;
  } finally {
    process.off('SIGTERM', onStop);
    process.off('SIGINT', onStop);
    for (const inst of instances) if (inst.child.exitCode === null && inst.child.signalCode === null) inst.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    smtp.close();
    await ownerDb.destroy();
    if (cluster) cluster.destroy();
    else if (!options.keepDatabase) {
      const a2 = new pg.Client({ connectionString: adminUrl });
      await a2.connect();
      await a2.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a2.end();
    }
  }
}
