import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { assertLocal } from './args.ts';

// A closed-loop load generator for the casework benchmark, in a child process (never on the server's event loop).
// autocannon replays fixed requests; a plan update needs the plan's current ETag in If-Match, which changes with
// every successful write. Each connection therefore owns a few plans, keeps the ETag each answer returns (200 and
// 412 both carry the current one) and counts the 412s.

export interface PatchTarget {
  residentId: string;
  actionId: string;
  etag: string;
  status: 'open' | 'inProgress';
}

export interface CaseworkLoadRequest {
  kind: 'get' | 'patch';
  /** Base URL: GET fetches `${base}${path}`; PATCH goes to `${base}/api/v1/residents/{id}/plan/actions/{actionId}`. */
  base: string;
  path: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  warmup: number;
  /** For 'patch': the plans of each connection (one list per connection). */
  targets?: PatchTarget[][];
}

export interface CaseworkLoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Answers other than 200 (412s included), and network errors. */
  non2xx: number;
  errors: number;
  preconditionFailed: number;
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function request(
  agent: http.Agent,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string | null,
): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body === null ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

async function phase(req: CaseworkLoadRequest, seconds: number, record: boolean): Promise<CaseworkLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: req.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let preconditionFailed = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (c: number) => {
    const targets = req.targets?.[c] ?? [];
    let k = 0;
    while (performance.now() < deadline) {
      let method = 'GET';
      let url = new URL(`${req.base}${req.path}`);
      let headers = req.headers;
      let body: string | null = null;
      let target: PatchTarget | undefined;
      if (req.kind === 'patch') {
        target = targets[k % targets.length];
        k += 1;
        if (!target) throw new Error(`connection ${c} has no plans to update`);
        const next = target.status === 'open' ? 'inProgress' : 'open';
        method = 'PATCH';
        url = new URL(`${req.base}/api/v1/residents/${target.residentId}/plan/actions/${target.actionId}`);
        headers = { ...req.headers, 'if-match': target.etag };
        body = JSON.stringify({ status: next });
      }
      const started = performance.now();
      try {
        const res = await request(agent, method, url, headers, body);
        if (record) latencies.push(performance.now() - started);
        if (res.status !== 200) non2xx += 1;
        if (res.status === 412) preconditionFailed += 1;
        if (target && res.etag) target.etag = res.etag;
        if (target && res.status === 200) target.status = target.status === 'open' ? 'inProgress' : 'open';
      } catch {
        errors += 1;
      }
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: req.connections }, (_, c) => worker(c)));
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    non2xx,
    errors,
    preconditionFailed,
  };
}

type ChildMessage = { ok: true; result: CaseworkLoadResult } | { ok: false; error: string };

/** Runs the warm-up and the measured run in a child process and returns the measured figures. */
export function runCaseworkLoad(req: CaseworkLoadRequest): Promise<CaseworkLoadResult> {
  assertLocal(req.base);
  const child = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('The casework load generator did not finish in time'));
    }, (req.warmup + req.duration + 60) * 1000);
    child.once('message', (m: ChildMessage) => {
      clearTimeout(timer);
      child.kill();
      if (m.ok) resolve(m.result);
      else reject(new Error(m.error));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The casework load generator exited with code ${code}`));
    });
    child.send(req);
  });
}

if (process.argv.includes('--child')) {
  process.on('disconnect', () => process.exit(0));
  process.once('message', (req: CaseworkLoadRequest) => {
    void (async () => {
      try {
        if (req.warmup > 0) await phase(req, req.warmup, false);
        const result = await phase(req, req.duration, true);
        process.send!({ ok: true, result } satisfies ChildMessage);
      } catch (err) {
        process.send!({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies ChildMessage);
      }
    })();
  });
}
