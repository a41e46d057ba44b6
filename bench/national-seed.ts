// node --import tsx bench/national-seed.ts [residents]: (re)seeds the national benchmark database on its own.
import { prepareNationalDatabase } from './national.ts';
await prepareNationalDatabase('postgres://postgres@127.0.0.1:5432/postgres', Number(process.argv[2] ?? 400000), true, (m) => console.log(m));
