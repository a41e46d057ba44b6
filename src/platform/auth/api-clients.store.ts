import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Tx } from '../db/transaction.ts';

// The SQL of API clients (ADR 0032). The token endpoint and the bearer lookup run before the municipality is known:
// through the SECURITY DEFINER functions api_client_issue_token and api_client_principal (migration 202612081502).

export interface IssuedToken {
  municipality_id: string;
  client_scopes: string[];
  granted: string[] | null;
  expires_at: Date | null;
}

export async function issueToken(db: Db, clientId: string, secretHash: Buffer, tokenHash: Buffer, scopes: string[] | null, ttlSeconds: number): Promise<IssuedToken | null> {
  const { rows } = await sql<IssuedToken>`
    SELECT * FROM api_client_issue_token(${clientId}::uuid, ${secretHash}, ${tokenHash}, ${scopes}::text[], ${ttlSeconds})`.execute(db);
  return rows[0] ?? null;
}

export interface ApiClientPrincipalRow {
  municipality_id: string;
  municipality_name: string;
  contact_norm_days: number;
  client_id: string;
  name: string;
  partner_organisation_id: string;
  scopes: string[];
  expires_at: Date;
  area_term: string;
  partner_team_term: string;
}

export async function principalByToken(db: Db, tokenHash: Buffer): Promise<ApiClientPrincipalRow | null> {
  const { rows } = await sql<ApiClientPrincipalRow>`SELECT * FROM api_client_principal(${tokenHash})`.execute(db);
  return rows[0] ?? null;
}

export interface ApiClientRow {
  id: string;
  name: string;
  partner_organisation_id: string;
  scopes: string[];
  active: boolean;
  created_at: Date;
}

export function apiClientsStore(tx: Tx, municipalityId: string) {
  const m = municipalityId;
  return {
    async insert(row: { id: string; name: string; partnerOrganisationId: string; scopes: string[]; secretHash: Buffer; createdBy: string }) {
      await sql`
        INSERT INTO api_clients (municipality_id, id, name, partner_organisation_id, scopes, secret_hash, created_by)
        VALUES (${m}, ${row.id}, ${row.name}, ${row.partnerOrganisationId}, ${row.scopes}::text[], ${row.secretHash}, ${row.createdBy})`.execute(tx);
    },
    async list(): Promise<ApiClientRow[]> {
      const { rows } = await sql<ApiClientRow>`
        SELECT id, name, partner_organisation_id, scopes, active, created_at FROM api_clients
        WHERE municipality_id = ${m} ORDER BY created_at DESC, id`.execute(tx);
      return rows;
    },
    async get(id: string): Promise<ApiClientRow | undefined> {
      const { rows } = await sql<ApiClientRow>`
        SELECT id, name, partner_organisation_id, scopes, active, created_at FROM api_clients WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
      return rows[0];
    },
    async setActive(id: string, active: boolean): Promise<boolean> {
      const r = await sql`UPDATE api_clients SET active = ${active} WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  };
}
