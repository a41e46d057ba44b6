// Only the import benchmark, without the rest of bench/run.ts: node --import tsx bench/import-quick.ts [rows]
import { importTable, runImportBench } from './import.ts';

async function main() {
  const r = await runImportBench(process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', Number(process.argv[2] ?? 30000), (m) => console.error(m));
  console.log(importTable(r));
}
void main();
