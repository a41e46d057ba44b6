import { parseArgs } from 'node:util';
import { runCrash } from './crash/harness.ts';

// npm run crash -- --iterations N [--clients C] [--seed S] [--keep] [--pg-kill-every K [--pg-port P]]: kill -9 the server N times under a mixed write
// load and check every acknowledged write, the log ↔ change correspondence, half-written records, the chain and the
// jobs (scripts/crash/harness.ts, docs/reliability.md). Exit 0 only when every figure is zero.
const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '20' }, clients: { type: 'string', default: '4' }, seed: { type: 'string' }, keep: { type: 'boolean', default: false }, 'pg-kill-every': { type: 'string' }, 'pg-port': { type: 'string' } },
});
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
process.stderr.write(`crash: seed ${seed}\n`);
const r = await runCrash({ iterations: Number(values.iterations), clients: Number(values.clients), seed, keepDatabase: values.keep,
  // --pg-kill-every K: a throw-away cluster of the harness's own, whose postmaster is kill -9'd in every K-th iteration.
  ...(values['pg-kill-every'] ? { pgKillEvery: Number(values['pg-kill-every']), pgPort: Number(values['pg-port'] ?? 55432) } : {}) });
process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
const bad = r.lostAcknowledged + r.changeWithoutLog + r.logWithoutChange + r.halfWritten + r.chainBreaks + r.notEmailed + r.duplicateNotifications + r.missingDeliveries + r.problems.length;
process.exit(bad === 0 ? 0 : 1);
