import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import type { AnonymousProfile } from './candidates.schema.ts';
import { CANDIDATE_STATUSES, type CandidateStatus } from './candidates.rules.ts';
import type { CandidateRow, WorkProfileFields } from './candidates.presenter.ts';

// Proposals as the employer advisor sees them: only of his municipality (explicit filter and row-level security),
// only from 'residentAgreed' on. Nothing here selects from `residents`, except identitiesOf (after the reveal only)
// and identifiersForCheck (server-side, to keep the anonymous profile anonymous).
// Status changes are conditional updates (WHERE status = the status the caller saw): of two racing requests exactly
// one changes the row, the other gets no row back and answers 409.

const visible = sql.raw(`ARRAY[${CANDIDATE_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[]`);

export type CandidateRecord = CandidateRow & { resident_id: string; sort_value: string; work_profile: WorkProfileFields | null };

export interface CandidateFilter {
  vacancyId?: string;
  status?: CandidateStatus;
  after?: { value: string; id: string };
  limit: number;
}

export function candidatesStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;

  const select = (where: ReturnType<typeof sql>, tail: ReturnType<typeof sql> = sql``) => sql<CandidateRecord>`
    SELECT p.id, p.resident_id, p.status, p.score, p.explanation, p.matcher_version, p.resident_response_at,
      p.presented_at, p.interview_committed_at, p.revealed_at, p.candidate_code, p.anonymous_profile,
      coalesce(p.resident_response_at, p.proposed_at)::text AS sort_value,
      v.id AS vacancy_id, v.title AS vacancy_title, e.id AS employer_id, e.name AS employer_name, v.esco_code,
      v.occupation_label, v.isco_group, v.hours_per_week, v.schedule, v.postcode AS vacancy_postcode,
      l.city AS vacancy_city, v.contract_type, v.status AS vacancy_status, v.closing_date,
      (SELECT pl.id FROM placements pl WHERE pl.municipality_id = p.municipality_id AND pl.proposal_id = p.id
        ORDER BY pl.created_at DESC LIMIT 1) AS placement_id,
      CASE WHEN wp.resident_id IS NULL THEN NULL ELSE jsonb_build_object(
        'desired_occupations', wp.desired_occupations, 'skills', to_jsonb(wp.skills), 'experience', wp.experience,
        'education', wp.education, 'hours_min', wp.hours_min, 'hours_max', wp.hours_max,
        'availability', wp.availability, 'has_driving_licence', wp.has_driving_licence,
        'max_travel_km', wp.max_travel_km) END AS work_profile
    FROM match_proposals p
    JOIN vacancies v ON v.municipality_id = p.municipality_id AND v.id = p.vacancy_id
    JOIN employers e ON e.municipality_id = v.municipality_id AND e.id = v.employer_id
    LEFT JOIN employer_locations l ON l.municipality_id = v.municipality_id AND l.id = v.location_id
    LEFT JOIN work_profiles wp ON wp.municipality_id = p.municipality_id AND wp.resident_id = p.resident_id
    WHERE p.municipality_id = ${m} AND p.status = ANY(${visible}) AND ${where}
    ${tail}`;

  function filterOf(f: Pick<CandidateFilter, 'vacancyId' | 'status'>) {
    const conditions = [sql`true`];
    if (f.vacancyId) conditions.push(sql`p.vacancy_id = ${f.vacancyId}`);
    if (f.status) conditions.push(sql`p.status = ${f.status}`);
    return conditions;
  }

  async function changed(q: ReturnType<typeof sql<{ id: string }>>): Promise<boolean> {
    const { rows } = await q.execute(tx);
    return rows.length === 1;
  }

  return {
    async find(id: string): Promise<CandidateRecord | null> {
      const { rows } = await select(sql`p.id = ${id}`).execute(tx);
      return rows[0] ?? null;
    },

    /** How many candidates match the filter (all pages). */
    async count(f: Pick<CandidateFilter, 'vacancyId' | 'status'>): Promise<number> {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM match_proposals p
        WHERE p.municipality_id = ${m} AND p.status = ANY(${visible}) AND ${sql.join(filterOf(f), sql` AND `)}`.execute(tx);
      return Number(rows[0]!.n);
    },

    /** Newest consent first (keyset on the moment the resident agreed, then id). Returns up to limit + 1 rows. */
    async list(f: CandidateFilter): Promise<CandidateRecord[]> {
      const conditions = filterOf(f);
      if (f.after) {
        conditions.push(sql`(coalesce(p.resident_response_at, p.proposed_at), p.id) < (${f.after.value}::timestamptz, ${f.after.id}::uuid)`);
      }
      const { rows } = await select(
        sql.join(conditions, sql` AND `),
        sql`ORDER BY coalesce(p.resident_response_at, p.proposed_at) DESC, p.id DESC LIMIT ${f.limit + 1}`,
      ).execute(tx);
      return rows;
    },

    /** The current status of a visible proposal (after a conditional update found nothing to change). */
    async statusOf(id: string): Promise<CandidateStatus | null> {
      const { rows } = await sql<{ status: CandidateStatus }>`
        SELECT status FROM match_proposals WHERE municipality_id = ${m} AND id = ${id} AND status = ANY(${visible})`.execute(tx);
      return rows[0]?.status ?? null;
    },

    present(id: string, snapshot: AnonymousProfile, code: string): Promise<boolean> {
      return changed(sql<{ id: string }>`
        UPDATE match_proposals SET status = 'presented', presented_by = ${principal.userId}, presented_at = now(),
          anonymous_profile = ${JSON.stringify(snapshot)}::jsonb, candidate_code = ${code},
          version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id} AND status = 'residentAgreed'
        RETURNING id`);
    },

    /** committedOn: the day the employer committed (midnight in the Netherlands), or null for now. */
    commitInterview(id: string, committedOn: string | null): Promise<boolean> {
      const at = committedOn ? sql`(${committedOn}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')` : sql`now()`;
      return changed(sql<{ id: string }>`
        UPDATE match_proposals SET status = 'interviewAgreed', interview_committed_at = ${at},
          version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id} AND status = 'presented'
        RETURNING id`);
    },

    reject(id: string, expected: CandidateStatus, note: string | null): Promise<boolean> {
      return changed(sql<{ id: string }>`
        UPDATE match_proposals SET status = 'rejected', rejection_note = ${note}, closed_at = now(), version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id} AND status = ${expected} AND status IN ('presented', 'interviewAgreed')
        RETURNING id`);
    },

    reveal(id: string): Promise<boolean> {
      return changed(sql<{ id: string }>`
        UPDATE match_proposals SET status = 'revealed', revealed_by = ${principal.userId}, revealed_at = now(),
          version = version + 1, updated_at = now()
        WHERE municipality_id = ${m} AND id = ${id} AND status = 'interviewAgreed'
          AND resident_response_at IS NOT NULL AND interview_committed_at IS NOT NULL
        RETURNING id`);
    },

    /**
     * What identifies the resident, read only to check that the anonymous profile does not name him before it is
     * presented (identifying-text.ts); it never leaves the server.
     */
    async identifiersForCheck(proposalId: string) {
      // A named exception of the database (samenplan_candidate_identifiers): the advisor's scope does not include
      // the person behind a candidate before the reveal.
      const { rows } = await sql<{ given_names: string; family_name_prefix: string | null; family_name: string; street: string; phone: string | null; email: string | null }>`
        SELECT given_names, family_name_prefix, family_name, street, phone, email FROM samenplan_candidate_identifiers(${proposalId}::uuid)`.execute(tx);
      return rows[0] ?? null;
    },

    /** Name and contact details of the residents of revealed proposals only (the WHERE repeats the rule). */
    async identitiesOf(proposalIds: string[]) {
      if (proposalIds.length === 0) return new Map<string, { resident_id: string; given_names: string; family_name_prefix: string | null; family_name: string; phone: string | null; email: string | null }>();
      const { rows } = await sql<{ proposal_id: string; resident_id: string; given_names: string; family_name_prefix: string | null; family_name: string; phone: string | null; email: string | null }>`
        SELECT p.id AS proposal_id, r.id AS resident_id, r.given_names, r.family_name_prefix, r.family_name, r.phone, r.email
        FROM match_proposals p JOIN residents r ON r.municipality_id = p.municipality_id AND r.id = p.resident_id
        WHERE p.municipality_id = ${m} AND p.id = ANY(${proposalIds}::uuid[]) AND p.revealed_at IS NOT NULL
          AND p.status IN ('revealed', 'placed')`.execute(tx);
      return new Map(rows.map((r) => [r.proposal_id, r]));
    },
  };
}
