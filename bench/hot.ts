import os from 'node:os';
import { runCaseworkLoad, type CaseworkLoadRequest } from './casework-load.ts';
import { startBarePlanUpdateServer, startBareReplayServer } from './casework-servers.ts';
import { dataset, dealTargets, figures, median, tableRows, type LoadFigures } from './casework.ts';
import { withClient, type BenchDatabase, type CapturedStatement } from './database.ts';
import { prepareNationalDatabase } from './national.ts';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, getJson, startFullServer, type RunningServer, type StatementSink } from './servers.ts';

// The werkmatcher's hot requests (issue 9), each through the full stack and through its own bare twin in the same
// run, with 1 connection (latency without queueing) and with 16 (a whole office at nine in the morning).
//
// The bare twin of a read is the same SQL: the statements the full stack sent for that request, captured at the pg
// level, replayed in the same order with the same parameters in one transaction on the same application role (so
// row-level security runs as well), by a plain Fastify handler that returns the rows as JSON. What the twin leaves
// out is exactly what the platform adds: the session lookup, the processing-log insert, the policies and presenters
// in Node, the response schema. The plan-action update's twin is written by hand (bench/casework-servers.ts): a
// replay cannot follow the version that every write bumps.

export interface HotRequest {
  key: string;
  name: string;
  kind: 'get' | 'patch';
  /** For reads: the path (with query). */
  path: string;
}

export interface HotFigures {
  key: string;
  name: string;
  connections: number;
  full: LoadFigures;
  bare: LoadFigures;
  /** The bare twin plus the full stack's processing-log insert (a logged read's floor: the write and its commit). */
  bareLogged: LoadFigures | null;
  throughputRatio: number;
  p99Ratio: number;
  /** Statements the full stack sends for one request, and its bare twin. */
  statementsFull: number;
  statementsBare: number;
}

export interface HotBenchResult {
  residents: number;
  database: string;
  rows: Record<string, number>;
  caseload: number;
  teamTotal: number;
  duration: number;
  rounds: number;
  pool: number;
  cpus: number;
  loadAverage: number[];
  results: HotFigures[];
}

export interface HotBenchOptions {
  residents: number;
  adminUrl: string;
  fresh: boolean;
  duration: number;
  warmup: number;
  rounds: number;
  pool: number;
  connections: number[];
  log: (msg: string) => void;
}

const isSession = (s: CapturedStatement) => /auth_principal/.test(s.text);
const isLogInsert = (s: CapturedStatement) => /^insert into "processing_log"/i.test(s.text.trim());

/**
 * Plans to update: one open action per active plan of residents in the areas of the werkmatcher's teams (her own
 * caseload first). Every connection gets plans of its own, so concurrent writes do not collide on one version.
 */
async function planTargets(db: BenchDatabase, userId: string): Promise<{ residentId: string; actionId: string; planId: string }[]> {
  return withClient(db.ownerUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (p.id) p.resident_id AS "residentId", a.id AS "actionId", p.id AS "planId", (cs.contact_person_id = $1) AS own
         FROM team_members tm
         JOIN team_areas ta ON ta.team_id = tm.team_id
         JOIN residents r ON r.area_id = ta.area_id
         JOIN cases cs ON cs.municipality_id = r.municipality_id AND cs.resident_id = r.id AND cs.status = 'active'
         JOIN plans p ON p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active'
         JOIN plan_actions a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.status IN ('open', 'inProgress')
         WHERE tm.staff_user_id = $1
         ORDER BY p.id, a.id) t
       ORDER BY own DESC, "planId" LIMIT 160`,
      [userId],
    );
    return rows;
  });
}

/** A common family name of the werkmatcher's own residents, for the name search (`q=`). */
async function searchTerm(db: BenchDatabase, userId: string): Promise<string> {
  return withClient(db.ownerUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT r.family_name AS name, count(*) AS n FROM residents r JOIN cases cs ON cs.municipality_id = r.municipality_id AND cs.resident_id = r.id
       WHERE cs.contact_person_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      [userId],
    );
    return String(rows[0]?.name ?? 'Jansen').slice(0, 5).toLowerCase();
  });
}

export async function runHotBench(o: HotBenchOptions): Promise<HotBenchResult> {
  const log = o.log;
  // 10,000: one municipality (Utrecht) with three years of history; 400,000: the national case, 342 municipalities.
  const db =
    o.residents >= 100_000
      ? await prepareNationalDatabase(o.adminUrl, o.residents, o.fresh, log)
      : await dataset({ adminUrl: o.adminUrl, residents: o.residents, fresh: o.fresh }, log);
  const rows = await tableRows(db);
  log(`Dataset ${db.name}: ${JSON.stringify(rows)}`);

  const sink: StatementSink = { on: false, statements: [] };
  const full = await startFullServer(db.ownerUrl, db.appUrl, o.pool, sink);
  const bares: RunningServer[] = [];
  const results: HotFigures[] = [];
  try {
    const token = await demoLogin(full.url, DEMO_USER);
    const cookie = `${SESSION_COOKIE_NAME}=${token}`;
    const session = (await getJson(`${full.url}/api/v1/session`, { cookie })) as { user: { id: string }; csrfToken: string };
    const userId = session.user.id;
    const targets = await planTargets(db, userId);
    const maxConnections = Math.max(...o.connections);
    if (targets.length < maxConnections) throw new Error(`Only ${targets.length} plans with an open action; need ${maxConnections}.`);
    const caseload = Number(
      (await withClient(db.ownerUrl, (c) => c.query(`SELECT count(*) AS n FROM cases WHERE contact_person_id = $1 AND status = 'active'`, [userId]))).rows[0].n,
    );
    const team = (await getJson(`${full.url}/api/v1/residents`, { cookie })) as { total: number };
    const q = await searchTerm(db, userId);
    const requests: HotRequest[] = [
      { key: 'caseload', name: 'Mijn caseload (`GET /residents?contactPerson=me`)', kind: 'get', path: '/api/v1/residents?contactPerson=me' },
      { key: 'team', name: 'Team view (`GET /residents`, first page)', kind: 'get', path: '/api/v1/residents' },
      { key: 'search', name: `Name search (\`GET /residents?q=${q}\`)`, kind: 'get', path: `/api/v1/residents?q=${encodeURIComponent(q)}` },
      { key: 'worklist', name: 'Werklijst (`GET /worklist`)', kind: 'get', path: '/api/v1/worklist' },
      { key: 'resident', name: 'Resident page, first call (`GET /residents/{id}`)', kind: 'get', path: `/api/v1/residents/${targets[0]!.residentId}` },
      { key: 'planUpdate', name: 'Plan-action update with If-Match (`PATCH …/plan/actions/{id}`)', kind: 'patch', path: '' },
    ];

    // HOT_ONLY=search,team: measure only these (while working on one of them).
    const only = process.env.HOT_ONLY?.split(',');
    if (only) requests.splice(0, requests.length, ...requests.filter((r) => only.includes(r.key)));
    // Capture what the full stack sends for each read, and start its bare twin.
    const twins = new Map<string, { url: string; loggedUrl: string | null; statementsFull: number; statementsBare: number }>();
    for (const r of requests) {
      if (r.kind === 'patch') {
        const municipalityId = String(
          (await withClient(db.ownerUrl, (c) => c.query(`SELECT municipality_id FROM staff_users WHERE id = $1`, [userId]))).rows[0].municipality_id,
        );
        // One update through the full stack, recorded: its scope settings go to the twin, its statements are counted.
        const [t] = await dealTargets(db, targets.slice(0, 1), 1);
        const target = t![0]!;
        sink.statements = [];
        sink.on = true;
        const res = await fetch(`${full.url}/api/v1/residents/${target.residentId}/plan/actions/${target.actionId}`, {
          method: 'PATCH',
          headers: { cookie, 'x-csrf-token': session.csrfToken, 'if-match': target.etag, 'content-type': 'application/json' },
          body: JSON.stringify({ status: target.status === 'open' ? 'inProgress' : 'open' }),
        });
        sink.on = false;
        if (res.status !== 200) throw new Error(`The recorded plan update answered ${res.status}: ${await res.text()}`);
        const sent = [...sink.statements];
        const setConfig = sent.find((s) => /set_config\('samenplan\.municipality_id'/.test(s.text));
        if (!setConfig) throw new Error('The plan update sent no set_config');
        const bare = await startBarePlanUpdateServer(db.appUrl, o.pool, municipalityId, userId, setConfig);
        bares.push(bare);
        // The twin: begin, set_config, plan FOR UPDATE, goals, actions, 2 updates, version insert, commit.
        twins.set(r.key, { url: bare.url, loggedUrl: null, statementsFull: sent.length, statementsBare: 9 });
        log(`${r.key}: full stack sends ${sent.length} statements, the bare twin 9.`);
        continue;
      }
      await getJson(`${full.url}${r.path}`, { cookie });
      sink.statements = [];
      sink.on = true;
      await getJson(`${full.url}${r.path}`, { cookie });
      sink.on = false;
      const sent = [...sink.statements];
      const replay = sent.filter((s) => !isSession(s) && !isLogInsert(s));
      const bare = await startBareReplayServer(db.appUrl, o.pool, r.path, replay);
      const logged = await startBareReplayServer(db.appUrl, o.pool, r.path, sent.filter((s) => !isSession(s)));
      bares.push(bare, logged);
      twins.set(r.key, { url: bare.url, loggedUrl: logged.url, statementsFull: sent.length, statementsBare: replay.length });
      log(`${r.key}: full stack sends ${sent.length} statements, the bare twin ${replay.length}.`);
    }

    for (const connections of o.connections) {
      for (const r of requests) {
        const twin = twins.get(r.key)!;
        const fullRuns: LoadFigures[] = [];
        const bareRuns: LoadFigures[] = [];
        const loggedRuns: LoadFigures[] = [];
        for (let round = 0; round < o.rounds; round += 1) {
          const base = { connections, duration: o.duration, warmup: o.warmup };
          const fullReq: CaseworkLoadRequest =
            r.kind === 'get'
              ? { kind: 'get', base: full.url, path: r.path, headers: { cookie }, ...base }
              : { kind: 'patch', base: full.url, path: '', headers: { cookie, 'x-csrf-token': session.csrfToken }, targets: await dealTargets(db, targets, connections), ...base };
          fullRuns.push(figures(await runCaseworkLoad(fullReq)));
          const bareReq: CaseworkLoadRequest =
            r.kind === 'get'
              ? { kind: 'get', base: twin.url, path: r.path, headers: {}, ...base }
              : { kind: 'patch', base: twin.url, path: '', headers: {}, targets: await dealTargets(db, targets, connections), ...base };
          bareRuns.push(figures(await runCaseworkLoad(bareReq)));
          if (twin.loggedUrl) loggedRuns.push(figures(await runCaseworkLoad({ kind: 'get', base: twin.loggedUrl, path: r.path, headers: {}, ...base })));
        }
        const f = median(fullRuns);
        const b = median(bareRuns);
        const row: HotFigures = {
          key: r.key,
          name: r.name,
          connections,
          full: f,
          bare: b,
          bareLogged: loggedRuns.length ? median(loggedRuns) : null,
          throughputRatio: Math.round((f.requestsPerSecond / b.requestsPerSecond) * 100) / 100,
          p99Ratio: Math.round((f.p99 / b.p99) * 100) / 100,
          statementsFull: twin.statementsFull,
          statementsBare: twin.statementsBare,
        };
        results.push(row);
        log(
          `${r.key} ×${connections}: full ${f.requestsPerSecond.toFixed(0)} req/s p50 ${f.p50.toFixed(1)} p99 ${f.p99.toFixed(1)} | bare ${b.requestsPerSecond.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} p99 ${b.p99.toFixed(1)} | ratio ${row.throughputRatio}, p99 ×${row.p99Ratio}${row.bareLogged ? ` | bare+log ${row.bareLogged.requestsPerSecond.toFixed(0)} req/s p50 ${row.bareLogged.p50.toFixed(1)}` : ''}${f.non2xx ? ` (${f.non2xx} non-2xx)` : ''}`,
        );
      }
    }
    return {
      residents: o.residents,
      database: db.name,
      rows,
      caseload,
      teamTotal: team.total,
      duration: o.duration,
      rounds: o.rounds,
      pool: o.pool,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      results,
    };
  } finally {
    await full.close();
    for (const b of bares) await b.close();
  }
}

/** Targets of issue 9: throughput ≥ 50% of bare; p99 at 16 connections ≤ 2× bare; p50 at 1 connection < 15 ms (reads), < 25 ms (update). */
export function targetsOf(r: HotFigures): { throughput: boolean; p99: boolean | null; p50: boolean | null } {
  return {
    throughput: r.throughputRatio >= 0.5,
    p99: r.connections >= 16 ? r.p99Ratio <= 2 : null,
    p50: r.connections === 1 ? r.full.p50 < (r.key === 'planUpdate' ? 25 : 15) : null,
  };
}

export function hotTable(r: HotBenchResult): string {
  const lines = [
    `Hot requests: ${r.residents.toLocaleString('en')} residents, caseload ${r.caseload}, team view total ${r.teamTotal}, pool ${r.pool}, ${r.duration} s per scenario, ${r.rounds} round(s) (median), ${r.cpus} CPUs`,
    `${'request'.padEnd(12)} ${'conn'.padStart(4)} ${'full r/s'.padStart(9)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'bare r/s'.padStart(9)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'ratio'.padStart(6)} ${'p99×'.padStart(6)} stmts`,
  ];
  for (const x of r.results) {
    lines.push(
      `${x.key.padEnd(12)} ${String(x.connections).padStart(4)} ${x.full.requestsPerSecond.toFixed(0).padStart(9)} ${x.full.p50.toFixed(1).padStart(7)} ${x.full.p99.toFixed(1).padStart(7)} ${x.bare.requestsPerSecond.toFixed(0).padStart(9)} ${x.bare.p50.toFixed(1).padStart(7)} ${x.bare.p99.toFixed(1).padStart(7)} ${x.throughputRatio.toFixed(2).padStart(6)} ${x.p99Ratio.toFixed(2).padStart(6)} ${x.statementsFull}/${x.statementsBare}`,
    );
  }
  return lines.join('\n');
}

export function hotMarkdown(r: HotBenchResult, machine: string): string {
  const ok = (v: boolean | null) => (v === null ? '–' : v ? 'met' : '**missed**');
  const rows = r.results.map((x) => {
    const t = targetsOf(x);
    return `| ${x.name} | ${x.connections} | ${x.full.requestsPerSecond.toFixed(0)} | ${x.full.p50.toFixed(1)} | ${x.full.p99.toFixed(1)} | ${x.bare.requestsPerSecond.toFixed(0)} | ${x.bare.p50.toFixed(1)} | ${x.bare.p99.toFixed(1)} | ${x.bareLogged ? `${x.bareLogged.requestsPerSecond.toFixed(0)} / ${x.bareLogged.p50.toFixed(1)}` : '–'} | ${Math.round(x.throughputRatio * 100)}% ${ok(t.throughput)} | ${x.p99Ratio.toFixed(2)}× ${ok(t.p99)} | ${ok(t.p50)} | ${x.statementsFull} / ${x.statementsBare} |`;
  });
  return [
    `### Hot requests, ${r.residents.toLocaleString('en')} residents`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. Load average after the run: ${r.loadAverage.join(' / ')}.`,
    '',
    `Dataset \`${r.database}\`: ${Object.entries(r.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}. The werkmatcher's caseload: ${r.caseload} residents; the team view's total: ${r.teamTotal.toLocaleString('en')}. Every server has a pool of ${r.pool} connections as \`samenplan_app\`; ${r.duration} s measured per scenario after a warm-up, ${r.rounds} round(s) interleaved full/bare (median). Latencies in ms, client-side.`,
    '',
    '| Request | Connections | Full req/s | Full p50 | Full p99 | Bare req/s | Bare p50 | Bare p99 | Bare + log insert: req/s / p50 | Throughput vs bare (≥ 50%) | p99 vs bare (≤ 2× at 16) | p50 at 1 (< 15 / 25 ms) | Statements full / bare |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
