import { sql, type ColumnType, type Generated } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL for the meeting tables. It never decides who sees a resident: the service first loads the resident
// through the residents store (its scope in the WHERE) and only then reads his meetings here. Row-level security
// isolates the municipality; every query also names it.

// Kysely table types for migrations/202611220030_meetings.sql.
export interface MeetingsTable {
  municipality_id: string;
  id: string;
  resident_id: string;
  type: string;
  starts_at: Date;
  ends_at: Date;
  mode: string;
  location: string | null;
  video_url: string | null;
  agenda: string | null;
  status: Generated<string>;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  report: string | null;
  report_recorded_by: string | null;
  report_recorded_at: Date | null;
  agreed_actions: ColumnType<unknown[], string | undefined, string>;
  organiser_id: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: Generated<number>;
  ics_sequence: Generated<number>;
}

export interface MeetingParticipantsTable {
  municipality_id: string;
  meeting_id: string;
  id: string;
  kind: string;
  staff_user_id: string | null;
  partner_organisation_id: string | null;
  attended: boolean | null;
  /** Mijn Samenplan (issue 11, migration 202612051101): the resident's own answer on his participant row. */
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  move_requested_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  move_request_note: ColumnType<string | null, string | null | undefined, string | null>;
}

// A type alias, not an interface: withTables needs an index-compatible record.
export type MeetingTables = {
  meetings: MeetingsTable;
  meeting_participants: MeetingParticipantsTable;
};

/** A resident's timeline and a person's window show at most this many meetings. */
export const LIST_LIMIT = 200;

export interface MeetingPatch {
  starts_at?: Date;
  ends_at?: Date;
  mode?: string;
  location?: string | null;
  video_url?: string | null;
  agenda?: string | null;
  status?: string;
  cancelled_at?: Date;
  cancel_reason?: string | null;
}

export function meetingsStore(outer: Tx, principal: Principal) {
  const tx = outer.withTables<MeetingTables>();
  const m = principal.municipalityId;

  function meetingQuery() {
    return tx
      .selectFrom('meetings as mt')
      .innerJoin('staff_users as o', (j) =>
        j.onRef('o.municipality_id', '=', 'mt.municipality_id').onRef('o.id', '=', 'mt.organiser_id'),
      )
      .leftJoin('staff_users as rb', (j) =>
        j.onRef('rb.municipality_id', '=', 'mt.municipality_id').onRef('rb.id', '=', 'mt.report_recorded_by'),
      )
      .selectAll('mt')
      .select([
        'o.display_name as organiser_name',
        'o.email as organiser_email',
        'rb.display_name as report_recorded_by_name',
      ])
      .where('mt.municipality_id', '=', m);
  }

  /** Meetings the user organises or takes part in. */
  const involving = (userId: string) =>
    sql<boolean>`(mt.organiser_id = ${userId}::uuid OR EXISTS (SELECT 1 FROM meeting_participants p
      WHERE p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id AND p.staff_user_id = ${userId}::uuid))`;

  return {
    async findById(meetingId: string, lock = false) {
      let q = meetingQuery().where('mt.id', '=', meetingId);
      if (lock) q = q.forUpdate('mt');
      return q.executeTakeFirst();
    },

    /** A resident's meetings, newest first; with onlyFor, only those that user organises or takes part in. */
    async forResident(residentId: string, onlyFor?: string) {
      let q = meetingQuery().where('mt.resident_id', '=', residentId);
      if (onlyFor) q = q.where(involving(onlyFor));
      return q.orderBy('mt.starts_at', 'desc').orderBy('mt.id').limit(LIST_LIMIT).execute();
    },

    /** The user's meetings starting in [from, to), oldest first. */
    async forStaff(userId: string, from: Date, to: Date, status?: string) {
      let q = meetingQuery()
        .where(involving(userId))
        .where('mt.starts_at', '>=', from)
        .where('mt.starts_at', '<', to);
      if (status) q = q.where('mt.status', '=', status);
      return q.orderBy('mt.starts_at').orderBy('mt.id').limit(LIST_LIMIT).execute();
    },

    /** Participants of the given meetings with their names and organisations. */
    async participants(meetingIds: string[]) {
      if (meetingIds.length === 0) return [];
      return tx
        .selectFrom('meeting_participants as p')
        .leftJoin('staff_users as s', (j) =>
          j.onRef('s.municipality_id', '=', 'p.municipality_id').onRef('s.id', '=', 'p.staff_user_id'),
        )
        .leftJoin('partner_organisations as po', (j) =>
          j
            .onRef('po.municipality_id', '=', 'p.municipality_id')
            .onRef('po.id', '=', 'p.partner_organisation_id'),
        )
        .select([
          'p.meeting_id',
          'p.id',
          'p.kind',
          'p.staff_user_id',
          'p.partner_organisation_id',
          'p.attended',
          's.display_name',
          's.email',
          'po.name as partner_name',
        ])
        .where('p.municipality_id', '=', m)
        .where('p.meeting_id', '=', sql<string>`ANY(${meetingIds}::uuid[])`)
        .orderBy(sql`CASE p.kind WHEN 'resident' THEN 0 WHEN 'staff' THEN 1 ELSE 2 END`)
        .orderBy('s.display_name')
        .execute();
    },

    /** The resident's own answers (Mijn Samenplan) on the given meetings. */
    async residentReplies(meetingIds: string[]) {
      if (meetingIds.length === 0) return [];
      return tx
        .selectFrom('meeting_participants')
        .select(['meeting_id', 'confirmed_at', 'move_requested_at', 'move_request_note'])
        .where('municipality_id', '=', m)
        .where('kind', '=', 'resident')
        .where('meeting_id', '=', sql<string>`ANY(${meetingIds}::uuid[])`)
        .execute();
    },

    /** The resident confirms (confirm) or asks to move (note) the meeting: his own participant row only. */
    async setResidentReply(meetingId: string, reply: { confirm: true } | { moveNote: string }) {
      const set = 'confirm' in reply
        ? { confirmed_at: new Date(), move_requested_at: null, move_request_note: null }
        : { move_requested_at: new Date(), move_request_note: reply.moveNote, confirmed_at: null };
      const row = await tx
        .updateTable('meeting_participants')
        .set(set)
        .where('municipality_id', '=', m)
        .where('meeting_id', '=', meetingId)
        .where('kind', '=', 'resident')
        .returning(['confirmed_at', 'move_requested_at', 'move_request_note'])
        .executeTakeFirst();
      return row ?? null;
    },

    /** Staff members of the municipality who may be invited, with what the rules need to know about them. */
    async staff(ids: string[]) {
      if (ids.length === 0) return [];
      return tx
        .selectFrom('staff_users')
        .select(['id', 'display_name', 'roles', 'active', 'partner_organisation_id'])
        .where('municipality_id', '=', m)
        .where('id', '=', sql<string>`ANY(${ids}::uuid[])`)
        .execute();
    },

    async insertMeeting(row: {
      id: string;
      residentId: string;
      type: string;
      startsAt: Date;
      endsAt: Date;
      mode: string;
      location: string | null;
      videoUrl: string | null;
      agenda: string | null;
    }) {
      await tx
        .insertInto('meetings')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          type: row.type,
          starts_at: row.startsAt,
          ends_at: row.endsAt,
          mode: row.mode,
          location: row.location,
          video_url: row.videoUrl,
          agenda: row.agenda,
          cancelled_at: null,
          cancel_reason: null,
          report: null,
          report_recorded_by: null,
          report_recorded_at: null,
          organiser_id: principal.userId,
          updated_by: principal.userId,
        })
        .execute();
    },

    async insertParticipants(
      meetingId: string,
      rows: Array<{
        id: string;
        kind: string;
        staffUserId: string | null;
        partnerOrganisationId: string | null;
      }>,
    ) {
      if (rows.length === 0) return;
      await tx
        .insertInto('meeting_participants')
        .values(
          rows.map((r) => ({
            municipality_id: m,
            meeting_id: meetingId,
            id: r.id,
            kind: r.kind,
            staff_user_id: r.staffUserId,
            partner_organisation_id: r.partnerOrganisationId,
            attended: null,
          })),
        )
        .execute();
    },

    /** Applies the change to the version the caller edited only; false when someone else was first. */
    async update(meetingId: string, expectedVersion: number, patch: MeetingPatch, bumpSequence: boolean) {
      const res = await tx
        .updateTable('meetings')
        .set({
          ...patch,
          updated_by: principal.userId,
          updated_at: new Date(),
          version: sql<number>`version + 1`,
          ...(bumpSequence ? { ics_sequence: sql<number>`ics_sequence + 1` } : {}),
        })
        .where('municipality_id', '=', m)
        .where('id', '=', meetingId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Records the report once: only while the meeting is still planned. */
    async recordReport(
      meetingId: string,
      row: { status: string; report: string | null; agreedActions: unknown[] },
    ) {
      const now = new Date();
      const res = await tx
        .updateTable('meetings')
        .set({
          status: row.status,
          report: row.report,
          agreed_actions: JSON.stringify(row.agreedActions),
          report_recorded_by: principal.userId,
          report_recorded_at: now,
          updated_by: principal.userId,
          updated_at: now,
          version: sql<number>`version + 1`,
        })
        .where('municipality_id', '=', m)
        .where('id', '=', meetingId)
        .where('status', '=', 'planned')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async setAttendance(meetingId: string, participantId: string, attended: boolean) {
      await tx
        .updateTable('meeting_participants')
        .set({ attended })
        .where('municipality_id', '=', m)
        .where('meeting_id', '=', meetingId)
        .where('id', '=', participantId)
        .execute();
    },
  };
}

export type MeetingsStore = ReturnType<typeof meetingsStore>;
export type MeetingRow = NonNullable<Awaited<ReturnType<MeetingsStore['findById']>>>;
export type ParticipantRow = Awaited<ReturnType<MeetingsStore['participants']>>[number];
export type StaffRow = Awaited<ReturnType<MeetingsStore['staff']>>[number];
