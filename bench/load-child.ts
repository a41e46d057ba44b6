import autocannon, { type Result } from 'autocannon';
import type { ChildMessage, LoadRequest, LoadResult } from './load.ts';

// The load generator runs in its own process, so it never shares an event loop with the server under test.

function fire(req: LoadRequest, seconds: number, latencies: number[] | null): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: req.url,
        headers: req.headers,
        connections: req.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    // autocannon's own histogram has 1 ms resolution; keep the exact per-request times for the percentiles.
    if (latencies)
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
        latencies.push(ms),
      );
  });
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function send(m: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(m, () => resolve()));
}

async function run(req: LoadRequest): Promise<Omit<LoadResult, 'otherCores'>> {
  if (req.warmup > 0) await fire(req, req.warmup, null);
  await send({ phase: 'measuring' });
  const latencies: number[] = [];
  const r = await fire(req, req.duration, latencies);
  const sorted = Float64Array.from(latencies).sort();
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    requestsPerSecond: r.requests.average,
    completed: r.requests.total,
    seconds: r.duration,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerSecond: r.throughput.average,
  };
}

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));

process.on('message', (msg: LoadRequest | 'exit') => {
  if (msg === 'exit') process.exit(0);
  run(msg).then(
    (result) => send({ phase: 'done', ok: true, result }),
    (err: unknown) =>
      send({ phase: 'done', ok: false, error: err instanceof Error ? err.message : String(err) }).then(() =>
        process.exit(1),
      ),
  );
});
