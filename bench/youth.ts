import os from 'node:os';
import type pg from 'pg';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { todayInNl } from '../src/domain/dates.ts';
import { addDaysIso, searchPeriodDates } from '../src/domain/search-period.ts';
import { seedSynthetic } from '../src/seed/synthetic.ts';
import { generateYouth } from '../src/seed/youth.generator.ts';
import { insertYouthRows, youthTeams } from '../src/seed/youth.store.ts';
import { figures, median, type LoadFigures } from './casework.ts';
import { runCaseworkLoad } from './casework-load.ts';
import { startBareReplayServer } from './casework-servers.ts';
import { MUNICIPALITY_CODE, withClient, type BenchDatabase } from './database.ts';
import { SESSION_COOKIE_NAME, demoLogin, getJson, startFullServer, type StatementSink } from './servers.ts';

// The Team Jongeren benchmark (issue 13): werkmatcher.jongeren's werklijst with the search-period countdowns at
// 10,000 residents, through the full stack (session, scope, RLS, the youth module's countdowns, processing log,
// presenters) and through a bare Fastify + pg twin that replays the same statements in one transaction, in the same
// run. A database of its own (samenplan_bench_youth_<n>), so the shared benchmark databases keep their schema.
// Prints figures and the ratio; asserts nothing.

export const YOUTH_USER = 'werkmatcher.jongeren';
const WORKLIST_PATH = '/api/v1/worklist';

export interface YouthBenchOptions {
  residents: number;
  adminUrl: string;
  fresh: boolean;
  duration: number;
  warmup: number;
  rounds: number;
  connections: number;
  pool: number;
  log: (msg: string) => void;
}

export interface YouthBenchResult {
  residents: number;
  caseload: number;
  runningCountdowns: number;
  searchPeriods: number;
  connections: number;
  full: LoadFigures;
  bare: LoadFigures;
  throughputRatio: number;
  p99Ratio: number;
  cpus: number;
  loadAverage: number[];
}

async function prepareYouthDatabase(o: YouthBenchOptions): Promise<BenchDatabase> {
  const name = `samenplan_bench_youth_${o.residents}`;
  const ownerUrl = withDatabase(o.adminUrl, name);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const exists = await withClient(o.adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists && !o.fresh) {
    const n = await withClient(ownerUrl, async (c) => Number((await c.query('SELECT count(*) AS n FROM youth_search_periods')).rows[0].n)).catch(() => 0);
    if (n > 0) {
      await migrate(ownerUrl);
      o.log(`Reusing ${name} (${n} search periods; --fresh to re-seed).`);
      return { name, ownerUrl, appUrl, residents: o.residents, seedSeconds: null };
    }
  }
  await withClient(o.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  await migrate(ownerUrl);
  const started = performance.now();
  o.log(`Seeding ${o.residents.toLocaleString('en')} synthetic residents into ${name}…`);
  const ownerDb = createDb(createPool(ownerUrl, { max: 4, applicationName: 'samenplan-bench-youth-seed' }));
  try {
    await seedSynthetic(ownerDb, { residents: o.residents, municipalityCode: MUNICIPALITY_CODE, historyYears: 3, log: o.log });
    const today = todayInNl();
    for (const team of await youthTeams(ownerDb)) await insertYouthRows(ownerDb, generateYouth(team, today));
  } finally {
    await ownerDb.destroy();
  }
  // Every other young person of werkmatcher.jongeren's caseload gets a running search period (the worst case of the
  // werklijst: all of them counting down), report dates spread over the last four weeks.
  await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT r.municipality_id, r.id, t.id AS team_id, s.id AS coach FROM staff_users s
       JOIN cases cs ON cs.municipality_id = s.municipality_id AND cs.contact_person_id = s.id AND cs.status = 'active'
       JOIN residents r ON r.municipality_id = cs.municipality_id AND r.id = cs.resident_id
       JOIN team_members tm ON tm.municipality_id = s.municipality_id AND tm.staff_user_id = s.id
       JOIN teams t ON t.municipality_id = tm.municipality_id AND t.id = tm.team_id AND t.kind = 'youth'
       WHERE s.username = $1 AND r.date_of_birth > current_date - interval '26 years' AND r.date_of_birth <= current_date - interval '18 years'
         AND NOT EXISTS (SELECT 1 FROM youth_search_periods p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id)
       ORDER BY r.id`,
      [YOUTH_USER],
    );
    const today = todayInNl();
    for (const [i, r] of rows.entries()) {
      const report = addDaysIso(today, -(i % 27));
      const d = searchPeriodDates(report);
      await c.query(
        `INSERT INTO youth_search_periods (municipality_id, id, resident_id, team_id, report_date, start_date, end_date, created_by)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`,
        [r.municipality_id, r.id, r.team_id, report, d.startDate, d.endDate, r.coach],
      );
    }
    await c.query('VACUUM ANALYZE');
  });
  const seedSeconds = (performance.now() - started) / 1000;
  o.log(`Seeded in ${seedSeconds.toFixed(1)} s.`);
  return { name, ownerUrl, appUrl, residents: o.residents, seedSeconds };
}

export async function runYouthBench(o: YouthBenchOptions): Promise<YouthBenchResult> {
  const db = await prepareYouthDatabase(o);
  // The statements of one worklist request, captured at the pg level, for the bare twin.
  const sink: StatementSink = { on: false, statements: [] };
  const capture = await startFullServer(db.ownerUrl, db.appUrl, o.pool, sink);
  let userId: string;
  try {
    const cookie = `${SESSION_COOKIE_NAME}=${await demoLogin(capture.url, YOUTH_USER)}`;
    userId = ((await getJson(`${capture.url}/api/v1/session`, { cookie })) as { user: { id: string } }).user.id;
    await getJson(`${capture.url}${WORKLIST_PATH}`, { cookie });
    sink.on = true;
    await getJson(`${capture.url}${WORKLIST_PATH}`, { cookie });
    sink.on = false;
  } finally {
    await capture.close();
  }
  const setConfig = sink.statements.find((s) => /set_config\('samenplan\.municipality_id'/.test(s.text));
  if (!setConfig) throw new Error('The worklist request sent no set_config');
  const selects = sink.statements.filter((s) => /FROM cases c|FROM plan_actions pa|FROM contact_person_assignments h|FROM meetings mt/.test(s.text));
  if (!selects.some((s) => /youth_search_periods/.test(s.text))) throw new Error('The worklist sent no search-period query');
  const facts = await withClient(db.ownerUrl, async (c: pg.Client) => {
    const caseload = Number((await c.query(`SELECT count(*) AS n FROM cases WHERE contact_person_id = $1 AND status = 'active'`, [userId])).rows[0].n);
    const running = Number(
      (
        await c.query(
          `SELECT count(*) AS n FROM youth_search_periods sp JOIN cases cs ON cs.municipality_id = sp.municipality_id AND cs.resident_id = sp.resident_id
           AND cs.status = 'active' AND cs.contact_person_id = $1 WHERE sp.status = 'running' AND sp.end_date > current_date AND sp.handled_early_on IS NULL`,
          [userId],
        )
      ).rows[0].n,
    );
    const periods = Number((await c.query('SELECT count(*) AS n FROM youth_search_periods')).rows[0].n);
    return { caseload, running, periods };
  });
  o.log(`${YOUTH_USER}: ${facts.caseload} residents, ${facts.running} running search periods; ${facts.periods} search periods in all.`);

  const full = await startFullServer(db.ownerUrl, db.appUrl, o.pool);
  const bare = await startBareReplayServer(db.appUrl, o.pool, WORKLIST_PATH, [setConfig, ...selects]);
  const cookie = `${SESSION_COOKIE_NAME}=${await demoLogin(full.url, YOUTH_USER)}`;
  const load = { connections: o.connections, duration: o.duration, warmup: o.warmup };
  const f: LoadFigures[] = [];
  const b: LoadFigures[] = [];
  try {
    for (let round = 1; round <= o.rounds; round += 1) {
      o.log(`Round ${round} of ${o.rounds}: Team Jongeren werklijst (full, bare), ${o.duration} s each.`);
      f.push(figures(await runCaseworkLoad({ kind: 'get', base: full.url, path: WORKLIST_PATH, headers: { cookie }, ...load })));
      b.push(figures(await runCaseworkLoad({ kind: 'get', base: bare.url, path: WORKLIST_PATH, headers: {}, ...load })));
    }
  } finally {
    await full.close();
    await bare.close();
  }
  const fm = median(f);
  const bm = median(b);
  return {
    residents: o.residents,
    caseload: facts.caseload,
    runningCountdowns: facts.running,
    searchPeriods: facts.periods,
    connections: o.connections,
    full: fm,
    bare: bm,
    throughputRatio: Math.round((fm.requestsPerSecond / bm.requestsPerSecond) * 100) / 100,
    p99Ratio: Math.round((fm.p99 / bm.p99) * 100) / 100,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function youthTable(r: YouthBenchResult): string {
  const row = (name: string, x: LoadFigures) => `${name.padEnd(6)} ${String(x.requestsPerSecond).padStart(8)} req/s  p50 ${x.p50} ms  p99 ${x.p99} ms  non-2xx ${x.non2xx}`;
  return [
    `Team Jongeren werklijst with countdowns (${r.residents.toLocaleString('en')} residents, ${r.connections} connections; ${r.runningCountdowns} running search periods in the caseload of ${r.caseload})`,
    row('full', r.full),
    row('bare', r.bare),
    `throughput full/bare ${r.throughputRatio} · p99 full/bare ${r.p99Ratio}`,
  ].join('\n');
}

export function youthMarkdown(r: YouthBenchResult, machine: string): string {
  return [
    `### Team Jongeren: werklijst with search-period countdowns (issue 13)`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${machine}; load average ${r.loadAverage.join(' / ')}. Five other engineers were loading the same`,
    `2-vCPU machine while this ran, so the ratio to the bare twin (same run, same database) matters more than the absolute figures.`,
    `\`npm run bench -- --only youth\`: ${r.residents.toLocaleString('en')} residents, ${r.searchPeriods} search periods; werkmatcher.jongeren has ${r.caseload}`,
    `residents, ${r.runningCountdowns} of them with a running search period (all on the werklijst). Bare: the same statements replayed in one transaction.`,
    '',
    '| | req/s | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    `| full stack | ${r.full.requestsPerSecond} | ${r.full.p50} | ${r.full.p99} |`,
    `| bare SQL | ${r.bare.requestsPerSecond} | ${r.bare.p50} | ${r.bare.p99} |`,
    `| ratio full/bare | ${r.throughputRatio} | | ${r.p99Ratio} |`,
    '',
  ].join('\n');
}
