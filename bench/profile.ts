import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';
import { assertLocal } from './args.ts';
import { runLoad } from './load.ts';
import { DEMO_USER, SESSION_COOKIE_NAME, demoLogin, startFullServer } from './servers.ts';

// CPU profile of the full stack under load for one request (issue 9: "profile first"): the server runs in this
// process with the V8 profiler on, autocannon loads it from a child process, and the top frames by self time are
// printed, grouped by function and file, plus the share of time per layer (our code, Fastify, Kysely, pg, zod…).
//
//   node --import tsx bench/profile.ts --path '/api/v1/residents?contactPerson=me' [--residents 10000] [--seconds 10]

const { values } = parseArgs({
  options: {
    path: { type: 'string', default: '/api/v1/residents?contactPerson=me' },
    residents: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    user: { type: 'string', default: DEMO_USER },
    top: { type: 'string', default: '25' },
  },
});
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
assertLocal(adminUrl);
const ownerUrl = withDatabase(adminUrl, `samenplan_bench_${values.residents}`);
const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

function layerOf(url: string): string {
  if (url.includes('/node_modules/')) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return m ? m[1]! : 'node_modules';
  }
  if (url.includes('/src/')) return `samenplan ${url.split('/src/')[1]!.split('/').slice(0, 2).join('/')}`;
  if (url.startsWith('node:') || url === '') return url === '' ? '(native/gc)' : 'node core';
  return url;
}

const server = await startFullServer(ownerUrl, appUrl, 16);
const token = await demoLogin(server.url, values.user);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
const url = `${server.url}${values.path}`;
const headers = { cookie: `${SESSION_COOKIE_NAME}=${token}` };
// Warm up without the profiler, then profile the measured run.
await runLoad({ url, headers, connections: Number(values.connections), duration: 3, warmup: 0 }, async () => []);
await session.post('Profiler.start');
const load = await runLoad({ url, headers, connections: Number(values.connections), duration: Number(values.seconds), warmup: 0 }, async () => []);
const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number } };
session.disconnect();
await server.close();

const total = profile.nodes.reduce((n, x) => n + x.hitCount, 0);
const byFrame = new Map<string, number>();
const byLayer = new Map<string, number>();
for (const n of profile.nodes) {
  if (n.hitCount === 0) continue;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + n.hitCount);
  const layer = f.functionName === '(garbage collector)' ? '(gc)' : f.functionName === '(idle)' ? '(idle)' : layerOf(f.url);
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + n.hitCount);
}
const pct = (x: number) => `${((100 * x) / total).toFixed(1).padStart(5)}%`;
console.log(`${values.path}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.completed} requests`);
console.log('\nSelf time by layer:');
for (const [k, v] of [...byLayer].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(v)}  ${k}`);
console.log(`\nTop ${values.top} frames by self time:`);
for (const [k, v] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`  ${pct(v)}  ${k}`);
