import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { locationOfPostcode } from '../src/domain/geo.ts';
import { maskOf, type IsoWeekday, type TimeWindow } from '../src/domain/schedule.ts';
import { createDb, createPool, withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE, migrate } from '../src/platform/db/migrate.ts';
import { projectRoot } from '../src/platform/config.ts';
import { seedSynthetic } from '../src/seed/synthetic.ts';
import { MUNICIPALITY_CODE, withClient } from './database.ts';

// The matching benchmark's database: the synthetic Utrecht organisation (seedSynthetic) with n residents, plus
// employers, vacancies and a work profile for every resident with an active case, generated in plain SQL
// (generate_series, setseed: the same data every time) for speed.

export interface MatchingDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  residents: number;
  vacancies: number;
  workProfiles: number;
  seedSeconds: number | null;
}

const days = (list: number[], from: string, to: string): TimeWindow[] => list.map((day) => ({ day: day as IsoWeekday, from, to }));
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Working hours of vacancies (index picked at random, weighted by repetition). */
export const SCHEDULES: TimeWindow[][] = [
  days(WEEKDAYS, '09:00', '13:00'), // school hours
  days(WEEKDAYS, '09:00', '14:30'), // school hours
  days([1, 2, 3], '09:00', '14:00'), // school hours
  days(WEEKDAYS, '09:00', '17:00'),
  days(WEEKDAYS, '09:00', '17:00'),
  days(WEEKDAYS, '08:00', '16:30'),
  days(WEEKDAYS, '18:00', '22:00'),
  days([6, 7], '10:00', '18:00'),
  days([2, 4], '13:00', '17:00'),
  days(WEEKDAYS, '07:00', '11:00'),
  [...days(WEEKDAYS, '07:00', '15:00'), ...days([6], '08:00', '12:00')],
];

/** Availability of residents. */
export const AVAILABILITIES: TimeWindow[][] = [
  days(WEEKDAYS, '09:00', '14:30'), // single parents: school hours
  days(WEEKDAYS, '08:00', '18:00'),
  days(WEEKDAYS, '08:00', '18:00'),
  days([1, 2, 3, 4, 5, 6, 7], '07:00', '23:00'),
  [...days(WEEKDAYS, '17:00', '23:00'), ...days([6, 7], '08:00', '20:00')],
  days([1, 2, 3], '08:00', '17:00'),
];

export const SECTORS = ['Zorg', 'Detailhandel', 'Horeca', 'Logistiek', 'Schoonmaak', 'Techniek', 'Onderwijs', 'Overheid', 'Bouw', 'Groen'];

export const SKILLS = [
  'Klantvriendelijk', 'Kassa', 'Heftruck', 'Koken', 'Schoonmaken', 'Excel', 'Word', 'Plannen', 'Nederlands B1', 'Engels',
  'Tillen', 'Orderpicken', 'Veiligheid VCA', 'Hygiëne', 'Zorg verlenen', 'Administratie', 'Telefoon', 'Samenwerken',
  'Zelfstandig werken', 'Rekenen', 'Schilderen', 'Timmeren', 'Tuinieren', 'Rijbewijs B', 'Bezorgen', 'Vakkenvullen',
  'Bediening', 'Barista', 'Kinderopvang', 'Begeleiden', 'Lassen', 'Elektra', 'Magazijn', 'Inpakken', 'Productiewerk',
  'Beveiliging', 'Receptie', 'Sorteren', 'Strijken', 'Wassen',
];

interface Occ {
  code: string;
  label: string;
  iscoGroup: string;
}

/** Every 5th ESCO occupation (about 600, over all ISCO groups). */
function occupations(): Occ[] {
  const all = JSON.parse(readFileSync(path.join(projectRoot, 'data/esco/occupations-nl.json'), 'utf8')) as Occ[];
  return all.filter((_, i) => i % 5 === 0).map((o) => ({ code: o.code, label: o.label, iscoGroup: o.iscoGroup }));
}

/** PC4 centres the geo table knows (the matching region: Utrecht and surroundings, Arnhem). */
function pc4Table(): Array<{ pc4: string; lat: number; lon: number }> {
  const out: Array<{ pc4: string; lat: number; lon: number }> = [];
  for (let n = 1000; n <= 9999; n += 1) {
    const l = locationOfPostcode(`${n}AA`);
    if (l) out.push({ pc4: String(n), lat: l.lat, lon: l.lon });
  }
  return out;
}

async function count(c: pg.Client, table: string): Promise<number> {
  return Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

export async function seedMatchingData(c: pg.Client, vacancies: number, log: (m: string) => void): Promise<void> {
  const m = (await c.query('SELECT id FROM municipalities WHERE code = $1', [MUNICIPALITY_CODE])).rows[0]?.id as string;
  const staff = (await c.query("SELECT id FROM staff_users WHERE municipality_id = $1 AND 'jobCoach' = ANY(roles) ORDER BY username LIMIT 1", [m])).rows[0].id as string;
  const occ = occupations();
  const pc4 = pc4Table();
  const utrechtPc4 = pc4.filter((p) => p.pc4 < '6000');
  await c.query('SELECT setseed(0.4242)');
  await c.query('DELETE FROM match_exposures; DELETE FROM match_proposals; DELETE FROM work_profiles; DELETE FROM vacancies; DELETE FROM employers');
  log('Seeding 2,000 employers…');
  await c.query(
    `INSERT INTO employers (municipality_id, id, name, sector, created_by)
     SELECT $1, gen_random_uuid(), 'Werkgever ' || g, ($2::text[])[1 + (g % cardinality($2::text[]))], $3
     FROM generate_series(1, 2000) g`,
    [m, SECTORS, staff],
  );
  log(`Seeding ${vacancies.toLocaleString('en')} vacancies…`);
  const started = performance.now();
  await c.query(
    `WITH e AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM employers WHERE municipality_id = $1),
     pick AS (
       SELECT g, 1 + floor(random() * cardinality($2::text[]))::int AS o, 1 + floor(random() * cardinality($5::jsonb[]))::int AS s,
         1 + floor(random() * cardinality($7::text[]))::int AS p, 1 + floor(random() * 2000)::int AS e, random() AS r1, random() AS r2,
         random() AS r3, random() AS r4, random() AS r5
       FROM generate_series(1, $12::int) g)
     INSERT INTO vacancies (municipality_id, id, employer_id, title, esco_code, occupation_label, isco_group, required_skills,
       nice_to_have_skills, hours_per_week, schedule, schedule_mask, postcode, lat, lon, contract_type, driving_licence_required,
       status, created_by)
     SELECT $1, gen_random_uuid(), e.id, 'Vacature ' || pick.g || ': ' || ($3::text[])[pick.o], ($2::text[])[pick.o], ($3::text[])[pick.o],
       ($4::text[])[pick.o],
       ARRAY(SELECT ($10::text[])[1 + floor(random() * cardinality($10::text[]))::int] FROM generate_series(1, floor(pick.r1 * 5)::int) WHERE pick.g > 0),
       ARRAY(SELECT ($10::text[])[1 + floor(random() * cardinality($10::text[]))::int] FROM generate_series(1, floor(pick.r2 * 3)::int) WHERE pick.g > 0),
       4 * (1 + floor(pick.r3 * 10)), ($5::jsonb[])[pick.s], ($6::text[])[pick.s]::bit(336), ($7::text[])[pick.p] || 'AB',
       ($8::float8[])[pick.p], ($9::float8[])[pick.p], (ARRAY['permanent', 'temporary', 'agency'])[1 + floor(pick.r4 * 3)::int],
       pick.r5 < 0.15, CASE WHEN pick.r5 > 0.9 THEN 'closed' WHEN pick.r5 > 0.85 THEN 'filled' ELSE 'open' END, $11
     FROM pick JOIN e ON e.n = pick.e`,
    [
      m,
      occ.map((o) => o.code),
      occ.map((o) => o.label),
      occ.map((o) => o.iscoGroup),
      SCHEDULES.map((s) => JSON.stringify(s)),
      SCHEDULES.map((s) => maskOf(s)),
      utrechtPc4.map((p) => p.pc4),
      utrechtPc4.map((p) => p.lat),
      utrechtPc4.map((p) => p.lon),
      SKILLS,
      staff,
      vacancies,
    ],
  );
  log(`Vacancies in ${((performance.now() - started) / 1000).toFixed(1)} s. Seeding work profiles for every resident with an active case…`);
  const started2 = performance.now();
  await c.query('DROP TABLE IF EXISTS pc4_loc');
  await c.query('CREATE TEMP TABLE pc4_loc (pc4 text PRIMARY KEY, lat float8, lon float8)');
  await c.query('INSERT INTO pc4_loc SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[])', [pc4.map((p) => p.pc4), pc4.map((p) => p.lat), pc4.map((p) => p.lon)]);
  await c.query(
    `WITH pick AS (
       SELECT r.municipality_id, r.id, left(r.postcode, 4) AS pc4,
         1 + floor(random() * cardinality($2::text[]))::int AS o1, 1 + floor(random() * cardinality($2::text[]))::int AS o2,
         1 + floor(random() * cardinality($5::jsonb[]))::int AS a, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
         random() AS r5
       FROM residents r JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active'
       WHERE r.municipality_id = $1)
     INSERT INTO work_profiles (municipality_id, resident_id, desired_occupations, desired_isco_groups, skills, experience, hours_min,
       hours_max, availability, availability_mask, max_travel_km, lat, lon, has_driving_licence, preferred_contract_types,
       preferred_sectors, version, updated_by)
     SELECT pick.municipality_id, pick.id,
       CASE WHEN pick.r1 < 0.5 THEN jsonb_build_array(jsonb_build_object('escoCode', ($2::text[])[o1], 'label', ($3::text[])[o1], 'iscoGroup', ($4::text[])[o1]))
            ELSE jsonb_build_array(jsonb_build_object('escoCode', ($2::text[])[o1], 'label', ($3::text[])[o1], 'iscoGroup', ($4::text[])[o1]),
                                   jsonb_build_object('escoCode', ($2::text[])[o2], 'label', ($3::text[])[o2], 'iscoGroup', ($4::text[])[o2])) END,
       CASE WHEN pick.r1 < 0.5 THEN ARRAY[($4::text[])[o1]] ELSE ARRAY[($4::text[])[o1], ($4::text[])[o2]] END,
       ARRAY(SELECT ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] FROM generate_series(1, 1 + floor(pick.r2 * 6)::int) WHERE pick.id IS NOT NULL),
       '[]'::jsonb, 4 * floor(pick.r3 * 6), 4 * floor(pick.r3 * 6) + 8 + 4 * floor(pick.r4 * 4), ($5::jsonb[])[a], ($6::text[])[a]::bit(336),
       CASE WHEN pick.r5 < 0.2 THEN NULL ELSE 5 + floor(pick.r5 * 30)::int END, l.lat, l.lon, pick.r4 < 0.5,
       CASE WHEN pick.r2 < 0.3 THEN ARRAY['permanent'] ELSE '{}'::text[] END,
       CASE WHEN pick.r3 < 0.2 THEN ARRAY[($9::text[])[1 + floor(pick.r5 * 10)::int]] ELSE '{}'::text[] END, 1, $8
     FROM pick LEFT JOIN pc4_loc l ON l.pc4 = pick.pc4`,
    [
      m,
      occ.map((o) => o.code),
      occ.map((o) => o.label),
      occ.map((o) => o.iscoGroup),
      AVAILABILITIES.map((a) => JSON.stringify(a)),
      AVAILABILITIES.map((a) => maskOf(a)),
      SKILLS,
      staff,
      SECTORS,
    ],
  );
  log(`Work profiles in ${((performance.now() - started2) / 1000).toFixed(1)} s.`);
}

/**
 * samenplan_bench_matching_<n>: reused when it holds exactly n residents and `vacancies` vacancies; otherwise
 * (re)created, migrated, seeded with seedSynthetic and the matching data above.
 */
export async function prepareMatchingDatabase(adminUrl: string, residents: number, vacancies: number, fresh: boolean, log: (m: string) => void): Promise<MatchingDatabase> {
  const name = `samenplan_bench_matching_${residents}`;
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, undefined);
  const exists = await withClient(adminUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const started = performance.now();
  if (!exists || fresh) {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
  }
  // A migration applied to an existing database (e.g. 202611220091 adding the matcher's scope columns with an UPDATE
  // of every work profile) leaves new columns without statistics and dead rows: analyse before measuring.
  const migrated = (await migrate(ownerUrl)).applied.length > 0 && exists && !fresh;
  const have = await withClient(ownerUrl, async (c) => ({ residents: await count(c, 'residents'), vacancies: await count(c, 'vacancies'), profiles: await count(c, 'work_profiles') }));
  let seeded = false;
  if (have.residents !== residents) {
    if (have.residents !== 0) throw new Error(`${name} has ${have.residents} residents instead of ${residents}: run with --fresh`);
    log(`Seeding ${residents.toLocaleString('en')} synthetic residents into ${name}…`);
    const ownerDb = createDb(createPool(ownerUrl, { max: 4, applicationName: 'samenplan-bench-seed' }));
    try {
      await seedSynthetic(ownerDb, { residents, municipalityCode: MUNICIPALITY_CODE, historyYears: 1, log });
    } finally {
      await ownerDb.destroy();
    }
    seeded = true;
  }
  if (seeded || have.vacancies !== vacancies || have.profiles === 0) {
    await withClient(ownerUrl, (c) => seedMatchingData(c, vacancies, log));
    seeded = true;
  }
  if (seeded || migrated) await withClient(ownerUrl, (c) => c.query('VACUUM ANALYZE'));
  const facts = await withClient(ownerUrl, async (c) => ({ vacancies: await count(c, 'vacancies'), workProfiles: await count(c, 'work_profiles') }));
  const seedSeconds = seeded ? (performance.now() - started) / 1000 : null;
  if (!seeded) log(`Reusing ${name} (${residents.toLocaleString('en')} residents, ${vacancies.toLocaleString('en')} vacancies; --fresh to re-seed).`);
  return { name, ownerUrl, appUrl, residents, vacancies: facts.vacancies, workProfiles: facts.workProfiles, seedSeconds };
}
