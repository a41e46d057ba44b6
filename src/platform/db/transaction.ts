import { sql, type Transaction } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** A database transaction scoped to one municipality and one principal's need-to-know. Only stores use it. */
export type Tx = Transaction<Database>;

/**
 * What the application role may see in a transaction (migration 202612030010, ADR 0011). PostgreSQL enforces it
 * with row-level security on every resident-bearing table, whatever SQL a store sends; empty grants nothing.
 */
export interface DbScope {
  municipalityId: string;
  /** The staff user (own notifications); null for jobs and residents. */
  userId: string | null;
  /** Residents living in these areas (the werkmatcher's and teamleider's team areas). */
  areaIds: readonly string[];
  /** Residents with an active consent for this partner organisation (the buurtteam), shared parts only. */
  partnerOrganisationId: string | null;
  /** Candidates the resident agreed to be presented as (werkgeversadviseur); the person only after the reveal. */
  candidates: boolean;
  /** The resident himself (the portal). */
  residentId: string | null;
  /** A background job of the municipality (notifications of all its staff); never set for a request. */
  system: boolean;
}

/** A scope that sees no resident at all: the municipality's own, non-personal tables only. */
export const noResidents = (municipalityId: string): DbScope => ({
  municipalityId,
  userId: null,
  areaIds: [],
  partnerOrganisationId: null,
  candidates: false,
  residentId: null,
  system: false,
});

/** A background job of one municipality: no residents, but notifications of every staff member. */
export const jobScope = (municipalityId: string): DbScope => ({ ...noResidents(municipalityId), system: true });

export interface TransactionOptions {
  /**
   * The transaction's prepared statements run on their generic plan (ADR 0011). A statement whose need-to-know
   * policies expand into many sub-plans can cost more to plan than to run, and PostgreSQL's own choice kept
   * re-planning Mijn caseload's statement on every request (pg_prepared_statements: 100 custom plans out of 100):
   * 1.9 ms of PostgreSQL CPU against 1.0 ms on its generic plan. Only for use cases whose plans do not depend on a
   * parameter's value (not a name search with a LIKE pattern).
   */
  genericPlans?: boolean;
}

/** Sets the scope for the rest of the transaction (SET LOCAL semantics), in one statement. */
export async function applyScope(tx: Tx, s: DbScope, options: TransactionOptions = {}): Promise<void> {
  const planMode = options.genericPlans ? sql`, set_config('plan_cache_mode', 'force_generic_plan', true)` : sql``;
  await sql`SELECT set_config('samenplan.municipality_id', ${s.municipalityId}, true),
    set_config('samenplan.user_id', ${s.userId ?? ''}, true),
    set_config('samenplan.scope_areas', ${`{${s.areaIds.join(',')}}`}, true),
    set_config('samenplan.scope_partner', ${s.partnerOrganisationId ?? ''}, true),
    set_config('samenplan.scope_candidates', ${s.candidates ? 'on' : ''}, true),
    set_config('samenplan.scope_resident', ${s.residentId ?? ''}, true),
    set_config('samenplan.scope_system', ${s.system ? 'on' : ''}, true)${planMode}`.execute(tx);
}

/**
 * Runs fn in a transaction with the municipality and the need-to-know scope applied (SET LOCAL semantics: the
 * settings end with the transaction, so a pooled connection never carries another principal's scope).
 */
export async function tenantTransaction<T>(db: Db, scope: DbScope, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await applyScope(tx, scope, options);
    return fn(tx);
  });
}
