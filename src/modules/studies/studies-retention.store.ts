import { sql } from 'kysely';
import type { OwnerTx } from '../../platform/retention/retention.store.ts';

// The studies module's retention SQL (issue 16, ADR 0033): PA-033 keeps enrolment, consent and allocation 15 years
// after the study ended (scientific integrity), then they are destroyed. The design (arms, rules, seed) is no personal
// data and stays. Only counts leave.
export async function deleteParticipantsOfEndedStudies(tx: OwnerTx, municipalityId: string, cutoff: Date): Promise<number> {
  const r = await sql`DELETE FROM study_participants p USING studies s
    WHERE p.municipality_id = ${municipalityId} AND s.municipality_id = p.municipality_id AND s.id = p.study_id
      AND s.ends_on < (${cutoff}::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
