import os from 'node:os';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { prepareDatabase, withClient, type BenchDatabase, type CapturedStatement } from './database.ts';
import { runCaseworkLoad, type CaseworkLoadResult, type PatchTarget } from './casework-load.ts';
import { startBarePlanUpdateServer, startBareReplayServer } from './casework-servers.ts';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, getJson, startFullServer, type RunningServer, type StatementSink } from './servers.ts';

// The casework benchmark (issue 3): "the worklist of a werkmatcher and a plan update (with If-Match and processing
// log) at 10,000 residents per municipality with three years of history; report p50/p99 and requests/s.
// Target: worklist p99 < 100 ms, plan update p99 < 100 ms."
//
//   node --import tsx bench/casework.ts [--residents 10000] [--rounds N] [--duration S] [--connections N]
//
// Each scenario runs through the full stack (session, policies, RLS, processing log, presenters) and through a bare
// Fastify + pg baseline with the same main SQL, in the same run. Prints figures; asserts nothing.

export const WORKLIST_PATH = '/api/v1/worklist';
export const TARGET_P99_MS = 100;

export interface CaseworkBenchOptions {
  residents?: number;
  rounds?: number;
  duration?: number;
  warmup?: number;
  connections?: number;
  pool?: number;
  fresh?: boolean;
  adminUrl?: string;
  log?: (msg: string) => void;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  preconditionFailed: number;
}

export interface ScenarioFigures {
  full: LoadFigures;
  bare: LoadFigures;
  /** Full-stack throughput as a share of the bare baseline's. */
  throughputRatio: number;
  /** Full-stack p99 divided by the bare p99. */
  p99Ratio: number;
  targetMet: boolean;
}

export interface CaseworkBenchResult {
  residents: number;
  database: string;
  seedSeconds: number | null;
  caseload: number;
  plansInCaseload: number;
  plansUpdated: number;
  rows: Record<string, number>;
  connections: number;
  pool: number;
  duration: number;
  rounds: number;
  cpus: number;
  loadAverage: number[];
  worklist: ScenarioFigures;
  planUpdate: ScenarioFigures;
}

const defaults = {
  residents: 10_000,
  rounds: 1,
  duration: 10,
  warmup: 3,
  connections: 10,
  pool: 16,
  fresh: false,
  adminUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};

export async function tableRows(db: BenchDatabase): Promise<Record<string, number>> {
  return withClient(db.ownerUrl, async (c) => {
    const out: Record<string, number> = {};
    for (const t of ['residents', 'contact_moments', 'zrm_assessments', 'plans', 'plan_actions', 'plan_versions', 'meetings']) {
      out[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    return out;
  });
}

/** The dataset, with casework history: an older benchmark database without plans is seeded again. */
export async function dataset(o: { adminUrl: string; residents: number; fresh: boolean }, log: (m: string) => void): Promise<BenchDatabase> {
  let db = await prepareDatabase(o.adminUrl, o.residents, o.fresh, log);
  const plans = (await tableRows(db)).plans ?? 0;
  if (plans === 0) {
    log(`${db.name} has no casework history (plans, meetings, assessments): seeding it again.`);
    db = await prepareDatabase(o.adminUrl, o.residents, true, log);
  }
  return db;
}

interface Captured {
  userId: string;
  municipalityId: string;
  cookie: string;
  csrf: string;
  setConfig: CapturedStatement;
  selects: CapturedStatement[];
}

/** Logs in as the werkmatcher and records the statements one worklist request sends (for the bare baseline). */
async function capture(db: BenchDatabase, pool: number): Promise<Captured> {
  const sink: StatementSink = { on: false, statements: [] };
  const server = await startFullServer(db.ownerUrl, db.appUrl, pool, sink);
  try {
    const token = await demoLogin(server.url, DEMO_USER);
    const cookie = `${SESSION_COOKIE_NAME}=${token}`;
    const session = (await getJson(`${server.url}/api/v1/session`, { cookie })) as {
      user: { id: string; municipality?: { id: string } };
      csrfToken: string;
    };
    await getJson(`${server.url}${WORKLIST_PATH}`, { cookie });
    sink.on = true;
    await getJson(`${server.url}${WORKLIST_PATH}`, { cookie });
    sink.on = false;
    const setConfig = sink.statements.find((s) => /set_config\('samenplan\.municipality_id'/.test(s.text));
    if (!setConfig) throw new Error('The worklist request sent no set_config');
    const selects = sink.statements.filter((s) =>
      /FROM cases c|FROM plan_actions pa|FROM contact_person_assignments h|FROM meetings mt/.test(s.text),
    );
    if (selects.length < 4) throw new Error(`Expected the worklist queries, captured:\n${sink.statements.map((s) => s.text).join('\n')}`);
    return {
      userId: session.user.id,
      municipalityId: String(setConfig.values[0]),
      cookie,
      csrf: session.csrfToken,
      setConfig,
      selects,
    };
  } finally {
    await server.close();
  }
}

/** One open action per active plan of the werkmatcher's caseload. */
export async function planTargets(db: BenchDatabase, userId: string): Promise<{ residentId: string; actionId: string; planId: string }[]> {
  return withClient(db.ownerUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT DISTINCT ON (p.id) p.resident_id AS "residentId", a.id AS "actionId", p.id AS "planId"
       FROM cases cs JOIN plans p ON p.municipality_id = cs.municipality_id AND p.resident_id = cs.resident_id AND p.status = 'active'
       JOIN plan_actions a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.status IN ('open', 'inProgress')
       WHERE cs.contact_person_id = $1 AND cs.status = 'active'
       ORDER BY p.id, a.id`,
      [userId],
    );
    return rows;
  });
}

/** The current ETag and status of every target (read just before a scenario), dealt out over the connections. */
export async function dealTargets(
  db: BenchDatabase,
  targets: { residentId: string; actionId: string; planId: string }[],
  connections: number,
): Promise<PatchTarget[][]> {
  const current = await withClient(db.ownerUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT p.id AS plan_id, p.version, a.id AS action_id, a.status FROM plans p JOIN plan_actions a ON a.plan_id = p.id
       WHERE a.id = ANY ($1::uuid[])`,
      [targets.map((t) => t.actionId)],
    );
    return new Map(rows.map((r: { action_id: string; plan_id: string; version: number; status: string }) => [r.action_id, r]));
  });
  const dealt: PatchTarget[][] = Array.from({ length: connections }, () => []);
  targets.forEach((t, i) => {
    const r = current.get(t.actionId);
    if (!r) return;
    dealt[i % connections]!.push({
      residentId: t.residentId,
      actionId: t.actionId,
      etag: `"plan-${r.plan_id}-v${r.version}"`,
      status: r.status === 'open' ? 'open' : 'inProgress',
    });
  });
  return dealt;
}

export function figures(r: CaseworkLoadResult): LoadFigures {
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requestsPerSecond: round(r.requestsPerSecond),
    p50: round(r.p50),
    p90: round(r.p90),
    p99: round(r.p99),
    max: round(r.max),
    requests: r.requests,
    non2xx: r.non2xx,
    errors: r.errors,
    preconditionFailed: r.preconditionFailed,
  };
}

/** The round with the median throughput (the rounds are interleaved, so machine noise spreads over both sides). */
export function median(results: LoadFigures[]): LoadFigures {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function scenario(full: LoadFigures[], bare: LoadFigures[]): ScenarioFigures {
  const f = median(full);
  const b = median(bare);
  return {
    full: f,
    bare: b,
    throughputRatio: Math.round((f.requestsPerSecond / b.requestsPerSecond) * 100) / 100,
    p99Ratio: Math.round((f.p99 / b.p99) * 100) / 100,
    targetMet: f.p99 < TARGET_P99_MS,
  };
}

export async function runCaseworkBench(options: CaseworkBenchOptions = {}): Promise<CaseworkBenchResult> {
  const log = options.log ?? ((m: string) => console.log(`[casework-bench] ${m}`));
  const o = { ...defaults, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'log')) } as Required<
    Omit<CaseworkBenchOptions, 'log'>
  >;
  const db = await dataset(o, log);
  const rows = await tableRows(db);
  log(`Dataset ${db.name}: ${JSON.stringify(rows)}`);
  const cap = await capture(db, o.pool);
  const caseload = await withClient(db.ownerUrl, async (c) =>
    Number((await c.query(`SELECT count(*) AS n FROM cases WHERE contact_person_id = $1 AND status = 'active'`, [cap.userId])).rows[0].n),
  );
  const targets = await planTargets(db, cap.userId);
  if (targets.length < o.connections) throw new Error(`Only ${targets.length} plans with an open action in the caseload; need at least ${o.connections}.`);
  log(`${DEMO_USER}: ${caseload} residents, ${targets.length} active plans with an open action.`);

  const load = { connections: o.connections, duration: o.duration, warmup: o.warmup };
  const full: RunningServer = await startFullServer(db.ownerUrl, db.appUrl, o.pool);
  const bareWorklist = await startBareReplayServer(db.appUrl, o.pool, WORKLIST_PATH, [cap.setConfig, ...cap.selects]);
  const barePlan = await startBarePlanUpdateServer(db.appUrl, o.pool, cap.municipalityId, cap.userId, cap.setConfig);
  // A fresh session on the running full server (sessions live in the database, so the captured one is valid too).
  const token = await demoLogin(full.url, DEMO_USER);
  const cookie = `${SESSION_COOKIE_NAME}=${token}`;
  const session = (await getJson(`${full.url}/api/v1/session`, { cookie })) as { csrfToken: string };
  const results = { worklistFull: [] as LoadFigures[], worklistBare: [] as LoadFigures[], planFull: [] as LoadFigures[], planBare: [] as LoadFigures[] };
  try {
    for (let round = 1; round <= o.rounds; round += 1) {
      log(`Round ${round} of ${o.rounds}: worklist (full, bare), plan update (full, bare), ${o.duration} s each.`);
      results.worklistFull.push(figures(await runCaseworkLoad({ kind: 'get', base: full.url, path: WORKLIST_PATH, headers: { cookie }, ...load })));
      results.worklistBare.push(figures(await runCaseworkLoad({ kind: 'get', base: bareWorklist.url, path: WORKLIST_PATH, headers: {}, ...load })));
      results.planFull.push(
        figures(
          await runCaseworkLoad({
            kind: 'patch',
            base: full.url,
            path: '',
            headers: { cookie, 'x-csrf-token': session.csrfToken },
            targets: await dealTargets(db, targets, o.connections),
            ...load,
          }),
        ),
      );
      results.planBare.push(
        figures(
          await runCaseworkLoad({ kind: 'patch', base: barePlan.url, path: '', headers: {}, targets: await dealTargets(db, targets, o.connections), ...load }),
        ),
      );
    }
  } finally {
    await full.close();
    await bareWorklist.close();
    await barePlan.close();
  }
  return {
    residents: o.residents,
    database: db.name,
    seedSeconds: db.seedSeconds,
    caseload,
    plansInCaseload: targets.length,
    plansUpdated: targets.length,
    rows,
    connections: o.connections,
    pool: o.pool,
    duration: o.duration,
    rounds: o.rounds,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    worklist: scenario(results.worklistFull, results.worklistBare),
    planUpdate: scenario(results.planFull, results.planBare),
  };
}

export function caseworkTable(r: CaseworkBenchResult): string {
  const line = (name: string, f: LoadFigures) =>
    `${name.padEnd(26)} ${f.requestsPerSecond.toFixed(1).padStart(9)} ${f.p50.toFixed(1).padStart(8)} ${f.p90.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${String(f.non2xx).padStart(7)} ${String(f.preconditionFailed).padStart(5)}`;
  return [
    `Casework benchmark: ${r.residents.toLocaleString('en')} residents, caseload ${r.caseload}, ${r.connections} connections, pool ${r.pool}, ${r.duration} s per scenario, ${r.rounds} round(s) (median), ${r.cpus} CPUs, load average ${r.loadAverage.join(' / ')}`,
    `${'scenario'.padEnd(26)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(7)} ${'412'.padStart(5)}`,
    line('worklist, full stack', r.worklist.full),
    line('worklist, bare', r.worklist.bare),
    line('plan update, full stack', r.planUpdate.full),
    line('plan update, bare', r.planUpdate.bare),
    `worklist: full/bare throughput ${r.worklist.throughputRatio}, p99 ${r.worklist.p99Ratio}x; target p99 < ${TARGET_P99_MS} ms ${r.worklist.targetMet ? 'met' : 'NOT met'}`,
    `plan update: full/bare throughput ${r.planUpdate.throughputRatio}, p99 ${r.planUpdate.p99Ratio}x; target p99 < ${TARGET_P99_MS} ms ${r.planUpdate.targetMet ? 'met' : 'NOT met'}`,
  ].join('\n');
}

function int(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} moet een positief geheel getal zijn`);
  return n;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      residents: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      pool: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      pg: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  runCaseworkBench({
    residents: int('residents', values.residents),
    rounds: int('rounds', values.rounds),
    duration: int('duration', values.duration),
    warmup: values.warmup === '0' ? 0 : int('warmup', values.warmup),
    connections: int('connections', values.connections),
    pool: int('pool', values.pool),
    fresh: values.fresh,
    adminUrl: values.pg,
  }).then(
    (r) => {
      console.log(caseworkTable(r));
      if (values.json) console.log(JSON.stringify(r, null, 2));
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
