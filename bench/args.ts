import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Dataset sizes to run, in order (the default size, plus 400,000 with --large). */
  sizes: number[];
  duration: number;
  warmup: number;
  connections: number;
  pool: number;
  /** Each scenario is measured this many times (interleaved); the round with the highest throughput counts. */
  rounds: number;
  /** Also measure bare and full with a single connection: the latency of one request without queueing. */
  solo: boolean;
  /** Before each scenario, wait (at most quietWait seconds) until other processes use less than this many cores. */
  quietCores: number;
  quietWait: number;
  /** Also run the intermediate variants (no log, no session, …) to see where the time goes. */
  profile: boolean;
  pgbench: boolean;
  fresh: boolean;
  writeDocs: boolean;
  adminUrl: string;
  /** Which benchmarks to run: the caseload list (foundation), casework (worklist, plan update), matching, audit. */
  only: BenchName[];
  /** Rows in the processing log that `audit verify` checks (the audit benchmark). */
  logRows: number;
}

export const BENCH_NAMES = ['caseload', 'casework', 'hot', 'matching', 'audit', 'studies', 'studies-enrol', 'import', 'portal', 'youth', 'programmes', 'programmes-national'] as const;
export type BenchName = (typeof BENCH_NAMES)[number];

export const LARGE_SIZE = 400_000;

export const usage = `npm run bench -- [options]

  --residents N     residents in the dataset (default 10000)
  --large           also run with ${LARGE_SIZE.toLocaleString('en')} residents
  --duration S      seconds of measured load per scenario (default 10)
  --warmup S        seconds of warm-up load per scenario (default 3)
  --connections N   concurrent HTTP connections (default 10)
  --pool N          PostgreSQL pool size of every server under test (default 16, as in production)
  --rounds N        measure every scenario N times, interleaved; report the best round (default 1)
  --skip-solo       do not measure bare and full with a single connection (latency without queueing)
  --quiet-cores X   before each scenario wait until other processes use < X cores (default 0.3)
  --quiet-wait S    … but at most S seconds (default 120)
  --profile         also measure intermediate variants (where does the time go?)
  --skip-pgbench    do not run the database-only pgbench reference
  --fresh           drop and re-seed the benchmark database even if it could be reused
  --no-docs         print only; do not update docs/benchmarks.md
  --only LIST       comma-separated: caseload, casework, hot, matching, audit, studies, studies-enrol, import, portal, youth, programmes,
                    programmes-national (400,000 residents in 342 municipalities; default: all)
  (import: BENCH_IMPORT_ROWS=N lines in the generated export; default 100000, 400000 with --large)
  --log-rows N      rows in the processing log for the audit benchmark (default 10000000)
  --pg URL          admin connection (default $BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/postgres)`;

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be an integer between ${min} and ${max}`);
  return n;
}

/** Only the local machine is ever loaded: a benchmark must not hit another host. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`Only 127.0.0.1 may be loaded, not ${host}`);
}

export function parseBenchArgs(argv: string[]): BenchArgs | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      residents: { type: 'string' },
      large: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      pool: { type: 'string' },
      rounds: { type: 'string' },
      'skip-solo': { type: 'boolean', default: false },
      'quiet-cores': { type: 'string' },
      'quiet-wait': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'skip-pgbench': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      'no-docs': { type: 'boolean', default: false },
      pg: { type: 'string' },
      only: { type: 'string' },
      'log-rows': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (values['quiet-cores'] !== undefined && !(Number(values['quiet-cores']) > 0))
    throw new Error('--quiet-cores must be a positive number');
  const residents = int('residents', values.residents, 10_000, 1, 5_000_000);
  const adminUrl = values.pg ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  assertLocal(adminUrl);
  return {
    sizes: values.large && residents !== LARGE_SIZE ? [residents, LARGE_SIZE] : [residents],
    duration: int('duration', values.duration, 10, 1, 300),
    warmup: int('warmup', values.warmup, 3, 0, 60),
    connections: int('connections', values.connections, 10, 1, 200),
    pool: int('pool', values.pool, 16, 1, 90),
    rounds: int('rounds', values.rounds, 1, 1, 10),
    solo: !values['skip-solo'],
    quietCores: values['quiet-cores'] === undefined ? 0.3 : Number(values['quiet-cores']),
    quietWait: int('quiet-wait', values['quiet-wait'], 120, 0, 1800),
    profile: values.profile,
    pgbench: !values['skip-pgbench'],
    fresh: values.fresh,
    writeDocs: !values['no-docs'],
    adminUrl,
    only: parseOnly(values.only),
    logRows: int('log-rows', values['log-rows'], 10_000_000, 1, 100_000_000),
  };
}

function parseOnly(value: string | undefined): BenchName[] {
  if (value === undefined) return [...BENCH_NAMES];
  const names = value.split(',').map((x) => x.trim()).filter(Boolean);
  for (const n of names)
    if (!(BENCH_NAMES as readonly string[]).includes(n)) throw new Error(`--only: unknown benchmark ${n} (${BENCH_NAMES.join(', ')})`);
  return names as BenchName[];
}
