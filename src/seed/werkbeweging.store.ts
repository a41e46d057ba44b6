import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { jobScope, tenantTransaction } from '../platform/db/transaction.ts';
import { freezeMonth, refreshProgrammes } from '../modules/programmes/programmes.service.ts';
import { previousMonth } from '../modules/programmes/programmes.jobs.ts';
import { BASELINE_PER_YEAR, GOAL_EXTRA, PROGRAMME_NAME, type WerkbewegingRows } from './werkbeweging.generator.ts';

// Writes the demo's Werkbeweging (owner connection, like the rest of the seed), then builds its figures and freezes
// the months that are over through the programmes module's own functions, as the jobs do.

const json = (rows: unknown[]) => JSON.stringify(rows);

export async function insertWerkbeweging(db: Db, m: string, city: string, createdBy: string, rows: WerkbewegingRows, today: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`INSERT INTO residents (municipality_id, id, bsn, given_names, family_name_prefix, family_name, date_of_birth, street, house_number,
        postcode, city, area_id, household_type, education_level, is_fictitious)
      SELECT ${m}::uuid, r.id, r.bsn, r.given_names, r.family_name_prefix, r.family_name, r.date_of_birth, r.street, r.house_number, r.postcode,
        ${city}, r.area_id, r.household_type, r.education_level, true
      FROM jsonb_to_recordset(${json(rows.residents)}::jsonb) AS r(id uuid, bsn text, given_names text, family_name_prefix text, family_name text,
        date_of_birth date, street text, house_number text, postcode text, area_id uuid, household_type text, education_level text)`.execute(tx);
    await sql`INSERT INTO benefits (municipality_id, id, resident_id, start_date, end_date)
      SELECT ${m}::uuid, b.id, b.resident_id, b.start_date, b.end_date
      FROM jsonb_to_recordset(${json(rows.benefits)}::jsonb) AS b(id uuid, resident_id uuid, start_date date, end_date date)`.execute(tx);
    await sql`INSERT INTO cases (municipality_id, id, resident_id, status, opened_on, closed_on, contact_person_id, contact_person_since, last_contact_at, outflow, outflow_on)
      SELECT ${m}::uuid, c.id, c.resident_id, 'closed', c.opened_on, c.closed_on, c.contact_person_id,
        CASE WHEN c.contact_person_id IS NULL THEN NULL ELSE c.opened_on::timestamptz END,
        CASE WHEN c.contact_person_id IS NULL THEN NULL ELSE c.last_contact_at END, 'full', c.closed_on
      FROM jsonb_to_recordset(${json(rows.cases)}::jsonb) AS c(id uuid, resident_id uuid, opened_on date, closed_on date, contact_person_id uuid, last_contact_at timestamptz)`.execute(tx);
    await sql`INSERT INTO contact_moments (municipality_id, id, resident_id, staff_user_id, occurred_at, channel, summary)
      SELECT ${m}::uuid, k.id, k.resident_id, k.staff_user_id, k.occurred_at, 'inPerson', 'Uitstroom besproken: de uitkering stopt.'
      FROM jsonb_to_recordset(${json(rows.contactMoments)}::jsonb) AS k(id uuid, resident_id uuid, staff_user_id uuid, occurred_at timestamptz)`.execute(tx);
    await sql`INSERT INTO contact_person_assignments (municipality_id, id, case_id, resident_id, staff_user_id, assigned_at, ended_at)
      SELECT ${m}::uuid, a.id, a.case_id, a.resident_id, a.staff_user_id, a.assigned_at, a.ended_at
      FROM jsonb_to_recordset(${json(rows.assignments)}::jsonb) AS a(id uuid, case_id uuid, resident_id uuid, staff_user_id uuid, assigned_at timestamptz, ended_at timestamptz)`.execute(tx);
    await sql`INSERT INTO outflows (municipality_id, id, resident_id, case_id, benefit_id, reason, outflow_on, returned_on, return_benefit_id, registered_by, registered_at)
      SELECT ${m}::uuid, o.id, o.resident_id, o.case_id, o.benefit_id, o.reason, o.outflow_on, o.returned_on, o.return_benefit_id, c.contact_person_id,
        (o.outflow_on + time '16:00') AT TIME ZONE 'Europe/Amsterdam'
      FROM jsonb_to_recordset(${json(rows.outflows)}::jsonb) AS o(id uuid, resident_id uuid, case_id uuid, benefit_id uuid, reason text, outflow_on date, returned_on date, return_benefit_id uuid)
      JOIN cases c ON c.municipality_id = ${m}::uuid AND c.id = o.case_id
      WHERE c.contact_person_id IS NOT NULL
      UNION ALL
      SELECT ${m}::uuid, o.id, o.resident_id, o.case_id, o.benefit_id, o.reason, o.outflow_on, o.returned_on, o.return_benefit_id, ${createdBy}::uuid,
        (o.outflow_on + time '16:00') AT TIME ZONE 'Europe/Amsterdam'
      FROM jsonb_to_recordset(${json(rows.outflows)}::jsonb) AS o(id uuid, resident_id uuid, case_id uuid, benefit_id uuid, reason text, outflow_on date, returned_on date, return_benefit_id uuid)
      JOIN cases c ON c.municipality_id = ${m}::uuid AND c.id = o.case_id
      WHERE c.contact_person_id IS NULL`.execute(tx);
    const p = rows.programme;
    await sql`INSERT INTO programmes (municipality_id, id, name, description, period_start, period_end, baseline_per_year, goal_extra, target_age_min, target_age_max, created_by)
      VALUES (${m}, ${p.id}, ${PROGRAMME_NAME}, ${'Utrecht helpt 2.000 Utrechters extra naar werk en opleiding, bovenop de jaarlijkse uitstroom van 1.450, met 5 miljoen euro in 2,5 jaar.'},
        ${p.periodStart}::date, ${p.periodEnd}::date, ${BASELINE_PER_YEAR}, ${GOAL_EXTRA}, 18, 66, ${createdBy})`.execute(tx);
    for (const l of rows.lines) {
      await sql`INSERT INTO programme_action_lines (municipality_id, programme_id, id, kind, name, budget_cents, position)
        VALUES (${m}, ${p.id}, ${l.id}, ${l.kind}, ${l.name}, ${l.budgetCents}, ${l.position})`.execute(tx);
    }
    await sql`INSERT INTO programme_expenditures (municipality_id, id, programme_id, action_line_id, spent_on, amount_cents, description, recorded_by)
      SELECT ${m}::uuid, e.id, ${p.id}::uuid, e."lineId", e."spentOn", e."amountCents", e.description, ${createdBy}::uuid
      FROM jsonb_to_recordset(${json(rows.expenditures)}::jsonb) AS e(id uuid, "lineId" uuid, "spentOn" date, "amountCents" bigint, description text)`.execute(tx);
    // Partial work while on benefit: residents still on benefit with a part-time job, their last three months.
    await sql`INSERT INTO partial_work (municipality_id, resident_id, month, hours, earnings_cents, recorded_by)
      SELECT ${m}::uuid, s.resident_id, (date_trunc('month', ${today}::date) - make_interval(months => g))::date,
        s.hours, round(s.hours * 1368)::bigint, coalesce(s.coach, ${createdBy}::uuid)
      FROM (SELECT b.resident_id, c.contact_person_id AS coach, (32 + (abs(hashtext(b.resident_id::text)) % 60))::numeric AS hours
            FROM benefits b JOIN cases c ON c.municipality_id = b.municipality_id AND c.resident_id = b.resident_id AND c.status = 'active'
            WHERE b.municipality_id = ${m}::uuid AND b.end_date IS NULL AND b.start_date < date_trunc('month', ${today}::date) - interval '3 months'
            ORDER BY b.resident_id LIMIT 240) s
      CROSS JOIN generate_series(1, 3) g`.execute(tx);
  });
  // The figures as the refresh job builds them, and last month frozen as the snapshot job does on the 1st (one month
  // only: freezing all twelve made the demo seed ~30 s slower on the shared machine).
  await tenantTransaction(db, jobScope(m), (tx) => refreshProgrammes(tx, m, rows.programme.id, today));
  const last = previousMonth(today);
  if (last >= rows.programme.periodStart.slice(0, 7)) await tenantTransaction(db, jobScope(m), (tx) => freezeMonth(tx, m, last, today, false));
}
