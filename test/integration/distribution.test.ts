import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Db } from '../../src/platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

// National scale (issue 15, docs/scaling.md): every tenant table can be distributed by municipality_id (Citus
// create_distributed_table). Read from the catalog of a migrated database: each tenant table has municipality_id;
// its primary key, every unique constraint and unique index, and every foreign key to another tenant table include
// municipality_id (Citus requires the distribution column in each, and co-locates the tables on it). The tables
// that are not distributed are named here, with why.

/** Reference tables (Citus create_reference_table: a copy on every node) and tables outside the tenant data. */
const REFERENCE_TABLES: Record<string, string> = {
  municipalities: 'the register of municipalities: small, read by every tenant table (reference table)',
  processing_activities: 'the register of processing activities (art. 30 AVG): the same for every municipality (reference table)',
  schema_migrations: 'which migrations ran: on the coordinator only (local table)',
  login_rate_limits:
    'failed logins per client address (HMAC), counted before anyone is logged in, so before the municipality is known: on the coordinator only (local table)',
};

/**
 * Unique keys without municipality_id that exist on purpose, and how a distributed deployment keeps them
 * (docs/scaling.md, "What is not co-located"). A new one fails the test until it is named here.
 */
const GLOBAL_KEYS: Record<string, string> = {
  'staff_users.staff_users_username_key (username)':
    'a login name is unique in the country (login happens before the municipality is known): on Citus a reference table staff_logins(username → municipality_id), staff_users distributed',
  'staff_users.staff_users_oidc_subject_key (oidc_subject)': 'the same for the OIDC subject (staff_logins holds it too)',
  'residents.residents_portal_demo_username_idx (portal_demo_username)':
    'a demo resident\'s login name (demo databases only) is unique in the country, as a staff login name is: on Citus it goes into the same reference table staff_logins',
  'sessions.sessions_pkey (id_hash)':
    'a session is found by its token hash before the municipality is known: sessions is distributed by id_hash (not co-located) or stays a local table on the coordinator',
};

let db: TestDatabase;
let owner: Db;

beforeAll(async () => {
  db = await createTestDatabase('empty');
  owner = createDb(createPool(db.ownerUrl, { max: 2 }));
});

afterAll(async () => {
  await owner?.destroy();
  await db?.drop();
});

async function tables(): Promise<{ name: string; hasMunicipality: boolean }[]> {
  const { rows } = await sql<{ name: string; has: boolean }>`
    SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id' AND NOT a.attisdropped) AS has
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(owner);
  return rows.map((r) => ({ name: r.name, hasMunicipality: r.has }));
}

async function tenantTables(): Promise<Set<string>> {
  return new Set((await tables()).filter((t) => t.hasMunicipality && !(t.name in REFERENCE_TABLES)).map((t) => t.name));
}

describe('schema ready for distribution by municipality_id (Citus)', () => {
  it('every table is a tenant table with municipality_id, or a named reference/local table', async () => {
    const all = await tables();
    const without = all.filter((t) => !t.hasMunicipality && t.name !== 'municipalities').map((t) => t.name);
    expect(without.filter((t) => !(t in REFERENCE_TABLES))).toEqual([]);
    expect(all.length).toBeGreaterThan(30);
  });

  it('each primary key, unique constraint and unique index of a tenant table includes municipality_id', async () => {
    const { rows } = await sql<{ table_name: string; index_name: string; columns: string[] }>`
      SELECT t.relname AS table_name, i.relname AS index_name,
        array(SELECT a.attname::text FROM unnest(x.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k) AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND x.indisunique AND t.relkind IN ('r', 'p')`.execute(owner);
    const tenant = await tenantTables();
    const offending = rows
      .filter((r) => tenant.has(r.table_name) && !r.columns.includes('municipality_id'))
      .map((r) => `${r.table_name}.${r.index_name} (${r.columns.join(', ')})`)
      .sort();
    expect(offending).toEqual(Object.keys(GLOBAL_KEYS).sort());
    expect(rows.filter((r) => tenant.has(r.table_name)).length).toBeGreaterThan(30);
  });

  it('each foreign key between tenant tables includes municipality_id on both sides (co-located joins)', async () => {
    const { rows } = await sql<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>`
      SELECT c.conname AS name, f.relname AS from_table, t.relname AS to_table,
        array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS from_cols,
        array(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k) AS to_cols
      FROM pg_constraint c JOIN pg_class f ON f.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = f.relnamespace WHERE n.nspname = 'public' AND c.contype = 'f'`.execute(owner);
    const tenant = await tenantTables();
    const between = rows.filter((r) => tenant.has(r.from_table) && tenant.has(r.to_table));
    const offending = between
      .filter((r) => {
        const i = r.from_cols.indexOf('municipality_id');
        return i === -1 || r.to_cols[i] !== 'municipality_id';
      })
      .map((r) => `${r.name}: ${r.from_table}(${r.from_cols.join(', ')}) → ${r.to_table}(${r.to_cols.join(', ')})`);
    expect(offending).toEqual([]);
    expect(between.length).toBeGreaterThan(30);
    // Foreign keys to reference tables are allowed (Citus: distributed → reference); none point the other way.
    const fromReference = rows.filter((r) => r.from_table in REFERENCE_TABLES && tenant.has(r.to_table)).map((r) => r.name);
    expect(fromReference).toEqual([]);
  });
});
