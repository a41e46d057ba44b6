import { sql } from 'kysely';
import { allocate } from '../domain/stats/randomisation.ts';
import type { Db } from '../platform/db/database.ts';
import { formatDay, instantOn } from './dates.ts';
import { seedUuid } from './ids.ts';

/**
 * The demo's study (issue 14, seed 004): Utrecht's *Weten wat werkt* — 752 residents on benefit enrolled 16 months
 * ago after informed consent, allocated a week later by the stratified block lottery (wijk × education level) from a
 * fixed seed to four arms: Zelf in actie (no obligation to apply), Met extra hulp in actie (contact every 14 days),
 * Werken loont (earnings-disregard variant 'werkenLoont') and the control group. Deterministic: the participants are
 * the first 752 by a hash of their (deterministic) id, the education level from the same hash.
 */
export const DEMO_STUDY_NAME = 'Weten wat werkt';
export const DEMO_STUDY_SIZE = 752;
const ENROLLED_DAYS_AGO = 480;

export async function seedDemoStudy(tx: Db, municipalityCode: string, today: number): Promise<number> {
  const m = (await sql<{ id: string }>`SELECT id FROM municipalities WHERE code = ${municipalityCode}`.execute(tx)).rows[0];
  const lead = (await sql<{ id: string }>`SELECT id FROM staff_users WHERE username = 'teamleider.overvecht'`.execute(tx)).rows[0];
  if (!m || !lead) return 0;
  const studyId = seedUuid('study', municipalityCode, 'weten-wat-werkt');
  const enrolDay = today - ENROLLED_DAYS_AGO;
  const seed = 'demo:weten-wat-werkt';
  await sql`INSERT INTO studies (municipality_id, id, name, registration_id, eligibility, target_size, starts_on, ends_on, primary_outcome,
      secondary_outcomes, strata, block_multiple, seed, status, allocated_at, allocated_by, created_by, created_at)
    VALUES (${m.id}, ${studyId}, ${DEMO_STUDY_NAME}, 'NL-OMON-DEMO-0344', 'Inwoners met een bijstandsuitkering (Participatiewet), 18 tot 65 jaar, vrijwillig',
      ${DEMO_STUDY_SIZE}, ${formatDay(enrolDay)}::date, ${formatDay(enrolDay + 548)}::date, 'workingOver12h',
      '{permanentContract,hoursPerWeek,outflow}', '{area,educationLevel}', 1, ${seed}, 'allocated', ${instantOn(enrolDay + 7, 9 * 60)},
      ${lead.id}, ${lead.id}, ${instantOn(enrolDay - 30, 9 * 60)})`.execute(tx);
  const arms = [
    { key: 'controle', name: 'Controlegroep (reguliere dienstverlening)', control: true, waived: false, every: null, variant: null },
    { key: 'extra_hulp', name: 'Met extra hulp in actie', control: false, waived: false, every: 14, variant: null },
    { key: 'werken_loont', name: 'Werken loont', control: false, waived: false, every: null, variant: 'werkenLoont' },
    { key: 'zelf_in_actie', name: 'Zelf in actie', control: false, waived: true, every: null, variant: null },
  ];
  for (const a of arms) {
    await sql`INSERT INTO study_arms (municipality_id, study_id, key, name, is_control, ratio, application_obligation_waived, contact_every_days, earnings_disregard_variant)
      VALUES (${m.id}, ${studyId}, ${a.key}, ${a.name}, ${a.control}, 1, ${a.waived}, ${a.every}, ${a.variant})`.execute(tx);
  }
  // Participants: residents with an active case, the first 752 by a hash of the id; education level from the hash.
  await sql`INSERT INTO study_participants (municipality_id, study_id, resident_id, consent_given_on, consent_recorded_by, education_level, stratum, enrolled_at)
    SELECT r.municipality_id, ${studyId}::uuid, r.id, ${formatDay(enrolDay)}::date, ${lead.id}::uuid, x.edu,
      coalesce(a.name, 'onbekend') || ' × ' || x.edu, ${instantOn(enrolDay, 10 * 60)}::timestamptz + (row_number() OVER (ORDER BY md5(r.id::text)) * interval '1 second')
    FROM residents r
    LEFT JOIN areas a ON a.municipality_id = r.municipality_id AND a.id = r.area_id
    CROSS JOIN LATERAL (SELECT CASE WHEN ('x' || substr(md5(r.id::text), 1, 2))::bit(8)::int < 115 THEN 'laag'
      WHEN ('x' || substr(md5(r.id::text), 1, 2))::bit(8)::int < 205 THEN 'midden' ELSE 'hoog' END AS edu) x
    WHERE r.municipality_id = ${m.id} AND EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = r.municipality_id AND c.resident_id = r.id)
    ORDER BY md5(r.id::text) LIMIT ${DEMO_STUDY_SIZE}`.execute(tx);
  const ps = (await sql<{ resident_id: string; stratum: string }>`SELECT resident_id, stratum FROM study_participants
    WHERE municipality_id = ${m.id} AND study_id = ${studyId} ORDER BY enrolment_seq`.execute(tx)).rows;
  const allocation = allocate(ps.map((p) => ({ id: p.resident_id, stratum: p.stratum })), arms.map((a) => ({ key: a.key, ratio: 1 })), seed);
  const ids = ps.map((p) => p.resident_id);
  await sql`UPDATE study_participants sp SET arm_key = x.arm, allocated_at = ${instantOn(enrolDay + 7, 9 * 60)}
    FROM unnest(${ids}::uuid[], ${ids.map((id) => allocation.get(id)!)}::text[]) AS x(resident_id, arm)
    WHERE sp.municipality_id = ${m.id} AND sp.study_id = ${studyId} AND sp.resident_id = x.resident_id`.execute(tx);
  return ps.length;
}
