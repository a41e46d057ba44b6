import { sql } from 'kysely';
import type { Tx } from '../../platform/db/transaction.ts';

// The only SQL of webhook subscriptions and deliveries (issue 15, ADR 0025). Every statement names the municipality;
// row-level security checks it again.

export interface SubscriptionRow {
  id: string;
  name: string;
  partner_organisation_id: string | null;
  url: string;
  event_types: string[];
  secret: string;
  active: boolean;
  created_by: string;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  subscription_name: string;
  event_id: string;
  event_type: string;
  event: Record<string, unknown>;
  log_subject: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Date;
}

export function webhooksStore(tx: Tx, municipalityId: string) {
  const m = municipalityId;
  return {
    async insertSubscription(row: Omit<SubscriptionRow, 'created_at' | 'active'>) {
      await sql`
        INSERT INTO webhook_subscriptions (municipality_id, id, name, partner_organisation_id, url, event_types, secret, created_by)
        VALUES (${m}, ${row.id}, ${row.name}, ${row.partner_organisation_id}, ${row.url}, ${row.event_types}::text[], ${row.secret}, ${row.created_by})`.execute(tx);
    },

    async subscriptions(): Promise<SubscriptionRow[]> {
      const { rows } = await sql<SubscriptionRow>`
        SELECT id, name, partner_organisation_id, url, event_types, secret, active, created_by, created_at
        FROM webhook_subscriptions WHERE municipality_id = ${m} ORDER BY created_at DESC, id`.execute(tx);
      return rows;
    },

    async subscription(id: string): Promise<SubscriptionRow | undefined> {
      const { rows } = await sql<SubscriptionRow>`
        SELECT id, name, partner_organisation_id, url, event_types, secret, active, created_by, created_at
        FROM webhook_subscriptions WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
      return rows[0];
    },

    async setActive(id: string, active: boolean): Promise<boolean> {
      const r = await sql`UPDATE webhook_subscriptions SET active = ${active} WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
      return Number(r.numAffectedRows ?? 0) > 0;
    },

    /** Active subscriptions to an event type. */
    async subscribersOf(eventType: string): Promise<Array<{ id: string }>> {
      const { rows } = await sql<{ id: string }>`
        SELECT id FROM webhook_subscriptions
        WHERE municipality_id = ${m} AND active AND ${eventType} = ANY(event_types)`.execute(tx);
      return rows;
    },

    async insertDelivery(row: { id: string; subscriptionId: string; eventId: string; eventType: string; event: Record<string, unknown>; logSubject: string }) {
      await sql`
        INSERT INTO webhook_deliveries (municipality_id, id, subscription_id, event_id, event_type, event, log_subject)
        VALUES (${m}, ${row.id}, ${row.subscriptionId}, ${row.eventId}, ${row.eventType}, ${JSON.stringify(row.event)}::jsonb, ${row.logSubject})`.execute(tx);
    },

    async delivery(id: string): Promise<DeliveryRow | undefined> {
      const { rows } = await sql<DeliveryRow>`
        SELECT d.id, d.subscription_id, s.name AS subscription_name, d.event_id, d.event_type, d.event, d.log_subject, d.status,
          d.attempts, d.last_status, d.last_error, d.last_attempt_at, d.delivered_at, d.created_at
        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.municipality_id = d.municipality_id AND s.id = d.subscription_id
        WHERE d.municipality_id = ${m} AND d.id = ${id}`.execute(tx);
      return rows[0];
    },

    async deliveries(status: DeliveryRow['status'] | undefined, limit: number): Promise<{ rows: DeliveryRow[]; total: number }> {
      const filter = status ? sql`AND d.status = ${status}` : sql``;
      const { rows } = await sql<DeliveryRow & { total: string }>`
        SELECT d.id, d.subscription_id, s.name AS subscription_name, d.event_id, d.event_type, d.event, d.log_subject, d.status,
          d.attempts, d.last_status, d.last_error, d.last_attempt_at, d.delivered_at, d.created_at, count(*) OVER () AS total
        FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.municipality_id = d.municipality_id AND s.id = d.subscription_id
        WHERE d.municipality_id = ${m} ${filter}
        ORDER BY d.created_at DESC, d.id LIMIT ${limit}`.execute(tx);
      return { rows, total: Number(rows[0]?.total ?? 0) };
    },

    /** Records one attempt; returns the delivery as it is now. */
    async recordAttempt(id: string, outcome: { status: DeliveryRow['status']; httpStatus: number | null; error: string | null }) {
      await sql`
        UPDATE webhook_deliveries SET attempts = attempts + 1, status = ${outcome.status}, last_status = ${outcome.httpStatus},
          last_error = ${outcome.error}, last_attempt_at = now(),
          delivered_at = CASE WHEN ${outcome.status} = 'delivered' THEN now() ELSE delivered_at END
        WHERE municipality_id = ${m} AND id = ${id}`.execute(tx);
    },

    async requeue(id: string): Promise<boolean> {
      const r = await sql`UPDATE webhook_deliveries SET status = 'pending', attempts = 0 WHERE municipality_id = ${m} AND id = ${id} AND status = 'dead'`.execute(tx);
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  };
}
