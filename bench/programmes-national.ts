// nice -n 10 node --import tsx bench/programmes-national.ts [--fresh] [--snapshot-sample N] [--samples N]
//
// Issue 12 at national size: 400,000 residents in 342 municipalities with three years of events, generated in SQL
// (generate_series) in a database of its own (samenplan_bench_prog), one Werkbeweging per municipality. Measures,
// in one run and against bare baselines on the same rows:
// - the nightly refresh job over every municipality (programme_refresh_figures per municipality, coalesced and under
//   the municipality's lock as the job runs it), against a plain COUNT over the same resident, benefit, case,
//   outflow and contact rows per municipality;
// - the monthly snapshot job (a refresh plus the frozen counts) for every municipality, or a sample (extrapolated);
// - the dashboard of a policy officer (request context, tenant transaction, figures read, suppression in
//   TypeScript, one aggregate log row) of random municipalities in the national database, against a bare SELECT of
//   the same pre-aggregated rows as the application role (RLS on). Target p95 < 2 s.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { todayInNl } from '../src/domain/dates.ts';
import { previousMonth } from '../src/modules/programmes/programmes.jobs.ts';
import { dashboard, freezeMonthLocked, refreshCoalesced } from '../src/modules/programmes/programmes.service.ts';
import type { Principal } from '../src/platform/access/principal.ts';
import { createRequestContext } from '../src/platform/context.ts';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { jobScope, tenantTransaction } from '../src/platform/db/transaction.ts';
import { traceFromHeader } from '../src/platform/processing-log/trace.ts';
import { withClient } from './database.ts';

const ADMIN = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'samenplan_bench_prog';
const RESIDENTS = Number(process.env.BENCH_PROG_RESIDENTS ?? 400_000);
const MUNICIPALITIES = 342;
const BIG = 12_000; // the first municipality (Utrecht's size); the others share the rest
const KEY = 'bench-pseudonym-key-0123456789abcdef0123456789';

const { values } = parseArgs({ options: { fresh: { type: 'boolean' }, 'snapshot-sample': { type: 'string' }, samples: { type: 'string' } } });
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

/** The whole dataset in SQL: municipalities, areas, staff, residents, benefits, cases, outflows, returns, contacts. */
async function generate(c: pg.Client, today: string) {
  await c.query(`SET session_replication_role = replica`); // row triggers off; scope_area_id is written directly
  await c.query(`SET synchronous_commit = off`);
  await c.query(`CREATE TEMP TABLE mplan AS
    SELECT i, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid AS mid,
      CASE WHEN i = 1 THEN 1 ELSE ${BIG} + 1 + ((i - 2) * ((${RESIDENTS} - ${BIG}) / ${MUNICIPALITIES - 1})) END AS first_g,
      CASE WHEN i = 1 THEN ${BIG} WHEN i = ${MUNICIPALITIES} THEN ${RESIDENTS}
        ELSE ${BIG} + ((i - 1) * ((${RESIDENTS} - ${BIG}) / ${MUNICIPALITIES - 1})) END AS last_g,
      CASE WHEN i = 1 THEN 10 ELSE 3 END AS n_areas
    FROM generate_series(1, ${MUNICIPALITIES}) i`);
  await c.query(`INSERT INTO municipalities (id, code, name) SELECT mid, 'B' || lpad(i::text, 3, '0'), 'Benchgemeente ' || i FROM mplan`);
  await c.query(`INSERT INTO areas (municipality_id, id, code, name)
    SELECT mid, md5('area' || i || '-' || a)::uuid, 'w' || a, 'Wijk ' || a FROM mplan, generate_series(1, n_areas) a`);
  await c.query(`INSERT INTO staff_users (municipality_id, id, username, display_name, roles)
    SELECT mid, md5('staff' || i || '-' || s)::uuid, 'b' || i || '-' || s, 'Medewerker ' || s,
      CASE WHEN s = 0 THEN ARRAY['policyOfficer'] ELSE ARRAY['jobCoach'] END FROM mplan, generate_series(0, 3) s`);
  // Residents: g in 1..400,000; the municipality by range, the wijk by g.
  await c.query(`CREATE TEMP TABLE rplan AS
    SELECT g, p.i, p.mid, md5('area' || p.i || '-' || (1 + g % p.n_areas))::uuid AS area_id, md5('res' || g)::uuid AS rid,
      md5('staff' || p.i || '-' || (1 + g % 3))::uuid AS coach,
      ('${today}'::date - (40 + ((g::bigint * 7919) % 2150)::int)) AS start1
    FROM generate_series(1, ${RESIDENTS}) g JOIN mplan p ON g BETWEEN p.first_g AND p.last_g`);
  // 38% left in the last three years (after at least 20 days); of those one in twelve came back within 12 months.
  await c.query(`ALTER TABLE rplan ADD COLUMN out_on date, ADD COLUMN back_on date`);
  await c.query(`UPDATE rplan SET out_on = greatest(start1 + 20, '${today}'::date - 1 - (g * 13) % 1095) WHERE g % 100 < 38 AND start1 + 20 < '${today}'::date - 1`);
  await c.query(`UPDATE rplan SET back_on = out_on + 30 + (g % 300) WHERE out_on IS NOT NULL AND g % 12 = 0 AND out_on + 30 + (g % 300) < '${today}'::date`);
  await c.query(`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name, date_of_birth, street, house_number, postcode, city, area_id,
      household_type, education_level, is_fictitious)
    SELECT mid, rid, lpad(g::text, 9, '0'), 'Bench', 'Inwoner ' || g, ('${today}'::date - (7000 + (g * 37) % 17000)), 'Benchstraat', (1 + g % 200)::text,
      (1000 + g % 8999)::text || 'AB', 'Benchstad', area_id,
      (ARRAY['single','singleParent','couple','coupleWithChildren','other'])[1 + g % 5],
      (ARRAY['none','primary','vmbo','mbo1','mbo2to4','havoVwo','hbo','wo','unknown'])[1 + (g / 5) % 9], true
    FROM rplan`);
  await c.query(`INSERT INTO benefits (municipality_id, id, resident_id, start_date, end_date, scope_area_id)
    SELECT mid, md5('b1' || g)::uuid, rid, start1, out_on, area_id FROM rplan
    UNION ALL SELECT mid, md5('b2' || g)::uuid, rid, back_on, NULL, area_id FROM rplan WHERE back_on IS NOT NULL`);
  await c.query(`INSERT INTO cases (municipality_id, id, resident_id, status, opened_on, closed_on, contact_person_id, contact_person_since, last_contact_at, outflow, outflow_on, scope_area_id)
    SELECT mid, md5('c1' || g)::uuid, rid, CASE WHEN out_on IS NULL THEN 'active' ELSE 'closed' END, start1, out_on,
      CASE WHEN g % 10 < 8 THEN coach END, CASE WHEN g % 10 < 8 THEN start1::timestamptz END,
      coalesce(out_on, '${today}'::date - (g % 200))::timestamptz + interval '10 hours',
      CASE WHEN out_on IS NOT NULL THEN 'full' END, out_on, area_id FROM rplan
    UNION ALL SELECT mid, md5('c2' || g)::uuid, rid, 'active', back_on, NULL, coach, back_on::timestamptz,
      '${today}'::date - (g % 30) + interval '10 hours', NULL, NULL, area_id FROM rplan WHERE back_on IS NOT NULL`);
  await c.query(`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, returned_on, return_benefit_id, registered_by, scope_area_id)
    SELECT mid, md5('o' || g)::uuid, rid, md5('c1' || g)::uuid, md5('b1' || g)::uuid,
      (ARRAY['workFullTime','workPartTime','education','otherIncome','moved','partner','other','workFullTime','workPartTime'])[1 + g % 9],
      out_on, back_on, CASE WHEN back_on IS NOT NULL THEN md5('b2' || g)::uuid END, coach, area_id FROM rplan WHERE out_on IS NOT NULL`);
  // Three years of contact moments: about three per resident.
  await c.query(`INSERT INTO contact_moments (municipality_id, id, resident_id, staff_user_id, occurred_at, channel, scope_area_id)
    SELECT mid, md5('k' || g || '-' || k)::uuid, rid, coach,
      ('${today}'::date - 1 - ((g * 31 + k * 97) % 1095))::timestamptz + interval '11 hours', 'inPerson', area_id
    FROM rplan, generate_series(1, 3) k`);
  await c.query(`INSERT INTO programmes (municipality_id, id, name, period_start, period_end, baseline_per_year, goal_extra, target_age_min, target_age_max, created_by)
    SELECT mid, md5('prog' || i)::uuid, 'Werkbeweging', date_trunc('month', '${today}'::date - interval '24 months')::date,
      (date_trunc('month', '${today}'::date - interval '24 months') + interval '36 months' - interval '1 day')::date,
      greatest(10, (last_g - first_g + 1) / 6), greatest(10, (last_g - first_g + 1) / 5), 18, 66, md5('staff' || i || '-0')::uuid FROM mplan`);
  await c.query(`INSERT INTO programme_action_lines (municipality_id, programme_id, id, kind, name, budget_cents, position)
    SELECT mid, md5('prog' || i)::uuid, md5('line' || i || '-' || l)::uuid, (ARRAY['contact','jobs','discrimination'])[l], 'Actielijn ' || l, 10000000, l
    FROM mplan, generate_series(1, 3) l`);
  await c.query(`SET session_replication_role = origin`);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const stats = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs), sum: xs.reduce((s, x) => s + x, 0) });
const f = (x: { p50: number; p95: number; max: number }) => `p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms  max ${x.max.toFixed(1)} ms`;

async function main() {
  const today = todayInNl();
  const ownerUrl = withDatabase(ADMIN, DB_NAME);
  const exists = await withClient(ADMIN, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1);
  const count = exists ? await withClient(ownerUrl, async (c) => Number((await c.query('SELECT count(*) AS n FROM residents')).rows[0].n)).catch(() => -1) : -1;
  let generateSeconds: number | null = null;
  if (values.fresh || count !== RESIDENTS) {
    log(`Generating ${RESIDENTS.toLocaleString('en')} residents in ${MUNICIPALITIES} municipalities in ${DB_NAME} (SQL generate_series)…`);
    await withClient(ADMIN, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DB_NAME}`);
    });
    await migrate(ownerUrl);
    const t = performance.now();
    await withClient(ownerUrl, (c) => generate(c, today));
    await withClient(ownerUrl, (c) => c.query('VACUUM ANALYZE'));
    generateSeconds = (performance.now() - t) / 1000;
    log(`Generated in ${generateSeconds.toFixed(0)} s.`);
  }
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const owner = createDb(createPool(ownerUrl, { max: 2 }));
  const app = createDb(createPool(appUrl, { max: 4 }));
  const bareClient = new pg.Client({ connectionString: appUrl });
  await bareClient.connect();
  const ownerClient = new pg.Client({ connectionString: ownerUrl });
  await ownerClient.connect();
  try {
    const facts = (await ownerClient.query(`SELECT (SELECT count(*) FROM residents) AS residents, (SELECT count(*) FROM benefits) AS benefits,
      (SELECT count(*) FROM outflows) AS outflows, (SELECT count(*) FILTER (WHERE returned_on IS NOT NULL) FROM outflows) AS returns,
      (SELECT count(*) FROM contact_moments) AS contacts, (SELECT count(*) FROM municipalities) AS municipalities`)).rows[0];
    log(`Dataset: ${JSON.stringify(facts)}`);
    const ms = (await ownerClient.query<{ id: string; name: string; programme: string; officer: string; residents: string }>(`
      SELECT m.id, m.name, p.id AS programme, p.created_by AS officer, (SELECT count(*) FROM residents r WHERE r.municipality_id = m.id) AS residents
      FROM municipalities m JOIN programmes p ON p.municipality_id = m.id ORDER BY m.code`)).rows;

    // 1. The nightly refresh over every municipality, and the bare COUNT over the same rows.
    const refresh: number[] = [];
    const bareRefresh: number[] = [];
    for (const [k, m] of ms.entries()) {
      let t = performance.now();
      await tenantTransaction(app, jobScope(m.id), (tx) => refreshCoalesced(tx, m.id));
      refresh.push(performance.now() - t);
      t = performance.now();
      await ownerClient.query(
        `SELECT (SELECT count(*) FROM residents r JOIN benefits b ON b.municipality_id = r.municipality_id AND b.resident_id = r.id
            JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.opened_on = b.start_date WHERE r.municipality_id = $1),
          (SELECT count(*) FROM outflows WHERE municipality_id = $1), (SELECT count(*) FROM contact_moments WHERE municipality_id = $1)`,
        [m.id],
      );
      bareRefresh.push(performance.now() - t);
      if ((k + 1) % 50 === 0) log(`refresh: ${k + 1} of ${ms.length} municipalities (${(refresh.reduce((s, x) => s + x, 0) / 1000).toFixed(0)} s)`);
    }
    const figureRows = Number((await ownerClient.query('SELECT count(*) AS n FROM programme_figures')).rows[0].n);

    // 2. The dashboard of random municipalities in the national database, and its bare SELECT.
    const samples = Number(values.samples ?? 200);
    const pick = (i: number) => ms[(i * 7919) % ms.length]!;
    const principalOf = (m: (typeof ms)[number]): Principal => ({
      userId: m.officer, username: 'beleid', displayName: 'Beleid', municipalityId: m.id, municipalityName: m.name, contactNormDays: 90,
      roles: ['policyOfficer'], teamIds: [], areaIds: [], partnerOrganisationId: null,
    });
    const route = { processing: { activity: 'PA-026' as const, action: 'programmes.dashboard', subject: 'aggregate' as const }, permission: 'programmes:read' as const };
    const ctx = (m: (typeof ms)[number]) => createRequestContext(app, principalOf(m), traceFromHeader(`00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`), KEY, route);
    const service: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 10; i++) await dashboard(ctx(pick(i)), pick(i).programme, {});
    for (let i = 0; i < samples; i++) {
      const m = pick(i);
      let t = performance.now();
      await dashboard(ctx(m), m.programme, {});
      service.push(performance.now() - t);
      t = performance.now();
      await bareClient.query('BEGIN');
      await bareClient.query("SELECT set_config('samenplan.municipality_id', $1, true)", [m.id]);
      await bareClient.query(
        'SELECT month::text, area_id, dimension, grp, outflows, returns, population, with_contact_person, with_plan, contacted, contact_moments FROM programme_figures WHERE municipality_id = $1 AND programme_id = $2',
        [m.id, m.programme],
      );
      await bareClient.query('COMMIT');
      bare.push(performance.now() - t);
    }
    const big = ms[0]!;
    const bigService: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await dashboard(ctx(big), big.programme, {});
      bigService.push(performance.now() - t);
    }

    // 3. The monthly snapshot job (refresh + frozen counts) for every municipality or a sample, extrapolated.
    const month = previousMonth(today);
    await ownerClient.query(`DELETE FROM programme_snapshots WHERE month = $1::date`, [`${month}-01`]);
    const sampleN = Math.min(ms.length, Number(values['snapshot-sample'] ?? ms.length));
    const snapshot: number[] = [];
    for (let i = 0; i < sampleN; i++) {
      const m = i === 0 ? ms[0]! : pick(i);
      if (i > 0 && m.id === ms[0]!.id) continue;
      const t = performance.now();
      await tenantTransaction(app, jobScope(m.id), (tx) => freezeMonthLocked(tx, m.id, month));
      snapshot.push(performance.now() - t);
    }
    const r = stats(refresh);
    const rb = stats(bareRefresh);
    const s = stats(snapshot);
    const snapshotTotal = sampleN === ms.length ? s.sum / 1000 : ((s.sum - snapshot[0]!) / (snapshot.length - 1)) * (ms.length - 1) / 1000 + snapshot[0]! / 1000;
    const sv = stats(service);
    const bs = stats(bare);
    const lines = [
      `programmes at national size: ${Number(facts.residents).toLocaleString('en')} residents, ${facts.municipalities} municipalities, ${Number(facts.benefits).toLocaleString('en')} benefits, ${Number(facts.outflows).toLocaleString('en')} outflows (${Number(facts.returns).toLocaleString('en')} undone by a return), ${Number(facts.contacts).toLocaleString('en')} contact moments, ${figureRows.toLocaleString('en')} figure rows${generateSeconds !== null ? `; generated in ${generateSeconds.toFixed(0)} s` : ''}`,
      `  refresh job, all municipalities   ${(r.sum / 1000).toFixed(1)} s  (per municipality ${f(r)}; the largest, ${Number(big.residents).toLocaleString('en')} residents: ${refresh[0]!.toFixed(0)} ms)`,
      `  bare COUNT, same rows             ${(rb.sum / 1000).toFixed(1)} s  (per municipality ${f(rb)})  ratio refresh/bare ${(r.sum / rb.sum).toFixed(1)}×`,
      `  snapshot job, all municipalities  ${snapshotTotal.toFixed(1)} s${sampleN === ms.length ? '' : ` (extrapolated from ${snapshot.length})`}  (per municipality ${f(s)})  ratio snapshot/bare ${((snapshotTotal * 1000) / rb.sum).toFixed(1)}×`,
      `  dashboard, random municipality    ${f(sv)}  ${sv.p95 < 2000 ? 'meets' : 'MISSES'} p95 < 2 s  (${samples} samples)`,
      `  dashboard, the largest            ${f(stats(bigService))}`,
      `  bare SELECT of the figure rows    ${f(bs)}  ratio dashboard/bare p95 ${(sv.p95 / bs.p95).toFixed(1)}×`,
      `  machine: ${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await bareClient.end();
    await ownerClient.end();
    await app.destroy();
    await owner.destroy();
  }
}

await main();
