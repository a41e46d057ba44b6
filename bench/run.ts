import os from 'node:os';
import { resolveSession } from '../src/platform/auth/sessions.ts';
import { createDb, createPool } from '../src/platform/db/database.ts';
import { parseBenchArgs, usage, type BenchArgs } from './args.ts';
import {
  databaseFacts,
  explainList,
  prepareDatabase,
  withClient,
  type BenchDatabase,
  type CapturedStatement,
} from './database.ts';
import { waitForQuiet } from './cpu.ts';
import { runLoad, type LoadRequest, type LoadResult } from './load.ts';
import { pgbenchAvailable, runPgbench } from './pgbench.ts';
import {
  consoleTable,
  machineInfo,
  markdownSection,
  statementLabel,
  targetsMet,
  updateDocs,
  updateDocsSection,
  type DatasetReport,
  type Machine,
  type PgbenchRow,
  type ScenarioResult,
} from './report.ts';
import {
  DEMO_USER,
  LIST_PATH,
  SESSION_COOKIE_NAME,
  benchConfig,
  demoLogin,
  getJson,
  startBareServer,
  startFullServer,
  type RunningServer,
  type StatementSink,
} from './servers.ts';
import { VARIANTS, startVariantServer } from './variants.ts';
import { caseworkTable, runCaseworkBench } from './casework.ts';
import { caseworkMarkdown } from './casework-report.ts';
import { formatMatchingTable, runMatchingBench } from './matching.ts';
import { matchingMarkdown } from './matching-report.ts';
import { auditMarkdown, auditTable, runAuditBench } from './audit.ts';
import { hotMarkdown, hotTable, runHotBench } from './hot.ts';
import { runStudiesBench, studiesMarkdown, studiesTable } from './studies.ts';
import { enrolMarkdown, enrolTable, runEnrolBench } from './studies-enrol.ts';
import { portalMarkdown, portalTable, runPortalBench } from './portal.ts';
import { runYouthBench, youthMarkdown, youthTable } from './youth.ts';
import { programmesTable, runProgrammesBench } from './programmes.ts';
import { spawnSync } from 'node:child_process';

// npm run bench: GET /api/v1/residents (first page of a werkmatcher's caseload) through the full stack, and the
// same SQL through a bare Fastify + pg handler, loaded with autocannon. Prints figures; asserts nothing.

const log = (msg: string) => console.log(`[bench] ${msg}`);

interface Captured {
  token: string;
  userId: string;
  itemsPerPage: number;
  firstId: string | undefined;
  all: CapturedStatement[];
  setConfig: CapturedStatement;
  select: CapturedStatement;
}

function find(statements: CapturedStatement[], test: RegExp, what: string): CapturedStatement {
  const s = statements.find((st) => test.test(st.text));
  if (!s)
    throw new Error(
      `The full stack sent no ${what} statement; captured:\n${statements.map((st) => st.text).join('\n')}`,
    );
  return s;
}

/** Logs in once and records, at the pg level, every statement the full stack sends for one list request. */
async function captureFullStack(db: BenchDatabase, pool: number): Promise<Captured> {
  const sink: StatementSink = { on: false, statements: [] };
  const server = await startFullServer(db.ownerUrl, db.appUrl, pool, sink);
  try {
    const token = await demoLogin(server.url, DEMO_USER);
    const headers = { cookie: `${SESSION_COOKIE_NAME}=${token}` };
    const session = (await getJson(`${server.url}/api/v1/session`, headers)) as { user: { id: string } };
    await getJson(`${server.url}${LIST_PATH}`, headers);
    sink.on = true;
    const page = (await getJson(`${server.url}${LIST_PATH}`, headers)) as { items: { id: string }[] };
    sink.on = false;
    return {
      token,
      userId: session.user.id,
      itemsPerPage: page.items.length,
      firstId: page.items[0]?.id,
      all: sink.statements,
      setConfig: find(sink.statements, /set_config\('samenplan\.municipality_id'/, 'set_config'),
      select: find(sink.statements, /^\s*select\b[\s\S]* from "residents" as "r"/i, 'resident list SELECT'),
    };
  } finally {
    await server.close();
  }
}

async function checkpoint(db: BenchDatabase): Promise<void> {
  // Start every scenario from a clean slate: no dirty buffers left by the previous one.
  await withClient(db.ownerUrl, (c) => c.query('CHECKPOINT')).catch(() => undefined);
}

/** PostgreSQL processes that work for the scenario: backends of the bench database and the auxiliary processes. */
async function postgresPids(db: BenchDatabase): Promise<number[]> {
  return withClient(db.ownerUrl, async (c) => {
    const { rows } = await c.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE (datname = $1 OR datname IS NULL) AND pid <> pg_backend_pid()',
      [db.name],
    );
    return rows.map((r) => r.pid);
  });
}

interface Scenario {
  key: string;
  label: string;
  start: () => Promise<RunningServer>;
  /** Appended to the server's URL. */
  path?: string;
  headers?: Record<string, string>;
  /** Overrides --connections (the single-connection latency scenarios). */
  connections?: number;
  /** The page, as this scenario answers it: checked once before the load, so a wrong target cannot go unnoticed. */
  rows: (body: unknown) => number;
}

const items = (body: unknown) => ((body as { items?: unknown[] }).items ?? []).length;
const arrayRows = (body: unknown) => (Array.isArray(body) ? body.length : 0);

async function measureOnce(db: BenchDatabase, args: BenchArgs, s: Scenario): Promise<LoadResult> {
  await checkpoint(db);
  await waitForQuiet(args.quietCores, args.quietWait, log);
  const server = await s.start();
  try {
    const url = `${server.url}${s.path ?? ''}`;
    const rows = s.rows(await getJson(url, s.headers));
    if (rows === 0) throw new Error(`${s.label}: ${url} answered without rows`);
    const req: LoadRequest = {
      url,
      headers: s.headers ?? {},
      connections: s.connections ?? args.connections,
      duration: args.duration,
      warmup: args.warmup,
    };
    log(`${s.label}: ${args.warmup} s warm-up + ${args.duration} s…`);
    const load = await runLoad(req, () => postgresPids(db));
    const other = load.otherCores === null ? '' : `, other processes ${load.otherCores.toFixed(2)} cores`;
    log(
      `  ${Math.round(load.requestsPerSecond)} req/s, p50 ${load.p50.toFixed(2)} ms, p99 ${load.p99.toFixed(2)} ms${other}`,
    );
    return load;
  } finally {
    await server.close();
  }
}

/**
 * Measures every scenario args.rounds times, interleaved; keeps the round with the highest throughput.
 * Interference from other processes only ever makes a round worse.
 */
async function measureAll(
  db: BenchDatabase,
  args: BenchArgs,
  scenarios: Scenario[],
): Promise<ScenarioResult[]> {
  const runs = new Map<string, LoadResult[]>(scenarios.map((s) => [s.key, []]));
  for (let round = 1; round <= args.rounds; round += 1) {
    if (args.rounds > 1) log(`Round ${round} of ${args.rounds}`);
    for (const s of scenarios) runs.get(s.key)!.push(await measureOnce(db, args, s));
  }
  return scenarios.map((s) => {
    const all = runs.get(s.key)!;
    const best = all.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
    return {
      key: s.key,
      label: s.label,
      load: best,
      rounds: all.map((r) => r.requestsPerSecond),
      connections: s.connections ?? null,
    };
  });
}

async function runDataset(
  args: BenchArgs,
  residents: number,
  machine: Machine,
  pgbench: boolean,
): Promise<DatasetReport> {
  const db = await prepareDatabase(args.adminUrl, residents, args.fresh, log);
  const date = new Date();
  const loadAverage = os.loadavg()[0]!;
  const cap = await captureFullStack(db, args.pool);
  const facts = await databaseFacts(db, cap.userId);
  const explain = await explainList(db, cap.setConfig, cap.select);
  const explainDefault = await explainList(db, cap.setConfig, cap.select, 'random_page_cost = 4');
  log(
    `Full stack sends ${cap.all.length} statements per request; caseload ${facts.caseload}, ${cap.itemsPerPage} items per page.`,
  );

  const bareCheck = await startBareServer(db.appUrl, 1, cap.setConfig, cap.select);
  const bareRows = (await getJson(bareCheck.url)) as { id: string }[];
  await bareCheck.close();
  if (bareRows[0]?.id !== cap.firstId)
    log('WARNING: the bare handler returns a different first row than the full stack.');

  const cookie = { cookie: `${SESSION_COOKIE_NAME}=${cap.token}` };
  const bare: Scenario = {
    key: 'bare',
    label: 'Bare Fastify + pg: same SQL, same RLS transaction',
    start: () => startBareServer(db.appUrl, args.pool, cap.setConfig, cap.select),
    rows: arrayRows,
  };
  const full: Scenario = {
    key: 'full',
    label: 'Full stack: session, policies, RLS, processing log',
    start: () => startFullServer(db.ownerUrl, db.appUrl, args.pool),
    path: LIST_PATH,
    headers: cookie,
    rows: items,
  };
  const solo: Scenario[] = args.solo
    ? [
        { ...bare, key: 'bare-solo', label: 'Bare, 1 connection (no queueing)', connections: 1 },
        { ...full, key: 'full-solo', label: 'Full stack, 1 connection (no queueing)', connections: 1 },
      ]
    : [];
  const scenarios = await measureAll(db, args, [bare, full, ...solo]);

  const report: DatasetReport = {
    date,
    residents,
    database: db.name,
    seedSeconds: db.seedSeconds,
    facts,
    loadAverage,
    settings: {
      duration: args.duration,
      warmup: args.warmup,
      connections: args.connections,
      pool: args.pool,
      rounds: args.rounds,
    },
    itemsPerPage: cap.itemsPerPage,
    bareRows: bareRows.length,
    fullStatements: cap.all.map((s) => statementLabel(s.text)),
    explain,
    explainDefault,
    scenarios,
    pgbench: [],
  };

  const met = targetsMet(report);
  if (args.profile || !met.ratio || !met.p99) {
    if (!args.profile) log('A target is missed: also measuring the intermediate variants (see --profile).');
    const principalDb = createDb(createPool(db.appUrl, { max: 1 }));
    const idleMinutes = benchConfig(db.ownerUrl).sessionIdleMinutes;
    const resolved = await resolveSession(principalDb, cap.token, idleMinutes);
    await principalDb.destroy();
    if (!resolved) throw new Error('The demo session could not be resolved');
    const variants = await measureAll(
      db,
      args,
      VARIANTS.map((v) => ({
        key: v.name,
        label: `${v.label} (plain Fastify)`,
        start: () =>
          startVariantServer(v.name, db.appUrl, args.pool, resolved.principal, cap.token, idleMinutes),
        rows: items,
      })),
    );
    scenarios.splice(1, 0, ...variants);
  }

  if (pgbench) {
    const begin = { text: 'begin', values: [] };
    const commit = { text: 'commit', values: [] };
    const scripts: { label: string; statements: CapturedStatement[] }[] = [
      {
        label: 'bare transaction (begin, set_config, SELECT, commit)',
        statements: [begin, cap.setConfig, cap.select, commit],
      },
      { label: 'full-stack statements as captured', statements: cap.all },
    ];
    for (const s of scripts) {
      await checkpoint(db);
      await waitForQuiet(args.quietCores, args.quietWait, log);
      log(`pgbench: ${s.label}…`);
      const result = await runPgbench(db, s.statements, {
        connections: args.connections,
        duration: args.duration,
      });
      const row: PgbenchRow = {
        label: s.label,
        statements: s.statements.map((st) => statementLabel(st.text)),
        result,
      };
      report.pgbench.push(row);
    }
  }
  return report;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args) {
    console.log(usage);
    return;
  }
  const pg = await withClient(args.adminUrl, async (c) => {
    const v = (await c.query('SHOW server_version')).rows[0].server_version as string;
    const settings = await c.query(
      "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'max_connections') ORDER BY name",
    );
    const fmt = settings.rows
      .map((r: { name: string; setting: string; unit: string | null }) =>
        r.name === 'shared_buffers'
          ? `shared_buffers ${(Number(r.setting) * 8) / 1024} MB`
          : `${r.name} ${r.setting}`,
      )
      .join(', ');
    return { version: v.split(' ')[0]!, settings: fmt };
  });
  const machine = await machineInfo(pg.version, pg.settings);
  log(
    `${machine.cpus} vCPU ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
  );
  const pgbench = args.pgbench && (await pgbenchAvailable());
  if (args.pgbench && !pgbench) log('pgbench not found: skipping the database-only reference.');
  if (args.only.includes('caseload')) {
    for (const residents of args.sizes) {
      const report = await runDataset(args, residents, machine, pgbench);
      console.log(consoleTable(report));
      if (args.writeDocs) {
        await updateDocs(residents, markdownSection(report, machine));
        log('docs/benchmarks.md updated.');
      }
    }
  }
  if (args.only.includes('casework')) {
    // Issue 3: worklist and plan update at the base size (10,000 residents, three years of history).
    const residents = args.sizes[0]!;
    const result = await runCaseworkBench({
      residents,
      rounds: args.rounds,
      duration: args.duration,
      warmup: args.warmup,
      connections: args.connections,
      pool: args.pool,
      fresh: args.fresh,
      adminUrl: args.adminUrl,
      log,
    });
    console.log(caseworkTable(result));
    if (args.writeDocs) {
      await updateDocsSection(`casework-${residents}`, caseworkMarkdown(result, machine));
      log('docs/benchmarks.md updated (casework).');
    }
  }
  if (args.only.includes('hot')) {
    // Issue 9: the werkmatcher's six hot requests against their bare twins, at 1 and 16 connections, per size.
    for (const residents of args.sizes) {
      const result = await runHotBench({
        residents,
        adminUrl: args.adminUrl,
        fresh: args.fresh,
        duration: args.duration,
        warmup: args.warmup,
        rounds: args.rounds,
        pool: args.pool,
        connections: [1, 16],
        log,
      });
      console.log(hotTable(result));
      if (args.writeDocs) {
        const m = `${machine.cpus} vCPU (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}`;
        await updateDocsSection(`hot-${residents}`, hotMarkdown(result, m));
        log(`docs/benchmarks.md updated (hot, ${residents}).`);
      }
    }
  }
  if (args.only.includes('matching')) {
    // Issue 4: among 100,000 vacancies, and the residents of the base size (plus 400,000 with --large).
    const result = await runMatchingBench({ adminUrl: args.adminUrl, residents: args.sizes, fresh: args.fresh, log });
    console.log(formatMatchingTable(result));
    if (args.writeDocs) {
      await updateDocsSection('matching', matchingMarkdown(result, machine, os.loadavg().map((x) => Math.round(x * 100) / 100)));
      log('docs/benchmarks.md updated (matching).');
    }
  }
  if (args.only.includes('import')) {
    const { runImportBench, importTable } = await import('./import.ts');
    const rows = Number(process.env.BENCH_IMPORT_ROWS ?? (args.sizes.includes(400_000) ? 400_000 : 100_000));
    const result = await runImportBench(args.adminUrl, rows, log);
    console.log(importTable(result));
    if (args.writeDocs) {
      await updateDocsSection('import', `## Bulk import (issue 15)\n\n${machine.cpus} vCPU, ${new Date().toISOString().slice(0, 10)}, load average after the run ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}; on a shared machine the ratio matters more than the absolute figures.\n\n${importTable(result)}\n`);
    }
  }
  if (args.only.includes('portal')) {
    // Issue 11: Mijn Samenplan's first page against its bare twin, at 1 and 16 connections, at the base size.
    const residents = args.sizes[0]!;
    const result = await runPortalBench({ residents, adminUrl: args.adminUrl, fresh: args.fresh, duration: args.duration, warmup: args.warmup, rounds: args.rounds, pool: args.pool, log });
    console.log(portalTable(result));
    if (args.writeDocs) {
      const m = `${machine.cpus} vCPU (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}`;
      await updateDocsSection(`portal-${residents}`, portalMarkdown(result, m));
      log('docs/benchmarks.md updated (portal).');
    }
  }
  if (args.only.includes('youth')) {
    // Issue 13: Team Jongeren's werklijst with the search-period countdowns, against its bare SQL.
    const residents = args.sizes[0]!;
    const result = await runYouthBench({ residents, adminUrl: args.adminUrl, fresh: args.fresh, duration: args.duration, warmup: args.warmup, rounds: args.rounds, connections: args.connections, pool: args.pool, log });
    console.log(youthTable(result));
    if (args.writeDocs) {
      const m = `${machine.cpus} vCPU (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}`;
      await updateDocsSection(`youth-${residents}`, youthMarkdown(result, m));
      log('docs/benchmarks.md updated (youth).');
    }
  }
  if (args.only.includes('audit')) {
    // Issue 17: the processing log's integrity check at national size (10 million rows by default).
    const result = await runAuditBench({ adminUrl: args.adminUrl, rows: args.logRows, fresh: args.fresh, log });
    console.log(auditTable(result));
    if (args.writeDocs) {
      await updateDocsSection('audit', auditMarkdown(result, machine));
      log('docs/benchmarks.md updated (audit).');
    }
  }
  if (args.only.includes('studies')) {
    // Issue 14: the ITT analysis of a study (752 rows with 8 covariates, and 100,000 rows).
    const result = runStudiesBench(log);
    console.log(studiesTable(result));
    if (args.writeDocs) {
      const m = `${machine.cpus} vCPU ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`;
      await updateDocsSection('studies', studiesMarkdown(result, m));
      log('docs/benchmarks.md updated (studies).');
    }
  }
  if (args.only.includes('studies-enrol')) {
    // Issue 14: 752 residents enrolled in one batch request, against 752 single requests and a bare INSERT.
    const result = await runEnrolBench(args.adminUrl, log, 752, 3);
    console.log(enrolTable(result));
    if (args.writeDocs) {
      const m = `${machine.cpus} vCPU ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`;
      await updateDocsSection('studies-enrol', enrolMarkdown(result, m));
      log('docs/benchmarks.md updated (studies-enrol).');
    }
  }
  if (args.only.includes('programmes')) {
    // Issue 12: the programme dashboard of one municipality, its refresh and the monthly snapshot job.
    console.log(programmesTable(await runProgrammesBench({ adminUrl: args.adminUrl, fresh: args.fresh, log })));
  }
  if (args.only.includes('programmes-national')) {
    // Issue 12 at national size (bench/programmes-national.ts, a database of its own): the refresh and snapshot jobs
    // over 342 municipalities and the dashboard, each against a bare baseline. Its own process (its own pools).
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/programmes-national.ts', ...(args.fresh ? ['--fresh'] : [])], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_ADMIN_URL: args.adminUrl },
    });
    if (run.status !== 0) throw new Error(`bench/programmes-national.ts ended with ${run.status ?? run.signal}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
