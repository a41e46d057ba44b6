import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { MAPPINGS } from '../src/modules/imports/imports.mappings.ts';
import { checkLine, headerIndex } from '../src/modules/imports/imports.rules.ts';
import { sampleBsns, sampleHeader, sampleLine } from '../src/modules/imports/imports.sample.ts';
import { todayInNl } from '../src/domain/dates.ts';
import { withClient } from './database.ts';

// npm run bench -- --only import: the bulk import of a generated Suite4Sociaal Domein export through the real CLI
// (`samenplan import`, a child process: its peak RSS is measured by /usr/bin/time), against a plain COPY of the same
// rows (already validated, in the residents' columns) into a table shaped like residents (same indexes), in the same
// run. Then the same file again: nothing changes, so the second run measures the check and compare alone.

export interface ImportBenchResult {
  rows: number;
  fileMiB: number;
  importSeconds: number;
  importRss: number;
  secondSeconds: number;
  secondRss: number;
  secondOutput: string;
  copySeconds: number;
}

const DB = process.env.BENCH_IMPORT_DB ?? 'samenplan_bench_import';
const PC4 = [3511, 3521, 3531, 3541, 3551, 3561, 3571, 3581];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const rssOf = (timeOutput: string) => Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1] ?? 0) / 1024;

export async function runImportBench(adminUrl: string, rows: number, log: (m: string) => void): Promise<ImportBenchResult> {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB}`);
  });
  const ownerUrl = withDatabase(adminUrl, DB);
  await migrate(ownerUrl);
  const municipality = randomUUID();
  const areas = [randomUUID(), randomUUID()];
  await withClient(ownerUrl, async (c) => {
    await c.query(`INSERT INTO municipalities (id, code, name, is_demo) VALUES ($1, 'B0344', 'Bench-gemeente', true)`, [municipality]);
    await c.query(`INSERT INTO areas (municipality_id, id, code, name) VALUES ($1, $2, 'zuid', 'Zuid'), ($1, $3, 'noord', 'Noord')`, [municipality, ...areas]);
    await c.query(`INSERT INTO area_postcode_ranges (municipality_id, area_id, pc4_from, pc4_to) VALUES ($1, $2, 3500, 3549), ($1, $3, 3550, 3599)`, [municipality, ...areas]);
    await c.query(`INSERT INTO staff_users (municipality_id, id, username, display_name, roles, active) VALUES ($1, $2, 'beheer.bench', 'Beheer', '{admin}', true)`, [municipality, randomUUID()]);
  });

  // The export and, for COPY, the same rows as the import writes them.
  const dir = mkdtempSync(path.join(tmpdir(), 'samenplan-bench-import-'));
  const file = path.join(dir, 'export.csv');
  const copyFile = path.join(dir, 'copy.csv');
  const mapping = MAPPINGS.suite4sd!;
  const rules = { mapping, index: headerIndex(mapping, sampleHeader('suite4sd')).index, ranges: [{ areaId: areas[0]!, from: 3500, to: 3549 }, { areaId: areas[1]!, from: 3550, to: 3599 }], today: todayInNl(), areaWord: 'wijk' };
  const out = createWriteStream(file);
  const copy = createWriteStream(copyFile);
  out.write(`${sampleHeader('suite4sd').join(';')}\r\n`);
  const bsns = sampleBsns(rows, 30_000_000);
  const q = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (let i = 0; i < rows; i += 1) {
    const cells = sampleLine(i, bsns[i]!, { pc4: PC4 });
    if (!out.write(`${cells.join(';')}\r\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    const r = checkLine(rules, i + 2, cells).row!;
    const line = [municipality, randomUUID(), r.bsn, r.givenNames, r.familyNamePrefix, r.familyName, r.dateOfBirth, r.street, r.houseNumber, r.postcode, r.city, r.areaId, r.householdType, r.educationLevel, r.phone, r.email];
    if (!copy.write(`${line.map(q).join(',')}\n`)) await new Promise<void>((res) => copy.once('drain', () => res()));
  }
  out.end();
  copy.end();
  await Promise.all([finished(out), finished(copy)]);
  const fileMiB = statSync(file).size / 1024 / 1024;
  log(`import: ${rows.toLocaleString('en')} rows, ${fileMiB.toFixed(1)} MiB`);

  // Baseline: COPY of the same rows into a table with the residents' shape and indexes (no RLS, no log, no upsert).
  await withClient(ownerUrl, (c) => c.query('CREATE TABLE bench_copy_residents (LIKE residents INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING INDEXES)'));
  const t0 = Date.now();
  const copied = await run('psql', [ownerUrl, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_copy_residents (municipality_id, id, bsn, given_names, family_name_prefix, family_name, date_of_birth, street, house_number, postcode, city, area_id, household_type, education_level, phone, email) FROM '${copyFile}' WITH (FORMAT csv)`], process.env);
  const copySeconds = (Date.now() - t0) / 1000;
  if (copied.code !== 0) throw new Error(`COPY failed: ${copied.err}`);
  log(`import: COPY ${copySeconds.toFixed(1)} s`);

  const env = { ...process.env, DATABASE_URL: ownerUrl, DATABASE_APP_URL: withCredentials(ownerUrl, APP_ROLE, undefined), SAMENPLAN_PSEUDONYM_KEY: 'bench-pseudonym-key-0123456789abcdef0123', LOG_LEVEL: 'silent' };
  const cli = ['-v', process.execPath, 'bin/samenplan.mjs', 'import', file, '--mapping', 'suite4sd', '--municipality', 'B0344'];
  const t1 = Date.now();
  const first = await run('/usr/bin/time', cli, env);
  const importSeconds = (Date.now() - t1) / 1000;
  if (first.code !== 0) throw new Error(`import failed: ${first.err.slice(-2000)}`);
  log(`import: ${first.err.split('\n').find((l) => l.startsWith('Ingelezen')) ?? ''}`);
  const t2 = Date.now();
  const second = await run('/usr/bin/time', cli, env);
  const secondSeconds = (Date.now() - t2) / 1000;
  const secondOutput = second.err.split('\n').find((l) => l.startsWith('Ingelezen')) ?? '';
  log(`import (again): ${secondOutput}`);
  rmSync(dir, { recursive: true, force: true });
  return { rows, fileMiB, importSeconds, importRss: rssOf(first.err), secondSeconds, secondRss: rssOf(second.err), secondOutput, copySeconds };
}

export function importTable(r: ImportBenchResult): string {
  const rate = (s: number) => Math.round(r.rows / s).toLocaleString('en');
  return [
    `| ${r.rows.toLocaleString('en')} rows (${r.fileMiB.toFixed(0)} MiB CSV) | seconds | rows/s | peak RSS |`,
    '|---|---:|---:|---:|',
    `| plain COPY of the same rows (baseline) | ${r.copySeconds.toFixed(1)} | ${rate(r.copySeconds)} | — |`,
    `| samenplan import (check + upsert + log, one transaction) | ${r.importSeconds.toFixed(1)} | ${rate(r.importSeconds)} | ${r.importRss.toFixed(0)} MB |`,
    `| samenplan import, same file again (nothing changes) | ${r.secondSeconds.toFixed(1)} | ${rate(r.secondSeconds)} | ${r.secondRss.toFixed(0)} MB |`,
    '',
    `Ratio import : COPY = 1 : ${(r.importSeconds / r.copySeconds).toFixed(1)} (the import takes ${(r.importSeconds / r.copySeconds).toFixed(1)}× as long as COPY). Times include the CLI's start (tsx, about 5 s).`,
  ].join('\n');
}
