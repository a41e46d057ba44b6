import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, getJson, startFullServer, type StatementSink } from './servers.ts';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';
// node --import tsx bench/plan-cache.ts [database] [path] [user]: the statements one request sends (captured from the
// full stack), replayed as prepared statements on one connection as the application role, 300 times under
// plan_cache_mode auto and force_generic_plan, interleaved over three rounds: PostgreSQL CPU per request (from
// /proc/<pid>/stat of that backend) and wall time. Shows whether a request's statements are re-planned every time
// (ADR 0011: Mijn caseload's were, 1.9 ms against 1.0 ms on the generic plan).
const path = process.argv[3] ?? '/api/v1/residents?contactPerson=me';
const ownerUrl = withDatabase('postgres://postgres@127.0.0.1:5432/postgres', process.argv[2] ?? 'samenplan_bench_10000');
const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
const sink: StatementSink = { on: false, statements: [] };
const server = await startFullServer(ownerUrl, appUrl, 2, sink);
const cookie = `${SESSION_COOKIE_NAME}=${await demoLogin(server.url, process.argv[4] ?? DEMO_USER)}`;
await getJson(`${server.url}${path}`, { cookie });
sink.on = true;
await getJson(`${server.url}${path}`, { cookie });
await server.close();
const set = sink.statements.find((s) => /set_config\('samenplan\.municipality_id'/.test(s.text))!;
const mains = sink.statements.filter((s) => /^\s*(select|with)/i.test(s.text) && !/set_config|auth_principal/.test(s.text));
async function ticks(pid: number) {
  const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]);
}
for (let round = 0; round < 3; round++) {
  for (const mode of ['auto', 'force_generic_plan']) {
    const c = new pg.Client({ connectionString: appUrl });
    await c.connect();
    const pid = (await c.query('SELECT pg_backend_pid() AS p')).rows[0].p as number;
    await c.query(`SET plan_cache_mode = ${mode}`);
    const N = 300;
    let t0 = 0, wall = 0;
    for (let i = 0; i < N + 20; i++) {
      if (i === 20) { t0 = await ticks(pid); wall = performance.now(); }
      await c.query('BEGIN');
      await c.query({ name: 'set', text: set.text, values: set.values });
      for (const [k, s] of mains.entries()) await c.query({ name: `m${k}`, text: s.text, values: s.values });
      await c.query('ROLLBACK');
    }
    const t1 = await ticks(pid);
    console.log(round, mode.padEnd(20), `PG CPU ${(((t1 - t0) * 10) / N).toFixed(2)} ms/req`, `wall ${((performance.now() - wall) / N).toFixed(2)} ms`);
    await c.end();
  }
}
process.exit(0);
