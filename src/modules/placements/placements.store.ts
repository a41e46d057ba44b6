import { sql, type RawBuilder } from 'kysely';
import { hasRole, type Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../worklist/worklist.store.ts';

// The only SQL for placements and follow-ups, and the placement's writes on other tables in the same transaction
// (the case's outflow, the proposal → placed). Who sees a placement, in SQL:
// - werkmatcher and teamleider: the resident is in their need-to-know scope (residents.policy.ts, area teams only);
// - werkgeversadviseur: the placement came from a proposal whose identity was revealed to him (PA-014).

export interface PlacementRow {
  id: string;
  resident_id: string;
  employer_id: string;
  employer_name: string;
  vacancy_id: string | null;
  vacancy_title: string | null;
  agreement_id: string | null;
  agreement_title: string | null;
  proposal_id: string | null;
  start_date: string;
  end_date: string | null;
  contract_type: 'permanent' | 'temporary' | 'agency';
  hours_per_week: string;
  hourly_wage: string | null;
  instrument: 'wageCostSubsidy' | 'trialPlacement' | 'jobCoaching' | 'noRiskPolicy' | null;
  outflow: 'full' | 'partial';
  status: 'active' | 'ended';
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  in_scope: boolean;
  via_reveal: boolean;
}

export interface FollowUpRow {
  placement_id: string;
  months: 1 | 3 | 6 | 12;
  due_on: string;
  done_on: string | null;
  still_employed: boolean | null;
  note: string | null;
}

export interface PlacementValues {
  id: string;
  residentId: string;
  employerId: string;
  vacancyId: string | null;
  proposalId: string | null;
  agreementId: string | null;
  startDate: string;
  contractType: string;
  hoursPerWeek: number;
  hourlyWage: number | null;
  instrument: string | null;
  outflow: string;
}

export function placementsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  // Area teams only: a consent (buurtteam) gives no access to placements. The resident himself sees his own
  // (Mijn Samenplan's data download, issue 11), as the need-to-know policy on placements already allows.
  const own = residentScope(principal);
  const inScope = scopeSql({ areaIds: own.areaIds, consentPartnerOrganisationId: null, ownResidentId: own.ownResidentId ?? null });
  const viaReveal: RawBuilder<boolean> = hasRole(principal, 'employerAdvisor')
    ? sql<boolean>`EXISTS (SELECT 1 FROM match_proposals mp WHERE mp.municipality_id = p.municipality_id AND mp.id = p.proposal_id
        AND mp.resident_id = p.resident_id AND mp.revealed_at IS NOT NULL)`
    : sql<boolean>`false`;

  async function visible(where: RawBuilder<unknown>, order: RawBuilder<unknown> = sql`p.start_date DESC, p.id`, limit = 500) {
    const { rows } = await sql<PlacementRow>`
      SELECT p.id, p.resident_id, p.employer_id, e.name AS employer_name, p.vacancy_id, v.title AS vacancy_title, p.agreement_id,
        a.title AS agreement_title, p.proposal_id, p.start_date, p.end_date, p.contract_type, p.hours_per_week::text AS hours_per_week,
        p.hourly_wage::text AS hourly_wage, p.instrument, p.outflow, p.status, r.given_names, r.family_name_prefix, r.family_name,
        ${inScope} AS in_scope, ${viaReveal} AS via_reveal
      FROM placements p
      JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
      JOIN employers e ON e.municipality_id = p.municipality_id AND e.id = p.employer_id
      LEFT JOIN vacancies v ON v.municipality_id = p.municipality_id AND v.id = p.vacancy_id
      LEFT JOIN employer_agreements a ON a.municipality_id = p.municipality_id AND a.id = p.agreement_id
      WHERE p.municipality_id = ${m} AND (${inScope} OR ${viaReveal}) AND ${where}
      ORDER BY ${order}
      LIMIT ${limit}`.execute(tx);
    return rows;
  }

  return {
    /** The resident when he is in the caller's need-to-know scope (area team), else null. */
    async residentInScope(residentId: string) {
      const { rows } = await sql<{ id: string }>`
        SELECT r.id FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },

    /** The resident's proposal, locked until commit. */
    async proposal(proposalId: string, residentId: string) {
      const { rows } = await sql<{ id: string; vacancy_id: string; status: string }>`
        SELECT id, vacancy_id, status FROM match_proposals
        WHERE municipality_id = ${m} AND id = ${proposalId}::uuid AND resident_id = ${residentId}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },

    async employerExists(employerId: string) {
      const { rows } = await sql`SELECT 1 FROM employers WHERE municipality_id = ${m} AND id = ${employerId}::uuid`.execute(tx);
      return rows.length > 0;
    },

    /** The employer's intention agreements (those with pledged placements) whose period covers the day. */
    async runningAgreements(employerId: string, day: string) {
      const { rows } = await sql<{ id: string; title: string }>`
        SELECT id, title FROM employer_agreements WHERE municipality_id = ${m} AND employer_id = ${employerId}::uuid
          AND kind = 'intention' AND period_start <= ${day}::date AND period_end >= ${day}::date
        ORDER BY period_start, id`.execute(tx);
      return rows;
    },

    async vacancyEmployer(vacancyId: string) {
      const { rows } = await sql<{ employer_id: string }>`
        SELECT employer_id FROM vacancies WHERE municipality_id = ${m} AND id = ${vacancyId}::uuid`.execute(tx);
      return rows[0]?.employer_id ?? null;
    },

    async findVisible(id: string, lock = false) {
      const rows = await visible(sql`p.id = ${id}::uuid`);
      if (lock && rows[0]) await sql`SELECT 1 FROM placements WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },

    async visibleOfResident(residentId: string) {
      return visible(sql`p.resident_id = ${residentId}::uuid`);
    },

    /** Visible placements; with dueBefore only those with a follow-up not done and due on or before that day. */
    async visibleList(dueBefore: string | null) {
      if (!dueBefore) return visible(sql`true`);
      const due = sql`(SELECT min(f.due_on) FROM placement_follow_ups f WHERE f.municipality_id = p.municipality_id
        AND f.placement_id = p.id AND f.done_on IS NULL)`;
      return visible(sql`${due} <= ${dueBefore}::date`, sql`${due}, p.id`);
    },

    async followUps(placementIds: string[]) {
      const { rows } = await sql<FollowUpRow>`
        SELECT placement_id, months, due_on, done_on, still_employed, note FROM placement_follow_ups
        WHERE municipality_id = ${m} AND placement_id = ANY(${placementIds}::uuid[]) ORDER BY placement_id, months`.execute(tx);
      return rows;
    },

    /** Outflow on the resident's active case (none: nothing to record). */
    async setCaseOutflow(residentId: string, outflow: string, on: string) {
      await sql`UPDATE cases SET outflow = ${outflow}, outflow_on = ${on}::date
        WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid AND status = 'active'`.execute(tx);
    },

    async markProposalPlaced(proposalId: string) {
      await sql`UPDATE match_proposals SET status = 'placed', closed_at = now(), version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${proposalId}::uuid`.execute(tx);
    },

    async insert(v: PlacementValues) {
      await sql`INSERT INTO placements (municipality_id, id, resident_id, employer_id, vacancy_id, proposal_id, agreement_id, start_date,
          contract_type, hours_per_week, hourly_wage, instrument, outflow, created_by)
        VALUES (${m}, ${v.id}, ${v.residentId}, ${v.employerId}, ${v.vacancyId}, ${v.proposalId}, ${v.agreementId}, ${v.startDate}::date,
          ${v.contractType}, ${v.hoursPerWeek}, ${v.hourlyWage}, ${v.instrument}, ${v.outflow}, ${principal.userId})`.execute(tx);
    },

    async insertFollowUps(placementId: string, followUps: Array<{ months: number; dueOn: string }>) {
      for (const f of followUps) {
        await sql`INSERT INTO placement_follow_ups (municipality_id, placement_id, months, due_on)
          VALUES (${m}, ${placementId}, ${f.months}, ${f.dueOn}::date)`.execute(tx);
      }
    },

    /** Records a follow-up and derives the placement's status: ended from the first follow-up "no longer employed". */
    async recordFollowUp(placementId: string, months: number, f: { doneOn: string; stillEmployed: boolean; note: string | null }) {
      await sql`UPDATE placement_follow_ups SET done_on = ${f.doneOn}::date, still_employed = ${f.stillEmployed}, note = ${f.note},
          recorded_by = ${principal.userId}
        WHERE municipality_id = ${m} AND placement_id = ${placementId}::uuid AND months = ${months}`.execute(tx);
      await sql`UPDATE placements p SET status = CASE WHEN s.ended IS NULL THEN 'active' ELSE 'ended' END, end_date = s.ended
        FROM (SELECT min(done_on) FILTER (WHERE NOT still_employed) AS ended FROM placement_follow_ups
              WHERE municipality_id = ${m} AND placement_id = ${placementId}::uuid) s
        WHERE p.municipality_id = ${m} AND p.id = ${placementId}::uuid`.execute(tx);
    },
  };
}

/** A foreign-key violation on the placement's agreement (an agreement of another employer, or none at all). */
export function isAgreementViolation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23503' && typeof e.constraint === 'string' && e.constraint.includes('agreement');
}
