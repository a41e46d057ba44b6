import { dbScopeOf } from '../src/platform/access/scope.ts';
import { parseArgs } from 'node:util';
import { CompiledQuery } from 'kysely';
import { listResidents } from '../src/modules/residents/residents.service.ts';
import { residentListQuerySchema } from '../src/modules/residents/residents.schema.ts';
import { presentSummary } from '../src/modules/residents/residents.presenter.ts';
import { residentsStore, type ResidentListFilter } from '../src/modules/residents/residents.store.ts';
import { resolveSession } from '../src/platform/auth/sessions.ts';
import { createRequestContext } from '../src/platform/context.ts';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';
import { tenantTransaction } from '../src/platform/db/transaction.ts';
import { traceFromHeader } from '../src/platform/processing-log/trace.ts';
import { assertLocal } from './args.ts';
import { DEMO_USER, PSEUDONYM_KEY, demoLogin, startFullServer, type StatementSink } from './servers.ts';

// Node CPU per layer of the caseload request, one call at a time (no concurrency), measured with
// process.cpuUsage(): where the server's own CPU goes, apart from PostgreSQL. Run after `npm run bench` has
// created the database:  node --import tsx bench/node-cost.ts [--residents 10000] [--n 300]

const { values } = parseArgs({
  options: { residents: { type: 'string', default: '10000' }, n: { type: 'string', default: '300' } },
});
const n = Number(values.n);
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
assertLocal(adminUrl);
const ownerUrl = withDatabase(adminUrl, `samenplan_bench_${values.residents}`);
const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);

async function cost(label: string, fn: () => unknown): Promise<void> {
  for (let i = 0; i < Math.min(50, n); i += 1) await fn();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < n; i += 1) await fn();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / n;
  console.log(
    `${label.padEnd(52)} ${((used.user + used.system) / 1000 / n).toFixed(3).padStart(7)} ms CPU  ${wall.toFixed(3).padStart(7)} ms wall`,
  );
}

// Log in through the real server once, and record the statements of one list request.
const sink: StatementSink = { on: false, statements: [] };
const server = await startFullServer(ownerUrl, appUrl, 2, sink);
const token = await demoLogin(server.url, DEMO_USER);
sink.on = true;
await fetch(`${server.url}/api/v1/residents?contactPerson=me`, {
  headers: { cookie: `samenplan_session=${token}` },
});
sink.on = false;
await server.close();
const setConfig = sink.statements.find((s) => s.text.includes('set_config'))!;
const select = sink.statements.find((s) => / from "residents" as "r"/.test(s.text))!;

const pool = createPool(appUrl, { max: 2 });
const db = createDb(createPool(appUrl, { max: 2 }));
try {
  const { principal } = (await resolveSession(db, token, 30))!;
  const filter: ResidentListFilter = {
    contactPersonId: principal.userId,
    sort: 'name',
    descending: false,
    limit: 50,
  };
  const rows = await tenantTransaction(db, dbScopeOf(principal), (tx) =>
    residentsStore(tx, principal).list(filter),
  );
  const page = rows.slice(0, 50);
  const query = residentListQuerySchema.parse({ contactPerson: 'me' });
  console.log(`${n} calls each, ${page.length} rows per page; CPU of the whole Node process (all threads)\n`);
  await cost('bare: raw pg transaction (begin, set_config, SELECT, commit)', async () => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      await c.query(setConfig.text, setConfig.values);
      await c.query(select.text, select.values);
      await c.query('commit');
    } finally {
      c.release();
    }
  });
  await cost('Kysely tenantTransaction + the same compiled SELECT', () =>
    tenantTransaction(db, dbScopeOf(principal), (tx) =>
      tx.executeQuery(CompiledQuery.raw(select.text, select.values)),
    ),
  );
  await cost('Kysely tenantTransaction + residentsStore.list', () =>
    tenantTransaction(db, dbScopeOf(principal), (tx) => residentsStore(tx, principal).list(filter)),
  );
  await cost('presentSummary × page', () => page.map((r) => presentSummary(principal, r)));
  await cost('presentSummary × page + JSON.stringify', () =>
    JSON.stringify({ items: page.map((r) => presentSummary(principal, r)) }),
  );
  await cost('listResidents (service, with processing-log insert)', () =>
    listResidents(createRequestContext(db, principal, traceFromHeader(undefined), PSEUDONYM_KEY, { processing: { activity: 'PA-002', action: ['residents.list', 'residents.search'] }, permission: 'residents:list' }), query),
  );
  await cost('resolveSession (auth_principal)', () => resolveSession(db, token, 30));
} finally {
  await pool.end();
  await db.destroy();
}
