import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope } from '../residents/residents.policy.ts';
import { scopeSql } from '../residents/residents.store.ts';

// The only SQL for custom provisions, the teams' yearly budgets and the municipality's approval threshold.

export interface ProvisionRow {
  id: string;
  resident_id: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  team_id: string;
  team_name: string;
  year: number;
  kind: 'laptop' | 'books' | 'schoolFees' | 'travel' | 'workClothing' | 'other';
  description: string;
  amount_cents: string;
  rule_room: string;
  justification: string;
  status: 'requested' | 'approved' | 'rejected' | 'paid';
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  approved_by: string | null;
  approved_by_name: string | null;
  decision_note: string | null;
  paid_on: string | null;
  payment_reference: string | null;
}

export function provisionsStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  const inScope = scopeSql({ areaIds: residentScope(principal).areaIds, consentPartnerOrganisationId: null });

  async function provisions(where: RawBuilder<unknown>, limit = 500) {
    const { rows } = await sql<ProvisionRow>`
      SELECT p.id, p.resident_id, r.given_names, r.family_name_prefix, r.family_name, p.team_id, t.name AS team_name, p.year, p.kind,
        p.description, p.amount_cents::text AS amount_cents, p.rule_room, p.justification, p.status, p.requested_by,
        rb.display_name AS requested_by_name, p.requested_at, p.approved_by, ab.display_name AS approved_by_name, p.decision_note,
        p.paid_on, p.payment_reference
      FROM youth_provisions p
      JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
      JOIN teams t ON t.municipality_id = p.municipality_id AND t.id = p.team_id
      JOIN staff_users rb ON rb.municipality_id = p.municipality_id AND rb.id = p.requested_by
      LEFT JOIN staff_users ab ON ab.municipality_id = p.municipality_id AND ab.id = p.approved_by
      WHERE p.municipality_id = ${m} AND ${inScope} AND ${where}
      ORDER BY p.requested_at DESC, p.id
      LIMIT ${limit}`.execute(tx);
    return rows;
  }

  return {
    async residentInScope(residentId: string) {
      const { rows } = await sql<{ id: string; area_id: string }>`SELECT r.id, r.area_id FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${inScope}`.execute(tx);
      return rows[0] ?? null;
    },
    /** The caller's team that serves the area, Team Jongeren first. */
    async teamFor(areaId: string) {
      const { rows } = await sql<{ id: string }>`
        SELECT t.id FROM teams t
        JOIN team_areas ta ON ta.municipality_id = t.municipality_id AND ta.team_id = t.id AND ta.area_id = ${areaId}::uuid
        WHERE t.municipality_id = ${m} AND t.id = ANY(${principal.teamIds}::uuid[])
        ORDER BY (t.kind = 'youth') DESC, t.id LIMIT 1`.execute(tx);
      return rows[0]?.id ?? null;
    },
    async threshold() {
      const { rows } = await sql<{ c: string }>`SELECT approval_threshold_cents::text AS c FROM youth_provision_settings WHERE municipality_id = ${m}`.execute(tx);
      return rows[0] ? Number(rows[0].c) : 0;
    },
    /** The team's budget for the year, locked until commit (two requests at once cannot both spend the rest). */
    async lockBudget(teamId: string, year: number) {
      const { rows } = await sql<{ c: string }>`SELECT budget_cents::text AS c FROM youth_provision_budgets
        WHERE municipality_id = ${m} AND team_id = ${teamId}::uuid AND year = ${year} FOR UPDATE`.execute(tx);
      return rows[0] ? Number(rows[0].c) : null;
    },
    async budget(teamId: string, year: number) {
      const { rows } = await sql<{ c: string }>`SELECT budget_cents::text AS c FROM youth_provision_budgets
        WHERE municipality_id = ${m} AND team_id = ${teamId}::uuid AND year = ${year}`.execute(tx);
      return rows[0] ? Number(rows[0].c) : null;
    },
    /** Sums per kind and status of the team's year (SECURITY DEFINER function: sums only). */
    async totals(teamId: string, year: number) {
      const { rows } = await sql<{ kind: string; status: string; n: string; cents: string }>`SELECT * FROM youth_provision_totals(${teamId}::uuid, ${year})`.execute(tx);
      return rows.map((r) => ({ kind: r.kind, status: r.status as 'requested' | 'approved' | 'rejected' | 'paid', n: Number(r.n), cents: Number(r.cents) }));
    },
    /** The caller's teams with a budget for the year. */
    async budgetTeams(year: number) {
      const { rows } = await sql<{ id: string; name: string }>`SELECT t.id, t.name FROM youth_provision_budgets b
        JOIN teams t ON t.municipality_id = b.municipality_id AND t.id = b.team_id
        WHERE b.municipality_id = ${m} AND b.year = ${year} AND (b.team_id = ANY(${principal.teamIds}::uuid[]) OR ${principal.teamIds.length === 0})
        ORDER BY t.name, t.id`.execute(tx);
      return rows;
    },
    async insert(v: { id: string; residentId: string; teamId: string; year: number; kind: string; description: string; amountCents: number; ruleRoom: string; justification: string; approved: boolean }) {
      await sql`INSERT INTO youth_provisions (municipality_id, id, resident_id, team_id, year, kind, description, amount_cents, rule_room, justification,
          status, requested_by, approved_by, approved_at)
        VALUES (${m}, ${v.id}, ${v.residentId}, ${v.teamId}, ${v.year}, ${v.kind}, ${v.description}, ${v.amountCents}, ${v.ruleRoom}, ${v.justification},
          ${v.approved ? 'approved' : 'requested'}, ${principal.userId}, ${v.approved ? principal.userId : null}, ${v.approved ? sql`now()` : null})`.execute(tx);
    },
    async find(id: string, lock = false) {
      const rows = await provisions(sql`p.id = ${id}::uuid`);
      if (lock && rows[0]) await sql`SELECT 1 FROM youth_provisions WHERE municipality_id = ${m} AND id = ${id}::uuid FOR UPDATE`.execute(tx);
      return rows[0] ?? null;
    },
    ofResident: (residentId: string) => provisions(sql`p.resident_id = ${residentId}::uuid`),
    list: (statuses: string[]) => provisions(sql`p.status = ANY(${statuses}::text[])`),
    async decide(id: string, status: 'approved' | 'rejected', note: string | null) {
      await sql`UPDATE youth_provisions SET status = ${status}, approved_by = ${principal.userId}, approved_at = now(), decision_note = ${note}
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND status = 'requested'`.execute(tx);
    },
    async pay(id: string, paidOn: string, reference: string) {
      await sql`UPDATE youth_provisions SET status = 'paid', paid_on = ${paidOn}::date, paid_by = ${principal.userId}, payment_reference = ${reference}
        WHERE municipality_id = ${m} AND id = ${id}::uuid AND status = 'approved'`.execute(tx);
    },
  };
}
