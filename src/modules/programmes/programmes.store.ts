import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import type { FigureRow, KpiRow } from './dashboard.rules.ts';

// The only SQL of programmes: the programme, its action lines and expenditures, and the pre-aggregated figures
// (programme_figures, programme_kpis), which hold counts only. They are built by the database function
// programme_refresh_figures (migration 202612051201, a named exception with the owner's rights, like fairness_counts).

export interface ProgrammeRow {
  id: string;
  name: string;
  description: string | null;
  period_start: string;
  period_end: string;
  baseline_per_year: number;
  goal_extra: number;
  target_min_years_on_benefit: number | null;
  target_age_min: number | null;
  target_age_max: number | null;
  target_area_ids: string[];
  refreshed_at: Date | null;
}

export interface ActionLineRow {
  id: string;
  programme_id: string;
  kind: 'contact' | 'jobs' | 'discrimination' | 'other';
  name: string;
  budget_cents: string;
  spent_cents: string;
}

export function programmesStore(tx: Tx, municipalityId: string) {
  const m = municipalityId;
  return {
    async list(id?: string) {
      const { rows } = await sql<ProgrammeRow>`
        SELECT p.id, p.name, p.description, p.period_start::text AS period_start, p.period_end::text AS period_end, p.baseline_per_year,
          p.goal_extra, p.target_min_years_on_benefit, p.target_age_min, p.target_age_max, p.target_area_ids, f.refreshed_at
        FROM programmes p LEFT JOIN programme_refreshes f ON f.municipality_id = p.municipality_id AND f.programme_id = p.id
        WHERE p.municipality_id = ${m} AND (${id ?? null}::uuid IS NULL OR p.id = ${id ?? null}::uuid)
        ORDER BY p.period_start DESC, p.name`.execute(tx);
      return rows;
    },

    /** Action lines with what was spent (until a day, for a frozen month). */
    async actionLines(programmeIds: string[], until: string | null = null) {
      if (programmeIds.length === 0) return [];
      const { rows } = await sql<ActionLineRow>`
        SELECT l.id, l.programme_id, l.kind, l.name, l.budget_cents::text AS budget_cents,
          coalesce((SELECT sum(e.amount_cents) FROM programme_expenditures e WHERE e.municipality_id = l.municipality_id
            AND e.action_line_id = l.id AND (${until}::date IS NULL OR e.spent_on <= ${until}::date)), 0)::text AS spent_cents
        FROM programme_action_lines l WHERE l.municipality_id = ${m} AND l.programme_id = ANY(${programmeIds}::uuid[])
        ORDER BY l.position, l.name`.execute(tx);
      return rows;
    },

    async areaIdsExist(ids: string[]) {
      if (ids.length === 0) return true;
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM areas WHERE municipality_id = ${m} AND id = ANY(${ids}::uuid[])`.execute(tx);
      return rows[0]!.n === new Set(ids).size;
    },

    async areas() {
      const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM areas WHERE municipality_id = ${m} ORDER BY name, id`.execute(tx);
      return rows;
    },

    async insert(v: { id: string; name: string; description: string | null; periodStart: string; periodEnd: string; baselinePerYear: number; goalExtra: number; minYears: number | null; ageMin: number | null; ageMax: number | null; areaIds: string[]; createdBy: string }) {
      await sql`INSERT INTO programmes (municipality_id, id, name, description, period_start, period_end, baseline_per_year, goal_extra,
          target_min_years_on_benefit, target_age_min, target_age_max, target_area_ids, created_by)
        VALUES (${m}, ${v.id}, ${v.name}, ${v.description}, ${v.periodStart}::date, ${v.periodEnd}::date, ${v.baselinePerYear}, ${v.goalExtra},
          ${v.minYears}, ${v.ageMin}, ${v.ageMax}, ${v.areaIds}::uuid[], ${v.createdBy})`.execute(tx);
    },

    async insertActionLine(programmeId: string, v: { id: string; kind: string; name: string; budgetCents: number; position: number }) {
      await sql`INSERT INTO programme_action_lines (municipality_id, programme_id, id, kind, name, budget_cents, position)
        VALUES (${m}, ${programmeId}, ${v.id}, ${v.kind}, ${v.name}, ${v.budgetCents}, ${v.position})`.execute(tx);
    },

    async insertExpenditure(v: { id: string; programmeId: string; actionLineId: string; spentOn: string; amountCents: number; description: string; recordedBy: string }) {
      await sql`INSERT INTO programme_expenditures (municipality_id, id, programme_id, action_line_id, spent_on, amount_cents, description, recorded_by)
        VALUES (${m}, ${v.id}, ${v.programmeId}, ${v.actionLineId}, ${v.spentOn}::date, ${v.amountCents}, ${v.description}, ${v.recordedBy})`.execute(tx);
    },

    async expenditures(programmeId: string) {
      const { rows } = await sql<{ id: string; action_line_id: string; spent_on: string; amount_cents: string; description: string }>`
        SELECT id, action_line_id, spent_on::text AS spent_on, amount_cents::text AS amount_cents, description FROM programme_expenditures
        WHERE municipality_id = ${m} AND programme_id = ${programmeId}::uuid ORDER BY spent_on DESC, id LIMIT 1000`.execute(tx);
      return rows.map((r) => ({ id: r.id, actionLineId: r.action_line_id, spentOn: r.spent_on, amountCents: Number(r.amount_cents), description: r.description }));
    },

    async figures(programmeId: string): Promise<FigureRow[]> {
      const { rows } = await sql<FigureRow>`
        SELECT month::text AS month, area_id, dimension, grp, outflows, returns, population, with_contact_person, with_plan, contacted, contact_moments
        FROM programme_figures WHERE municipality_id = ${m} AND programme_id = ${programmeId}::uuid`.execute(tx);
      return rows;
    },

    async kpis(programmeId: string): Promise<KpiRow[]> {
      const { rows } = await sql<{ kpi: string; label: string | null; value: string; base: string | null }>`
        SELECT kpi, label, value::text AS value, base::text AS base FROM programme_kpis
        WHERE municipality_id = ${m} AND programme_id = ${programmeId}::uuid`.execute(tx);
      return rows.map((r) => ({ kpi: r.kpi, label: r.label, value: Number(r.value), base: r.base === null ? null : Number(r.base) }));
    },

    /** Rebuilds the programme's figures (idempotent); the school-hours mask comes from src/domain/schedule.ts. */
    async refresh(programmeId: string, schoolMask: string, today: string) {
      const { rows } = await sql<{ n: number }>`SELECT programme_refresh_figures(${programmeId}::uuid, ${schoolMask}::bit(336), ${today}::date) AS n`.execute(tx);
      return rows[0]?.n ?? 0;
    },

    /** The KPIs alone, as they stood on a day (a frozen month). */
    async refreshKpis(programmeId: string, schoolMask: string, day: string) {
      await sql`SELECT programme_refresh_kpis(${programmeId}::uuid, ${schoolMask}::bit(336), ${day}::date)`.execute(tx);
    },

    /**
     * The municipality's refresh lock, held to the end of the transaction: refreshes and snapshots of one municipality
     * run one at a time (two refreshes at once would also collide on the figures' keys: delete + insert).
     */
    async lockRefresh() {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`programme-refresh:${m}`}, 0))`.execute(tx);
    },

    /** The database's clock now (not the transaction's start), as text: microseconds, which a JS Date would cut. */
    async clock(): Promise<string> {
      const { rows } = await sql<{ t: string }>`SELECT clock_timestamp()::text AS t`.execute(tx);
      return rows[0]!.t;
    },

    /** Did a complete refresh start reading at or after this moment? And how many ran. */
    async lastCompleteRefresh(since: string | null = null) {
      const { rows } = await sql<{ since: boolean; runs: string }>`
        SELECT coalesce(started_at >= ${since}::timestamptz, false) AS since, runs::text AS runs
        FROM programme_refresh_runs WHERE municipality_id = ${m}`.execute(tx);
      return rows[0] ? { startedSince: rows[0].since, runs: Number(rows[0].runs) } : null;
    },

    async recordCompleteRefresh(startedAt: string) {
      await sql`INSERT INTO programme_refresh_runs (municipality_id, started_at, runs) VALUES (${m}, ${startedAt}::timestamptz, 1)
        ON CONFLICT (municipality_id) DO UPDATE SET started_at = EXCLUDED.started_at, runs = programme_refresh_runs.runs + 1`.execute(tx);
    },

    async programmeIds() {
      const { rows } = await sql<{ id: string }>`SELECT id FROM programmes WHERE municipality_id = ${m} ORDER BY id`.execute(tx);
      return rows.map((r) => r.id);
    },

    async snapshot(programmeId: string, month: string) {
      const { rows } = await sql<{ figures: unknown; frozen_at: Date }>`
        SELECT figures, frozen_at FROM programme_snapshots WHERE municipality_id = ${m} AND programme_id = ${programmeId}::uuid AND month = ${month}::date`.execute(tx);
      return rows[0] ?? null;
    },

    async snapshots(programmeId: string) {
      const { rows } = await sql<{ month: string; frozen_at: Date }>`
        SELECT to_char(month, 'YYYY-MM') AS month, frozen_at FROM programme_snapshots
        WHERE municipality_id = ${m} AND programme_id = ${programmeId}::uuid ORDER BY month DESC`.execute(tx);
      return rows;
    },

    /** Freezes a month once: a second run changes nothing (ON CONFLICT DO NOTHING). Returns whether it was new. */
    async freeze(programmeId: string, month: string, figures: unknown) {
      const res = await sql`INSERT INTO programme_snapshots (municipality_id, programme_id, month, figures)
        VALUES (${m}, ${programmeId}::uuid, ${month}::date, ${JSON.stringify(figures)}::jsonb)
        ON CONFLICT (municipality_id, programme_id, month) DO NOTHING`.execute(tx);
      return Number(res.numAffectedRows ?? 0) > 0;
    },
  };
}

/** Every municipality (the jobs run per municipality, in its own tenant transaction). */
export async function municipalityIds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT jobs_municipality_ids() AS id`.execute(db);
  return rows.map((r) => r.id);
}
