import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/platform/config.ts';
import type { DatabaseFacts, ExplainFacts } from './database.ts';
import type { LoadResult } from './load.ts';
import type { PgbenchResult } from './pgbench.ts';

export const DOCS_PATH = path.join(projectRoot, 'docs', 'benchmarks.md');
export const TARGET_RATIO = 0.5;
export const TARGET_P99_MS = 50;

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  postgres: string;
  postgresSettings: string;
}

export interface ScenarioResult {
  key: string;
  label: string;
  load: LoadResult;
  /** Requests/s of every round (the best one is `load`). */
  rounds: number[];
  /** Connections, when not the run's --connections (the single-connection scenarios). */
  connections: number | null;
}

export interface PgbenchRow {
  label: string;
  statements: string[];
  result: PgbenchResult;
}

export interface DatasetReport {
  date: Date;
  residents: number;
  database: string;
  seedSeconds: number | null;
  facts: DatabaseFacts;
  loadAverage: number;
  settings: { duration: number; warmup: number; connections: number; pool: number; rounds: number };
  itemsPerPage: number;
  bareRows: number;
  fullStatements: string[];
  explain: ExplainFacts;
  /** The same with PostgreSQL's default random_page_cost = 4, to show what the role's planner setting buys. */
  explainDefault: ExplainFacts;
  scenarios: ScenarioResult[];
  pgbench: PgbenchRow[];
}

export async function machineInfo(postgresVersion: string, postgresSettings: string): Promise<Machine> {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(await readFile('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1]!.trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
    postgresSettings,
  };
}

/** A statement as a short label: "begin", "SELECT set_config(…)", "select … from residents … (list)". */
export function statementLabel(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (/^select .* from "residents" as "r"/i.test(flat))
    return 'SELECT the page (residents ⋈ areas, cases, staff, benefits)';
  const insert = /^insert into "?(\w+)"?/i.exec(flat);
  if (insert) return `INSERT INTO ${insert[1]} (1 row)`;
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

const explainText = (e: ExplainFacts) =>
  `${fmtMs(e.planningMs)} ms planning + ${fmtMs(e.executionMs)} ms execution (${e.residentsAccess})`;
const fmtInt = (n: number) => Math.round(n).toLocaleString('en');
const fmtMs = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '–');
const pct = (n: number) => `${Math.round(n * 100)}%`;

export function ratio(report: DatasetReport): number {
  const bare = report.scenarios.find((s) => s.key === 'bare');
  const full = report.scenarios.find((s) => s.key === 'full');
  return bare && full ? full.load.requestsPerSecond / bare.load.requestsPerSecond : Number.NaN;
}

export function fullP99(report: DatasetReport): number {
  return report.scenarios.find((s) => s.key === 'full')?.load.p99 ?? Number.NaN;
}

export function targetsMet(report: DatasetReport): { ratio: boolean; p99: boolean } {
  return { ratio: ratio(report) >= TARGET_RATIO, p99: fullP99(report) < TARGET_P99_MS };
}

const fmtCores = (n: number | null) => (n === null ? '–' : n.toFixed(2));

function scenarioRows(report: DatasetReport): string[][] {
  const bare = report.scenarios.find((s) => s.key === 'bare')?.load.requestsPerSecond ?? Number.NaN;
  return report.scenarios.map((s) => [
    s.label,
    fmtInt(s.load.requestsPerSecond),
    fmtMs(s.load.p50),
    fmtMs(s.load.p99),
    s.connections ? '–' : pct(s.load.requestsPerSecond / bare),
    fmtCores(s.load.otherCores),
    [
      s.load.errors + s.load.non2xx === 0 ? '' : `${s.load.errors} errors, ${s.load.non2xx} non-2xx`,
      s.rounds.length > 1 ? `rounds: ${s.rounds.map(fmtInt).join(' / ')} req/s` : '',
    ]
      .filter(Boolean)
      .join('; '),
  ]);
}

function verdict(report: DatasetReport): string {
  const met = targetsMet(report);
  const solo = report.scenarios.find((s) => s.key === 'full-solo');
  return (
    `full/bare throughput = ${ratio(report).toFixed(2)} (target ≥ ${TARGET_RATIO.toFixed(2)}: ${met.ratio ? 'met' : 'MISSED'}); ` +
    `full-stack p99 = ${fmtMs(fullP99(report))} ms at saturation with ${report.settings.connections} connections ` +
    `(target < ${TARGET_P99_MS} ms: ${met.p99 ? 'met' : 'MISSED'})` +
    (solo ? `, ${fmtMs(solo.load.p99)} ms with a single connection` : '')
  );
}

/** A plain-text table for the terminal. */
export function consoleTable(report: DatasetReport): string {
  const head = ['Scenario', 'Requests/s', 'p50 ms', 'p99 ms', 'vs bare', 'Other CPU', ''];
  const rows = [head, ...scenarioRows(report)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    `\n${report.residents.toLocaleString('en')} residents · database ${mb(report.facts.sizeBytes)} · ` +
      `${report.itemsPerPage} items per page (bare: ${report.bareRows} rows incl. look-ahead) · caseload ${report.facts.caseload}`,
    line(rows[0]!),
    ...rows.slice(1).map(line),
    verdict(report),
    `SELECT alone (EXPLAIN ANALYZE, random_page_cost ${report.explain.randomPageCost}): ${explainText(report.explain)}; ` +
      `with random_page_cost = 4: ${explainText(report.explainDefault)}`,
  ];
  for (const p of report.pgbench)
    out.push(`pgbench ${p.label}: ${fmtInt(p.result.tps)} TPS, ${fmtMs(p.result.latencyMs)} ms average`);
  return out.join('\n');
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;

/** The generated Markdown for one dataset size (the part between the markers in docs/benchmarks.md). */
export function markdownSection(report: DatasetReport, machine: Machine): string {
  const s = report.settings;
  const out: string[] = [];
  out.push(`### ${report.residents.toLocaleString('en')} residents`);
  out.push('');
  out.push(
    `Measured ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} vCPU (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB RAM, ${machine.kernel}, Node ${machine.node}, PostgreSQL ${machine.postgres} ` +
      `(${machine.postgresSettings}). Load average before the run: ${report.loadAverage.toFixed(2)}.`,
  );
  out.push('');
  out.push(
    `Dataset \`${report.database}\`: ${report.residents.toLocaleString('en')} residents, database ${mb(report.facts.sizeBytes)} ` +
      `(of which the processing log ${mb(report.facts.processingLogBytes)}, ` +
      `${report.facts.processingLogRows.toLocaleString('en')} rows before the run, mostly from earlier benchmark runs); ` +
      (report.seedSeconds === null
        ? 'reused from an earlier run. '
        : `seeded in ${report.seedSeconds.toFixed(0)} s. `) +
      `The werkmatcher's caseload holds ${report.facts.caseload} residents; a page has ${report.itemsPerPage} items ` +
      `(the SQL fetches ${report.bareRows} rows: one look-ahead row for the cursor).`,
  );
  out.push('');
  out.push(
    `autocannon: ${s.connections} connections, ${s.warmup} s warm-up then ${s.duration} s measured per scenario, ` +
      `one request at a time per connection; every server has a pool of ${s.pool} PostgreSQL connections as \`samenplan_app\`. ` +
      `Latencies are client-side, per request. ` +
      (s.rounds > 1
        ? `Each scenario was measured ${s.rounds} times, interleaved; the table shows the round with the highest throughput. `
        : '') +
      `"Other CPU" is what the rest of the machine used during the measured run (cores out of ${machine.cpus}; ` +
      `the server, the load generator and PostgreSQL are excluded): above ~0.3 the figures are disturbed.`,
  );
  out.push('');
  out.push('| Scenario | Requests/s | p50 (ms) | p99 (ms) | Throughput vs bare | Other CPU |');
  out.push('|---|---:|---:|---:|---:|---:|');
  for (const r of scenarioRows(report))
    out.push(`| ${r[0]}${r[6] ? ` (${r[6]})` : ''} | ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} | ${r[5]} |`);
  out.push('');
  out.push(`**Result:** ${verdict(report)}.`);
  out.push('');
  out.push(
    `Statements per full-stack request (${report.fullStatements.length}): ${report.fullStatements.map((t) => `\`${t}\``).join(' → ')}. ` +
      `The bare baseline sends 4: \`begin\` → \`set_config\` → the same SELECT → \`commit\`. ` +
      `The SELECT alone (EXPLAIN ANALYZE as the app role, best of 5, random_page_cost ${report.explain.randomPageCost}): ` +
      `${explainText(report.explain)}; with PostgreSQL's default \`random_page_cost = 4\`: ${explainText(report.explainDefault)}.`,
  );
  if (report.pgbench.length > 0) {
    out.push('');
    out.push(
      `Database only (pgbench, same statements with inlined parameters, ${s.connections} clients, ${s.duration} s):`,
    );
    out.push('');
    out.push('| pgbench script | TPS | Avg latency (ms) | Per statement (ms) |');
    out.push('|---|---:|---:|---|');
    for (const p of report.pgbench) {
      const per = p.statements
        .map((st, i) => `${st} ${fmtMs(p.result.statementMs[i] ?? Number.NaN)}`)
        .join('; ');
      out.push(`| ${p.label} | ${fmtInt(p.result.tps)} | ${fmtMs(p.result.latencyMs)} | ${per} |`);
    }
  }
  return out.join('\n');
}

const TEMPLATE = `# Benchmarks

Generated sections below are rewritten by \`npm run bench\`.
`;

/** Replaces (or appends) the marked section of docs/benchmarks.md for this dataset size. */
export async function updateDocs(residents: number, section: string): Promise<void> {
  await updateDocsSection(`residents-${residents}`, section);
}

/** Replaces (or appends) the block between `<!-- bench:KEY:start -->` and `<!-- bench:KEY:end -->`. */
export async function updateDocsSection(key: string, section: string): Promise<void> {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const current = existsSync(DOCS_PATH) ? await readFile(DOCS_PATH, 'utf8') : TEMPLATE;
  const block = `${start}\n${section}\n${end}`;
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? current.slice(0, i) + block + current.slice(j + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(DOCS_PATH, next);
}
