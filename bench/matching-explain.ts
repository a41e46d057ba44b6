import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { maskOf, type TimeWindow } from '../src/domain/schedule.ts';
import { residentScope } from '../src/modules/residents/residents.policy.ts';
import { residentCandidatesSql, type ResidentSearch } from '../src/modules/matching/matching.store.ts';
import { withCredentials, withDatabase } from '../src/platform/db/database.ts';
import { APP_ROLE } from '../src/platform/db/migrate.ts';
import type { Role } from '../src/platform/access/principal.ts';

// EXPLAIN (ANALYZE, BUFFERS) of the candidate query "residents for a vacancy", one occupation level at a time, as
// the application role with RLS on, for a vacancy of a matching benchmark database (docs/adr/0009-matching.md).
//
//   node --import tsx bench/matching-explain.ts --db samenplan_bench_matching_400000 [--vacancy <id>] [--levels upper,1,0 (or 4,3,2)]

async function main() {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, vacancy: { type: 'string' }, levels: { type: 'string' }, pg: { type: 'string' }, user: { type: 'string' } },
    strict: true,
  });
  const admin = values.pg ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const ownerUrl = withDatabase(admin, values.db ?? 'samenplan_bench_matching_400000');
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const u = (
    await owner.query(
      `SELECT s.municipality_id, s.roles, s.partner_organisation_id, coalesce(array_agg(DISTINCT ta.area_id::text) FILTER (WHERE ta.area_id IS NOT NULL), '{}') AS area_ids
       FROM staff_users s LEFT JOIN team_members tm ON tm.municipality_id = s.municipality_id AND tm.staff_user_id = s.id
       LEFT JOIN team_areas ta ON ta.municipality_id = tm.municipality_id AND ta.team_id = tm.team_id
       WHERE s.username = $1 GROUP BY s.municipality_id, s.roles, s.partner_organisation_id`,
      [values.user ?? 'werkmatcher.overvecht'],
    )
  ).rows[0];
  const m = u.municipality_id as string;
  const v = (
    await owner.query(
      `SELECT v.*, e.sector FROM vacancies v JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
       WHERE v.municipality_id = $1 AND v.status = 'open' ${values.vacancy ? 'AND v.id = $2' : ''} ORDER BY md5(v.id::text) LIMIT 1`,
      values.vacancy ? [m, values.vacancy] : [m],
    )
  ).rows[0];
  await owner.end();
  const scope = residentScope({ roles: u.roles as Role[], areaIds: u.area_ids, partnerOrganisationId: u.partner_organisation_id } as never);
  const s: ResidentSearch = {
    hoursPerWeek: Number(v.hours_per_week),
    requiredSkills: v.required_skills,
    niceToHaveSkills: v.nice_to_have_skills,
    scheduleMask: maskOf(v.schedule as TimeWindow[]),
    drivingLicenceRequired: v.driving_licence_required,
    escoCode: v.esco_code,
    iscoGroup: v.isco_group,
    contractType: v.contract_type,
    location: v.lat === null || v.lon === null ? null : { lat: v.lat, lon: v.lon },
  };
  console.log(`vacancy ${v.id}: isco ${v.isco_group}, ${v.hours_per_week} h, required ${JSON.stringify(v.required_skills)}, nice ${JSON.stringify(v.nice_to_have_skills)}`);
  const pool = new pg.Pool({ connectionString: withCredentials(ownerUrl, APP_ROLE, undefined), max: 1 });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const levels = values.levels ? values.levels.split(',').map((l) => (l === 'upper' ? 'upper' : Number(l))) : ['upper', 1, 0];
  try {
    await db.connection().execute(async (c) => {
      await c.executeQuery(CompiledQuery.raw('BEGIN'));
      await c.executeQuery(CompiledQuery.raw(`SELECT set_config('samenplan.municipality_id', '${m}', true)`));
      for (const level of levels) {
        const q = residentCandidatesSql(m, scope, s, level as 'upper').compile(db);
        const res = await c.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]));
        console.log(`\n--- level ${level} ---`);
        for (const r of res.rows) console.log(r['QUERY PLAN']);
      }
      await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
    });
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
