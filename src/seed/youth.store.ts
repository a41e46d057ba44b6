import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { seedUuid } from './ids.ts';
import type { YouthSeedRows } from './youth.generator.ts';

// The demo's Team Jongeren (youth.generator.ts): who is there to seed, and the rows, with the owner connection like
// the rest of the seed.

export interface YouthTeamFacts {
  municipalityId: string;
  teamId: string;
  /** Active werkmatchers of Team Jongeren: [id, username, is senior]. */
  coaches: { id: string; username: string; senior: boolean }[];
  /** Young people guided by Team Jongeren (contact person in the team), by id. */
  residents: { id: string; dateOfBirth: string; contactPersonId: string }[];
}

export async function youthTeams(db: Db): Promise<YouthTeamFacts[]> {
  const { rows: teams } = await sql<{ municipality_id: string; id: string }>`
    SELECT municipality_id, id FROM teams WHERE kind = 'youth' ORDER BY municipality_id, id`.execute(db);
  const out: YouthTeamFacts[] = [];
  for (const t of teams) {
    const { rows: coaches } = await sql<{ id: string; username: string; senior: boolean }>`
      SELECT s.id, s.username, 'seniorJobCoach' = ANY (s.roles) AS senior FROM team_members tm
      JOIN staff_users s ON s.municipality_id = tm.municipality_id AND s.id = tm.staff_user_id
      WHERE tm.municipality_id = ${t.municipality_id} AND tm.team_id = ${t.id} AND s.active AND 'jobCoach' = ANY (s.roles)
      ORDER BY s.username`.execute(db);
    const { rows: residents } = await sql<{ id: string; date_of_birth: string; contact_person_id: string }>`
      SELECT r.id, r.date_of_birth::text AS date_of_birth, c.contact_person_id FROM cases c
      JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
      WHERE c.municipality_id = ${t.municipality_id} AND c.status = 'active'
        AND c.contact_person_id = ANY (${coaches.map((c) => c.id)}::uuid[])
      ORDER BY r.id`.execute(db);
    out.push({
      municipalityId: t.municipality_id,
      teamId: t.id,
      coaches,
      residents: residents.map((r) => ({ id: r.id, dateOfBirth: r.date_of_birth, contactPersonId: r.contact_person_id })),
    });
  }
  return out;
}

export async function insertYouthRows(db: Db, rows: YouthSeedRows): Promise<void> {
  // The many rows in one statement each (unnest), the few below one by one.
  const P = rows.periods;
  if (P.length > 0) {
    const col = <K extends keyof (typeof P)[number]>(k: K) => P.map((p) => p[k]);
    await sql`INSERT INTO youth_search_periods (municipality_id, id, resident_id, team_id, report_date, start_date, end_date, status,
        handled_early_on, handled_early_reason, handled_early_by, withdrawn_on, withdrawn_reason, reminded_at, created_by, created_at)
      SELECT * FROM unnest(${col('municipality_id')}::uuid[], ${col('id')}::uuid[], ${col('resident_id')}::uuid[], ${col('team_id')}::uuid[],
        ${col('report_date')}::date[], ${col('start_date')}::date[], ${col('end_date')}::date[], ${col('status')}::text[],
        ${col('handled_early_on')}::date[], ${col('handled_early_reason')}::text[], ${col('handled_early_by')}::uuid[], ${col('withdrawn_on')}::date[],
        ${col('withdrawn_reason')}::text[], ${P.map((p) => p.reminded_at?.toISOString() ?? null)}::timestamptz[], ${col('created_by')}::uuid[],
        ${P.map((p) => p.created_at.toISOString())}::timestamptz[])`.execute(db);
  }
  const A = rows.activities;
  if (A.length > 0) {
    const col = <K extends keyof (typeof A)[number]>(k: K) => A.map((a) => a[k]);
    await sql`INSERT INTO youth_search_activities (municipality_id, id, search_period_id, resident_id, occurred_on, kind, description, recorded_by, recorded_at)
      SELECT * FROM unnest(${col('municipality_id')}::uuid[], ${col('id')}::uuid[], ${col('search_period_id')}::uuid[], ${col('resident_id')}::uuid[],
        ${col('occurred_on')}::date[], ${col('kind')}::text[], ${col('description')}::text[], ${col('recorded_by')}::uuid[],
        ${A.map((a) => a.recorded_at.toISOString())}::timestamptz[])`.execute(db);
  }
  // The intakes first (a referral names its meeting): youthIntake meetings with the young person and the werkmatcher.
  for (const i of rows.intakes) {
    await sql`INSERT INTO meetings (municipality_id, id, resident_id, type, starts_at, ends_at, mode, location, agenda, status, agreed_actions, organiser_id,
        created_at, updated_by, updated_at)
      VALUES (${i.municipality_id}, ${i.id}, ${i.resident_id}, 'youthIntake', ${i.starts_at}, ${i.ends_at}, 'inPerson', ${i.location}, ${i.agenda}, 'planned',
        '[]'::jsonb, ${i.organiser_id}, ${i.created_at}, ${i.organiser_id}, ${i.created_at})`.execute(db);
    await sql`INSERT INTO meeting_participants (municipality_id, meeting_id, id, kind, staff_user_id, partner_organisation_id, attended)
      VALUES (${i.municipality_id}, ${i.id}, ${seedUuid('youth-intake-participant', i.id, 'resident')}, 'resident', NULL, NULL, NULL),
             (${i.municipality_id}, ${i.id}, ${seedUuid('youth-intake-participant', i.id, 'staff')}, 'staff', ${i.organiser_id}, NULL, NULL)`.execute(db);
  }
  for (const f of rows.referrals) {
    await sql`INSERT INTO youth_referrals (municipality_id, id, resident_id, partner_kind, organisation_name, professional_name, professional_email,
        context_summary, consent_on, urgency, received_on, created_by, created_at, status, intake_meeting_id)
      VALUES (${f.municipality_id}, ${f.id}, ${f.resident_id}, ${f.partner_kind}, ${f.organisation_name}, ${f.professional_name}, ${f.professional_email},
        ${f.context_summary}, ${f.consent_on}::date, ${f.urgency}, ${f.received_on}::date, ${f.created_by}, ${f.created_at}, ${f.status ?? 'received'},
        ${f.intake_meeting_id ?? null})`.execute(db);
  }
  const money = rows.money;
  if (money.settings) {
    await sql`INSERT INTO youth_provision_settings (municipality_id, approval_threshold_cents)
      VALUES (${money.settings.municipality_id}, ${money.settings.approval_threshold_cents}) ON CONFLICT DO NOTHING`.execute(db);
  }
  for (const b of money.budgets) {
    await sql`INSERT INTO youth_provision_budgets (municipality_id, team_id, year, budget_cents) VALUES (${b.municipality_id}, ${b.team_id}, ${b.year}, ${b.budget_cents})`.execute(db);
  }
  for (const p of money.provisions) {
    await sql`INSERT INTO youth_provisions (municipality_id, id, resident_id, team_id, year, kind, description, amount_cents, rule_room, justification, status,
        requested_by, requested_at, approved_by, approved_at, paid_on, paid_by, payment_reference)
      VALUES (${p.municipality_id}, ${p.id}, ${p.resident_id}, ${p.team_id}, ${p.year}, ${p.kind}, ${p.description}, ${p.amount_cents}, ${p.rule_room},
        ${p.justification}, ${p.status}, ${p.requested_by}, ${p.requested_at}, ${p.approved_by}, ${p.approved_at}, ${p.paid_on}::date, ${p.paid_by},
        ${p.payment_reference})`.execute(db);
  }
  for (const e of rows.exemptions) {
    await sql`INSERT INTO youth_exemptions (municipality_id, id, search_period_id, resident_id, team_id, legal_basis, reason_category, reason_text,
        decided_by, decided_on, status, reviewed_by, reviewed_at, review_note, created_at)
      VALUES (${e.municipality_id}, ${e.id}, ${e.search_period_id}, ${e.resident_id}, ${e.team_id}, ${e.legal_basis}, ${e.reason_category},
        ${e.reason_text}, ${e.decided_by}, ${e.decided_on}::date, ${e.status}, ${e.reviewed_by}, ${e.reviewed_at}, ${e.review_note}, ${e.created_at})`.execute(db);
  }
  for (const v of rows.reviews) {
    await sql`INSERT INTO youth_case_reviews (municipality_id, id, team_id, kind, held_on, created_by)
      VALUES (${v.municipality_id}, ${v.id}, ${v.team_id}, ${v.kind}, ${v.held_on}::date, ${v.created_by})`.execute(db);
  }
  for (const i of rows.reviewItems) {
    await sql`INSERT INTO youth_case_review_items (municipality_id, id, review_id, resident_id, question, participants, consent_given, status, discussion,
        decision, added_by, added_at, discussed_by, discussed_at)
      VALUES (${i.municipality_id}, ${i.id}, ${i.review_id}, ${i.resident_id}, ${i.question}, ${JSON.stringify(i.participants)}::jsonb, ${i.consent_given},
        ${i.status}, ${i.discussion}, ${i.decision}, ${i.added_by}, ${i.added_at}, ${i.discussed_by}, ${i.discussed_at})`.execute(db);
  }
}
