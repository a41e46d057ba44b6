import { sql, type RawBuilder } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { residentScope, type ResidentScope } from './residents.policy.ts';
import { todayInNl } from '../../domain/dates.ts';

// The only gateway to resident tables. Every query carries the caller's scope in its SQL WHERE
// (need-to-know), on top of row-level security for the municipality.

export type ResidentSort = 'name' | 'lastContact' | 'benefitStart';

/** The active plan as the caseload shows it: not yet agreed, agreed, or changed after the resident agreed. */
export type PlanState = 'draft' | 'agreed' | 'changedSinceAgreement';

export interface ResidentListFilter {
  q?: { kind: 'bsn'; bsn: string } | { kind: 'name'; pattern: string };
  areaId?: string;
  status?: 'active' | 'closed' | 'new';
  noContactDays?: number;
  contactPersonId?: string;
  sort: ResidentSort;
  descending: boolean;
  after?: { value: string | null; id: string };
  limit: number;
}

/** Where a query finds the resident's municipality, id and area (fixed SQL column references, never user input). */
export interface ScopeColumns {
  municipalityId: string;
  residentId: string;
  areaId: string;
}

const RESIDENT_COLUMNS: ScopeColumns = { municipalityId: 'r.municipality_id', residentId: 'r.id', areaId: 'r.area_id' };

/**
 * The need-to-know predicate (the caller's areas, or an active consent for the caller's partner organisation) on
 * the given columns; other modules' read models reuse it on their own aliases (ADR 0007).
 */
export function scopeSqlOn(scope: ResidentScope, cols: ScopeColumns): RawBuilder<boolean> {
  const area = sql.raw(cols.areaId);
  const municipality = sql.raw(cols.municipalityId);
  const resident = sql.raw(cols.residentId);
  const parts: RawBuilder<unknown>[] = [];
  if (scope.areaIds.length > 0) parts.push(sql`${area} = ANY(${scope.areaIds}::uuid[])`);
  if (scope.ownResidentId) parts.push(sql`${resident} = ${scope.ownResidentId}::uuid`);
  if (scope.consentPartnerOrganisationId) {
    parts.push(sql`EXISTS (SELECT 1 FROM consents k
      WHERE k.municipality_id = ${municipality} AND k.resident_id = ${resident}
        AND k.partner_organisation_id = ${scope.consentPartnerOrganisationId}::uuid
        AND k.withdrawn_at IS NULL AND k.valid_from <= current_date
        AND (k.valid_to IS NULL OR k.valid_to >= current_date))`);
  }
  return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` OR `)})` : sql<boolean>`false`;
}

/** The need-to-know predicate on the residents alias `r`. */
export function scopeSql(scope: ResidentScope): RawBuilder<boolean> {
  return scopeSqlOn(scope, RESIDENT_COLUMNS);
}

const sortExpr: Record<ResidentSort, { expr: RawBuilder<unknown>; cast: RawBuilder<unknown> }> = {
  name: { expr: sql`r.sort_name`, cast: sql`text` },
  lastContact: { expr: sql`coalesce(c.last_contact_at, '-infinity'::timestamptz)`, cast: sql`timestamptz` },
  benefitStart: { expr: sql`coalesce(b.start_date, 'infinity'::date)`, cast: sql`date` },
};

export function residentsStore(tx: Tx, principal: Principal) {
  const scope = residentScope(principal);
  const m = principal.municipalityId;

  function base(root: Pick<Tx, 'selectFrom'> = tx) {
    return (root as Tx)
      .selectFrom('residents as r')
      .innerJoin('areas as a', (j) => j.onRef('a.municipality_id', '=', 'r.municipality_id').onRef('a.id', '=', 'r.area_id'))
      .leftJoin('cases as c', (j) =>
        j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.resident_id', '=', 'r.id').on('c.status', '=', 'active'),
      )
      .leftJoin('staff_users as cp', (j) =>
        j.onRef('cp.municipality_id', '=', 'c.municipality_id').onRef('cp.id', '=', 'c.contact_person_id'),
      )
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('benefits as bb')
            .select(['bb.start_date', 'bb.end_date'])
            .whereRef('bb.municipality_id', '=', 'r.municipality_id')
            .whereRef('bb.resident_id', '=', 'r.id')
            .orderBy(sql`bb.end_date IS NULL`, 'desc')
            .orderBy('bb.start_date', 'desc')
            .limit(1)
            .as('b'),
        (j) => j.onTrue(),
      )
      .where('r.municipality_id', '=', m)
      .where(scopeSql(scope));
  }

  const summaryColumns = [
    'r.id',
    'r.given_names',
    'r.family_name_prefix',
    'r.family_name',
    'r.bsn',
    'r.date_of_birth',
    'r.area_id',
    'a.name as area_name',
    'c.id as case_id',
    'c.status as case_status',
    'c.opened_on',
    'c.last_contact_at',
    'c.contact_person_id',
    'c.contact_person_since',
    'cp.display_name as contact_person_name',
    'b.start_date as benefit_start',
    'b.end_date as benefit_end',
  ] as const;

  /**
   * The rows the filters talk about: residents and their active case. The count needs nothing else (no areas,
   * contact persons or benefits: counting 3,300 residents with those joins took 22 ms, most of it in the lateral
   * benefit lookup per row); the list adds them to the page it found.
   */
  function core(f: Omit<ResidentListFilter, 'sort' | 'descending' | 'after' | 'limit'>, withCase = false) {
    const q = tx
      .selectFrom('residents as r')
      .leftJoin('cases as c', (j) =>
        j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.resident_id', '=', 'r.id').on('c.status', '=', 'active'),
      )
      .where('r.municipality_id', '=', m)
      .where(scopeSql(scope));
    // Without a filter on the case, the case is not needed either (a resident has at most one active case): the
    // count of a team view is then an index-only scan of its residents.
    const needsCase = withCase || f.status !== undefined || f.noContactDays !== undefined || f.contactPersonId !== undefined;
    return needsCase ? q : (tx.selectFrom('residents as r').where('r.municipality_id', '=', m).where(scopeSql(scope)) as unknown as typeof q);
  }

  function applyFilters<Q extends ReturnType<typeof core> | ReturnType<typeof base>>(q0: Q, f: Omit<ResidentListFilter, 'sort' | 'descending' | 'after' | 'limit'>): Q {
    let q = q0 as ReturnType<typeof core>;
    if (f.q?.kind === 'bsn') q = q.where('r.bsn', '=', f.q.bsn);
    if (f.q?.kind === 'name') q = q.where(sql<boolean>`r.search_name LIKE ${f.q.pattern}`);
    if (f.areaId) q = q.where('r.area_id', '=', f.areaId);
    if (f.status === 'active' || f.status === 'closed') {
      q = f.status === 'active' ? q.where('c.id', 'is not', null) : q.where('c.id', 'is', null);
    }
    if (f.status === 'new') {
      q = q.where(sql<boolean>`c.opened_on >= (now() AT TIME ZONE 'Europe/Amsterdam')::date - 30`);
    }
    if (f.noContactDays) {
      q = q.where(sql<boolean>`coalesce(c.last_contact_at, '-infinity'::timestamptz) < now() - make_interval(days => ${f.noContactDays})`);
    }
    if (f.contactPersonId) q = q.where('c.contact_person_id', '=', f.contactPersonId);
    return q as Q;
  }

  function filtered(f: Omit<ResidentListFilter, 'sort' | 'descending' | 'after' | 'limit'>, root?: Pick<Tx, 'selectFrom'>) {
    return applyFilters(base(root), f);
  }

  return {
    scope,

    /**
     * One page (limit + 1 rows, the extra one tells whether there is a next page). On the first page of a list not
     * sorted by benefit, every row also carries `total`: the number of rows the page was chosen from, counted by a
     * window over the rows the sort reads anyway (no second statement). Elsewhere `total` is null: ask count().
     */
    async list(f: ResidentListFilter) {
      const s = sortExpr[f.sort];
      const dir = f.descending ? sql`DESC` : sql`ASC`;
      const columns = <Q extends ReturnType<typeof filtered>>(q0: Q) =>
        q0
          .select(summaryColumns)
          .select(sql<string | null>`(${s.expr})::text`.as('sort_value'))
          // The caseload's plan status and next meeting (UX.md: both are columns of Mijn caseload).
          .select(
            sql<PlanState | null>`(SELECT CASE WHEN p.agreed_on IS NULL THEN 'draft' WHEN p.agreed_at_version < p.version THEN 'changedSinceAgreement'
              ELSE 'agreed' END FROM plans p WHERE p.municipality_id = r.municipality_id AND p.resident_id = r.id AND p.status = 'active')`.as('plan_state'),
          )
          .select(
            sql<Date | null>`(SELECT min(mt.starts_at) FROM meetings mt WHERE mt.municipality_id = r.municipality_id AND mt.resident_id = r.id
              AND mt.status = 'planned' AND mt.starts_at >= now())`.as('next_meeting_at'),
          );
      const after = f.after
        ? sql<boolean>`(${s.expr}, r.id) ${f.descending ? sql`<` : sql`>`} (${f.after.value}::${s.cast}, ${f.after.id}::uuid)`
        : null;
      if (f.sort === 'benefitStart') {
        // Sorted by the benefit (a lateral lookup): the page is found over the whole joined list.
        let q = columns(filtered(f)).select(sql<string | null>`NULL::text`.as('total'));
        if (after) q = q.where(after);
        return q.orderBy(sql`${s.expr} ${dir}`).orderBy(sql`r.id ${dir}`).limit(f.limit + 1).execute();
      }
      // The page's residents first, from residents (and their case) alone; then the other columns for those 51 only.
      // Joined first and sorted afterwards, a team view of 4,000 residents looked up cases, contact persons,
      // benefits, plans and meetings for all of them (140 ms at the national size) where an index gives name order.
      let page = core(f, f.sort === 'lastContact').select('r.id');
      page = applyFilters(page, f);
      if (after) page = page.where(after);
      const ids = page
        .select(after ? sql<string | null>`NULL::bigint`.as('total') : sql<string | null>`count(*) OVER ()`.as('total'))
        .orderBy(sql`${s.expr} ${dir}`)
        .orderBy(sql`r.id ${dir}`)
        .limit(f.limit + 1);
      // A CTE used twice is materialised: the ids (an array, so the rest starts from these primary keys, not from
      // the wijken) and the total come from one run of it.
      const root = tx.with('page_ids', () => ids) as unknown as Pick<Tx, 'selectFrom'>;
      return columns(filtered(f, root))
        .select(sql<string | null>`(SELECT max(pi.total) FROM page_ids pi)::text`.as('total'))
        .where(sql<boolean>`r.id = ANY (ARRAY(SELECT pi.id FROM page_ids pi))`)
        .orderBy(sql`${s.expr} ${dir}`)
        .orderBy(sql`r.id ${dir}`)
        .limit(f.limit + 1)
        .execute();
    },

    async count(f: Omit<ResidentListFilter, 'sort' | 'descending' | 'after' | 'limit'>) {
      const row = await applyFilters(core(f), f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The resident with this BSN in the caller's scope (the BRP lookup: is he in Samenplan already?), or undefined. */
    async idByBsn(bsn: string) {
      const row = await tx.selectFrom('residents as r').select('r.id').where('r.municipality_id', '=', m).where('r.bsn', '=', bsn).where(scopeSql(scope)).executeTakeFirst();
      return row?.id;
    },

    async findById(id: string) {
      return base()
        .select(summaryColumns)
        .select([
          'r.street',
          'r.house_number',
          'r.postcode',
          'r.city',
          'r.household_type',
          'r.education_level',
          'r.phone',
          'r.email',
          'r.is_fictitious',
          'r.version',
        ])
        .where('r.id', '=', id)
        .executeTakeFirst();
    },

    async insertResident(row: {
      id: string;
      bsn: string;
      given_names: string;
      family_name_prefix: string | null;
      family_name: string;
      date_of_birth: string;
      street: string;
      house_number: string;
      postcode: string;
      city: string;
      area_id: string;
      household_type: string;
      education_level: string;
      phone: string | null;
      email: string | null;
    }) {
      await tx.insertInto('residents').values({ ...row, municipality_id: m, updated_at: new Date() }).execute();
    },

    /**
     * The bulk import (src/modules/imports): inserts residents new to the municipality and updates those whose
     * data differs, by BSN, in one statement per batch; a row equal to what is stored is left alone (no new version,
     * no updated_at), so importing the same file twice changes nothing. Then an open benefit for new starts and an
     * active case for new residents. Row-level security applies: the import's scope holds every area.
     */
    async bulkUpsert(rows: readonly BulkResidentRow[]): Promise<{ created: string[]; updated: string[] }> {
      if (rows.length === 0) return { created: [], updated: [] };
      const col = <K extends keyof BulkResidentRow>(k: K) => rows.map((r) => r[k]);
      const { rows: upserted } = await sql<{ id: string; bsn: string; inserted: boolean }>`
        INSERT INTO residents AS r (municipality_id, id, bsn, given_names, family_name_prefix, family_name, date_of_birth,
          street, house_number, postcode, city, area_id, household_type, education_level, phone, email, updated_at)
        SELECT ${m}::uuid, gen_random_uuid(), x.bsn, x.given_names, x.family_name_prefix, x.family_name, x.date_of_birth,
          x.street, x.house_number, x.postcode, x.city, x.area_id, x.household_type, x.education_level, x.phone, x.email, now()
        FROM unnest(${col('bsn')}::text[], ${col('givenNames')}::text[], ${col('familyNamePrefix')}::text[], ${col('familyName')}::text[],
          ${col('dateOfBirth')}::date[], ${col('street')}::text[], ${col('houseNumber')}::text[], ${col('postcode')}::text[],
          ${col('city')}::text[], ${col('areaId')}::uuid[], ${col('householdType')}::text[], ${col('educationLevel')}::text[],
          ${col('phone')}::text[], ${col('email')}::text[])
          AS x (bsn, given_names, family_name_prefix, family_name, date_of_birth, street, house_number, postcode, city, area_id,
            household_type, education_level, phone, email)
        ON CONFLICT (municipality_id, bsn) DO UPDATE SET
          given_names = EXCLUDED.given_names, family_name_prefix = EXCLUDED.family_name_prefix, family_name = EXCLUDED.family_name,
          date_of_birth = EXCLUDED.date_of_birth, street = EXCLUDED.street, house_number = EXCLUDED.house_number,
          postcode = EXCLUDED.postcode, city = EXCLUDED.city, area_id = EXCLUDED.area_id, household_type = EXCLUDED.household_type,
          education_level = EXCLUDED.education_level, phone = EXCLUDED.phone, email = EXCLUDED.email,
          updated_at = now(), version = r.version + 1
        WHERE (r.given_names, r.family_name_prefix, r.family_name, r.date_of_birth, r.street, r.house_number, r.postcode, r.city,
            r.area_id, r.household_type, r.education_level, r.phone, r.email)
          IS DISTINCT FROM (EXCLUDED.given_names, EXCLUDED.family_name_prefix, EXCLUDED.family_name, EXCLUDED.date_of_birth,
            EXCLUDED.street, EXCLUDED.house_number, EXCLUDED.postcode, EXCLUDED.city, EXCLUDED.area_id, EXCLUDED.household_type,
            EXCLUDED.education_level, EXCLUDED.phone, EXCLUDED.email)
        RETURNING r.id, r.bsn, (r.xmax = 0) AS inserted`.execute(tx);
      // Every statement below works from ids and primary keys only (no join or correlated subquery over the
      // residents or benefits written so far in this transaction: their statistics are those of before the import,
      // and a plan that scans them per batch made a 400,000-line import quadratic).
      const created = upserted.filter((u) => u.inserted).map((u) => u.id);
      const updated = new Set(upserted.filter((u) => !u.inserted).map((u) => u.id));
      const idOf = new Map(upserted.map((u) => [u.bsn, u.id]));
      const starts = rows.filter((r) => r.benefitStartDate);
      const unknown = starts.filter((r) => !idOf.has(r.bsn)).map((r) => r.bsn);
      if (unknown.length > 0) {
        const { rows: found } = await sql<{ id: string; bsn: string }>`
          SELECT r.id, r.bsn FROM residents r WHERE r.municipality_id = ${m}::uuid AND r.bsn = ANY (${unknown}::bpchar[])`.execute(tx);
        for (const f of found) idOf.set(f.bsn, f.id);
      }
      const withId = starts.filter((r) => idOf.has(r.bsn));
      if (withId.length > 0) {
        // A start date the resident has no benefit for, while he has no open one: a new benefit period. The benefits
        // he has are read by id (an index lookup each) and compared here: a NOT EXISTS was planned as an anti join
        // over every benefit of the municipality, per batch.
        const ids = withId.map((r) => idOf.get(r.bsn)!);
        const { rows: existing } = await sql<{ resident_id: string; start_date: string; end_date: string | null }>`
          SELECT b.resident_id, b.start_date::text AS start_date, b.end_date::text AS end_date FROM benefits b
          WHERE b.municipality_id = ${m}::uuid AND b.resident_id = ANY (${ids}::uuid[])`.execute(tx);
        const blocked = new Set<string>();
        for (const b of existing) {
          if (b.end_date === null) blocked.add(b.resident_id);
          else blocked.add(`${b.resident_id}:${b.start_date}`);
        }
        const fresh = withId.filter((r) => {
          const id = idOf.get(r.bsn)!;
          return !blocked.has(id) && !blocked.has(`${id}:${r.benefitStartDate}`);
        });
        if (fresh.length > 0) {
          await sql`
            INSERT INTO benefits (municipality_id, id, resident_id, start_date, end_date)
            SELECT ${m}::uuid, gen_random_uuid(), x.resident_id, x.start_date, NULL
            FROM unnest(${fresh.map((r) => idOf.get(r.bsn)!)}::uuid[], ${fresh.map((r) => r.benefitStartDate)}::date[]) AS x (resident_id, start_date)`.execute(tx);
          for (const r of fresh) updated.add(idOf.get(r.bsn)!);
        }
      }
      // New residents (inserted by the statement above) have no case yet.
      if (created.length > 0) {
        const startOf = new Map(rows.map((r) => [r.bsn, r.benefitStartDate]));
        const today = todayInNl();
        const opened = upserted.filter((u) => u.inserted).map((u) => startOf.get(u.bsn) ?? today);
        await sql`
          INSERT INTO cases (municipality_id, id, resident_id, opened_on)
          SELECT ${m}::uuid, gen_random_uuid(), x.resident_id, x.opened_on
          FROM unnest(${created}::uuid[], ${opened}::date[]) AS x (resident_id, opened_on)`.execute(tx);
      }
      for (const id of created) updated.delete(id);
      return { created, updated: [...updated] };
    },

    async updateResident(id: string, expectedVersion: number, patch: Record<string, string | null>) {
      const res = await tx
        .updateTable('residents')
        .set({ ...patch, updated_at: new Date(), version: sql`version + 1` })
        .where('municipality_id', '=', m)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async insertBenefit(id: string, residentId: string, startDate: string) {
      await tx.insertInto('benefits').values({ municipality_id: m, id, resident_id: residentId, start_date: startDate, end_date: null }).execute();
    },

    async updateCurrentBenefitStart(residentId: string, startDate: string) {
      const res = await tx
        .updateTable('benefits')
        .set({ start_date: startDate })
        .where('municipality_id', '=', m)
        .where('resident_id', '=', residentId)
        .where('end_date', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    async insertCase(row: { id: string; residentId: string; openedOn: string; contactPersonId: string | null }) {
      await tx
        .insertInto('cases')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          opened_on: row.openedOn,
          contact_person_id: row.contactPersonId,
          contact_person_since: row.contactPersonId ? new Date() : null,
          last_contact_at: null,
          closed_on: null,
        })
        .execute();
    },

    async lockActiveCase(residentId: string) {
      return tx
        .selectFrom('cases')
        .select(['id', 'contact_person_id'])
        .where('municipality_id', '=', m)
        .where('resident_id', '=', residentId)
        .where('status', '=', 'active')
        .forUpdate()
        .executeTakeFirst();
    },

    async setContactPerson(caseId: string, residentId: string, staffUserId: string, note: string | null, assignedId: string) {
      const now = new Date();
      await tx
        .updateTable('contact_person_assignments')
        .set({ ended_at: now })
        .where('municipality_id', '=', m)
        .where('case_id', '=', caseId)
        .where('ended_at', 'is', null)
        .execute();
      await tx
        .updateTable('cases')
        .set({ contact_person_id: staffUserId, contact_person_since: now })
        .where('municipality_id', '=', m)
        .where('id', '=', caseId)
        .execute();
      await tx
        .insertInto('contact_person_assignments')
        .values({
          municipality_id: m,
          id: assignedId,
          case_id: caseId,
          resident_id: residentId,
          staff_user_id: staffUserId,
          assigned_at: now,
          ended_at: null,
          handover_note: note,
          assigned_by: principal.userId,
        })
        .execute();
    },

    async contactPersonHistory(residentId: string) {
      return tx
        .selectFrom('contact_person_assignments as h')
        .innerJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'h.municipality_id').onRef('s.id', '=', 'h.staff_user_id'))
        .leftJoin('staff_users as by', (j) => j.onRef('by.municipality_id', '=', 'h.municipality_id').onRef('by.id', '=', 'h.assigned_by'))
        .select([
          'h.id',
          'h.staff_user_id',
          's.display_name as staff_name',
          'h.assigned_at',
          'h.ended_at',
          'h.handover_note',
          'h.assigned_by',
          'by.display_name as assigned_by_name',
        ])
        .where('h.municipality_id', '=', m)
        .where('h.resident_id', '=', residentId)
        .orderBy('h.assigned_at', 'desc')
        .orderBy('h.id')
        .execute();
    },

    async consents(residentId: string, onlyPartnerOrganisationId?: string) {
      let q = tx
        .selectFrom('consents as k')
        .innerJoin('partner_organisations as po', (j) =>
          j.onRef('po.municipality_id', '=', 'k.municipality_id').onRef('po.id', '=', 'k.partner_organisation_id'),
        )
        .leftJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'k.municipality_id').onRef('s.id', '=', 'k.recorded_by'))
        .select([
          'k.id',
          'k.partner_organisation_id',
          'po.name as partner_name',
          'k.purpose',
          'k.valid_from',
          'k.valid_to',
          'k.withdrawn_at',
          'k.recorded_at',
          'k.recorded_by',
          's.display_name as recorded_by_name',
          sql<boolean>`(k.withdrawn_at IS NULL AND k.valid_from <= current_date AND (k.valid_to IS NULL OR k.valid_to >= current_date))`.as(
            'active',
          ),
        ])
        .where('k.municipality_id', '=', m)
        .where('k.resident_id', '=', residentId);
      if (onlyPartnerOrganisationId) q = q.where('k.partner_organisation_id', '=', onlyPartnerOrganisationId);
      return q.orderBy('k.recorded_at', 'desc').orderBy('k.id').execute();
    },

    async insertConsent(row: { id: string; residentId: string; partnerOrganisationId: string; purpose: string; validFrom: string; validTo: string | null }) {
      await tx
        .insertInto('consents')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          partner_organisation_id: row.partnerOrganisationId,
          purpose: row.purpose,
          valid_from: row.validFrom,
          valid_to: row.validTo,
          withdrawn_at: null,
          // A consent the resident gave himself in Mijn Samenplan names no staff member.
          recorded_by: principal.residentId ? null : principal.userId,
          recorded_at: new Date(),
        })
        .execute();
    },

    async withdrawConsent(residentId: string, consentId: string) {
      const res = await tx
        .updateTable('consents')
        .set({ withdrawn_at: new Date() })
        .where('municipality_id', '=', m)
        .where('resident_id', '=', residentId)
        .where('id', '=', consentId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async consentExists(residentId: string, consentId: string) {
      const row = await tx
        .selectFrom('consents')
        .select('id')
        .where('municipality_id', '=', m)
        .where('resident_id', '=', residentId)
        .where('id', '=', consentId)
        .executeTakeFirst();
      return Boolean(row);
    },

    async contactMoments(residentId: string, limit: number) {
      return tx
        .selectFrom('contact_moments as cm')
        .innerJoin('staff_users as s', (j) => j.onRef('s.municipality_id', '=', 'cm.municipality_id').onRef('s.id', '=', 'cm.staff_user_id'))
        .select(['cm.id', 'cm.occurred_at', 'cm.channel', 'cm.summary', 'cm.staff_user_id', 's.display_name as staff_name'])
        .where('cm.municipality_id', '=', m)
        .where('cm.resident_id', '=', residentId)
        .orderBy('cm.occurred_at', 'desc')
        .limit(limit)
        .execute();
    },

    async insertContactMoment(row: { id: string; residentId: string; occurredAt: Date; channel: string; summary: string | null }) {
      await tx
        .insertInto('contact_moments')
        .values({
          municipality_id: m,
          id: row.id,
          resident_id: row.residentId,
          staff_user_id: principal.userId,
          occurred_at: row.occurredAt,
          channel: row.channel,
          summary: row.summary,
        })
        .execute();
      await tx
        .updateTable('cases')
        .set({ last_contact_at: sql`greatest(last_contact_at, ${row.occurredAt})` })
        .where('municipality_id', '=', m)
        .where('resident_id', '=', row.residentId)
        .where('status', '=', 'active')
        .execute();
    },

    /** Issue 12: the resident's open benefit and active case (in scope, locked until commit), for an outflow. */
    async openBenefitAndCase(residentId: string) {
      const { rows } = await sql<{ benefit_id: string | null; benefit_start: string | null; case_id: string | null; date_of_birth: string }>`
        SELECT b.id AS benefit_id, b.start_date::text AS benefit_start, c.id AS case_id, r.date_of_birth::text AS date_of_birth
        FROM residents r
        LEFT JOIN benefits b ON b.municipality_id = r.municipality_id AND b.resident_id = r.id AND b.end_date IS NULL
        LEFT JOIN cases c ON c.municipality_id = r.municipality_id AND c.resident_id = r.id AND c.status = 'active'
        WHERE r.municipality_id = ${m} AND r.id = ${residentId}::uuid AND ${scopeSql(scope)}
        ORDER BY b.start_date DESC NULLS LAST, c.opened_on DESC NULLS LAST
        LIMIT 1
        FOR UPDATE OF r`.execute(tx);
      return rows[0] ?? null;
    },

    /** Issue 12: the outflow ends the benefit and closes the case on the same day (full outflow on the case). */
    async endBenefitAndCloseCase(benefitId: string, caseId: string, on: string) {
      await sql`UPDATE benefits SET end_date = ${on}::date WHERE municipality_id = ${m} AND id = ${benefitId}::uuid`.execute(tx);
      await sql`UPDATE cases SET status = 'closed', closed_on = ${on}::date, outflow = 'full', outflow_on = ${on}::date
        WHERE municipality_id = ${m} AND id = ${caseId}::uuid`.execute(tx);
      await sql`UPDATE contact_person_assignments SET ended_at = now()
        WHERE municipality_id = ${m} AND case_id = ${caseId}::uuid AND ended_at IS NULL`.execute(tx);
    },

    /** Issue 12: the latest benefit's end (a return to benefit must start after it). */
    async latestBenefitEnd(residentId: string) {
      const { rows } = await sql<{ end_date: string | null }>`
        SELECT max(end_date)::text AS end_date FROM benefits WHERE municipality_id = ${m} AND resident_id = ${residentId}::uuid`.execute(tx);
      return rows[0]?.end_date ?? null;
    },
  };
}

/** A resident as the bulk import delivers him (validated: src/modules/imports/imports.rules.ts). */
export interface BulkResidentRow {
  bsn: string;
  givenNames: string;
  familyNamePrefix: string | null;
  familyName: string;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  areaId: string;
  householdType: string;
  educationLevel: string;
  phone: string | null;
  email: string | null;
  benefitStartDate: string | null;
}

export type ResidentsStore = ReturnType<typeof residentsStore>;
export type ResidentSummaryRow = Awaited<ReturnType<ResidentsStore['list']>>[number];
export type ResidentDetailRow = NonNullable<Awaited<ReturnType<ResidentsStore['findById']>>>;

/**
 * Existence of a resident in the caller's municipality WITHOUT the need-to-know scope: a named exception of the
 * database (samenplan_resident_exists, SECURITY DEFINER) that answers yes or no and nothing else. Only for the privacy
 * officer's inspection of the processing log, which shows who processed the file, never the file itself.
 */
export async function residentExistsInMunicipality(tx: Tx, id: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT samenplan_resident_exists(${id}::uuid) AS found`.execute(tx);
  return rows[0]?.found === true;
}
