import type { Db } from '../db/database.ts';
import { sealProcessingLog } from './chain.store.ts';

/**
 * Seals the processing log in the background (hash chain, see ADR 0004): every `intervalMs`, and in batches until
 * nothing waits. Several instances may run it; the database lets one seal at a time. Returns a stop function.
 */
export function startProcessingLogSealer(db: Db, onError: (err: unknown) => void, intervalMs = 1000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async (final = false) => {
    try {
      // The final tick at stop seals what is left (it used to test `stopped` too and so never sealed anything).
      while ((final || !stopped) && (await sealProcessingLog(db, 5000)) === 5000) {
        // a full batch: more may be waiting
      }
    } catch (err) {
      onError(err);
    }
  };
  const timer = setInterval(() => {
    running = running.then(() => tick());
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
    await tick(true);
  };
}
