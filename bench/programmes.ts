import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { dashboard, freezeMonth, refreshProgrammes } from '../src/modules/programmes/programmes.service.ts';
import { previousMonth } from '../src/modules/programmes/programmes.jobs.ts';
import type { Principal } from '../src/platform/access/principal.ts';
import { createRequestContext } from '../src/platform/context.ts';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { jobScope, tenantTransaction } from '../src/platform/db/transaction.ts';
import { traceFromHeader } from '../src/platform/processing-log/trace.ts';
import { todayInNl } from '../src/domain/dates.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { withClient } from './database.ts';

// npm run bench -- --only programmes (issue 12): the Werkbeweging dashboard of one municipality (the demo's Utrecht:
// 9,320 residents on benefit, ~2,100 who left in the programme's year, 13 months) through the service layer
// (request context, tenant transaction, figures read from programme_figures, suppression in TypeScript, one
// aggregate log row), against a bare baseline in the same run: the same SELECT of the pre-aggregated rows on a plain
// pg connection as the application role with the same set_config (RLS on), nothing else. Also the refresh and the
// monthly snapshot job. Target: dashboard p95 < 300 ms. The national size (342 municipalities, 400,000 residents,
// generated in SQL): bench/programmes-national.ts; figures in docs/benchmarks.md.

const DB_NAME = 'samenplan_bench_programmes';
const KEY = 'bench-pseudonym-key-0123456789abcdef0123456789';

export interface ProgrammesBenchResult {
  residents: number;
  figureRows: number;
  samples: number;
  service: { p50: number; p95: number; max: number };
  serviceArea: { p50: number; p95: number; max: number };
  bare: { p50: number; p95: number; max: number };
  refreshSeconds: number;
  snapshotSeconds: number;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const figures = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) });

export async function runProgrammesBench(opts: { adminUrl: string; fresh: boolean; iterations?: number; log: (m: string) => void }): Promise<ProgrammesBenchResult> {
  const exists = await withClient(opts.adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1);
  const ownerUrl = withDatabase(opts.adminUrl, DB_NAME);
  if (!exists || opts.fresh) {
    opts.log('Building the demo database with Werkbeweging (migrate + seed)…');
    await withClient(opts.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
    await withClient(opts.adminUrl, (c) => c.query(`CREATE DATABASE ${DB_NAME}`));
    await migrate(ownerUrl);
    const seedDb = createDb(createPool(ownerUrl, { max: 2 }));
    await seedDemo(seedDb);
    await seedDb.destroy();
  }
  const owner = createDb(createPool(ownerUrl, { max: 2 }));
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const app = createDb(createPool(appUrl, { max: 4 }));
  try {
    const { rows } = await sql<{ municipality_id: string; id: string; officer: string; name: string }>`
      SELECT p.municipality_id, p.id, p.created_by AS officer, m.name FROM programmes p JOIN municipalities m ON m.id = p.municipality_id LIMIT 1`.execute(owner);
    const p = rows[0]!;
    const residents = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM residents WHERE municipality_id = ${p.municipality_id}::uuid`.execute(owner)).rows[0]!.n);
    const areaId = (await sql<{ id: string }>`SELECT id FROM areas WHERE municipality_id = ${p.municipality_id}::uuid AND code = 'overvecht'`.execute(owner)).rows[0]?.id;
    const principal: Principal = {
      userId: p.officer,
      username: 'beleid',
      displayName: 'Beleid',
      municipalityId: p.municipality_id,
      municipalityName: p.name,
      contactNormDays: 90,
      roles: ['policyOfficer'],
      teamIds: [],
      areaIds: [],
      partnerOrganisationId: null,
    };
    const route = { processing: { activity: 'PA-026' as const, action: 'programmes.dashboard', subject: 'aggregate' as const }, permission: 'programmes:read' as const };
    const ctx = () => createRequestContext(app, principal, traceFromHeader(`00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`), KEY, route);

    let t = performance.now();
    await tenantTransaction(app, jobScope(p.municipality_id), (tx) => refreshProgrammes(tx, p.municipality_id, p.id));
    const refreshSeconds = (performance.now() - t) / 1000;
    const figureRows = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM programme_figures`.execute(owner)).rows[0]!.n);

    const n = opts.iterations ?? 60;
    const time = async (fn: () => Promise<unknown>) => {
      for (let i = 0; i < 5; i++) await fn();
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await fn();
        out.push(performance.now() - s);
      }
      return out;
    };
    const service = await time(() => dashboard(ctx(), p.id, {}));
    const serviceArea = await time(() => dashboard(ctx(), p.id, { areaId }));
    // Bare: the same rows read as the application role in a transaction with the municipality set, nothing else.
    const client = new pg.Client({ connectionString: appUrl });
    await client.connect();
    const bare = await time(async () => {
      await client.query('BEGIN');
      await client.query("SELECT set_config('samenplan.municipality_id', $1, true)", [p.municipality_id]);
      await client.query(
        'SELECT month::text, area_id, dimension, grp, outflows, returns, population, with_contact_person, with_plan, contacted, contact_moments FROM programme_figures WHERE municipality_id = $1 AND programme_id = $2',
        [p.municipality_id, p.id],
      );
      await client.query('COMMIT');
    });
    await client.end();

    // The snapshot job for last month: a full refresh plus the frozen counts (first removing an earlier freeze).
    const month = previousMonth(todayInNl());
    await sql`DELETE FROM programme_snapshots WHERE programme_id = ${p.id}::uuid AND month = ${`${month}-01`}::date`.execute(owner);
    t = performance.now();
    await tenantTransaction(app, jobScope(p.municipality_id), (tx) => freezeMonth(tx, p.municipality_id, month));
    const snapshotSeconds = (performance.now() - t) / 1000;
    return { residents, figureRows, samples: n, service: figures(service), serviceArea: figures(serviceArea), bare: figures(bare), refreshSeconds, snapshotSeconds };
  } finally {
    await app.destroy();
    await owner.destroy();
  }
}

export function programmesTable(r: ProgrammesBenchResult): string {
  const f = (x: { p50: number; p95: number; max: number }) => `p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms  max ${x.max.toFixed(1)} ms`;
  return [
    `programme dashboard, ${r.residents.toLocaleString('en')} residents, ${r.figureRows.toLocaleString('en')} figure rows, ${r.samples} samples`,
    `  service (whole city)   ${f(r.service)}  ${r.service.p95 < 300 ? 'meets' : 'MISSES'} p95 < 300 ms`,
    `  service (Overvecht)    ${f(r.serviceArea)}`,
    `  bare SELECT            ${f(r.bare)}  ratio service/bare p95 ${(r.service.p95 / r.bare.p95).toFixed(1)}×`,
    `  refresh job            ${r.refreshSeconds.toFixed(1)} s`,
    `  snapshot job (month)   ${r.snapshotSeconds.toFixed(1)} s`,
  ].join('\n');
}
