import type { MatchingBenchResult } from './matching.ts';
import type { Machine } from './report.ts';

/** The matching benchmark (issue 4) as a docs/benchmarks.md section. */
export function matchingMarkdown(r: MatchingBenchResult, machine: Machine, loadAverage: number[], date = new Date()): string {
  const label = (q: string) => (q === 'vacanciesForResident' ? 'top 20 vacancies for a resident' : 'top 50 residents for a vacancy');
  const dbs = r.databases
    .map(
      (d) =>
        `\`${d.name}\` (${d.residents.toLocaleString('en')} residents, ${d.vacancies.toLocaleString('en')} vacancies, ` +
        `${d.workProfiles.toLocaleString('en')} work profiles${d.seedSeconds === null ? ', reused' : `, seeded in ${Math.round(d.seedSeconds)} s`})`,
    )
    .join('; ');
  return [
    '### Matching: vacancies for a resident, residents for a vacancy',
    '',
    `Measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine.cpus} vCPU (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}. Load average at the end: ${loadAverage.join(' / ')}.`,
    '',
    `Databases: ${dbs}. Caller: werkmatcher.overvecht (residents in scope: those of his team's areas with a work profile and ` +
      `an active case). Service: the matching service with its transaction, scope, exact top-k, exposures and processing log. ` +
      `Bare: the same SELECTs replayed through plain pg. Sequential calls, after warm-up.`,
    '',
    '| query | residents (in scope) | service p50 / p95 ms | bare p50 / p95 ms | candidates loaded / scored | target p95 | met |',
    '|---|---|---|---|---|---|---|',
    ...r.rows.map(
      (row) =>
        `| ${label(row.query)} | ${row.residents.toLocaleString('en')} (${row.residentsInScope.toLocaleString('en')}) | ` +
        `${row.service.p50.toFixed(1)} / ${row.service.p95.toFixed(1)} | ${row.bare.p50.toFixed(1)} / ${row.bare.p95.toFixed(1)} | ` +
        `${Math.round(row.meanCandidates)} / ${Math.round(row.meanScored)} | < ${row.targetMs} ms | ${row.meetsTarget ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}
