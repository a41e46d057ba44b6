import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../domain/bsn.ts';
import { maskOf, type TimeWindow } from '../domain/schedule.ts';
import { selectWorklist } from '../modules/worklist/worklist.service.ts';
import type { Principal } from '../platform/access/principal.ts';
import { dbScopeOf } from '../platform/access/scope.ts';
import { tenantTransaction } from '../platform/db/transaction.ts';
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
    assessments: `SELECT md5(string_agg(concat_ws('|', id, resident_id, scored_by, scored_at, ladder_rung), ',' ORDER BY id)) AS h FROM zrm_assessments`,
    plans: `SELECT md5(string_agg(concat_ws('|', id, resident_id, version, agreed_on, updated_at), ',' ORDER BY id)) AS h FROM plans`,
    planVersions: `SELECT md5(string_agg(concat_ws('|', plan_id, version, changed_by, changed_at, summary, changes::text, snapshot::text), ',' ORDER BY plan_id, version)) AS h FROM plan_versions`,
    meetings: `SELECT md5(string_agg(concat_ws('|', id, resident_id, type, starts_at, status, report), ',' ORDER BY id)) AS h FROM meetings`,
    vacancies: `SELECT md5(string_agg(concat_ws('|', id, title, esco_code, schedule::text, status), ',' ORDER BY id)) AS h FROM vacancies`,
    matching: `SELECT md5(string_agg(concat_ws('|', w.resident_id, w.desired_isco_groups::text, w.availability::text, p.id, p.start_date), ',' ORDER BY w.resident_id, p.id)) AS h
               FROM work_profiles w LEFT JOIN placements p ON p.resident_id = w.resident_id`,
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
  // Seeding the whole demo takes 25–90 s depending on what else the machine runs (it ran out of 120 s once while
  // six test runs shared two cores).
}, 300_000);

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
  it('reports the municipalities, counts and demo personas', async () => {
    const codes = summary.municipalities.map((m) => m.code);
    expect(codes).toEqual(['0344', '0202']);
    const utrecht = summary.municipalities[0];
    const arnhem = summary.municipalities[1];
    // Issue 12: Utrecht also has the residents who left the benefit during Werkbeweging's year (closed case, ended
    // benefit, an outflow); the caseload is those on benefit.
    const former = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM residents r JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = '0344'
         AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = r.id AND c.status = 'active')`,
    );
    expect(former.n).toBeGreaterThan(1_500);
    expect(former.n).toBeLessThan(2_500);
    expect((utrecht?.counts.residents ?? 0) - former.n).toBeGreaterThanOrEqual(9_000);
    expect((utrecht?.counts.residents ?? 0) - former.n).toBeLessThanOrEqual(9_600);
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
                    JOIN municipalities m ON m.id = r.municipality_id WHERE m.code = $1
                      AND EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = r.id AND c.status = 'active'))
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
            ON b.resident_id = r.id WHERE b.n IS DISTINCT FROM 1 + (SELECT count(*) FROM outflows o WHERE o.resident_id = r.id AND o.returned_on IS NOT NULL)) AS benefit_not_one,
         (SELECT count(*)::int FROM outflows o WHERE o.returned_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM benefits b
            WHERE b.id = o.return_benefit_id AND b.resident_id = o.resident_id AND b.start_date = o.returned_on
              AND b.start_date > o.outflow_on AND b.start_date <= (o.outflow_on + interval '12 months')::date)) AS return_mismatch,
         (SELECT count(*)::int FROM outflows WHERE returned_on IS NOT NULL) AS returns,
         (SELECT count(*)::int FROM residents r JOIN benefits ob ON ob.resident_id = r.id AND ob.end_date IS NULL
            LEFT JOIN (SELECT resident_id, count(*) AS n FROM cases WHERE status = 'active' GROUP BY 1) c
            ON c.resident_id = r.id WHERE c.n IS DISTINCT FROM 1) AS case_not_one,
         (SELECT count(*)::int FROM residents r JOIN benefits eb ON eb.resident_id = r.id AND eb.end_date IS NOT NULL
            WHERE EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = r.id AND c.status = 'active')) AS left_but_active,
         (SELECT count(*)::int FROM cases c WHERE NOT EXISTS (SELECT 1 FROM benefits b WHERE b.resident_id = c.resident_id AND b.start_date = c.opened_on)) AS opened_not_start,
         (SELECT count(*)::int FROM (SELECT resident_id FROM cases GROUP BY 1 HAVING count(*) <> (SELECT count(*) FROM benefits b WHERE b.resident_id = cases.resident_id)) x) AS cases_not_benefits,
         (SELECT count(*)::int FROM cases c LEFT JOIN (
            SELECT case_id, count(*) AS n, max(staff_user_id::text) AS staff, max(assigned_at) AS since
            FROM contact_person_assignments WHERE ended_at IS NULL GROUP BY 1) a ON a.case_id = c.id
          WHERE c.status = 'active' AND (a.n IS DISTINCT FROM 1 OR a.staff <> c.contact_person_id::text OR a.since <> c.contact_person_since)) AS open_assignment_mismatch,
         (SELECT count(*)::int FROM cases c LEFT JOIN (SELECT resident_id, max(occurred_at) AS latest FROM contact_moments GROUP BY 1) m
            ON m.resident_id = c.resident_id WHERE c.last_contact_at IS DISTINCT FROM m.latest
            AND NOT EXISTS (SELECT 1 FROM cases later WHERE later.resident_id = c.resident_id AND later.opened_on > c.opened_on)) AS last_contact_mismatch,
         (SELECT count(*)::int FROM contact_moments WHERE occurred_at >= $1::date) AS future_moments,
         (SELECT count(*)::int FROM contact_person_assignments WHERE ended_at IS NULL AND handover_note LIKE 'Warme overdracht%') AS warm_handovers,
         (SELECT count(*)::int FROM cases WHERE status = 'active' AND (last_contact_at IS NULL OR last_contact_at < $1::date - 90)) AS over_norm,
         (SELECT count(*)::int FROM cases WHERE status = 'active' AND last_contact_at < $1::date - 365) AS over_year,
         (SELECT count(*)::int FROM residents WHERE email IS NOT NULL AND email !~ '@example\\.(org|com)$') AS bad_email`,
      [TODAY],
    );
    expect(r.benefit_not_one).toBe(0);
    expect(r.case_not_one).toBe(0);
    expect(r.left_but_active).toBe(0);
    expect(r.opened_not_start).toBe(0);
    expect(r.cases_not_benefits).toBe(0);
    // Werkbeweging's returns: a second benefit only for an outflow it undid within 12 months.
    expect(r.return_mismatch).toBe(0);
    expect(r.returns).toBeGreaterThan(20);
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
    const r = await one<{ active: number; withdrawn: number; expired: number; ending: number; persona_share: number }>(
      first,
      `WITH bt AS (SELECT p.municipality_id, p.id FROM partner_organisations p WHERE p.name = 'Buurtteam Overvecht'),
            wm AS (SELECT municipality_id, id FROM staff_users WHERE username = 'werkmatcher.overvecht')
       SELECT
         count(*) FILTER (WHERE c.withdrawn_at IS NULL AND c.valid_from <= $1::date AND (c.valid_to IS NULL OR c.valid_to >= $1::date))::int AS active,
         count(*) FILTER (WHERE c.withdrawn_at IS NOT NULL)::int AS withdrawn,
         count(*) FILTER (WHERE c.valid_to < $1::date)::int AS expired,
         count(*) FILTER (WHERE c.withdrawn_at IS NULL AND c.valid_from <= $1::date AND c.valid_to BETWEEN $1::date AND $1::date + 30)::int AS ending,
         (SELECT avg((EXISTS (SELECT 1 FROM consents k JOIN bt ON bt.id = k.partner_organisation_id WHERE k.resident_id = cs.resident_id
             AND k.withdrawn_at IS NULL AND k.valid_from <= $1::date AND (k.valid_to IS NULL OR k.valid_to >= $1::date)))::int)::float
          FROM cases cs JOIN wm ON wm.id = cs.contact_person_id) AS persona_share
       FROM consents c JOIN bt ON bt.municipality_id = c.municipality_id AND bt.id = c.partner_organisation_id`,
      [TODAY],
    );
    expect(r.active).toBeGreaterThan(200);
    expect(r.withdrawn).toBeGreaterThan(5);
    expect(r.expired).toBeGreaterThan(5);
    // Consents that end within 30 days: the buurtteam's werklijst asks to renew them.
    expect(r.ending).toBeGreaterThanOrEqual(3);
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

describe('seedDemo: casework (issue 3)', () => {
  it('gives a realistic share of residents with recent contact a plan, assessments over time and meetings', async () => {
    const r = await one<Record<string, number>>(
      first,
      `SELECT
         (SELECT avg((EXISTS (SELECT 1 FROM plans p WHERE p.resident_id = c.resident_id AND p.status = 'active'))::int)::float
            FROM cases c WHERE c.last_contact_at >= $1::date - 90) AS plan_share_recent,
         (SELECT count(*)::int FROM (SELECT resident_id FROM zrm_assessments GROUP BY 1 HAVING count(*) BETWEEN 2 AND 4) x) AS with_trend,
         (SELECT count(*)::int FROM (SELECT resident_id FROM zrm_assessments GROUP BY 1 HAVING count(*) > 4) x) AS more_than_four,
         (SELECT count(*)::int FROM zrm_assessments WHERE scored_at < $1::date - 30) AS older_than_30_days,
         (SELECT count(*)::int FROM zrm_assessments a WHERE (SELECT count(*) FROM zrm_scores s WHERE s.assessment_id = a.id) <> 13) AS not_13_domains,
         (SELECT count(*)::int FROM barriers) AS barriers,
         (SELECT count(*)::int FROM plan_goals WHERE barrier_id IS NOT NULL) AS goals_with_barrier,
         (SELECT count(*)::int FROM plan_actions WHERE owner_type = 'partnerProfessional') AS buurtteam_actions,
         (SELECT count(*)::int FROM meetings WHERE type = 'threeWay' AND status = 'held' AND report IS NOT NULL) AS held_three_way,
         (SELECT count(*)::int FROM meetings WHERE status = 'planned' AND starts_at < $1::date) AS planned_in_past,
         (SELECT count(*)::int FROM meetings WHERE status = 'held' AND starts_at >= $1::date) AS held_in_future,
         (SELECT count(*)::int FROM meetings mt WHERE mt.status = 'held' AND NOT EXISTS (SELECT 1 FROM contact_moments cm
            WHERE cm.resident_id = mt.resident_id AND cm.occurred_at = mt.starts_at)) AS held_without_contact,
         (SELECT count(*)::int FROM meeting_participants mp JOIN meetings mt ON mt.id = mp.meeting_id
            WHERE mp.kind = 'partnerProfessional' AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.resident_id = mt.resident_id
              AND k.partner_organisation_id = mp.partner_organisation_id AND k.withdrawn_at IS NULL
              AND k.valid_from <= mt.starts_at::date)) AS buurtteam_without_consent`,
      [TODAY],
    );
    expect(r.plan_share_recent).toBeGreaterThan(0.3);
    expect(r.plan_share_recent).toBeLessThan(0.7);
    expect(r.with_trend).toBeGreaterThan(100);
    expect(r.more_than_four).toBe(0);
    expect(r.older_than_30_days).toBeGreaterThan(1000);
    expect(r.not_13_domains).toBe(0);
    expect(r.barriers).toBeGreaterThan(1000);
    expect(r.goals_with_barrier).toBeGreaterThan(500);
    expect(r.buurtteam_actions).toBeGreaterThan(50);
    expect(r.held_three_way).toBeGreaterThan(50);
    expect(r.planned_in_past).toBe(0);
    expect(r.held_in_future).toBe(0);
    expect(r.held_without_contact).toBe(0);
    expect(r.buurtteam_without_consent).toBe(0);
  });

  it('writes plan_versions consistent with plans.version and the current goals and actions', async () => {
    const r = await one<Record<string, number>>(
      first,
      `SELECT
         (SELECT count(*)::int FROM plans p WHERE p.version <> (SELECT count(*) FROM plan_versions v WHERE v.plan_id = p.id)
            OR p.version <> (SELECT max(version) FROM plan_versions v WHERE v.plan_id = p.id)) AS version_mismatch,
         (SELECT count(*)::int FROM plan_versions v WHERE v.version = 1 AND v.summary NOT LIKE 'Plan gemaakt%') AS bad_first,
         (SELECT count(*)::int FROM plan_versions v WHERE jsonb_array_length(v.changes) = 0
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(v.changes) c WHERE coalesce(c->>'label', '') = '')) AS unlabelled,
         (SELECT count(*)::int FROM plan_versions a JOIN plan_versions b ON b.plan_id = a.plan_id AND b.version = a.version + 1
            WHERE b.changed_at < a.changed_at) AS out_of_order,
         (SELECT count(*)::int FROM plans p WHERE p.agreed_at_version > p.version) AS agreed_after_version,
         (SELECT count(*)::int FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version
            WHERE jsonb_array_length(v.snapshot->'actions') <> (SELECT count(*) FROM plan_actions a WHERE a.plan_id = p.id)
               OR jsonb_array_length(v.snapshot->'goals') <> (SELECT count(*) FROM plan_goals g WHERE g.plan_id = p.id)
               OR EXISTS (SELECT 1 FROM plan_actions a WHERE a.plan_id = p.id AND NOT EXISTS (
                    SELECT 1 FROM jsonb_array_elements(v.snapshot->'actions') x WHERE x->>'id' = a.id::text
                      AND x->>'status' = a.status AND x->>'dueDate' = a.due_date::text AND x->'owner'->>'type' = a.owner_type))
               OR EXISTS (SELECT 1 FROM plan_goals g WHERE g.plan_id = p.id AND NOT EXISTS (
                    SELECT 1 FROM jsonb_array_elements(v.snapshot->'goals') x WHERE x->>'id' = g.id::text
                      AND x->>'status' = g.status AND x->>'title' = g.title))) AS snapshot_mismatch,
         (SELECT count(*)::int FROM plans p WHERE p.updated_at <> (SELECT max(changed_at) FROM plan_versions v WHERE v.plan_id = p.id)) AS updated_mismatch,
         (SELECT count(*)::int FROM plans WHERE version >= 3) AS with_history`,
    );
    expect(r).toEqual({
      version_mismatch: 0,
      bad_first: 0,
      unlabelled: 0,
      out_of_order: 0,
      agreed_after_version: 0,
      snapshot_mismatch: 0,
      updated_mismatch: 0,
      with_history: expect.any(Number),
    });
    expect(r.with_history).toBeGreaterThan(500);
  });

  it('fills every section of werkmatcher.overvecht’s werklijst', async () => {
    const s = await one<{ id: string; municipality_id: string; display_name: string; contact_norm_days: number; team_ids: string[]; area_ids: string[] }>(
      first,
      `SELECT s.id, s.municipality_id, s.display_name, mu.contact_norm_days,
              array_agg(DISTINCT tm.team_id) AS team_ids, array_agg(DISTINCT ta.area_id) AS area_ids
       FROM staff_users s JOIN municipalities mu ON mu.id = s.municipality_id
       JOIN team_members tm ON tm.staff_user_id = s.id JOIN team_areas ta ON ta.team_id = tm.team_id
       WHERE s.username = 'werkmatcher.overvecht' GROUP BY s.id, s.municipality_id, s.display_name, mu.contact_norm_days`,
    );
    const principal: Principal = {
      userId: s.id,
      username: 'werkmatcher.overvecht',
      displayName: s.display_name,
      municipalityId: s.municipality_id,
      municipalityName: 'Utrecht (demo)',
      contactNormDays: s.contact_norm_days,
      roles: ['jobCoach'],
      teamIds: s.team_ids,
      areaIds: s.area_ids,
      partnerOrganisationId: null,
    };
    const now = new Date(`${TODAY}T11:00:00Z`);
    const sel = await tenantTransaction(first.db, dbScopeOf(principal), (tx) => selectWorklist(tx, principal, now));
    expect(sel).not.toBeNull();
    expect(sel!.overdueTotal).toBeGreaterThan(0);
    expect(sel!.dueTotal - sel!.overdueTotal).toBeGreaterThan(0);
    expect(sel!.overNorm.length).toBeGreaterThan(0);
    const newWithoutPlan = sel!.newWithoutPlan.map((x) => `${x.given_names} ${x.family_name}`);
    expect(newWithoutPlan).toEqual(expect.arrayContaining(['Priya Ramdin', 'Henk Wit']));
    expect(sel!.overNorm.map((x) => x.resident_id)).toContain(summary.story.residents.overNorm?.residentId);
    expect(sel!.due.map((x) => x.resident_id)).toContain(summary.story.residents.threeWay?.residentId);

    // Meetings this week and handovers are selected relative to the clock in SQL: check them against TODAY.
    const meetings = await rows<{ type: string; name: string; buurtteam: boolean }>(
      first,
      `SELECT mt.type, r.given_names || ' ' || r.family_name AS name,
              EXISTS (SELECT 1 FROM meeting_participants b JOIN staff_users bs ON bs.id = b.staff_user_id
                      WHERE b.meeting_id = mt.id AND bs.username = 'buurtteam.overvecht') AS buurtteam
       FROM meetings mt JOIN residents r ON r.id = mt.resident_id
       WHERE mt.status = 'planned' AND mt.starts_at >= $1::date + 1 AND mt.starts_at < $1::date + 7
         AND EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = mt.id AND mp.staff_user_id = $2)
       ORDER BY mt.starts_at`,
      [TODAY, s.id],
    );
    expect(meetings.length).toBeGreaterThanOrEqual(3);
    expect(meetings).toContainEqual({ type: 'threeWay', name: 'Marco Jansen', buurtteam: true });
    const handovers = await rows<{ note: string | null; name: string }>(
      first,
      `SELECT h.handover_note AS note, r.given_names || ' ' || r.family_name AS name FROM contact_person_assignments h
       JOIN residents r ON r.id = h.resident_id
       WHERE h.staff_user_id = $2 AND h.ended_at IS NULL AND h.assigned_at >= $1::date - 30 AND h.assigned_by IS DISTINCT FROM $2`,
      [TODAY, s.id],
    );
    expect(handovers.find((h) => h.name === 'Priya Ramdin')?.note).toMatch(/^Warme overdracht/);
    const unread = await one<{ n: number }>(
      first,
      `SELECT count(*)::int AS n FROM notifications WHERE staff_user_id = $1 AND read_at IS NULL`,
      [s.id],
    );
    expect(unread.n).toBeGreaterThanOrEqual(2);
  });
});

describe('seedDemo: employers and matching (issue 4)', () => {
  it('seeds employers, about 150 open vacancies in Utrecht, a quarter in school hours, and masks equal to maskOf(schedule)', async () => {
    const vacancies = await rows<{ code: string; status: string; schedule: TimeWindow[]; mask: string; hours: string; esco_code: string; isco_group: string; occupation_label: string }>(
      first,
      `SELECT m.code, v.status, v.schedule, v.schedule_mask::text AS mask, v.hours_per_week AS hours, v.esco_code, v.isco_group, v.occupation_label
       FROM vacancies v JOIN municipalities m ON m.id = v.municipality_id`,
    );
    expect(vacancies.filter((v) => v.mask !== maskOf(v.schedule))).toEqual([]);
    const open = vacancies.filter((v) => v.code === UTRECHT && v.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(130);
    expect(open.length).toBeLessThanOrEqual(200);
    expect(vacancies.some((v) => v.code === '0202' && v.status === 'open')).toBe(true);
    expect(vacancies.some((v) => v.status === 'filled')).toBe(true);
    const school = maskOf([1, 2, 3, 4, 5].map((day) => ({ day: day as 1, from: '09:00', to: '14:30' })));
    const fitsSchool = (mask: string) => [...mask].every((b, i) => b === '0' || school[i] === '1');
    const share = open.filter((v) => fitsSchool(v.mask)).length / open.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.35);
    expect(open.every((v) => Number(v.hours) >= 12 && Number(v.hours) <= 38)).toBe(true);
    const esco = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(new URL('../../data/esco/occupations-nl.json', import.meta.url), 'utf8')),
    ) as { code: string; iscoGroup: string; label: string }[];
    const byCode = new Map(esco.map((o) => [o.code, o]));
    expect(vacancies.filter((v) => byCode.get(v.esco_code)?.iscoGroup !== v.isco_group || byCode.get(v.esco_code)?.label !== v.occupation_label)).toEqual([]);
  });

  it('gives the hospital an intention agreement with realised placements within the pledge, and an anti-discrimination accord', async () => {
    const hospital = summary.story.hospital;
    expect(hospital?.name).toBe('Stadsziekenhuis Utrecht (demo)');
    const agreements = await rows<{ kind: string; pledged: number | null; realised: number; outside: number }>(
      first,
      `SELECT a.kind, a.pledged_placements AS pledged,
              (SELECT count(*)::int FROM placements p WHERE p.agreement_id = a.id AND p.start_date BETWEEN a.period_start AND a.period_end) AS realised,
              (SELECT count(*)::int FROM placements p WHERE p.agreement_id = a.id AND (p.start_date NOT BETWEEN a.period_start AND a.period_end OR p.employer_id <> a.employer_id)) AS outside
       FROM employer_agreements a WHERE a.employer_id = $1 ORDER BY a.kind`,
      [hospital?.employerId],
    );
    expect(agreements.map((a) => a.kind)).toEqual(['antiDiscrimination', 'intention']);
    const intention = agreements[1]!;
    expect(intention.pledged).toBe(40);
    expect(intention.realised).toBeGreaterThan(0);
    expect(intention.realised).toBeLessThanOrEqual(40);
    expect(intention.outside).toBe(0);
    const location = await one<{ postcode: string }>(first, `SELECT postcode FROM employer_locations WHERE employer_id = $1`, [hospital?.employerId]);
    expect(location.postcode).toBe('3584CX');
  });

  it('casts a single parent with a school-hours profile, no proposal and several fitting hospital vacancies', async () => {
    const story = summary.story.residents.singleParent;
    expect(story?.name).toBe('Naima Bakker');
    const p = await one<{ household_type: string; availability: TimeWindow[]; proposals: number; coach: string; fits: number; hospital_fits: number }>(
      first,
      `SELECT r.household_type, w.availability,
              (SELECT count(*)::int FROM match_proposals mp WHERE mp.resident_id = r.id) AS proposals,
              (SELECT s.username FROM cases c JOIN staff_users s ON s.id = c.contact_person_id WHERE c.resident_id = r.id) AS coach,
              (SELECT count(*)::int FROM vacancies v WHERE v.municipality_id = r.municipality_id AND v.status = 'open'
                 AND (v.schedule_mask & ~w.availability_mask) = repeat('0', 336)::bit(336)
                 AND v.hours_per_week BETWEEN w.hours_min AND w.hours_max AND v.isco_group = ANY (w.desired_isco_groups)
                 AND NOT v.driving_licence_required) AS fits,
              (SELECT count(*)::int FROM vacancies v WHERE v.employer_id = $2 AND v.status = 'open'
                 AND (v.schedule_mask & ~w.availability_mask) = repeat('0', 336)::bit(336)
                 AND v.hours_per_week BETWEEN w.hours_min AND w.hours_max AND v.isco_group = ANY (w.desired_isco_groups)) AS hospital_fits
       FROM residents r JOIN work_profiles w ON w.resident_id = r.id WHERE r.id = $1`,
      [story?.residentId, summary.story.hospital?.employerId],
    );
    expect(p.household_type).toBe('singleParent');
    expect(p.coach).toBe('werkmatcher.overvecht');
    expect(p.availability).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '14:30' })));
    expect(p.proposals).toBe(0);
    expect(p.hospital_fits).toBeGreaterThanOrEqual(3);
    expect(p.fits).toBeGreaterThan(p.hospital_fits);
  });

  it('seeds work profiles, proposals, placements with follow-ups and outflow, and unsuppressed fairness groups', async () => {
    const r = await one<Record<string, number>>(
      first,
      `SELECT
         (SELECT avg((EXISTS (SELECT 1 FROM work_profiles w WHERE w.resident_id = c.resident_id))::int)::float
            FROM cases c WHERE c.last_contact_at >= $1::date - 90) AS profile_share_recent,
         (SELECT count(DISTINCT status)::int FROM match_proposals) AS proposal_statuses,
         (SELECT count(*)::int FROM placements) AS placements,
         (SELECT count(*)::int FROM placements p WHERE (SELECT count(*) FROM placement_follow_ups f WHERE f.placement_id = p.id) <> 4) AS not_four_follow_ups,
         (SELECT count(*)::int FROM placement_follow_ups WHERE done_on IS NOT NULL) AS follow_ups_done,
         (SELECT count(*)::int FROM placements p JOIN cases c ON c.resident_id = p.resident_id
            WHERE c.outflow IS DISTINCT FROM p.outflow OR c.outflow_on IS DISTINCT FROM p.start_date) AS outflow_mismatch,
         (SELECT count(*)::int FROM placements p JOIN vacancies v ON v.id = p.vacancy_id WHERE v.status <> 'filled') AS vacancy_not_filled,
         (SELECT count(*)::int FROM placements p JOIN match_proposals mp ON mp.id = p.proposal_id WHERE mp.status <> 'placed') AS proposal_not_placed,
         (SELECT count(*)::int FROM fairness_group_data WHERE basis <> 'selfReported') AS not_self_reported,
         (SELECT count(*)::int FROM fairness_group_data) AS fairness_rows`,
      [TODAY],
    );
    expect(r.profile_share_recent).toBeGreaterThan(0.2);
    expect(r.profile_share_recent).toBeLessThan(0.4);
    expect(r.proposal_statuses).toBeGreaterThanOrEqual(7);
    expect(r.placements).toBeGreaterThanOrEqual(15);
    expect(r.not_four_follow_ups).toBe(0);
    expect(r.follow_ups_done).toBeGreaterThan(0);
    expect(r.outflow_mismatch).toBe(0);
    expect(r.vacancy_not_filled).toBe(0);
    expect(r.proposal_not_placed).toBe(0);
    expect(r.not_self_reported).toBe(0);
    expect(r.fairness_rows).toBeGreaterThan(500);
    // The fairness monitor counts distinct residents per stage; the main age bands need 10 or more in every cell.
    const bands = await rows<{ band: string; exposure: number; proposals: number; interviews: number; placements: number }>(
      first,
      `WITH b AS (SELECT r.id, CASE WHEN date_part('year', age($1::date, r.date_of_birth)) < 27 THEN 'under27'
                    WHEN date_part('year', age($1::date, r.date_of_birth)) < 45 THEN '27to44' ELSE '45plus' END AS band
                  FROM residents r JOIN work_profiles w ON w.resident_id = r.id JOIN municipalities m ON m.id = r.municipality_id
                  WHERE m.code = $2)
       SELECT band,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_exposures e WHERE e.resident_id = b.id AND e.shown_at >= $1::date - 365))::int AS exposure,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.resident_id = b.id AND p.proposed_at >= $1::date - 365))::int AS proposals,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM match_proposals p WHERE p.resident_id = b.id AND p.interview_committed_at >= $1::date - 365))::int AS interviews,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM placements p WHERE p.resident_id = b.id AND p.start_date >= $1::date - 365))::int AS placements
       FROM b GROUP BY band ORDER BY band`,
      [TODAY, UTRECHT],
    );
    for (const band of bands.filter((b) => b.band !== 'under27')) {
      expect(Math.min(band.exposure, band.proposals, band.interviews, band.placements), band.band).toBeGreaterThanOrEqual(10);
    }
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
    // One case per benefit: a resident who came back to benefit (Werkbeweging's returns) has two.
    const cases = await one<{ n: number; returns: number }>(first, 'SELECT (SELECT count(*)::int FROM cases) AS n, (SELECT count(*)::int FROM outflows WHERE returned_on IS NOT NULL) AS returns');
    expect(cases.n).toBe(after.n + cases.returns);
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
    // Utrecht's named demo accounts, senior.jongeren (issue 13) included.
    expect(r.personas).toBe(11);
    expect(r.overvecht / r.residents).toBeCloseTo(0.33, 2);
  }, 60_000);
});
