import os from 'node:os';
import { runCaseworkLoad } from './casework-load.ts';
import { startBareReplayServer } from './casework-servers.ts';
import { dataset, figures, median, tableRows, type LoadFigures } from './casework.ts';
import { withClient, type CapturedStatement } from './database.ts';
import { SESSION_COOKIE_NAME, getJson, startFullServer, type RunningServer, type StatementSink } from './servers.ts';

// Mijn Samenplan's first page (issue 11): `GET /portal/home` for a resident (contact person, next appointments, the
// plan in short) at 10,000 residents, through the full stack and through its bare twin in the same run, at 1 and 16
// connections. The twin replays the statements the full stack sent for that request (captured at the pg level) on the
// application role in one transaction (row-level security included), without the session lookup and the processing-
// log insert; what it leaves out is what the platform adds (see bench/hot.ts). Target: p95 < 100 ms.

const PORTAL_USER = 'inwoner.bench';
const PATH = '/api/v1/portal/home';
const isSession = (s: CapturedStatement) => /auth_principal/.test(s.text);
const isLogInsert = (s: CapturedStatement) => /^insert into "processing_log"/i.test(s.text.trim());

export interface PortalFigures {
  connections: number;
  full: LoadFigures;
  bare: LoadFigures;
  throughputRatio: number;
  p99Ratio: number;
}

export interface PortalBenchResult {
  residents: number;
  database: string;
  rows: Record<string, number>;
  statementsFull: number;
  statementsBare: number;
  duration: number;
  rounds: number;
  pool: number;
  cpus: number;
  loadAverage: number[];
  results: PortalFigures[];
}

export async function runPortalBench(o: {
  residents: number;
  adminUrl: string;
  fresh: boolean;
  duration: number;
  warmup: number;
  rounds: number;
  pool: number;
  log: (m: string) => void;
}): Promise<PortalBenchResult> {
  const db = await dataset({ adminUrl: o.adminUrl, residents: o.residents, fresh: o.fresh }, o.log);
  const rows = await tableRows(db);
  // A resident with an active plan and a planned meeting, in a demo municipality, gets the bench's demo login.
  await withClient(db.ownerUrl, async (c) => {
    await c.query(`UPDATE residents SET portal_demo_username = NULL WHERE portal_demo_username = $1`, [PORTAL_USER]);
    const { rowCount } = await c.query(
      `UPDATE residents SET portal_demo_username = $1 WHERE (municipality_id, id) = (
         SELECT r.municipality_id, r.id FROM residents r JOIN municipalities m ON m.id = r.municipality_id AND m.is_demo
         JOIN plans p ON p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active'
         WHERE EXISTS (SELECT 1 FROM meetings mt WHERE mt.municipality_id = r.municipality_id AND mt.resident_id = r.id AND mt.status = 'planned' AND mt.starts_at > now())
           AND r.portal_demo_username IS NULL
         ORDER BY r.id LIMIT 1)`,
      [PORTAL_USER],
    );
    if (rowCount !== 1) throw new Error('No resident with a plan and a planned meeting in the bench dataset');
  });
  const sink: StatementSink = { on: false, statements: [] };
  const full = await startFullServer(db.ownerUrl, db.appUrl, o.pool, sink);
  let bare: RunningServer | null = null;
  try {
    const login = await fetch(`${full.url}/api/v1/portal/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: PORTAL_USER }) });
    if (login.status !== 201) throw new Error(`portal demo login: ${login.status} ${await login.text()}`);
    const token = /samenplan_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    const cookie = `${SESSION_COOKIE_NAME}=${token}`;
    await getJson(`${full.url}${PATH}`, { cookie });
    sink.statements = [];
    sink.on = true;
    await getJson(`${full.url}${PATH}`, { cookie });
    sink.on = false;
    const sent = [...sink.statements];
    const replay = sent.filter((s) => !isSession(s) && !isLogInsert(s));
    bare = await startBareReplayServer(db.appUrl, o.pool, PATH, replay);
    o.log(`portal home: full stack sends ${sent.length} statements, the bare twin ${replay.length}.`);
    const results: PortalFigures[] = [];
    for (const connections of [1, 16]) {
      const fullRuns: LoadFigures[] = [];
      const bareRuns: LoadFigures[] = [];
      for (let round = 0; round < o.rounds; round += 1) {
        const base = { connections, duration: o.duration, warmup: o.warmup };
        fullRuns.push(figures(await runCaseworkLoad({ kind: 'get', base: full.url, path: PATH, headers: { cookie }, ...base })));
        bareRuns.push(figures(await runCaseworkLoad({ kind: 'get', base: bare.url, path: PATH, headers: {}, ...base })));
      }
      const f = median(fullRuns);
      const b = median(bareRuns);
      const row = {
        connections,
        full: f,
        bare: b,
        throughputRatio: Math.round((f.requestsPerSecond / b.requestsPerSecond) * 100) / 100,
        p99Ratio: Math.round((f.p99 / b.p99) * 100) / 100,
      };
      results.push(row);
      o.log(`portal home ×${connections}: full ${f.requestsPerSecond.toFixed(0)} req/s p50 ${f.p50.toFixed(1)} p90 ${f.p90.toFixed(1)} p99 ${f.p99.toFixed(1)} | bare ${b.requestsPerSecond.toFixed(0)} req/s p50 ${b.p50.toFixed(1)} p99 ${b.p99.toFixed(1)} | ratio ${row.throughputRatio}${f.non2xx ? ` (${f.non2xx} non-2xx)` : ''}`);
    }
    return {
      residents: o.residents,
      database: db.name,
      rows,
      statementsFull: sent.length,
      statementsBare: replay.length,
      duration: o.duration,
      rounds: o.rounds,
      pool: o.pool,
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      results,
    };
  } finally {
    await full.close();
    await bare?.close();
  }
}

export function portalTable(r: PortalBenchResult): string {
  return [
    `Mijn Samenplan first page (GET /portal/home): ${r.residents.toLocaleString('en')} residents, pool ${r.pool}, ${r.duration} s per scenario, statements ${r.statementsFull}/${r.statementsBare}`,
    ...r.results.map(
      (x) =>
        `conn ${String(x.connections).padStart(2)}: full ${x.full.requestsPerSecond.toFixed(0)} req/s p50 ${x.full.p50.toFixed(1)} p90 ${x.full.p90.toFixed(1)} p99 ${x.full.p99.toFixed(1)} | bare ${x.bare.requestsPerSecond.toFixed(0)} req/s p50 ${x.bare.p50.toFixed(1)} p99 ${x.bare.p99.toFixed(1)} | ratio ${x.throughputRatio.toFixed(2)}`,
    ),
  ].join('\n');
}

export function portalMarkdown(r: PortalBenchResult, machine: string): string {
  return [
    `### Mijn Samenplan, first page, ${r.residents.toLocaleString('en')} residents`,
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}. On a shared machine the ratios to the bare twin matter more than the absolute figures. Load average after the run: ${r.loadAverage.join(' / ')}.`,
    '',
    `\`GET /portal/home\` for one resident (contact person, next appointments, the plan in short): the full stack against its bare twin (the same ${r.statementsBare} SQL statements replayed on the application role in one transaction, without the session lookup and the processing-log insert; the full stack sends ${r.statementsFull}). Pool ${r.pool}; ${r.duration} s per scenario after a warm-up, ${r.rounds} round(s) (median). Latencies in ms, client-side. The issue's target: p95 < 100 ms (p90 and p99 shown; p95 lies between them).`,
    '',
    '| Connections | Full req/s | Full p50 | Full p90 | Full p99 | Bare req/s | Bare p50 | Bare p99 | Throughput vs bare |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.results.map(
      (x) =>
        `| ${x.connections} | ${x.full.requestsPerSecond.toFixed(0)} | ${x.full.p50.toFixed(1)} | ${x.full.p90.toFixed(1)} | ${x.full.p99.toFixed(1)} | ${x.bare.requestsPerSecond.toFixed(0)} | ${x.bare.p50.toFixed(1)} | ${x.bare.p99.toFixed(1)} | ${Math.round(x.throughputRatio * 100)}% |`,
    ),
  ].join('\n');
}
