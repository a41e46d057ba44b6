import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// The privacy officer's reads (issue 10, point 9): the processing log of the municipality with the activity and
// who acted (name, role, organisation), and one resident found by BSN or id through the named exception
// samenplan_privacy_resident (migration 202612040010): who he is, nothing of his case. Crossings named in
// eslint/module-tables.js. Row-level security keeps every query inside the caller's municipality.

export interface PrivacyResidentRow {
  id: string;
  bsn: string;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  date_of_birth: string;
}

/** One resident of the caller's municipality by BSN or by id; undefined when there is none. */
export async function findResident(tx: Tx, by: { bsn: string } | { id: string }): Promise<PrivacyResidentRow | undefined> {
  const bsn = 'bsn' in by ? by.bsn : null;
  const id = 'id' in by ? by.id : null;
  const { rows } = await sql<PrivacyResidentRow>`
    SELECT id, bsn, given_names, family_name_prefix, family_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth
    FROM samenplan_privacy_resident(${bsn}::text, ${id}::uuid)`.execute(tx);
  return rows[0];
}

export interface LogEntryRow {
  id: string;
  seq: string | null;
  action: string;
  status: string;
  started_at: Date;
  processing_activity_id: string;
  processing_activity_version: number;
  activity_name: string;
  purpose: string;
  legal_basis: string;
  data_subject_type: string;
  subject_count: number;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  actor_organisation: string | null;
  reason: string | null;
}

export interface LogFilter {
  /** Entries naming this pseudonym (one resident). */
  pseudonym?: string;
  actorId?: string;
  activityId?: string;
  /** Calendar days in the Netherlands, both inclusive (JJJJ-MM-DD). */
  from?: string;
  to?: string;
  /** Keyset: entries with a smaller id (newest first). */
  beforeId?: string;
}

function where(municipalityId: string, f: LogFilter) {
  const parts = [sql`l.municipality_id = ${municipalityId}::uuid`];
  if (f.pseudonym) parts.push(sql`l.data_subject_ids @> ARRAY[${f.pseudonym}]::text[]`);
  if (f.actorId) parts.push(sql`l.actor_id = ${f.actorId}::uuid`);
  if (f.activityId) parts.push(sql`l.processing_activity_id = ${f.activityId}`);
  if (f.from) parts.push(sql`l.started_at >= (${f.from}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`);
  if (f.to) parts.push(sql`l.started_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`);
  return sql.join(parts, sql` AND `);
}

/** Entries matching the filter, newest first, with the activity and the actor (name, role, organisation). */
export async function logEntries(tx: Tx, municipalityId: string, f: LogFilter, limit: number): Promise<LogEntryRow[]> {
  const page = f.beforeId ? sql`AND l.id < ${f.beforeId}::bigint` : sql``;
  const { rows } = await sql<LogEntryRow>`
    SELECT l.id::text AS id, l.seq::text AS seq, l.action, l.status, l.started_at, l.processing_activity_id,
      l.processing_activity_version, pa.name_nl AS activity_name, pa.purpose, pa.legal_basis, l.data_subject_type,
      cardinality(l.data_subject_ids) AS subject_count, l.actor_id, l.actor_role, s.display_name AS actor_name,
      coalesce(po.name, mu.name) AS actor_organisation, l.reason
    FROM processing_log l
    JOIN processing_activities pa ON pa.id = l.processing_activity_id AND pa.version = l.processing_activity_version
    LEFT JOIN staff_users s ON s.municipality_id = l.municipality_id AND s.id = l.actor_id
    LEFT JOIN partner_organisations po ON po.municipality_id = s.municipality_id AND po.id = s.partner_organisation_id
    LEFT JOIN municipalities mu ON mu.id = s.municipality_id
    WHERE ${where(municipalityId, f)} ${page}
    ORDER BY l.id DESC
    LIMIT ${limit}`.execute(tx);
  return rows;
}

/** How many entries match the filter (all pages). */
export async function countLogEntries(tx: Tx, municipalityId: string, f: LogFilter): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM processing_log l WHERE ${where(municipalityId, { ...f, beforeId: undefined })}`.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

export interface ActorRow {
  id: string;
  display_name: string;
  roles: string[];
  organisation: string;
}

/** Staff of the municipality who appear in its log (for the actor filter), by name. */
export async function actorsInLog(tx: Tx, municipalityId: string): Promise<ActorRow[]> {
  const { rows } = await sql<ActorRow>`
    SELECT s.id, s.display_name, s.roles, coalesce(po.name, mu.name) AS organisation
    FROM staff_users s
    JOIN municipalities mu ON mu.id = s.municipality_id
    LEFT JOIN partner_organisations po ON po.municipality_id = s.municipality_id AND po.id = s.partner_organisation_id
    WHERE s.municipality_id = ${municipalityId}::uuid
      AND EXISTS (SELECT 1 FROM processing_log l WHERE l.municipality_id = s.municipality_id AND l.actor_id = s.id)
    ORDER BY s.display_name, s.id`.execute(tx);
  return rows;
}

/** Issue 16: decides an erasure request and erases when allowed (samenplan_erase_resident, migration 202612051604). */
export async function eraseResident(tx: Tx, id: string, now: Date): Promise<{ decision: 'erased' | 'refused'; refusal_reason: 'activeCase' | 'legalRetention' | null; retain_until: string | null } | undefined> {
  const { rows } = await sql<{ decision: 'erased' | 'refused'; refusal_reason: 'activeCase' | 'legalRetention' | null; retain_until: string | null }>`
    SELECT decision, refusal_reason, retain_until FROM samenplan_erase_resident(${id}::uuid, ${now})`.execute(tx);
  return rows[0];
}

export async function insertErasureRequest(tx: Tx, r: { municipalityId: string; id: string; pseudonym: string; decision: string; refusalReason: string | null; retainUntil: string | null; decidedBy: string }) {
  await sql`INSERT INTO erasure_requests (municipality_id, id, subject_pseudonym, decision, refusal_reason, retain_until, decided_by)
    VALUES (${r.municipalityId}, ${r.id}, ${r.pseudonym}, ${r.decision}, ${r.refusalReason}, ${r.retainUntil}::date, ${r.decidedBy})`.execute(tx);
}

/** Issue 16: what the law says for this resident, without changing anything (samenplan_erasure_assessment). */
export async function assessErasure(tx: Tx, id: string, now: Date): Promise<{ decision: 'erasable' | 'refused'; refusal_reason: 'activeCase' | 'legalRetention' | null; retain_until: string | null } | undefined> {
  const { rows } = await sql<{ decision: 'erasable' | 'refused'; refusal_reason: 'activeCase' | 'legalRetention' | null; retain_until: string | null }>`
    SELECT decision, refusal_reason, retain_until::text AS retain_until FROM samenplan_erasure_assessment(${id}::uuid, ${now})`.execute(tx);
  return rows[0];
}

export interface ErasureRequestRow {
  id: string;
  decision: 'erased' | 'refused';
  refusal_reason: 'activeCase' | 'legalRetention' | null;
  retain_until: string | null;
  decided_at: Date;
  decided_by_name: string | null;
}

/** Issue 16: the municipality's decided erasure requests, newest first (under pseudonym: no resident in the list). */
export async function erasureRequests(tx: Tx, municipalityId: string, limit: number, offset: number): Promise<{ rows: ErasureRequestRow[]; total: number }> {
  const { rows } = await sql<ErasureRequestRow>`
    SELECT e.id, e.decision, e.refusal_reason, e.retain_until::text AS retain_until, e.decided_at, s.display_name AS decided_by_name
    FROM erasure_requests e
    LEFT JOIN staff_users s ON s.municipality_id = e.municipality_id AND s.id = e.decided_by
    WHERE e.municipality_id = ${municipalityId}::uuid
    ORDER BY e.decided_at DESC, e.id LIMIT ${limit} OFFSET ${offset}`.execute(tx);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM erasure_requests WHERE municipality_id = ${municipalityId}::uuid`.execute(tx);
  return { rows, total: count.rows[0]?.n ?? 0 };
}
