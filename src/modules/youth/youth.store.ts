import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';

// The only SQL for Team Jongeren's search periods, search activities and exemptions. Scope: the werkmatcher's team
// areas (residents.policy.ts), as in every store; a consent (buurtteam) gives no access to these decisions.
// Row-level security stands behind it (migration 202612051301). Reads of residents and cases (names, date of birth,
// the contact person) are named crossings in eslint/module-tables.js.

export interface PeriodRow {
  id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  team_id: string;
  team_name: string;
  report_date: string;
  start_date: string;
  end_date: string;
  status: 'running' | 'exempted' | 'withdrawn';
  handled_early_on: string | null;
  handled_early_reason: string | null;
  handled_early_by: string | null;
  handled_early_by_name: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  created_by: string;
  created_by_name: string;
  version: number;
}

export interface ActivityRow {
  id: string;
  search_period_id: string;
  occurred_on: string;
  kind: 'jobApplication' | 'educationEnquiry' | 'jobInterview' | 'contactMoment' | 'other';
  description: string;
  recorded_by: string;
  recorded_by_name: string;
}

export interface ExemptionRow {
  id: string;
  search_period_id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  team_id: string;
  legal_basis: string;
  reason_category: 'vulnerableSituation' | 'ongoingCare' | 'statusHolder' | 'specialEducationLeaver' | 'medicallyLimited' | 'other';
  reason_text: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_on: string;
  status: 'pending' | 'confirmed' | 'rejected';
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
}

export interface CountdownRow {
  id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  area_id: string;
  area_name: string;
  end_date: string;
  start_date: string;
  exemption_pending: boolean;
  total: string;
}

export function youthStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql({ areaIds: residentScope(principal).areaIds, consentPartnerOrganisationId: null });

  async function periods(where: RawBuilder<unknown>, order: RawBuilder<unknown> = sql`sp.report_date DESC, sp.id`, limit = 500) {
    const { rows } = await sql<PeriodRow>`
      SELECT sp.id, sp.resident_id, r.given_names, r.family_name_prefix, r.family_name, sp.team_id, t.name AS team_name,
        sp.report_date, sp.start_date, sp.end_date, sp.status, sp.handled_early_on, sp.handled_early_reason, sp.handled_early_by,
        hb.display_name AS handled_early_by_name, sp.withdrawn_on, sp.withdrawn_reason, sp.created_by, cb.display_name AS created_by_name,
        sp.version
      FROM youth_search_periods sp
      JOIN residents r ON r.municipality_id = sp.municipality_id AND r.id = sp.resident_id
      JOIN teams t ON t.municipality_id = sp.municipality_id AND t.id = sp.team_id
      JOIN staff_users cb ON cb.municipality_id = sp.municipality_id AND cb.id = sp.created_by
      LEFT JOIN staff_users hb ON hb.municipality_id = sp.municipality_id AND hb.id = sp.handled_early_by
      WHERE sp.municipality_id = ${m} AND ${inScope} AND ${where}
      ORDER BY ${order}
      LIMIT ${limit}`.execute(tx);
    return rows;
  }

  async function exemptions(where: RawBuilder<unknown>, limit = 500) {
    const { rows } = await sql<ExemptionRow>`
      SELECT e.id, e.search_period_id, e.resident_id, r.given_names, r.family_name_prefix, r.family_name, e.team_id, e.legal_basis,
        e.reason_category, e.reason_text, e.decided_by, db.display_name AS decided_by_name, e.decided_on, e.status, e.reviewed_by,
        rb.display_name AS reviewed_by_name, e.reviewed_at, e.review_note
      FROM youth_exemptions e
      JOIN residents r ON r.municipality_id = e.municipality_id AND r.id = e.resident_id
      JOIN staff_users db ON db.municipality_id = e.municipality_id AND db.id = e.decided_by
      LEFT JOIN staff_users rb ON rb.municipality_id = e.municipality_id AND rb.id = e.reviewed_by
      WHERE e.municipality_id = ${m} AND ${inScope} AND ${where}
      ORDER BY e.created_at, e.id
      LIMIT ${limit}`.execute(tx);
    return rows;
  }

  return {
    /** The resident with his date of birth and area when he is in the caller's scope, else null. */
    async residentInScope(residentId: string) {
      const { rows } = await sql<{ id: string; date_of_birth: string; area_id: string }>`
        SELECT r.id, r.date_of_birth::text AS date_of_birth, r.area_id FROM residents r
        WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },

    /** The caller's team that serves the area: Team Jongeren first when he is in it. */
    async teamFor(areaId: string) {
      const { rows } = await sql<{ id: string }>`
        SELECT t.id FROM teams t
        JOIN team_areas ta ON ta.municipality_id = t.municipality_id AND ta.team_id = t.id AND ta.area_id = ${areaId}::uuid
        WHERE t.municipality_id = ${m} AND t.id = ANY(${principal.teamIds}::uuid[])
        ORDER BY (t.kind = 'youth') DESC, t.id LIMIT 1`.execute(tx);
      return rows[0]?.id ?? null;
    },

    /** Locks the resident's search periods (a second melding at the same time waits for the first). */
    async lockResident(residentId: string) {
      await sql`SELECT 1 FROM residents WHERE municipality_id = ${m} AND id = ${residentId}::uuid FOR UPDATE`.execute(tx);
    },

    /** A search period of the resident that is still running on the day (status running, not ended, not handled). */
    async runningOf(residentId: string, today: string) {
      const rows = await periods(sql`sp.resident_id = ${residentId}::uuid AND sp.status = 'running' AND sp.end_date > ${today}::date
        AND (sp.handled_early_on IS NULL OR sp.handled_early_on > ${today}::date)`);
      return rows[0] ?? null;
    },

    async sameReportDate(residentId: string, reportDate: string) {
      const { rows } = await sql`SELECT 1 FROM youth_search_periods WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid
        AND report_date = ${reportDate}::date`.execute(tx);
      return rows.length > 0;
    },

    async insertPeriod(v: { id: string; residentId: string; teamId: string; reportDate: string; startDate: string; endDate: string }) {
      await sql`INSERT INTO youth_search_periods (municipality_id, id, resident_id, team_id, report_date, start_date, end_date, created_by)
        VALUES (${m}, ${v.id}, ${v.residentId}, ${v.teamId}, ${v.reportDate}::date, ${v.startDate}::date, ${v.endDate}::date, ${principal.userId})`.execute(tx);
    },

    async period(id: string, lock = false) {
      const rows = await periods(sql`sp.id = ${id}::uuid`);
      if (lock && rows[0]) await sql`SELECT 1 FROM youth_search_periods WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },

    async periodsOfResident(residentId: string) {
      return periods(sql`sp.resident_id = ${residentId}::uuid`);
    },

    /** Search periods in scope; running: only those still running today, the soonest end first. */
    async list(opts: { running: boolean; mine: boolean; today: string; limit: number }) {
      const running = opts.running
        ? sql`sp.status = 'running' AND sp.end_date > ${opts.today}::date AND (sp.handled_early_on IS NULL OR sp.handled_early_on > ${opts.today}::date)`
        : sql`true`;
      const mine = opts.mine
        ? sql`EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = sp.municipality_id AND c.resident_id = sp.resident_id
            AND c.status = 'active' AND c.contact_person_id = ${principal.userId}::uuid)`
        : sql`true`;
      return periods(sql`${running} AND ${mine}`, opts.running ? sql`sp.end_date, sp.id` : sql`sp.report_date DESC, sp.id`, opts.limit);
    },

    async activities(periodIds: string[]) {
      if (periodIds.length === 0) return [];
      const { rows } = await sql<ActivityRow>`
        SELECT a.id, a.search_period_id, a.occurred_on, a.kind, a.description, a.recorded_by, s.display_name AS recorded_by_name
        FROM youth_search_activities a
        JOIN staff_users s ON s.municipality_id = a.municipality_id AND s.id = a.recorded_by
        WHERE a.municipality_id = ${m} AND a.search_period_id = ANY(${periodIds}::uuid[])
        ORDER BY a.occurred_on, a.recorded_at, a.id`.execute(tx);
      return rows;
    },

    async insertActivity(v: { id: string; periodId: string; residentId: string; occurredOn: string; kind: string; description: string }) {
      await sql`INSERT INTO youth_search_activities (municipality_id, id, search_period_id, resident_id, occurred_on, kind, description, recorded_by)
        VALUES (${m}, ${v.id}, ${v.periodId}, ${v.residentId}, ${v.occurredOn}::date, ${v.kind}, ${v.description}, ${principal.userId})`.execute(tx);
    },

    async handleEarly(periodId: string, on: string, reason: string) {
      await sql`UPDATE youth_search_periods SET handled_early_on = ${on}::date, handled_early_reason = ${reason},
          handled_early_by = ${principal.userId}, version = version + 1
        WHERE municipality_id = ${m} AND id = ${periodId}::uuid`.execute(tx);
    },

    async withdraw(periodId: string, on: string, reason: string) {
      await sql`UPDATE youth_search_periods SET status = 'withdrawn', withdrawn_on = ${on}::date, withdrawn_reason = ${reason}, version = version + 1
        WHERE municipality_id = ${m} AND id = ${periodId}::uuid`.execute(tx);
    },

    async markExempted(periodId: string) {
      await sql`UPDATE youth_search_periods SET status = 'exempted', version = version + 1
        WHERE municipality_id = ${m} AND id = ${periodId}::uuid AND status = 'running'`.execute(tx);
    },

    async exemptionsOfPeriods(periodIds: string[]) {
      if (periodIds.length === 0) return [];
      return exemptions(sql`e.search_period_id = ANY(${periodIds}::uuid[])`);
    },

    async exemption(id: string, lock = false) {
      const rows = await exemptions(sql`e.id = ${id}::uuid`);
      if (lock && rows[0]) await sql`SELECT 1 FROM youth_exemptions WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },

    async exemptionsByStatus(status: string, limit: number) {
      return exemptions(sql`e.status = ${status}`, limit);
    },

    async openExemption(periodId: string) {
      const { rows } = await sql<{ id: string; status: string }>`SELECT id, status FROM youth_exemptions
        WHERE municipality_id = ${m} AND search_period_id = ${periodId}::uuid AND status IN ('pending', 'confirmed')`.execute(tx);
      return rows[0] ?? null;
    },

    async insertExemption(v: { id: string; periodId: string; residentId: string; teamId: string; legalBasis: string; reasonCategory: string; reasonText: string | null; decidedOn: string }) {
      await sql`INSERT INTO youth_exemptions (municipality_id, id, search_period_id, resident_id, team_id, legal_basis, reason_category,
          reason_text, decided_by, decided_on)
        VALUES (${m}, ${v.id}, ${v.periodId}, ${v.residentId}, ${v.teamId}, ${v.legalBasis}, ${v.reasonCategory}, ${v.reasonText},
          ${principal.userId}, ${v.decidedOn}::date)`.execute(tx);
    },

    async reviewExemption(id: string, status: 'confirmed' | 'rejected', note: string | null) {
      await sql`UPDATE youth_exemptions SET status = ${status}, reviewed_by = ${principal.userId}, reviewed_at = now(), review_note = ${note}
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND status = 'pending'`.execute(tx);
    },

    /**
     * The werklijst's countdowns: search periods running today of residents the caller is the contact person of,
     * the soonest end first, with the total. Starts from the caller's active cases (cases_contact_person_idx).
     */
    async countdowns(today: string, limit: number) {
      const { rows } = await sql<CountdownRow>`
        SELECT sp.id, sp.resident_id, r.given_names, r.family_name_prefix, r.family_name, r.area_id, a.name AS area_name,
          sp.end_date, sp.start_date,
          EXISTS (SELECT 1 FROM youth_exemptions e WHERE e.municipality_id = sp.municipality_id AND e.search_period_id = sp.id
            AND e.status = 'pending') AS exemption_pending,
          count(*) OVER () AS total
        FROM cases c
        JOIN youth_search_periods sp ON sp.municipality_id = c.municipality_id AND sp.resident_id = c.resident_id
        JOIN residents r ON r.municipality_id = c.municipality_id AND r.id = c.resident_id
        JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        WHERE c.municipality_id = ${m} AND c.contact_person_id = ${principal.userId}::uuid AND c.status = 'active'
          AND sp.status = 'running' AND sp.end_date > ${today}::date
          AND (sp.handled_early_on IS NULL OR sp.handled_early_on > ${today}::date) AND ${inScope}
        ORDER BY sp.end_date, sp.id
        LIMIT ${limit}`.execute(tx);
      return rows;
    },

    /** The exemption counts per team and month (SECURITY DEFINER function: counts only). */
    async exemptionCounts(from: string, to: string) {
      const { rows } = await sql<{ team_id: string; team_name: string; month: string; periods: string; exempted: string; pending: string }>`
        SELECT * FROM youth_exemption_counts(${from}::date, ${to}::date) ORDER BY team_name, month`.execute(tx);
      return rows.map((r) => ({ teamId: r.team_id, teamName: r.team_name, month: r.month, periods: Number(r.periods), exempted: Number(r.exempted), pending: Number(r.pending) }));
    },
  };
}

/**
 * For the reminder job (the municipality's system scope): claims the running periods ending by `lastDay` that were
 * not reminded yet (SECURITY DEFINER function: ids, end dates and whom to remind, no resident data).
 */
export async function claimReminders(tx: Tx, today: string, lastDay: string) {
  const { rows } = await sql<{ period_id: string; end_date: string; staff_user_id: string }>`
    SELECT period_id, end_date::text AS end_date, staff_user_id FROM youth_claim_search_period_reminders(${today}::date, ${lastDay}::date)`.execute(tx);
  return rows;
}
