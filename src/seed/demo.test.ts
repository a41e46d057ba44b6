import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../domain/bsn.ts';
import { createDb, createPool, withDatabase, type Db } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { seedDemo, type DemoSummary } from './demo.ts';
import { seedSynthetic } from './synthetic.ts';

const SERVER = process.env.SEED_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TODAY = '2026-11-22';
const UTRECHT = '0344';

interface TestDb {
  name: string;
  pool: pg.Pool;
  db: Db;
}

const created: TestDb[] = [];

async function freshDatabase(): Promise<TestDb> {
  const name = `samenplan_seedtest_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(SERVER, name);
  const pool = createPool(url, { max: 4, applicationName: 'seed-test' });
  const t: TestDb = { name, pool, db: createDb(pool) };
  created.push(t);
  await migrate(url);
  return t;
}

async function rows<T>(t: TestDb, text: string, values: unknown[] = []): Promise<T[]> {
  return (await t.pool.query(text, values)).rows as T[];
}

async function one<T>(t: TestDb, text: string, values: unknown[] = []): Promise<T> {
  const [row] = await rows<T>(t, text, values);
  if (!row) throw new Error(`no row for ${text}`);
  return row;
}

/** A digest of the seeded data that must not change between runs. */
async function fingerprint(t: TestDb): Promise<Record<string, string>> {
  const queries: Record<string, string> = {
    residents: `SELECT md5(string_agg(concat_ws('|', id, bsn, given_names, family_name_prefix, family_name, date_of_birth,
                  street, house_number, postcode, area_id, household_type, education_level, phone, email), ',' ORDER BY id)) AS h FROM residents`,
    cases: `SELECT md5(string_agg(concat_ws('|', id, resident_id, opened_on, contact_person_id, contact_person_since, last_contact_at), ',' ORDER BY id)) AS h FROM cases`,
    assignments: `SELECT md5(string_agg(concat_ws('|', id, staff_user_id, assigned_at, ended_at, handover_note), ',' ORDER BY id)) AS h FROM contact_person_assignments`,
    moments: `SELECT md5(string_agg(concat_ws('|', id, resident_id, staff_user_id, occurred_at, channel, summary), ',' ORDER BY id)) AS h FROM contact_moments`,
    consents: `SELECT md5(string_agg(concat_ws('|', id, resident_id, partner_organisation_id, valid_from, valid_to, withdrawn_at), ',' ORDER BY id)) AS h FROM consents`,
    staff: `SELECT md5(string_agg(concat_ws('|', id, username, display_name, roles::text), ',' ORDER BY id)) AS h FROM staff_users`,
  };
  const out: Record<string, string> = {};
  for (const [k, q] of Object.entries(queries)) out[k] = (await one<{ h: string }>(t, q)).h;
  return out;
}

let first: TestDb;
let summary: DemoSummary;

beforeAll(async () => {
  first = await freshDatabase();
  summary = await seedDemo(first.db, { today: TODAY });
}, 120_000);

afterAll(async () => {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  try {
    for (const t of created) {
      await t.db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${t.name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
});

describe('seedDemo', () => {
  it('reports the municipalities, counts and demo personas', () => {
    const codes = summary.municipalities.map((m) => m.code);
    expect(codes).toEqual(['0344', '0202']);
    const utrecht = summary.municipalities[0];
    const arnhem = summary.municipalities[1];
    expect(utrecht?.counts.residents).toBeGreaterThanOrEqual(9_000);
    expect(utrecht?.counts.residents).toBeLessThanOrEqual(9_600);
    expect(arnhem?.counts.residents).toBeGreaterThanOrEqual(2_300);
    expect(arnhem?.counts.residents).toBeLessThanOrEqual(2_700);
    expect(utrecht?.counts.areas).toBe(10);
    expect(arnhem?.counts.areas).toBe(6);
    expect(summary.demoPersonas).toEqual(
      expect.arrayContaining([
        'werkmatcher.overvecht',
        'werkmatcher.zuilen',
        'werkmatcher.jongeren',
        'teamleider.overvecht',
        'buurtteam.overvecht',
        'werkgeversadviseur',
        'beleid',
        'onderzoeker',
        'beheerder',
        'privacy',
        'werkmatcher.arnhem',
        'teamleider.arnhem',
      ]),
    );
    console.info(`demo seed: ${summary.totals.residents} residents in ${summary.durationMs} ms`);
  });

  it('gives every resident a valid fictitious BSN, unique per municipality', async () => {
    const all = await rows<{ municipality_id: string; bsn: string; is_fictitious: boolean }>(
      first,
      'SELECT municipality_id, bsn, is_fictitious FROM residents',
    );
    expect(all.length).toBe(summary.totals.residents);
    expect(all.filter((r) => !isValidBsn(r.bsn))).toEqual([]);
    expect(all.every((r) => r.is_fictitious && r.bsn.startsWith('99') && !r.bsn.startsWith('9999'))).toBe(
      true,
    );
    expect(new Set(all.map((r) => `${r.municipality_id}:${r.bsn}`)).size).toBe(all.length);
  });

  it('puts every postcode inside a range of the resident’s own area', async () => {
    const outside = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM residents r WHERE NOT EXISTS (
         SELECT 1 FROM area_postcode_ranges p WHERE p.municipality_id = r.municipality_id AND p.area_id = r.area_id
           AND substr(r.postcode, 1, 4)::int BETWEEN p.pc4_from AND p.pc4_to)`,
    );
    expect(outside.n).toBe(0);
    const badFormat = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM residents WHERE substr(postcode, 5, 2) IN ('SA', 'SD', 'SS')`,
    );
    expect(badFormat.n).toBe(0);
  });

  it('places about a third of Utrecht’s residents in Overvecht', async () => {
    const r = await one<{ share: number }>(
      first,
      `SELECT avg((a.code = 'overvecht')::int)::float AS share
       FROM residents r JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
       JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = $1`,
      [UTRECHT],
    );
    expect(r.share).toBeGreaterThanOrEqual(0.28);
    expect(r.share).toBeLessThanOrEqual(0.38);
  });

  it('gives werkmatcher.overvecht a realistic caseload and every werkmatcher 75–150', async () => {
    const persona = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM cases c JOIN staff_users s ON s.municipality_id = c.municipality_id AND s.id = c.contact_person_id
       WHERE s.username = 'werkmatcher.overvecht' AND c.status = 'active'`,
    );
    expect(persona.n).toBeGreaterThanOrEqual(90);
    expect(persona.n).toBeLessThanOrEqual(150);
    const loads = await rows<{ n: number }>(
      first,
      `SELECT count(c.id)::int AS n FROM staff_users s
       LEFT JOIN cases c ON c.municipality_id = s.municipality_id AND c.contact_person_id = s.id AND c.status = 'active'
       WHERE 'jobCoach' = ANY (s.roles) GROUP BY s.municipality_id, s.id`,
    );
    expect(Math.min(...loads.map((l) => l.n))).toBeGreaterThanOrEqual(75);
    expect(Math.max(...loads.map((l) => l.n))).toBeLessThanOrEqual(150);
  });

  it('follows the CBS age shares (10% under 27, 34% 27–44, 56% 45+)', async () => {
    for (const code of ['0344', '0202']) {
      const r = await one<{ young: number; mid: number; old: number; over66: number; under18: number }>(
        first,
        `WITH a AS (SELECT date_part('year', age($2::date, date_of_birth)) AS y FROM residents r
                    JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = $1)
         SELECT avg((y < 27)::int)::float AS young, avg((y >= 27 AND y < 45)::int)::float AS mid,
                avg((y >= 45)::int)::float AS old, sum((y > 66)::int)::int AS over66, sum((y < 18)::int)::int AS under18 FROM a`,
        [code, TODAY],
      );
      expect(Math.abs(r.young - 0.1)).toBeLessThan(0.03);
      expect(Math.abs(r.mid - 0.34)).toBeLessThan(0.03);
      expect(Math.abs(r.old - 0.56)).toBeLessThan(0.03);
      expect(r.over66 + r.under18).toBe(0);
    }
  });

  it('assigns every case to a werkmatcher of a team covering the resident’s area', async () => {
    const wrong = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM cases c JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
       WHERE c.contact_person_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM team_members tm
         JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
         JOIN staff_users s ON s.municipality_id = tm.municipality_id AND s.id = tm.staff_user_id
         WHERE tm.municipality_id = c.municipality_id AND tm.staff_user_id = c.contact_person_id
           AND ta.area_id = r.area_id AND 'jobCoach' = ANY (s.roles))`,
    );
    expect(wrong.n).toBe(0);
    const youth = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM cases c JOIN team_members tm ON tm.municipality_id = c.municipality_id AND tm.staff_user_id = c.contact_person_id
       JOIN teams t ON t.municipality_id = tm.municipality_id AND t.id = tm.team_id WHERE t.kind = 'youth'`,
    );
    expect(youth.n).toBeGreaterThan(300);
  });

  it('keeps benefits, cases, contact-person history and last contact consistent', async () => {
    const r = await one<Record<string, number>>(
      first,
      `SELECT
         (SELECT count(*)::int FROM residents r LEFT JOIN (SELECT resident_id, count(*) AS n FROM benefits GROUP BY 1) b
            ON b.resident_id = r.id WHERE b.n IS DISTINCT FROM 1) AS benefit_not_one,
         (SELECT count(*)::int FROM residents r LEFT JOIN (SELECT resident_id, count(*) AS n FROM cases WHERE status = 'active' GROUP BY 1) c
            ON c.resident_id = r.id WHERE c.n IS DISTINCT FROM 1) AS case_not_one,
         (SELECT count(*)::int FROM cases c JOIN benefits b ON b.resident_id = c.resident_id WHERE c.opened_on <> b.start_date) AS opened_not_start,
         (SELECT count(*)::int FROM cases c LEFT JOIN (
            SELECT case_id, count(*) AS n, max(staff_user_id::text) AS staff, max(assigned_at) AS since
            FROM contact_person_assignments WHERE ended_at IS NULL GROUP BY 1) a ON a.case_id = c.id
          WHERE a.n IS DISTINCT FROM 1 OR a.staff <> c.contact_person_id::text OR a.since <> c.contact_person_since) AS open_assignment_mismatch,
         (SELECT count(*)::int FROM cases c LEFT JOIN (SELECT resident_id, max(occurred_at) AS latest FROM contact_moments GROUP BY 1) m
            ON m.resident_id = c.resident_id WHERE c.last_contact_at IS DISTINCT FROM m.latest) AS last_contact_mismatch,
         (SELECT count(*)::int FROM contact_moments WHERE occurred_at >= $1::date) AS future_moments,
         (SELECT count(*)::int FROM contact_person_assignments WHERE ended_at IS NULL AND handover_note LIKE 'Warme overdracht%') AS warm_handovers,
         (SELECT count(*)::int FROM cases WHERE last_contact_at IS NULL OR last_contact_at < $1::date - 90) AS over_norm,
         (SELECT count(*)::int FROM cases WHERE last_contact_at < $1::date - 365) AS over_year,
         (SELECT count(*)::int FROM residents WHERE email IS NOT NULL AND email !~ '@example\\.(org|com)$') AS bad_email`,
      [TODAY],
    );
    expect(r.benefit_not_one).toBe(0);
    expect(r.case_not_one).toBe(0);
    expect(r.opened_not_start).toBe(0);
    expect(r.open_assignment_mismatch).toBe(0);
    expect(r.last_contact_mismatch).toBe(0);
    expect(r.future_moments).toBe(0);
    expect(r.warm_handovers).toBeGreaterThan(100);
    expect(r.bad_email).toBe(0);
    const total = summary.totals.residents ?? 1;
    expect((r.over_norm ?? 0) / total).toBeGreaterThan(0.2);
    expect((r.over_norm ?? 0) / total).toBeLessThan(0.7);
    expect(r.over_year).toBeGreaterThan(100);
  });

  it('gives Buurtteam Overvecht active, withdrawn and expired consents', async () => {
    const r = await one<{ active: number; withdrawn: number; expired: number; persona_share: number }>(
      first,
      `WITH bt AS (SELECT p.municipality_id, p.id FROM partner_organisations p WHERE p.name = 'Buurtteam Overvecht'),
            wm AS (SELECT municipality_id, id FROM staff_users WHERE username = 'werkmatcher.overvecht')
       SELECT
         count(*) FILTER (WHERE c.withdrawn_at IS NULL AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to >= $1::date))::int AS active,
         count(*) FILTER (WHERE c.withdrawn_at IS NOT NULL)::int AS withdrawn,
         count(*) FILTER (WHERE c.valid_to < $1::date)::int AS expired,
         (SELECT avg((EXISTS (SELECT 1 FROM consents k JOIN bt ON bt.id = k.partner_organisation_id WHERE k.resident_id = cs.resident_id
             AND k.withdrawn_at IS NULL AND k.valid_from <= $1::date AND (k.valid_to IS NULL OR k.valid_to >= $1::date)))::int)::float
          FROM cases cs JOIN wm ON wm.id = cs.contact_person_id) AS persona_share
       FROM consents c JOIN bt ON bt.municipality_id = c.municipality_id AND bt.id = c.partner_organisation_id`,
      [TODAY],
    );
    expect(r.active).toBeGreaterThan(200);
    expect(r.withdrawn).toBeGreaterThan(5);
    expect(r.expired).toBeGreaterThan(5);
    expect(r.persona_share).toBeGreaterThan(0.15);
    expect(r.persona_share).toBeLessThan(0.35);
    const elsewhere = await one<{ n: number }>(
      first,
      `SELECT count(DISTINCT p.id)::int AS n FROM consents c JOIN partner_organisations p ON p.id = c.partner_organisation_id
       WHERE p.name <> 'Buurtteam Overvecht'`,
    );
    expect(elsewhere.n).toBeGreaterThanOrEqual(3);
  });

  it('yields identical ids and data on a second fresh database', async () => {
    const second = await freshDatabase();
    await seedDemo(second.db, { today: TODAY });
    expect(await fingerprint(second)).toEqual(await fingerprint(first));
  }, 120_000);

  it('refuses to seed the demo twice', async () => {
    await expect(seedDemo(first.db, { today: TODAY })).rejects.toThrow(/al in de database/);
  });
});

describe('seedSynthetic', () => {
  it('adds exactly N residents with unique valid BSNs and keeps caseloads realistic', async () => {
    const before = await one<{ n: number }>(first, 'SELECT count(*)::int AS n FROM residents');
    const lines: string[] = [];
    const result = await seedSynthetic(first.db, {
      residents: 2_000,
      today: TODAY,
      log: (l) => lines.push(l),
    });
    expect(result.residentsAdded).toBe(2_000);
    const after = await one<{ n: number; distinct_bsn: number; utrecht: number }>(
      first,
      `SELECT count(*)::int AS n, count(DISTINCT (municipality_id, bsn))::int AS distinct_bsn,
              count(*) FILTER (WHERE municipality_id = $1)::int AS utrecht FROM residents`,
      [result.municipalityId],
    );
    expect(after.n - before.n).toBe(2_000);
    expect(after.distinct_bsn).toBe(after.n);
    const all = await rows<{ bsn: string }>(first, 'SELECT bsn FROM residents');
    expect(all.every((r) => isValidBsn(r.bsn))).toBe(true);
    expect(new Set(all.map((r) => r.bsn)).size).toBe(all.length);
    const cases = await one<{ n: number }>(first, 'SELECT count(*)::int AS n FROM cases');
    expect(cases.n).toBe(after.n);
    const maxLoad = await one<{ n: number }>(
      first,
      `SELECT max(n)::int AS n FROM (SELECT count(*) AS n FROM cases WHERE status = 'active' GROUP BY contact_person_id) x`,
    );
    expect(maxLoad.n).toBeLessThanOrEqual(150);
    expect(lines.at(-1)).toMatch(/2\.000 van 2\.000/);
  }, 60_000);

  it('creates the organisation of a demo municipality that is missing, then adds residents', async () => {
    const t = await freshDatabase();
    const result = await seedSynthetic(t.db, {
      residents: 1_500,
      municipalityCode: UTRECHT,
      today: TODAY,
      log: () => undefined,
    });
    expect(result.createdOrganisation).toBe(true);
    const r = await one<{ residents: number; personas: number; overvecht: number }>(
      t,
      `SELECT (SELECT count(*)::int FROM residents) AS residents,
              (SELECT count(*)::int FROM staff_users WHERE demo_persona) AS personas,
              (SELECT count(*)::int FROM residents r JOIN areas a ON a.id = r.area_id WHERE a.code = 'overvecht') AS overvecht`,
    );
    expect(r.residents).toBe(1_500);
    expect(r.personas).toBe(10);
    expect(r.overvecht / r.residents).toBeCloseTo(0.33, 2);
  }, 60_000);
});
