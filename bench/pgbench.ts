import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchDatabase, CapturedStatement } from './database.ts';

// The database-only reference: the statements the servers send, replayed by pgbench (no Node, no HTTP).
// Parameters are inlined as literals; pgbench runs in simple-protocol mode so that '::' casts and ':' in
// literals are left alone.

const run = promisify(execFile);

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  return `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return quote(v.toISOString());
  if (Buffer.isBuffer(v)) return `'\\x${v.toString('hex')}'`;
  if (Array.isArray(v)) return quote(`{${v.map(arrayElement).join(',')}}`);
  return quote(String(v));
}

/** Columns of the processing-log insert that must differ per row: generated in SQL instead of repeated literals. */
const FRESH_PER_ROW: Record<string, string> = {
  entry_id: 'gen_random_uuid()',
  trace_id: 'md5(random()::text)',
  span_id: 'substr(md5(random()::text), 1, 16)',
  started_at: 'now()',
  ended_at: 'now()',
};

/** One statement on one line with its $n parameters replaced by literals. */
export function inline(stmt: CapturedStatement): string {
  const text = stmt.text.replace(/\s+/g, ' ').trim();
  const overrides = new Map<number, string>();
  const insert = /^insert into "?(\w+)"? \(([^)]*)\) values \(([^)]*)\)/i.exec(text);
  if (insert) {
    const columns = insert[2]!.split(',').map((c) => c.trim().replace(/"/g, ''));
    const params = insert[3]!.split(',').map((p) => p.trim());
    columns.forEach((c, i) => {
      const m = /^\$(\d+)$/.exec(params[i] ?? '');
      if (m && FRESH_PER_ROW[c]) overrides.set(Number(m[1]), FRESH_PER_ROW[c]);
    });
  }
  return text.replace(
    /\$(\d+)\b/g,
    (_all, n: string) => overrides.get(Number(n)) ?? literal(stmt.values[Number(n) - 1]),
  );
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  /** Average latency per statement (pgbench -r), in script order. */
  statementMs: number[];
}

export async function pgbenchAvailable(): Promise<boolean> {
  try {
    await run('pgbench', ['--version']);
    return true;
  } catch {
    return false;
  }
}

export async function runPgbench(
  db: BenchDatabase,
  statements: CapturedStatement[],
  opts: { connections: number; duration: number },
): Promise<PgbenchResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samenplan-bench-'));
  try {
    const script = path.join(dir, 'script.sql');
    await writeFile(script, statements.map((s) => `${inline(s)};`).join('\n') + '\n');
    const url = new URL(db.appUrl);
    const args = [
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username),
      '-n',
      '-M',
      'simple',
      '-r',
      '-c',
      String(opts.connections),
      '-j',
      String(Math.min(opts.connections, os.availableParallelism())),
      '-T',
      String(opts.duration),
      '-f',
      script,
      db.name,
    ];
    const { stdout } = await run('pgbench', args, {
      timeout: (opts.duration + 60) * 1000,
      maxBuffer: 10_000_000,
    });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout);
    if (!tps || !latency) throw new Error(`Unexpected pgbench output:\n${stdout}`);
    const section = stdout.split(/statement latencies in milliseconds[^\n]*\n/)[1] ?? '';
    const statementMs = section
      .split('\n')
      .map((l) => /^\s+([\d.]+)\s/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    return { tps: Number(tps[1]), latencyMs: Number(latency[1]), statementMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
