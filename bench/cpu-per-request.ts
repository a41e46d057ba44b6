import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, startFullServer } from './servers.ts';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';

// node --import tsx bench/cpu-per-request.ts <database> [requests]
//
// CPU time per request, not requests per second: the Node process (server and this client, one request at a time)
// and the PostgreSQL backends of the server's pool, read from /proc before and after N sequential requests of each
// kind. On a machine that other work keeps busy, throughput and latency measure the neighbours; CPU time per request
// changes far less, so two versions of the code (e.g. before and after a change, each from its own checkout and
// database) can be compared in the same hour. Prints one JSON line per request kind. Used for ADR 0011's cost figures.
// CPU_KINDS=/api/v1/worklist,patch limits the run to those kinds.

const TICKS = 100;
const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = process.argv[2] ?? 'samenplan_bench_10000';
const n = Number(process.argv[3] ?? 400);
const ownerUrl = withDatabase(admin, database);
const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);

async function ticksOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

const monitor = new pg.Client({ connectionString: ownerUrl });
await monitor.connect();
async function backendPids(): Promise<number[]> {
  const { rows } = await monitor.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

const server = await startFullServer(ownerUrl, appUrl, 1, { on: false, statements: [] });
const cookie = `${SESSION_COOKIE_NAME}=${await demoLogin(server.url, DEMO_USER)}`;
const { rows: me } = await monitor.query<{ id: string }>(`SELECT id FROM staff_users WHERE username = $1`, [DEMO_USER]);
const { rows: targets } = await monitor.query<{ resident_id: string; action_id: string; plan_id: string; version: number; status: string }>(
  `SELECT DISTINCT ON (p.id) p.resident_id, a.id AS action_id, p.id AS plan_id, p.version, a.status
   FROM cases cs JOIN plans p ON p.municipality_id = cs.municipality_id AND p.resident_id = cs.resident_id AND p.status = 'active'
   JOIN plan_actions a ON a.municipality_id = p.municipality_id AND a.plan_id = p.id AND a.status IN ('open', 'inProgress')
   WHERE cs.contact_person_id = $1 AND cs.status = 'active' ORDER BY p.id, a.id`,
  [me[0]!.id],
);
const state = targets.map((t) => ({ ...t, etag: `"plan-${t.plan_id}-v${t.version}"` }));

async function one(kind: string, k: number): Promise<void> {
  if (kind === 'patch') {
    const t = state[k % state.length]!;
    const next = t.status === 'open' ? 'inProgress' : 'open';
    const res = await fetch(`${server.url}/api/v1/residents/${t.resident_id}/plan/actions/${t.action_id}`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json', 'if-match': t.etag, 'x-csrf-token': await csrf() },
      body: JSON.stringify({ status: next }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`PATCH ${res.status}`);
    t.etag = res.headers.get('etag') ?? t.etag;
    t.status = next;
    return;
  }
  const res = await fetch(`${server.url}${kind}`, { headers: { cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${kind} ${res.status}`);
}

let csrfToken: string | null = null;
async function csrf(): Promise<string> {
  if (csrfToken) return csrfToken;
  const res = await fetch(`${server.url}/api/v1/session`, { headers: { cookie } });
  const body = (await res.json()) as { csrfToken?: string };
  csrfToken = body.csrfToken ?? '';
  return csrfToken;
}

try {
  const kinds = process.env.CPU_KINDS?.split(',') ?? ['/api/v1/residents?contactPerson=me', '/api/v1/worklist', 'patch'];
  for (const kind of kinds) {
    for (let k = 0; k < 20; k++) await one(kind, k); // warm-up: prepared statements, plan cache, JIT
    const pids = await backendPids();
    const pgBefore = await Promise.all(pids.map(ticksOf));
    const nodeBefore = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < n; k++) await one(kind, k);
    const wall = (performance.now() - t0) / n;
    const nodeUsed = process.cpuUsage(nodeBefore);
    const pgAfter = await Promise.all(pids.map(ticksOf));
    const pgMs = ((pgAfter.reduce((a, b) => a + b, 0) - pgBefore.reduce((a, b) => a + b, 0)) / TICKS) * 1000 / n;
    const nodeMs = (nodeUsed.user + nodeUsed.system) / 1000 / n;
    console.log(JSON.stringify({ database, kind, requests: n, nodeCpuMs: +nodeMs.toFixed(3), pgCpuMs: +pgMs.toFixed(3), totalCpuMs: +(nodeMs + pgMs).toFixed(3), wallMs: +wall.toFixed(2) }));
  }
} finally {
  await server.close();
  await monitor.end();
}
