import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/platform/config.ts';
import { AUDIT_MUNICIPALITIES, prepareLogDatabase } from './audit-seed.ts';
import { withClient } from './database.ts';
import type { Machine } from './report.ts';

// `samenplan audit verify` at national size: the real command, as a child process, on a log of n sealed rows in 342
// municipalities; its speed as a ratio to a plain sequential scan of the same table in the same run, and its memory
// (VmRSS sampled every 100 ms from /proc, plus the peak VmHWM) at each tenth of the way, to show it stays flat.

export interface AuditBenchResult {
  rows: number;
  tableMiB: number;
  seedSeconds: number | null;
  scanSeconds: number;
  scanSerialSeconds: number;
  verify: { seconds: number; rowsPerSecond: number; exitCode: number; summary: string; rssMiB: number[]; peakMiB: number };
  seal: { rows: number; seconds: number };
}

async function procStatus(pid: number): Promise<{ rss: number; hwm: number } | null> {
  try {
    const s = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Runs the CLI with `DATABASE_URL` and samples its memory; returns when it exits. */
async function runVerify(url: string): Promise<AuditBenchResult['verify']> {
  const t0 = Date.now();
  const child = spawn('node', [path.join(projectRoot, 'bin/samenplan.mjs'), 'audit', 'verify'], {
    env: { ...process.env, DATABASE_URL: url, SAMENPLAN_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sp-bench-')), SAMENPLAN_PSEUDONYM_KEY: 'bench-bench-bench-bench-bench-bench' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  const samples: number[] = [];
  let peak = 0;
  const timer = setInterval(() => {
    void procStatus(child.pid!).then((s) => {
      if (!s) return;
      samples.push(s.rss);
      peak = Math.max(peak, s.hwm);
    });
  }, 100);
  const exitCode: number = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  clearInterval(timer);
  const seconds = (Date.now() - t0) / 1000;
  const summary = stderr.trim().split('\n').filter((l) => !l.startsWith('Let op')).join(' ');
  const checked = Number(/(\d+) regels in/.exec(summary)?.[1] ?? 0);
  const tenths = Array.from({ length: 10 }, (_v, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 10) - 1)] ?? 0);
  return { seconds, rowsPerSecond: checked / seconds, exitCode, summary, rssMiB: tenths.map((x) => Math.round(x)), peakMiB: Math.round(peak) };
}

/** Seals freshly inserted rows of a scratch municipality with the real sealer, then removes them again. */
async function measureSeal(url: string, rows: number): Promise<AuditBenchResult['seal']> {
  return withClient(url, async (c) => {
    const m = '00000000-0000-4000-8000-ffffffffffff';
    await c.query(
      `INSERT INTO processing_log (municipality_id, entry_id, trace_id, span_id, action, status, started_at, ended_at,
         processing_activity_id, processing_activity_version, data_subject_ids, actor_id, actor_role)
       SELECT $1, gen_random_uuid(), md5(i::text), left(md5('s' || i), 16), 'residents.read', 'ok', now(), now(), 'PA-001', 1,
         ARRAY[md5('x' || i) || md5('y' || i)], gen_random_uuid(), 'jobCoach'
       FROM generate_series(1, $2::int) i`,
      [m, rows],
    );
    const t0 = Date.now();
    let sealed = 0;
    while (sealed < rows) sealed += Number((await c.query('SELECT processing_log_seal(5000) AS n')).rows[0].n);
    const seconds = (Date.now() - t0) / 1000;
    await c.query('DELETE FROM processing_log WHERE municipality_id = $1', [m]);
    await c.query('DELETE FROM processing_log_chain WHERE municipality_id = $1', [m]);
    return { rows: sealed, seconds };
  });
}

export async function runAuditBench(opts: { adminUrl: string; rows: number; fresh: boolean; log: (m: string) => void }): Promise<AuditBenchResult> {
  const { url, seedSeconds } = await prepareLogDatabase(opts.adminUrl, opts.rows, opts.fresh, opts.log);
  const { tableMiB, scanSeconds, scanSerialSeconds } = await withClient(url, async (c) => {
    const size = Number((await c.query("SELECT pg_total_relation_size('processing_log') AS b")).rows[0].b);
    await c.query('SELECT count(*) FROM processing_log WHERE hash IS NOT NULL'); // warm the cache as verify will find it
    const time = async (q: string) => {
      const t = Date.now();
      await c.query(q);
      return (Date.now() - t) / 1000;
    };
    // The plain scan: every row read, its hash column looked at; as PostgreSQL plans it, and on one core.
    const scan = await time('SELECT count(*) FROM processing_log WHERE length(hash) = 32');
    await c.query('SET max_parallel_workers_per_gather = 0');
    const serial = await time('SELECT count(*) FROM processing_log WHERE length(hash) = 32');
    return { tableMiB: Math.round(size / 2 ** 20), scanSeconds: scan, scanSerialSeconds: serial };
  });
  opts.log(`Plain sequential scan: ${scanSeconds.toFixed(1)} s (one core: ${scanSerialSeconds.toFixed(1)} s). Running audit verify…`);
  const verify = await runVerify(url);
  opts.log(`audit verify: exit ${verify.exitCode}, ${verify.seconds.toFixed(1)} s, peak RSS ${verify.peakMiB} MiB — ${verify.summary}`);
  const seal = await measureSeal(url, 50_000);
  return { rows: opts.rows, tableMiB, seedSeconds, scanSeconds, scanSerialSeconds, verify, seal };
}

export function auditTable(r: AuditBenchResult): string {
  const perS = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
  return [
    `audit verify over ${r.rows.toLocaleString('en')} rows (${r.tableMiB.toLocaleString('en')} MiB), ${AUDIT_MUNICIPALITIES} municipalities`,
    `  plain seq scan   ${r.scanSeconds.toFixed(1)} s  ${perS(r.rows, r.scanSeconds)} rows/s (one core ${r.scanSerialSeconds.toFixed(1)} s)`,
    `  audit verify     ${r.verify.seconds.toFixed(1)} s  ${perS(r.rows, r.verify.seconds)} rows/s  ratio ${(r.verify.seconds / r.scanSeconds).toFixed(1)}× the scan, exit ${r.verify.exitCode}`,
    `  RSS per tenth    ${r.verify.rssMiB.join(' ')} MiB (peak ${r.verify.peakMiB} MiB)`,
    `  sealer           ${perS(r.seal.rows, r.seal.seconds)} rows/s (${r.seal.rows.toLocaleString('en')} rows)`,
  ].join('\n');
}

export function auditMarkdown(r: AuditBenchResult, m: Machine): string {
  const perS = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
  return `### Processing log: \`samenplan audit verify\` at national size (${new Date().toISOString().slice(0, 10)})

Machine: ${m.cpus} vCPU ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.kernel}, Node ${m.node}, PostgreSQL ${m.postgres} (${m.postgresSettings}).
Data: ${r.rows.toLocaleString('en')} sealed rows in ${AUDIT_MUNICIPALITIES} municipalities (skewed sizes, one in ten rows a
list page with 50 subjects), table with indexes ${r.tableMiB.toLocaleString('en')} MiB${r.seedSeconds === null ? '' : `, generated in ${r.seedSeconds.toFixed(0)} s`}.
\`npm run bench -- --only audit\` runs the real command as a child process and samples its memory from /proc.

| | Seconds | Rows/s | Ratio to the plain scan |
|---|---|---|---|
| Plain sequential scan (\`count(*) … WHERE length(hash) = 32\`, as planned) | ${r.scanSeconds.toFixed(1)} | ${perS(r.rows, r.scanSeconds)} | 1 |
| Plain sequential scan, one core | ${r.scanSerialSeconds.toFixed(1)} | ${perS(r.rows, r.scanSerialSeconds)} | ${(r.scanSerialSeconds / r.scanSeconds).toFixed(1)} |
| \`samenplan audit verify\` (exit ${r.verify.exitCode}) | ${r.verify.seconds.toFixed(1)} | ${perS(r.rows, r.verify.seconds)} | ${(r.verify.seconds / r.scanSeconds).toFixed(1)} |

Memory of the verify process (VmRSS, MiB) at each tenth of its run: ${r.verify.rssMiB.join(', ')}; peak (VmHWM) ${r.verify.peakMiB} MiB.
Its summary line: \`${r.verify.summary}\`.
The sealer (\`processing_log_seal\`, batches of 5,000) seals ${perS(r.seal.rows, r.seal.seconds)} rows/s.`;
}
