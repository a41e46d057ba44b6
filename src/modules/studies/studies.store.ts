import { sql } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for studies, arms and participants. Participants are resident rows: RLS (need_to_know) shows a
// werkmatcher only those of his own area. Counts, the allocation and the outcomes run over all participants through
// the SECURITY DEFINER functions of migration 202612051410 (they return no names; the allocation ids only to set
// and log the arms).

export interface StudyRow {
  id: string;
  name: string;
  registration_id: string | null;
  eligibility: string;
  target_size: number;
  starts_on: string;
  ends_on: string;
  primary_outcome: string;
  secondary_outcomes: string[];
  strata: string[];
  block_multiple: number;
  seed: string;
  status: 'enrolling' | 'allocated' | 'closed';
  allocated_at: Date | null;
}

export interface ArmRow {
  study_id: string;
  key: string;
  name: string;
  is_control: boolean;
  ratio: number;
  application_obligation_waived: boolean;
  contact_every_days: number | null;
  earnings_disregard_variant: string | null;
}

export interface OutcomeRow {
  arm_key: string;
  stratum: string;
  education_level: string;
  working_over_12h: number;
  permanent_contract: number;
  hours_per_week: string;
  outflow: number;
}

export interface ExportRow {
  resident_id: string;
  arm_key: string;
  education_level: string;
  area: string;
  age_group: string;
  household_type: string;
  enrolled_month: string;
  allocated_month: string;
  working_over_12h: number;
  permanent_contract: number;
  hours_per_week: string;
  outflow: number;
  moved: number;
}

const STUDY_COLUMNS = sql`s.id, s.name, s.registration_id, s.eligibility, s.target_size, s.starts_on::text AS starts_on, s.ends_on::text AS ends_on,
  s.primary_outcome, s.secondary_outcomes, s.strata, s.block_multiple, s.seed, s.status, s.allocated_at`;

export function studiesStore(tx: Tx, principal: Principal) {
  const m = principal.municipalityId;
  return {
    async insertStudy(v: {
      id: string; name: string; registrationId: string | null; eligibility: string; targetSize: number; startsOn: string; endsOn: string;
      primaryOutcome: string; secondaryOutcomes: string[]; strata: string[]; blockMultiple: number; seed: string;
    }) {
      await sql`INSERT INTO studies (municipality_id, id, name, registration_id, eligibility, target_size, starts_on, ends_on, primary_outcome,
          secondary_outcomes, strata, block_multiple, seed, created_by)
        VALUES (${m}, ${v.id}::uuid, ${v.name}, ${v.registrationId}, ${v.eligibility}, ${v.targetSize}, ${v.startsOn}::date, ${v.endsOn}::date,
          ${v.primaryOutcome}, ${v.secondaryOutcomes}::text[], ${v.strata}::text[], ${v.blockMultiple}, ${v.seed}, ${principal.userId}::uuid)`.execute(tx);
    },

    async insertArm(studyId: string, a: { key: string; name: string; isControl: boolean; ratio: number; applicationObligationWaived: boolean; contactEveryDays: number | null; earningsDisregardVariant: string | null }) {
      await sql`INSERT INTO study_arms (municipality_id, study_id, key, name, is_control, ratio, application_obligation_waived, contact_every_days, earnings_disregard_variant)
        VALUES (${m}, ${studyId}::uuid, ${a.key}, ${a.name}, ${a.isControl}, ${a.ratio}, ${a.applicationObligationWaived}, ${a.contactEveryDays}, ${a.earningsDisregardVariant})`.execute(tx);
    },

    async study(id: string, lock = false) {
      const { rows } = await sql<StudyRow>`SELECT ${STUDY_COLUMNS} FROM studies s WHERE s.municipality_id = ${m} AND s.id = ${id}::uuid
        ${lock ? sql`FOR UPDATE` : sql``}`.execute(tx);
      return rows[0] ?? null;
    },

    async studies() {
      const { rows } = await sql<StudyRow>`SELECT ${STUDY_COLUMNS} FROM studies s WHERE s.municipality_id = ${m} ORDER BY s.starts_on DESC, s.id LIMIT 200`.execute(tx);
      return rows;
    },

    async arms(studyIds: string[]) {
      if (studyIds.length === 0) return [];
      const { rows } = await sql<ArmRow>`SELECT a.study_id, a.key, a.name, a.is_control, a.ratio, a.application_obligation_waived, a.contact_every_days,
          a.earnings_disregard_variant
        FROM study_arms a WHERE a.municipality_id = ${m} AND a.study_id = ANY (${studyIds}::uuid[]) ORDER BY a.is_control DESC, a.key`.execute(tx);
      return rows;
    },

    /** Participants per arm (arm null: not yet allocated), all participants of the study. */
    async counts(studyId: string) {
      const { rows } = await sql<{ arm_key: string | null; participants: string }>`SELECT * FROM samenplan_study_counts(${studyId}::uuid)`.execute(tx);
      return rows.map((r) => ({ armKey: r.arm_key, participants: Number(r.participants) }));
    },

    /** The resident (in the caller's scope, by RLS) with the name of his area, for the stratum. */
    async residentForEnrolment(residentId: string) {
      const { rows } = await sql<{ id: string; area_name: string | null }>`
        SELECT r.id, a.name AS area_name FROM residents r LEFT JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid`.execute(tx);
      return rows[0] ?? null;
    },

    /** The residents (in the caller's scope, by RLS) with the names of their areas. */
    async residentsForEnrolment(ids: string[]) {
      const { rows } = await sql<{ id: string; area_name: string | null }>`
        SELECT r.id, a.name AS area_name FROM residents r LEFT JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
        WHERE r.municipality_id = ${m} AND r.id = ANY (${ids}::uuid[])`.execute(tx);
      return new Map(rows.map((r) => [r.id, r.area_name]));
    },

    /** Inserts many participants in one statement, in the given order; returns those inserted (not already enrolled). */
    async enrolMany(studyId: string, v: { residentId: string; consentGivenOn: string; educationLevel: string; stratum: string }[]) {
      const { rows } = await sql<{ resident_id: string }>`
        INSERT INTO study_participants (municipality_id, study_id, resident_id, consent_given_on, consent_recorded_by, education_level, stratum)
        SELECT ${m}, ${studyId}::uuid, x.resident_id, x.consent_given_on, ${principal.userId}::uuid, x.education_level, x.stratum
        FROM unnest(${v.map((p) => p.residentId)}::uuid[], ${v.map((p) => p.consentGivenOn)}::date[], ${v.map((p) => p.educationLevel)}::text[],
          ${v.map((p) => p.stratum)}::text[]) WITH ORDINALITY AS x(resident_id, consent_given_on, education_level, stratum, ord)
        ORDER BY x.ord
        ON CONFLICT DO NOTHING RETURNING resident_id`.execute(tx);
      return new Set(rows.map((r) => r.resident_id));
    },

    /** Inserts the participant; false when he is already enrolled in this study. */
    async enrol(v: { studyId: string; residentId: string; consentGivenOn: string; educationLevel: string; stratum: string }) {
      const { rows } = await sql<{ enrolled_at: Date }>`
        INSERT INTO study_participants (municipality_id, study_id, resident_id, consent_given_on, consent_recorded_by, education_level, stratum)
        VALUES (${m}, ${v.studyId}::uuid, ${v.residentId}::uuid, ${v.consentGivenOn}::date, ${principal.userId}::uuid, ${v.educationLevel}, ${v.stratum})
        ON CONFLICT DO NOTHING RETURNING enrolled_at`.execute(tx);
      return rows[0] ?? null;
    },

    async enrolment(studyId: string) {
      const { rows } = await sql<{ resident_id: string; stratum: string }>`SELECT * FROM samenplan_study_enrolment(${studyId}::uuid)`.execute(tx);
      return rows;
    },

    async allocate(studyId: string, residents: string[], arms: string[]) {
      const { rows } = await sql<{ n: number }>`SELECT samenplan_study_allocate(${studyId}::uuid, ${residents}::uuid[], ${arms}::text[]) AS n`.execute(tx);
      await sql`UPDATE studies SET status = 'allocated', allocated_at = now(), allocated_by = ${principal.userId}::uuid
        WHERE municipality_id = ${m} AND id = ${studyId}::uuid`.execute(tx);
      return rows[0]?.n ?? 0;
    },

    /** The arms of a resident (in scope by RLS) that are allocated: the rules that apply to him. */
    async residentArms(residentId: string) {
      const { rows } = await sql<ArmRow & { study_name: string; allocated_at: Date }>`
        SELECT a.study_id, a.key, a.name, a.is_control, a.ratio, a.application_obligation_waived, a.contact_every_days, a.earnings_disregard_variant,
          s.name AS study_name, sp.allocated_at
        FROM study_participants sp
        JOIN studies s ON s.municipality_id = sp.municipality_id AND s.id = sp.study_id
        JOIN study_arms a ON a.municipality_id = sp.municipality_id AND a.study_id = sp.study_id AND a.key = sp.arm_key
        WHERE sp.municipality_id = ${m} AND sp.resident_id = ${residentId}::uuid AND sp.arm_key IS NOT NULL AND s.status = 'allocated'
        ORDER BY sp.allocated_at`.execute(tx);
      return rows;
    },

    /**
     * The strictest contact norm (days) a running study's arm sets for each of these residents (in scope by RLS):
     * allocated, the study not yet ended; residents without one are absent.
     */
    async contactNorms(residentIds: string[], today: string) {
      if (residentIds.length === 0) return [];
      const { rows } = await sql<{ resident_id: string; days: number }>`
        SELECT sp.resident_id, min(a.contact_every_days)::int AS days
        FROM study_participants sp
        JOIN studies s ON s.municipality_id = sp.municipality_id AND s.id = sp.study_id
        JOIN study_arms a ON a.municipality_id = sp.municipality_id AND a.study_id = sp.study_id AND a.key = sp.arm_key
        WHERE sp.municipality_id = ${m} AND sp.resident_id = ANY (${residentIds}::uuid[]) AND s.status = 'allocated'
          AND s.ends_on >= ${today}::date AND a.contact_every_days IS NOT NULL
        GROUP BY sp.resident_id`.execute(tx);
      return rows;
    },

    async residentVisible(residentId: string) {
      const { rows } = await sql<{ id: string }>`SELECT r.id FROM residents r WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid`.execute(tx);
      return rows.length > 0;
    },

    /** Baseline covariates counted per arm (aggregates over all participants). */
    async baseline(studyId: string) {
      const { rows } = await sql<{ arm_key: string; variable: string; level: string; n: string }>`SELECT * FROM samenplan_study_baseline(${studyId}::uuid)`.execute(tx);
      return rows.map((r) => ({ armKey: r.arm_key, variable: r.variable, level: r.level, n: Number(r.n) }));
    },

    /** Per arm: allocated, and moved away since the allocation (lost to Samenplan's records) on the date. */
    async followUp(studyId: string, on: string) {
      const { rows } = await sql<{ arm_key: string; allocated: string; moved: string }>`SELECT * FROM samenplan_study_follow_up(${studyId}::uuid, ${on}::date)`.execute(tx);
      return rows.map((r) => ({ armKey: r.arm_key, allocated: Number(r.allocated), moved: Number(r.moved) }));
    },

    /** The study's pseudonym key (never returned by the API). */
    async pseudonymKey(studyId: string) {
      const { rows } = await sql<{ pseudonym_key: string }>`SELECT pseudonym_key FROM studies WHERE municipality_id = ${m} AND id = ${studyId}::uuid`.execute(tx);
      return rows[0]?.pseudonym_key ?? null;
    },

    /** The export rows (resident id only to be pseudonymised at once by the caller). */
    async exportRows(studyId: string, on: string) {
      const { rows } = await sql<ExportRow>`SELECT * FROM samenplan_study_export(${studyId}::uuid, ${on}::date)`.execute(tx);
      return rows;
    },

    async outcomes(studyId: string, on: string) {
      const { rows } = await sql<OutcomeRow>`SELECT * FROM samenplan_study_outcomes(${studyId}::uuid, ${on}::date)`.execute(tx);
      return rows;
    },
  };
}
