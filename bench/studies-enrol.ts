/**
 * npm run bench -- --only studies-enrol: the enrolment of 752 residents into a study in one batch (issue 14), over
 * real HTTP through the full stack (session, permission, RLS scope, validation, strata, one INSERT … SELECT unnest,
 * the PA-033 log entry naming all 752), against, in the same run: the same 752 as 752 single requests (what the app
 * did before the batch endpoint), and a bare baseline — the one INSERT of 752 rows on the owner connection, without
 * HTTP, session, scope or log. A database of its own (samenplan_bench_studies_enrol, re-created every run, with the
 * test fixtures' small world). Prints figures and the ratios; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { todayInNl } from '../src/domain/dates.ts';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { loginAs } from '../test/helpers/client.ts';
import { ROLE_USERS, createWorld } from '../test/helpers/fixtures.ts';
import { withClient } from './database.ts';
import { startFullServer } from './servers.ts';

export interface EnrolBenchResult {
  participants: number;
  rounds: number;
  batchMs: number[];
  singleMs: number[];
  bareMs: number[];
  loadAverage: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runEnrolBench(adminUrl: string, log: (m: string) => void, participants = 752, rounds = 5): Promise<EnrolBenchResult> {
  const name = 'samenplan_bench_studies_enrol';
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const ownerUrl = withDatabase(adminUrl, name);
  await migrate(ownerUrl);
  const ownerDb = createDb(createPool(ownerUrl, { max: 2, applicationName: 'samenplan-bench-enrol' }));
  const full = await startFullServer(ownerUrl, withCredentials(ownerUrl, APP_ROLE, undefined), 16);
  const server = { baseUrl: full.url, ownerDb };
  try {
    const world = await createWorld(server.ownerDb);
    const ids: string[] = [];
    for (let start = 0; start < participants; start += 250) {
      const chunk = Array.from({ length: Math.min(250, participants - start) }, (_, k) => start + k);
      const rows = chunk.map((i) => ({ id: randomUUID(), i }));
      ids.push(...rows.map((r) => r.id));
      await sql`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name, date_of_birth, street, house_number, postcode, city, area_id, household_type, education_level)
        SELECT ${world.utrecht}::uuid, x.id, lpad((700000000 + x.i)::text, 9, '0'), 'Bench', 'Deelnemer ' || x.i, date '1980-01-01', 'Benchstraat', (x.i + 1)::text, '3562AB', 'Utrecht',
          ${world.areas.overvecht}::uuid, 'single', 'mbo2to4'
        FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.i)}::int[]) AS x(id, i)`.execute(server.ownerDb);
    }
    const lead = await loginAs(server.baseUrl, ROLE_USERS.teamLead);
    const today = todayInNl();
    const design = (name: string) => ({
      name, eligibility: 'Bijstand', targetSize: participants, startsOn: '2026-01-01', endsOn: '2027-06-30', primaryOutcome: 'workingOver12h',
      arms: [{ key: 'controle', name: 'Controle', isControl: true }, { key: 'extra_hulp', name: 'Extra hulp', isControl: false, contactEveryDays: 14 }],
    });
    const lines = ids.map((residentId, i) => ({ residentId, consentGiven: true, consentGivenOn: today, educationLevel: (['laag', 'midden', 'hoog'] as const)[i % 3] }));
    const batchMs: number[] = [];
    const singleMs: number[] = [];
    const bareMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const a = (await lead.post('/api/v1/studies', design(`Batch ${r}`))).body.id as string;
      let t = performance.now();
      const res = await lead.post(`/api/v1/studies/${a}/participant-batches`, { participants: lines });
      batchMs.push(performance.now() - t);
      if (res.status !== 201) throw new Error(`batch: ${res.status} ${JSON.stringify(res.body)}`);

      const b = (await lead.post('/api/v1/studies', design(`Single ${r}`))).body.id as string;
      t = performance.now();
      for (const l of lines) {
        const one = await lead.post(`/api/v1/studies/${b}/participants`, l);
        if (one.status !== 201) throw new Error(`single: ${one.status}`);
      }
      singleMs.push(performance.now() - t);

      const c = (await lead.post('/api/v1/studies', design(`Bare ${r}`))).body.id as string;
      t = performance.now();
      await server.ownerDb.transaction().execute(async (tx) => {
        await sql`INSERT INTO study_participants (municipality_id, study_id, resident_id, consent_given_on, consent_recorded_by, education_level, stratum)
          SELECT ${world.utrecht}::uuid, ${c}::uuid, x.id, ${today}::date, ${world.users[ROLE_USERS.teamLead]}::uuid, x.edu, x.edu
          FROM unnest(${ids}::uuid[], ${lines.map((l) => l.educationLevel)}::text[]) WITH ORDINALITY AS x(id, edu, ord) ORDER BY x.ord`.execute(tx);
      });
      bareMs.push(performance.now() - t);
      log(`round ${r + 1}: batch ${batchMs[r]!.toFixed(0)} ms, single requests ${singleMs[r]!.toFixed(0)} ms, bare INSERT ${bareMs[r]!.toFixed(0)} ms`);
    }
    return { participants, rounds, batchMs, singleMs, bareMs, loadAverage: os.loadavg() };
  } finally {
    await full.close();
    await ownerDb.destroy();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

export function enrolTable(r: EnrolBenchResult): string {
  const b = median(r.batchMs);
  const s = median(r.singleMs);
  const bare = median(r.bareMs);
  return [
    `Studies: enrolment of ${r.participants} residents (median of ${r.rounds} rounds)`,
    `  one batch request (full stack)     ${b.toFixed(0).padStart(7)} ms   ratio to bare ${(b / bare).toFixed(1)}×`,
    `  ${r.participants} single requests             ${s.toFixed(0).padStart(7)} ms   ratio to bare ${(s / bare).toFixed(1)}×   batch is ${(s / b).toFixed(1)}× faster`,
    `  bare INSERT … unnest (owner, no HTTP) ${bare.toFixed(0).padStart(5)} ms`,
  ].join('\n');
}

export function enrolMarkdown(r: EnrolBenchResult, machine: string): string {
  const b = median(r.batchMs);
  const s = median(r.singleMs);
  const bare = median(r.bareMs);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  return `### Studies: enrolment of ${r.participants} residents in one batch (issue 14, ${new Date().toISOString().slice(0, 10)})

Machine: ${machine}; load average after the run ${r.loadAverage.map((x) => x.toFixed(1)).join(' / ')} (other engineers on the same
2 vCPU: the ratios matter more than the absolute figures). Median of ${r.rounds} rounds, each on a fresh study.

| variant | median ms | rounds (ms) | ratio to bare |
|---|---:|---|---:|
| one batch request, full stack (session, scope by RLS, strata, one INSERT … unnest, PA-033 log of all ${r.participants}) | ${b.toFixed(0)} | ${list(r.batchMs)} | ${(b / bare).toFixed(1)}× |
| ${r.participants} single requests (before the batch endpoint) | ${s.toFixed(0)} | ${list(r.singleMs)} | ${(s / bare).toFixed(1)}× |
| bare: the one INSERT … unnest on the owner connection (no HTTP, no session, no log) | ${bare.toFixed(0)} | ${list(r.bareMs)} | 1.0× |

The batch is ${(s / b).toFixed(1)}× faster than ${r.participants} single requests.`;
}
