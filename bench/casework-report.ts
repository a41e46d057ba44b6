import type { CaseworkBenchResult, LoadFigures } from './casework.ts';
import type { Machine } from './report.ts';

/** The casework benchmark (issue 3) as a docs/benchmarks.md section. */
export function caseworkMarkdown(r: CaseworkBenchResult, machine: Machine, date = new Date()): string {
  const row = (name: string, f: LoadFigures) =>
    `| ${name} | ${f.requestsPerSecond.toFixed(1)} | ${f.p50.toFixed(1)} | ${f.p90.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.non2xx} | ${f.preconditionFailed} |`;
  const rows = Object.entries(r.rows)
    .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
    .join(', ');
  return [
    `### Casework: worklist and plan update, ${r.residents.toLocaleString('en')} residents`,
    '',
    `Measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} vCPU (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}. Load average at the end: ${r.loadAverage.join(' / ')}.`,
    '',
    `Dataset \`${r.database}\` with three years of history (${rows}). The werkmatcher's caseload holds ${r.caseload} residents ` +
      `(${r.plansInCaseload} with a plan). ${r.connections} connections, pool ${r.pool}, ${r.duration} s per scenario, ` +
      `${r.rounds} round(s), median round. Plan update: PATCH of an action with If-Match; every connection works on its own plans ` +
      `and keeps the ETag each answer returns (412s are counted). Bare: the same SQL through plain Fastify + pg.`,
    '',
    '| scenario | req/s | p50 ms | p90 ms | p99 ms | non-2xx | 412 |',
    '|---|---|---|---|---|---|---|',
    row('worklist, full stack', r.worklist.full),
    row('worklist, bare', r.worklist.bare),
    row('plan update, full stack', r.planUpdate.full),
    row('plan update, bare', r.planUpdate.bare),
    '',
    `Full stack vs bare: worklist ${r.worklist.throughputRatio} of the throughput, p99 ${r.worklist.p99Ratio}×; ` +
      `plan update ${r.planUpdate.throughputRatio}, p99 ${r.planUpdate.p99Ratio}×. ` +
      `Targets (p99 < 100 ms): worklist ${r.worklist.targetMet ? 'met' : '**not met**'}, plan update ${r.planUpdate.targetMet ? 'met' : '**not met**'}.`,
  ].join('\n');
}
