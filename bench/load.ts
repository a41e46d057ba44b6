import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertLocal } from './args.ts';
import { otherCores, snapshot, type CpuSnapshot } from './cpu.ts';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  warmup: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  completed: number;
  seconds: number;
  /** Latencies in milliseconds, measured per request by the client. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  non2xx: number;
  bytesPerSecond: number;
  /** CPU used by other processes on the machine during the measured run, in cores (null: unknown). */
  otherCores: number | null;
}

export type ChildMessage =
  | { phase: 'measuring' }
  | { phase: 'done'; ok: true; result: Omit<LoadResult, 'otherCores'> }
  | { phase: 'done'; ok: false; error: string };

/**
 * Runs autocannon (warm-up, then the measured run) in a child process and returns the figures. `ownPids` lists
 * the processes that belong to the scenario (PostgreSQL backends), so their CPU is not counted as interference.
 */
export function runLoad(req: LoadRequest, ownPids: () => Promise<number[]>): Promise<LoadResult> {
  assertLocal(req.url);
  const child = fork(fileURLToPath(new URL('./load-child.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    // Bounded: warm-up + run + a generous margin for start-up.
    const timer = setTimeout(
      () => {
        child.kill();
        finish(() => reject(new Error('The load generator did not finish in time')));
      },
      (req.warmup + req.duration + 60) * 1000,
    );
    let before: Promise<CpuSnapshot> | null = null;
    let done = false;
    const pids = async () => [process.pid, child.pid ?? 0, ...(await ownPids())];
    child.on('message', (m: ChildMessage) => {
      if (m.phase === 'measuring') {
        before = pids().then(snapshot);
        return;
      }
      done = true;
      if (!m.ok) return finish(() => reject(new Error(m.error)));
      const started = before;
      void (async () => {
        // The child waits for this snapshot before it exits, so its own CPU time is still readable.
        const a = started ? await started : null;
        const cores = a ? otherCores(a, await snapshot([...a.own.keys()])) : null;
        child.send('exit');
        finish(() => resolve({ ...m.result, otherCores: cores }));
      })();
    });
    child.once('exit', (code) => {
      if (!done) finish(() => reject(new Error(`The load generator exited with code ${code}`)));
    });
    child.once('error', (err) => finish(() => reject(err)));
    child.send(req);
  });
}
