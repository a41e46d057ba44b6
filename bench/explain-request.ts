import { withClient } from './database.ts';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, getJson, startFullServer, type StatementSink } from './servers.ts';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';

// node --import tsx bench/explain-request.ts <residents> <path>: EXPLAIN ANALYZE of every SELECT the full stack sends
// for one request, as the application role with the same scope settings (planning and execution time per statement).
const residents = Number(process.argv[2] ?? 10000);
const path = process.argv[3] ?? '/api/v1/residents';
const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ownerUrl = withDatabase(admin, residents >= 100_000 ? `samenplan_bench_national_${residents}` : `samenplan_bench_${residents}`);
const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
const sink: StatementSink = { on: false, statements: [] };
const server = await startFullServer(ownerUrl, appUrl, 4, sink);
try {
  const cookie = `${SESSION_COOKIE_NAME}=${await demoLogin(server.url, process.argv[4] ?? DEMO_USER)}`;
  await getJson(`${server.url}${path}`, { cookie });
  sink.on = true;
  await getJson(`${server.url}${path}`, { cookie });
  sink.on = false;
} finally {
  await server.close();
}
const set = sink.statements.find((s) => /set_config\('samenplan\.municipality_id'/.test(s.text))!;
await withClient(appUrl, async (c) => {
  for (const s of sink.statements) {
    if (!/^\s*(select|with)/i.test(s.text) || /set_config|auth_principal/.test(s.text)) continue;
    await c.query('BEGIN');
    await c.query(set.text, set.values);
    const { rows } = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
    await c.query('ROLLBACK');
    console.log('----', s.text.replace(/\s+/g, ' ').slice(0, 160));
    console.log(JSON.stringify(s.values).slice(0, 300));
    console.log(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
});

// Then the whole request's statements (session lookup, log insert and commit included), replayed 100 times on one
// connection: the mean time per statement as the client sees it.
const times = new Map<number, number>();
await withClient(appUrl, async (c) => {
  if (process.env.GENERIC) await c.query(`SET plan_cache_mode = force_generic_plan`);
  for (let i = 0; i < 100; i += 1) {
    for (const [k, s] of sink.statements.entries()) {
      const t = performance.now();
      // Entry ids are unique: a replayed insert gets new ones.
      const values = /^insert into "processing_log"/i.test(s.text) ? s.values.map((v) => (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? crypto.randomUUID() : v)) : s.values;
      const q = process.env.PREPARED && s.values.length > 0 ? { name: `s${k}`, text: s.text, values } : { text: s.text, values };
      await c.query(q).catch((e: Error) => console.log('error', e.message));
      times.set(k, (times.get(k) ?? 0) + performance.now() - t);
    }
  }
  if (process.env.PREPARED) {
    const { rows } = await c.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements`);
    console.log('prepared statements (plans):', JSON.stringify(rows));
  }
});
for (const [k, s] of sink.statements.entries()) console.log(`${(times.get(k)! / 100).toFixed(2).padStart(7)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 100)}`);
