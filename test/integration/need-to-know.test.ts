import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbScopeOf } from '../../src/platform/access/scope.ts';
import { resolveSession } from '../../src/platform/auth/sessions.ts';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { applyScope, tenantTransaction, type DbScope } from '../../src/platform/db/transaction.ts';
import { ApiClient, loginAs } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * Need-to-know in the database (ADR 0011): as the application role, with each persona's settings, a bare SELECT on
 * every table that holds a resident's data or hangs off one — found in the catalog, so a new table without a
 * declared scope fails here — returns only rows of residents in that persona's scope, and all of them.
 */

type Way = 'area' | 'partner' | 'revealed' | 'candidate' | 'own';

/** The ways a resident can be in scope, per table: the specification the policies implement. */
const WAYS: Record<string, Way[]> = {
  residents: ['area', 'own', 'partner', 'revealed'],
  cases: ['area', 'own', 'partner', 'revealed'],
  benefits: ['area', 'own'],
  consents: ['area', 'own', 'partner'],
  contact_moments: ['area', 'own'],
  contact_person_assignments: ['area', 'own'],
  zrm_assessments: ['area', 'own', 'partner'],
  zrm_scores: ['area', 'own', 'partner'],
  barriers: ['area', 'own', 'partner'],
  plans: ['area', 'own', 'partner'],
  plan_goals: ['area', 'own', 'partner'],
  plan_actions: ['area', 'own', 'partner'],
  plan_versions: ['area', 'own', 'partner'],
  meetings: ['area', 'own', 'partner'],
  meeting_participants: ['area', 'own', 'partner'],
  work_profiles: ['area', 'own', 'candidate'],
  match_proposals: ['area', 'own', 'candidate'],
  match_exposures: ['area', 'own'],
  placements: ['area', 'own', 'revealed'],
  placement_follow_ups: ['area', 'own', 'revealed'],
  fairness_group_data: ['area', 'own'],
  catch_up_campaign_residents: ['area', 'own'],
  study_participants: ['area', 'own'],
  youth_search_periods: ['area', 'own'],
  youth_search_activities: ['area', 'own'],
  youth_exemptions: ['area', 'own'],
  youth_referrals: ['area', 'own'],
  youth_provisions: ['area', 'own'],
  youth_case_review_items: ['area', 'own'],
  // Issue 12: outflow and partial work, the area team and the resident himself.
  outflows: ['area', 'own'],
  partial_work: ['area', 'own'],
  // Issue 11: the conversation with the contact person, the area team and the resident himself (never the buurtteam).
  resident_messages: ['area', 'own'],
};

const PERSONAS = [
  'werkmatcher.overvecht',
  'werkmatcher.zuilen',
  'teamleider.overvecht',
  'buurtteam.overvecht',
  'werkgeversadviseur',
  'beleid',
  'onderzoeker',
  'beheerder',
  'privacy',
  'werkmatcher.arnhem',
  'werkmatcher.jongeren',
  'senior.jongeren',
] as const;

/** Mijn Samenplan (issue 11): residents in their own portal see their own rows, all of them, and nothing else. */
const RESIDENT_PERSONAS = ['inwoner.naima', 'inwoner.marco'] as const;

let server: TestServer;
let appDb: Db;
let owner: pg.Pool;
const scopes = new Map<string, DbScope>();
/** table → the SQL (as owner) that gives every row's ctid and the resident it belongs to. */
const residentOf = new Map<string, string>();

async function ownerRows<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  return (await owner.query<T>(text, values)).rows;
}

/** Tables with a resident_id (and residents itself), then those that reach one through a foreign key. */
async function residentBearingTables(): Promise<Map<string, string>> {
  const withColumn = await ownerRows<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = 'public' AND c.column_name = 'resident_id' AND t.table_type = 'BASE TABLE'
       -- A table the application role cannot read at all (sessions: only through SECURITY DEFINER functions) needs no policy.
       AND has_table_privilege('samenplan_app', format('%I.%I', c.table_schema, c.table_name), 'SELECT') ORDER BY 1`,
  );
  const out = new Map<string, string>([['residents', 'SELECT ctid::text AS row, id AS resident_id FROM residents']]);
  for (const { table_name: t } of withColumn) out.set(t, `SELECT ctid::text AS row, resident_id FROM ${t}`);
  const fks = await ownerRows<{ child: string; parent: string; child_cols: string[]; parent_cols: string[]; required: boolean }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
       array_agg(a.attname::text ORDER BY k.ord) AS child_cols, array_agg(af.attname::text ORDER BY k.ord) AS parent_cols,
       bool_and(a.attnotnull) AS required
     FROM pg_constraint c CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, fk, ord)
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.ck
     JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.fk
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
     GROUP BY c.oid, c.conrelid, c.confrelid ORDER BY 1, 2`,
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const fk of fks) {
      // A row hangs off the parent it must have (an optional reference, such as a goal's barrier, does not count).
      if (out.has(fk.child) || !out.has(fk.parent) || fk.parent === 'residents' || !fk.required) continue;
      const on = fk.child_cols.map((c, i) => `x.${c} = p.${fk.parent_cols[i]}`).join(' AND ');
      const parentResident = fk.parent === 'residents' ? 'p.id' : 'p.resident_id';
      out.set(fk.child, `SELECT x.ctid::text AS row, ${parentResident} AS resident_id FROM ${fk.child} x JOIN ${fk.parent} p ON ${on}`);
      changed = true;
    }
  }
  return out;
}

/** The residents a persona may see in a table, computed from the rules (as owner), not from the policies. */
async function expectedResidents(scope: DbScope, table: string): Promise<Set<string>> {
  const ways = WAYS[table]!;
  const parts: string[] = [];
  const values: unknown[] = [scope.municipalityId];
  if (ways.includes('area') && scope.areaIds.length > 0) {
    values.push(scope.areaIds);
    parts.push(`SELECT id FROM residents WHERE municipality_id = $1 AND area_id = ANY($${values.length}::uuid[])`);
  }
  if (ways.includes('partner') && scope.partnerOrganisationId) {
    values.push(scope.partnerOrganisationId);
    parts.push(`SELECT resident_id FROM consents WHERE municipality_id = $1 AND partner_organisation_id = $${values.length}
      AND withdrawn_at IS NULL AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)`);
  }
  if (ways.includes('own') && scope.residentId) {
    values.push(scope.residentId);
    parts.push(`SELECT id FROM residents WHERE municipality_id = $1 AND id = $${values.length}::uuid`);
  }
  if (ways.includes('revealed') && scope.candidates) {
    parts.push(`SELECT resident_id FROM match_proposals WHERE municipality_id = $1 AND revealed_at IS NOT NULL`);
  }
  if (ways.includes('candidate') && scope.candidates) {
    parts.push(`SELECT resident_id FROM match_proposals WHERE municipality_id = $1
      AND status IN ('residentAgreed', 'presented', 'interviewAgreed', 'revealed', 'placed', 'rejected')`);
  }
  if (parts.length === 0) return new Set();
  const rows = await ownerRows<{ id: string }>(`SELECT DISTINCT x.id FROM (${parts.join(' UNION ')}) AS x(id)`, values);
  return new Set(rows.map((r) => r.id));
}

/** What the application role sees of a table with this scope: the rows' ctids. */
async function visibleRows(scope: DbScope, table: string): Promise<string[]> {
  return tenantTransaction(appDb, scope, async (tx) => {
    const { rows } = await sql<{ row: string }>`SELECT ctid::text AS row FROM ${sql.table(table)}`.execute(tx);
    return rows.map((r) => r.row);
  });
}

beforeAll(async () => {
  server = await startTestServer({ template: 'demo' });
  appDb = createDb(createPool(server.db.appUrl, { max: 4 }));
  owner = new pg.Pool({ connectionString: server.db.ownerUrl, max: 2 });
  // A backend ended by DROP DATABASE … WITH (FORCE) while the pool closes must not be an unhandled error.
  owner.on('error', () => undefined);
  for (const username of PERSONAS) {
    const client = await loginAs(server.baseUrl, username);
    const resolved = await resolveSession(appDb, client.sessionToken()!, 30);
    scopes.set(username, dbScopeOf(resolved!.principal));
  }
  for (const username of RESIDENT_PERSONAS) {
    const client = new ApiClient(server.baseUrl);
    expect((await client.post('/api/v1/portal/session/demo', { username })).status).toBe(201);
    const resolved = await resolveSession(appDb, client.sessionToken()!, 30, 15);
    expect(resolved!.principal.residentId).toBeTruthy();
    scopes.set(username, dbScopeOf(resolved!.principal));
  }
  for (const [t, q] of await residentBearingTables()) residentOf.set(t, q);
  // Proof that this test can fail: NEED_TO_KNOW_DROP_POLICY=plans drops that table's policy first (see ADR 0011).
  const drop = process.env.NEED_TO_KNOW_DROP_POLICY;
  if (drop) await owner.query(`DROP POLICY need_to_know ON ${pg.escapeIdentifier(drop)}`);
  // A catch-up campaign of Team Overvecht, so that its residents table has rows to test on.
  await owner.query(`WITH t AS (SELECT t.municipality_id, t.id FROM teams t WHERE t.name LIKE '%Overvecht%' LIMIT 1),
      c AS (INSERT INTO catch_up_campaigns (municipality_id, id, team_id, name, criteria, created_by)
        SELECT t.municipality_id, gen_random_uuid(), t.id, 'Inhaalslag (test)', '{"minMonthsOnBenefit": 24, "minMonthsWithoutContact": 6}',
          (SELECT s.id FROM staff_users s WHERE s.username = 'teamleider.overvecht') FROM t RETURNING municipality_id, id)
    INSERT INTO catch_up_campaign_residents (municipality_id, campaign_id, resident_id, assigned_to)
    SELECT c.municipality_id, c.id, r.id, (SELECT s.id FROM staff_users s WHERE s.username = 'werkmatcher.overvecht')
    FROM c CROSS JOIN LATERAL (SELECT id FROM residents r WHERE r.municipality_id = c.municipality_id ORDER BY id LIMIT 40) r`);
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await appDb?.destroy();
  await server?.close();
});

describe('need-to-know enforced by PostgreSQL for the application role', () => {
  it('every resident-bearing table in the catalog has its scope declared here, and rows to test it on', async () => {
    expect([...residentOf.keys()].sort()).toEqual(Object.keys(WAYS).sort());
    const empty: string[] = [];
    for (const [t, q] of residentOf) if ((await ownerRows(`SELECT count(*)::int AS n FROM (${q}) s`))[0]!.n === 0) empty.push(t);
    // The demo has rows in each, so that the checks below see real data (follow-ups, exposures, group data included).
    expect(empty).toEqual([]);
  });

  for (const persona of [...PERSONAS, ...RESIDENT_PERSONAS]) {
    it(`${persona}: a bare SELECT on every table returns exactly the rows of residents in scope`, async () => {
      const scope = scopes.get(persona)!;
      const report: string[] = [];
      for (const [table, q] of residentOf) {
        const allowed = await expectedResidents(scope, table);
        const owners = new Map((await ownerRows<{ row: string; resident_id: string }>(q)).map((r) => [r.row, r.resident_id]));
        const seen = await visibleRows(scope, table);
        const outside = seen.filter((row) => !allowed.has(owners.get(row)!));
        if (outside.length > 0) report.push(`${table}: ${outside.length} row(s) outside the scope`);
        // Area teams see every row of their residents; the special ways (consent, candidates) may narrow further.
        if (scope.areaIds.length > 0 || scope.residentId) {
          const all = [...owners.values()].filter((rid) => allowed.has(rid)).length;
          if (seen.length !== all) report.push(`${table}: ${seen.length} rows seen, ${all} expected`);
        }
      }
      expect(report).toEqual([]);
    });
  }

  it('roles without individual records see no row at all, not an error', async () => {
    for (const persona of ['beleid', 'onderzoeker', 'beheerder', 'privacy'] as const) {
      for (const table of residentOf.keys()) expect(await visibleRows(scopes.get(persona)!, table), `${persona} ${table}`).toEqual([]);
    }
  });

  it('werkmatcher.zuilen sees no row of an Overvecht resident, in any table', async () => {
    const overvecht = await ownerRows<{ id: string }>(
      `SELECT r.id FROM residents r JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id WHERE a.name = 'Overvecht'`,
    );
    expect(overvecht.length).toBeGreaterThan(1000);
    const ov = new Set(overvecht.map((r) => r.id));
    for (const [table, q] of residentOf) {
      const owners = new Map((await ownerRows<{ row: string; resident_id: string }>(q)).map((r) => [r.row, r.resident_id]));
      const leaked = (await visibleRows(scopes.get('werkmatcher.zuilen')!, table)).filter((row) => ov.has(owners.get(row)!));
      expect(leaked, table).toEqual([]);
    }
  });

  it('the buurtteam loses every row of a resident the moment the consent is withdrawn, in the same transaction', async () => {
    const partner = scopes.get('buurtteam.overvecht')!;
    const coach = scopes.get('werkmatcher.overvecht')!;
    const [consent] = await ownerRows<{ id: string; resident_id: string }>(
      `SELECT k.id, k.resident_id FROM consents k JOIN plans p ON p.municipality_id = k.municipality_id AND p.resident_id = k.resident_id
       JOIN residents r ON r.municipality_id = k.municipality_id AND r.id = k.resident_id
       WHERE k.partner_organisation_id = $1 AND k.withdrawn_at IS NULL AND k.valid_from <= current_date
         AND (k.valid_to IS NULL OR k.valid_to >= current_date) AND r.area_id = ANY($2::uuid[]) LIMIT 1`,
      [partner.partnerOrganisationId, coach.areaIds],
    );
    expect(consent).toBeDefined();
    const countFor = async (tx: Parameters<Parameters<typeof tenantTransaction>[2]>[0]) => {
      let n = 0;
      for (const table of ['residents', 'plans', 'plan_actions', 'barriers', 'zrm_assessments', 'cases']) {
        const q = residentOf.get(table)!.replace('SELECT ctid::text AS row, ', 'SELECT ').replace('SELECT x.ctid::text AS row, ', 'SELECT ');
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${sql.raw(q)}) s WHERE s.resident_id = ${consent!.resident_id}`.execute(tx);
        n += rows[0]!.n;
      }
      return n;
    };
    await expect(
      tenantTransaction(appDb, partner, async (tx) => {
        const before = await countFor(tx);
        // The werkmatcher withdraws it (her scope), and in the same transaction the buurtteam looks again.
        await applyScope(tx, coach);
        await sql`UPDATE consents SET withdrawn_at = now() WHERE id = ${consent!.id}`.execute(tx);
        await applyScope(tx, partner);
        const after = await countFor(tx);
        throw Object.assign(new Error('rollback'), { before, after });
      }),
    ).rejects.toMatchObject({ before: expect.any(Number), after: 0 });
    const seenBefore = await tenantTransaction(appDb, partner, (tx) => countFor(tx));
    expect(seenBefore).toBeGreaterThan(2);
  });

  it('a resident who moves to another wijk takes every row of his along, in the same transaction', async () => {
    const ovCoach = scopes.get('werkmatcher.overvecht')!;
    const zuCoach = scopes.get('werkmatcher.zuilen')!;
    const [r] = await ownerRows<{ id: string }>(
      `SELECT r.id FROM residents r WHERE r.area_id = ANY($1::uuid[])
         AND EXISTS (SELECT 1 FROM plans p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id)
         AND EXISTS (SELECT 1 FROM contact_moments m WHERE m.municipality_id = r.municipality_id AND m.resident_id = r.id)
         AND EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id) LIMIT 1`,
      [ovCoach.areaIds],
    );
    expect(r).toBeDefined();
    const tables = ['cases', 'benefits', 'contact_moments', 'plans', 'plan_actions', 'meetings', 'zrm_assessments', 'work_profiles'];
    const countFor = async (tx: Parameters<Parameters<typeof tenantTransaction>[2]>[0]) => {
      const out: Record<string, number> = {};
      for (const table of tables) {
        const q = residentOf.get(table)!.replace('SELECT ctid::text AS row, ', 'SELECT ').replace('SELECT x.ctid::text AS row, ', 'SELECT ');
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${sql.raw(q)}) s WHERE s.resident_id = ${r!.id}`.execute(tx);
        out[table] = rows[0]!.n;
      }
      return out;
    };
    const seen = await tenantTransaction(appDb, ovCoach, (tx) => countFor(tx));
    expect(seen.cases! + seen.plans! + seen.contact_moments!).toBeGreaterThan(2);
    const zeros = Object.fromEntries(tables.map((t) => [t, 0]));
    await expect(
      tenantTransaction(appDb, { ...ovCoach, areaIds: [...ovCoach.areaIds, ...zuCoach.areaIds] }, async (tx) => {
        // The move is recorded (by someone whose scope holds both wijken); the rows follow at once: the Overvecht
        // werkmatcher sees none of them, Noordwest sees them all.
        await sql`UPDATE residents SET area_id = ${zuCoach.areaIds[0]!}::uuid WHERE id = ${r!.id}`.execute(tx);
        await applyScope(tx, ovCoach);
        const hers = await countFor(tx);
        await applyScope(tx, zuCoach);
        const theirs = await countFor(tx);
        throw Object.assign(new Error('rollback'), { hers, theirs });
      }),
    ).rejects.toMatchObject({ hers: zeros, theirs: seen });
  });

  it('the copy of the wijk on a row cannot be written by the application: the trigger sets it from the resident', async () => {
    const coach = scopes.get('werkmatcher.overvecht')!;
    const zuilen = scopes.get('werkmatcher.zuilen')!;
    const [m] = await ownerRows<{ id: string; scope_area_id: string }>(
      `SELECT m.id, m.scope_area_id FROM contact_moments m WHERE m.scope_area_id = ANY($1::uuid[]) LIMIT 1`,
      [coach.areaIds],
    );
    await tenantTransaction(appDb, coach, (tx) =>
      sql`UPDATE contact_moments SET scope_area_id = ${zuilen.areaIds[0]!}::uuid WHERE id = ${m!.id}`.execute(tx),
    );
    const [after] = await ownerRows<{ scope_area_id: string }>(`SELECT scope_area_id FROM contact_moments WHERE id = $1`, [m!.id]);
    expect(after!.scope_area_id).toBe(m!.scope_area_id);
    // Every copy in every table equals the resident's area.
    const tables = await ownerRows<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'scope_area_id'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(15);
    for (const { table_name: t } of tables) {
      const [bad] = await ownerRows<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t} x JOIN residents r ON r.municipality_id = x.municipality_id AND r.id = x.resident_id
         WHERE x.scope_area_id IS DISTINCT FROM r.area_id`,
      );
      expect(bad!.n, t).toBe(0);
    }
  });

  it('a store cannot write outside the scope either: the row is refused by the database', async () => {
    const zuilen = scopes.get('werkmatcher.zuilen')!;
    const [ov] = await ownerRows<{ id: string }>(
      `SELECT r.id FROM residents r WHERE NOT (r.area_id = ANY($1::uuid[])) AND r.municipality_id = $2 LIMIT 1`,
      [zuilen.areaIds, zuilen.municipalityId],
    );
    const updated = await tenantTransaction(appDb, zuilen, async (tx) => {
      const r = await sql`UPDATE residents SET phone = '0600000000' WHERE id = ${ov!.id}`.execute(tx);
      return Number(r.numAffectedRows ?? 0);
    });
    expect(updated).toBe(0);
    await expect(
      tenantTransaction(appDb, zuilen, (tx) =>
        sql`INSERT INTO contact_moments (municipality_id, id, resident_id, staff_user_id, occurred_at, channel)
          VALUES (${zuilen.municipalityId}, gen_random_uuid(), ${ov!.id}, ${zuilen.userId}, now(), 'phone')`.execute(tx),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
