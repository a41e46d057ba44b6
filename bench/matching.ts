import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { candidateMatches, vacancyMatches } from '../src/modules/matching/matching.service.ts';
import type { TopKStats } from '../src/modules/matching/matching.topk.ts';
import type { Principal, Role } from '../src/platform/access/principal.ts';
import { createRequestContext } from '../src/platform/context.ts';
import { createDb, createPool } from '../src/platform/db/database.ts';
import { traceFromHeader } from '../src/platform/processing-log/trace.ts';
import { assertLocal } from './args.ts';
import type { CapturedStatement } from './database.ts';

const MATCHING_ROUTE = { processing: { activity: 'PA-013' as const, action: ['matching.vacanciesForResident', 'matching.residentsForVacancy'] }, permission: 'matching:run' as const };
import { prepareMatchingDatabase, type MatchingDatabase } from './matching-seed.ts';

// Matching benchmark (docs/adr/0009-matching.md): latency of the matcher's two lists through the service layer
// (request context, RLS transaction, SQL hard constraints, exact top-k scoring in TypeScript, presenters, the
// exposure insert and the processing-log insert), and of a bare baseline in the same run: the very SELECT
// statements the service sent for that call (captured at the pg level), replayed on a plain pg connection as the
// same application role, in a transaction with the same set_config (RLS on), without any TypeScript around them.
//
//   node --import tsx bench/matching.ts [--vacancies 100000] [--residents 10000,400000] [--iterations 60]
//
// Targets: top 20 vacancies for a resident among 100,000 vacancies p95 < 200 ms; top 50 residents for a vacancy
// among 10,000 residents p95 < 100 ms and among 400,000 residents p95 < 1 s.

export const MATCHING_USER = 'werkmatcher.overvecht';
const PSEUDONYM_KEY = 'bench-pseudonym-key-0123456789abcdef0123456789';

export interface MatchingBenchOptions {
  adminUrl?: string;
  vacancies?: number;
  residents?: number[];
  iterations?: number;
  warmup?: number;
  fresh?: boolean;
  log?: (line: string) => void;
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  max: number;
}

export interface MatchingBenchRow {
  query: 'vacanciesForResident' | 'residentsForVacancy';
  residents: number;
  vacancies: number;
  /** Residents in the werkmatcher's scope with a work profile and an active case. */
  residentsInScope: number;
  samples: number;
  limit: number;
  service: LatencyFigures;
  bare: LatencyFigures;
  /** Mean candidates passing the hard constraints in SQL, and mean candidates scored exactly in TypeScript. */
  meanCandidates: number;
  meanScored: number;
  targetMs: number;
  meetsTarget: boolean;
}

export interface MatchingBenchResult {
  rows: MatchingBenchRow[];
  databases: Array<Pick<MatchingDatabase, 'name' | 'residents' | 'vacancies' | 'workProfiles' | 'seedSeconds'>>;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const figures = (xs: number[]): LatencyFigures => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Records every statement sent on the pool's connections while `on` is set. */
function instrument(pool: pg.Pool, sink: { on: boolean; statements: CapturedStatement[] }): void {
  pool.on('connect', (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => unknown };
    const original = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      if (sink.on && typeof args[0] === 'string') sink.statements.push({ text: args[0], values: (args[1] as unknown[] | undefined) ?? [] });
      return original(...args);
    };
  });
}

async function principalOf(ownerUrl: string, username: string): Promise<Principal> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT s.id, s.username, s.display_name, s.municipality_id, mu.name AS municipality_name, mu.contact_norm_days, s.roles,
         s.partner_organisation_id,
         coalesce(array_agg(DISTINCT tm.team_id::text) FILTER (WHERE tm.team_id IS NOT NULL), '{}') AS team_ids,
         coalesce(array_agg(DISTINCT ta.area_id::text) FILTER (WHERE ta.area_id IS NOT NULL), '{}') AS area_ids
       FROM staff_users s JOIN municipalities mu ON mu.id = s.municipality_id
       LEFT JOIN team_members tm ON tm.municipality_id = s.municipality_id AND tm.staff_user_id = s.id
       LEFT JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
       WHERE s.username = $1
       GROUP BY s.id, s.username, s.display_name, s.municipality_id, mu.name, mu.contact_norm_days, s.roles, s.partner_organisation_id`,
      [username],
    );
    const r = rows[0];
    if (!r) throw new Error(`No staff user ${username}`);
    return {
      userId: r.id,
      username: r.username,
      displayName: r.display_name,
      municipalityId: r.municipality_id,
      municipalityName: r.municipality_name,
      contactNormDays: r.contact_norm_days,
      roles: r.roles as Role[],
      teamIds: r.team_ids,
      areaIds: r.area_ids,
      partnerOrganisationId: r.partner_organisation_id,
    };
  } finally {
    await c.end();
  }
}

/** Sample residents (in scope, with a work profile) and open vacancies, deterministic. */
async function samples(ownerUrl: string, p: Principal, n: number) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const scoped = `FROM work_profiles w JOIN residents r ON r.municipality_id = w.municipality_id AND r.id = w.resident_id
      WHERE w.municipality_id = $1 AND r.area_id = ANY($2::uuid[])
        AND EXISTS (SELECT 1 FROM cases k WHERE k.municipality_id = r.municipality_id AND k.resident_id = r.id AND k.status = 'active')`;
    const inScope = Number((await c.query(`SELECT count(*) AS n ${scoped}`, [p.municipalityId, p.areaIds])).rows[0].n);
    const residents = (await c.query(`SELECT w.resident_id AS id ${scoped} ORDER BY md5(w.resident_id::text) LIMIT $3`, [p.municipalityId, p.areaIds, n])).rows.map((r) => r.id as string);
    const vacancies = (await c.query(`SELECT id FROM vacancies WHERE municipality_id = $1 AND status = 'open' ORDER BY md5(id::text) LIMIT $2`, [p.municipalityId, n])).rows.map((r) => r.id as string);
    return { inScope, residents, vacancies };
  } finally {
    await c.end();
  }
}

/** Replays the captured SELECTs (and the set_config) of one service call on a plain connection: the bare baseline. */
async function bare(client: pg.Client, statements: CapturedStatement[]): Promise<number> {
  const reads = statements.filter((s) => /^\s*select/i.test(s.text));
  const t0 = performance.now();
  await client.query('BEGIN');
  try {
    for (const s of reads) await client.query(s.text, s.values);
  } finally {
    await client.query('ROLLBACK');
  }
  return performance.now() - t0;
}

export async function runMatchingBench(options: MatchingBenchOptions = {}): Promise<MatchingBenchResult> {
  const adminUrl = options.adminUrl ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  assertLocal(adminUrl);
  const vacancies = options.vacancies ?? 100_000;
  const sizes = options.residents ?? [10_000, 400_000];
  const iterations = options.iterations ?? 60;
  const warmup = options.warmup ?? 5;
  const log = options.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const result: MatchingBenchResult = { rows: [], databases: [] };

  for (const residents of sizes) {
    const db = await prepareMatchingDatabase(adminUrl, residents, vacancies, options.fresh ?? false, log);
    result.databases.push({ name: db.name, residents: db.residents, vacancies: db.vacancies, workProfiles: db.workProfiles, seedSeconds: db.seedSeconds });
    const principal = await principalOf(db.ownerUrl, MATCHING_USER);
    const sample = await samples(db.ownerUrl, principal, iterations + warmup);
    log(`${db.name}: ${sample.inScope.toLocaleString('en')} residents in the scope of ${MATCHING_USER}, ${db.vacancies.toLocaleString('en')} vacancies.`);
    const sink = { on: false, statements: [] as CapturedStatement[] };
    const pool = createPool(db.appUrl, { max: 4, applicationName: 'samenplan-bench-matching' });
    instrument(pool, sink);
    const appDb = createDb(pool);
    const plain = new pg.Client({ connectionString: db.appUrl, application_name: 'samenplan-bench-matching-bare' });
    await plain.connect();
    await plain.query("SET timezone = 'Europe/Amsterdam'");
    try {
      const measure = async (
        query: MatchingBenchRow['query'],
        ids: string[],
        limit: number,
        targetMs: number,
        call: (ctx: ReturnType<typeof createRequestContext>, id: string, stats: (s: TopKStats) => void) => Promise<unknown>,
      ) => {
        const service: number[] = [];
        const baseline: number[] = [];
        const candidates: number[] = [];
        const scored: number[] = [];
        for (const [i, id] of ids.entries()) {
          const ctx = createRequestContext(appDb, principal, traceFromHeader(`00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`), PSEUDONYM_KEY, MATCHING_ROUTE);
          sink.statements = [];
          sink.on = true;
          let stats: TopKStats = { candidates: 0, scored: 0, groups: 0 };
          const t0 = performance.now();
          await call(ctx, id, (s) => (stats = s));
          const ms = performance.now() - t0;
          sink.on = false;
          const bareMs = await bare(plain, sink.statements);
          if (i < warmup) continue;
          service.push(ms);
          baseline.push(bareMs);
          candidates.push(stats.candidates);
          scored.push(stats.scored);
        }
        const row: MatchingBenchRow = {
          query,
          residents,
          vacancies: db.vacancies,
          residentsInScope: sample.inScope,
          samples: service.length,
          limit,
          service: figures(service),
          bare: figures(baseline),
          meanCandidates: Math.round(mean(candidates)),
          meanScored: Math.round(mean(scored)),
          targetMs,
          meetsTarget: pct(service, 95) < targetMs,
        };
        result.rows.push(row);
        log(`  ${query}: service p50 ${row.service.p50.toFixed(1)} ms, p95 ${row.service.p95.toFixed(1)} ms; bare p50 ${row.bare.p50.toFixed(1)} ms, p95 ${row.bare.p95.toFixed(1)} ms; candidates ${row.meanCandidates}, scored ${row.meanScored}`);
      };
      await measure('vacanciesForResident', sample.residents, 20, 200, (ctx, id, stats) => vacancyMatches(ctx, id, { limit: 20, stats }));
      await measure('residentsForVacancy', sample.vacancies, 50, residents <= 10_000 ? 100 : 1000, (ctx, id, stats) => candidateMatches(ctx, id, { limit: 50, stats }));
    } finally {
      await plain.end();
      await appDb.destroy();
    }
  }
  return result;
}

export function formatMatchingTable(r: MatchingBenchResult): string {
  const head = '| Query | Residents (in scope) | Vacancies | k | Service p50 / p95 (ms) | Bare SQL p50 / p95 (ms) | Candidates / scored | Target p95 | Met |';
  const sep = '|---|---|---|---|---|---|---|---|---|';
  const lines = r.rows.map((x) =>
    `| ${x.query} | ${x.residents.toLocaleString('en')} (${x.residentsInScope.toLocaleString('en')}) | ${x.vacancies.toLocaleString('en')} | ${x.limit} | ${x.service.p50.toFixed(1)} / ${x.service.p95.toFixed(1)} | ${x.bare.p50.toFixed(1)} / ${x.bare.p95.toFixed(1)} | ${x.meanCandidates.toLocaleString('en')} / ${x.meanScored.toLocaleString('en')} | < ${x.targetMs} ms | ${x.meetsTarget ? 'yes' : 'NO'} |`,
  );
  return [head, sep, ...lines].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      vacancies: { type: 'string' },
      residents: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      pg: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const int = (v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`Not a whole number: ${v}`);
    return n;
  };
  const result = await runMatchingBench({
    adminUrl: values.pg,
    vacancies: int(values.vacancies, 100_000),
    residents: values.residents ? values.residents.split(',').map((s) => int(s.trim(), 0)) : undefined,
    iterations: int(values.iterations, 60),
    warmup: int(values.warmup, 5),
    fresh: values.fresh,
  });
  console.log(formatMatchingTable(result));
  if (values.json) console.log(JSON.stringify(result, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
