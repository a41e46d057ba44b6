import { randomBytes, randomUUID } from 'node:crypto';
import { CloudEvent, HTTP } from 'cloudevents';
import { loadConfig } from '../../platform/config.ts';
import type { RequestContext } from '../../platform/context.ts';
import { jobScope, tenantTransaction, type Tx } from '../../platform/db/transaction.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { enqueueJob, type JobContext, type JobDefinition } from '../../platform/jobs/jobs.ts';
import { wholeList } from '../../platform/http/list.ts';
import { insertProcessingLogRows } from '../../platform/processing-log/processing-log.store.ts';
import { pseudonymise } from '../../platform/processing-log/pseudonym.ts';
import { activity } from '../../platform/processing-log/register.ts';
import { newSpanId, traceFromHeader } from '../../platform/processing-log/trace.ts';
import { SIGNATURE_HEADERS, signatureOf } from './webhooks.signature.ts';
import { webhooksStore, type DeliveryRow, type SubscriptionRow } from './webhooks.store.ts';

// Events for partner systems (issue 15, ADR 0025). A use case publishes an event inside its own transaction: one
// delivery row per active subscription to that type and one job each in the job outbox, so a change that rolls back
// is never delivered and a committed one always is (at least once). The delivery job sends the event as a CloudEvent
// 1.0 in structured mode (application/cloudevents+json, the `cloudevents` SDK), NL GOV profile: a reverse-DNS type, a
// URN source, the id of the plan, placement or outflow as subject, a `dataref` the partner fetches with its own
// authorisation, and no personal data. Signed per Standard Webhooks (webhooks.signature.ts). A failure (no 2xx, a
// timeout, no connection) is retried by the queue with exponential backoff; after `maxAttempts` the delivery is dead
// (the dead-letter view) and can be sent again by the administrator. Every attempt is in the processing log (PA-039).

export const EVENT_TYPES = ['nl.samenplan.plan.gewijzigd', 'nl.samenplan.plan.akkoord', 'nl.samenplan.plaatsing.gestart', 'nl.samenplan.uitstroom.geregistreerd'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const WEBHOOK_QUEUE = 'webhook-deliveries';
const DELIVER_ACTION = 'webhooks.deliver';

export interface PublishedEvent {
  type: EventType;
  /** The resident the event is about: only his processing-log pseudonym is stored, for logging each delivery. */
  residentId: string;
  /** The id of the plan, placement or outflow (the CloudEvent's subject). */
  subject: string;
  /** Path of the resource the partner fetches with its own authorisation (made absolute on delivery). */
  dataref: string;
  /** Low-information data: ids and codes only. */
  data: Record<string, string | number | boolean | null>;
}

/** Publishes an event in the caller's transaction (joins ctx.transaction). Nothing is sent before commit. */
export async function publishEvent(tx: Tx, ctx: Pick<RequestContext, 'principal' | 'pseudonymKey'>, event: PublishedEvent): Promise<number> {
  const m = ctx.principal.municipalityId;
  const store = webhooksStore(tx, m);
  const subscribers = await store.subscribersOf(event.type);
  if (subscribers.length === 0) return 0;
  const eventId = randomUUID();
  const stored = { type: event.type, subject: event.subject, dataref: event.dataref, time: new Date().toISOString(), data: event.data };
  const logSubject = pseudonymise(ctx.pseudonymKey, m, event.residentId);
  for (const s of subscribers) {
    const id = randomUUID();
    await store.insertDelivery({ id, subscriptionId: s.id, eventId, eventType: event.type, event: stored, logSubject });
    await enqueueJob(tx, m, WEBHOOK_QUEUE, { deliveryId: id });
  }
  return subscribers.length;
}

// ---- The administrator's subscriptions and the delivery log ----

export interface SubscriptionCreate {
  name: string;
  url: string;
  eventTypes: EventType[];
  partnerOrganisationId?: string | null;
}

const presentSubscription = (s: SubscriptionRow) => ({
  id: s.id,
  name: s.name,
  url: s.url,
  eventTypes: s.event_types,
  partnerOrganisationId: s.partner_organisation_id,
  active: s.active,
  createdAt: s.created_at.toISOString(),
});

export async function createSubscription(ctx: RequestContext, body: SubscriptionCreate) {
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  try {
    await ctx.transaction(async (tx) => {
      await webhooksStore(tx, ctx.principal.municipalityId).insertSubscription({
        id,
        name: body.name,
        partner_organisation_id: body.partnerOrganisationId ?? null,
        url: body.url,
        event_types: [...new Set(body.eventTypes)],
        secret,
        created_by: ctx.principal.userId,
      });
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23503') {
      throw problems.invalid([{ name: 'partnerOrganisationId', code: 'unknown', reason: 'Deze partnerorganisatie bestaat niet.' }]);
    }
    throw err;
  }
  const row = await ctx.transaction((tx) => webhooksStore(tx, ctx.principal.municipalityId).subscription(id));
  // The secret leaves the building once, now; the list never shows it again.
  return { ...presentSubscription(row!), secret };
}

export async function listSubscriptions(ctx: RequestContext) {
  const rows = await ctx.transaction((tx) => webhooksStore(tx, ctx.principal.municipalityId).subscriptions());
  return wholeList(rows.map(presentSubscription));
}

export async function setSubscriptionActive(ctx: RequestContext, id: string, active: boolean) {
  return ctx.transaction(async (tx) => {
    const store = webhooksStore(tx, ctx.principal.municipalityId);
    if (!(await store.setActive(id, active))) throw problems.notFound('Dit abonnement');
    return presentSubscription((await store.subscription(id))!);
  });
}

const presentDelivery = (d: DeliveryRow) => ({
  id: d.id,
  subscription: { id: d.subscription_id, name: d.subscription_name },
  eventId: d.event_id,
  eventType: d.event_type,
  subject: String(d.event.subject ?? ''),
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.last_status,
  lastError: d.last_error,
  lastAttemptAt: d.last_attempt_at?.toISOString() ?? null,
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  createdAt: d.created_at.toISOString(),
});

export async function listDeliveries(ctx: RequestContext, status: DeliveryRow['status'] | undefined) {
  const { rows, total } = await ctx.transaction((tx) => webhooksStore(tx, ctx.principal.municipalityId).deliveries(status, 200));
  return { items: rows.map(presentDelivery), total, next: null };
}

/** A dead delivery sent again (the dead-letter view): attempts start over. */
export async function redeliver(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx) => {
    const store = webhooksStore(tx, ctx.principal.municipalityId);
    const d = await store.delivery(id);
    if (!d) throw problems.notFound('Deze aflevering');
    if (d.status !== 'dead') throw new ProblemError(409, 'Niet opnieuw te versturen', 'Alleen een aflevering die definitief mislukte kan opnieuw worden verstuurd.');
    await store.requeue(id);
    await enqueueJob(tx, ctx.principal.municipalityId, WEBHOOK_QUEUE, { deliveryId: id });
    return presentDelivery((await store.delivery(id))!);
  });
}

// ---- Delivery ----

export interface WebhookOptions {
  /** Attempts before a delivery is dead (default 8: about 2 hours with a 30 s base delay). */
  maxAttempts: number;
  /** Base delay of the exponential backoff, in seconds (pg-boss: delay · 2^n, with jitter). */
  retryDelaySeconds: number;
  /** How long one attempt may take; a receiver that hangs is cut off and retried. */
  timeoutMs: number;
  /** Base of the dataref links (SAMENPLAN_PUBLIC_URL). */
  publicUrl?: string;
}

export const defaultWebhookOptions = (env: NodeJS.ProcessEnv = process.env): WebhookOptions => ({
  maxAttempts: Number(env.SAMENPLAN_WEBHOOK_MAX_ATTEMPTS ?? 8),
  retryDelaySeconds: Number(env.SAMENPLAN_WEBHOOK_RETRY_SECONDS ?? 30),
  timeoutMs: Number(env.SAMENPLAN_WEBHOOK_TIMEOUT_MS ?? 10_000),
});

/** The CloudEvent of a delivery, as the SDK writes it in structured mode. */
export function cloudEventOf(municipalityId: string, d: Pick<DeliveryRow, 'event_id' | 'event'>, publicUrl: string) {
  const e = d.event as { type: string; subject: string; dataref: string; time: string; data: Record<string, unknown> };
  return new CloudEvent({
    specversion: '1.0',
    id: d.event_id,
    source: `urn:nld:samenplan:gemeente:${municipalityId}`,
    type: e.type,
    subject: e.subject,
    time: e.time,
    datacontenttype: 'application/json',
    dataref: new URL(e.dataref, publicUrl).toString(),
    data: e.data,
  });
}

type Outcome = { delivered: boolean; httpStatus: number | null; error: string | null };

async function send(url: string, secret: string, ce: CloudEvent<unknown>, timeoutMs: number): Promise<Outcome> {
  const message = HTTP.structured(ce);
  const body = String(message.body);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    ...(message.headers as Record<string, string>),
    [SIGNATURE_HEADERS.id]: ce.id,
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.signature]: signatureOf(secret, ce.id, timestamp, body),
    'user-agent': 'Samenplan-Webhooks/1',
  };
  try {
    const res = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return { delivered: res.status >= 200 && res.status < 300, httpStatus: res.status, error: res.status >= 300 ? `HTTP ${res.status}` : null };
  } catch (err) {
    const name = (err as Error).name;
    return { delivered: false, httpStatus: null, error: name === 'TimeoutError' ? `Geen antwoord binnen ${timeoutMs} ms` : 'Geen verbinding met de ontvanger' };
  }
}

export class DeliveryFailed extends Error {}

/** One attempt of one delivery (the job). Throws when it failed and may be retried, so the queue backs off. */
export async function deliver(ctx: JobContext, municipalityId: string, deliveryId: string, options: WebhookOptions): Promise<DeliveryRow['status'] | 'skipped'> {
  const found = await tenantTransaction(ctx.appDb, jobScope(municipalityId), async (tx) => {
    const store = webhooksStore(tx, municipalityId);
    const d = await store.delivery(deliveryId);
    return d ? { d, s: await store.subscription(d.subscription_id) } : null;
  });
  if (!found || found.d.status !== 'pending' || !found.s) return 'skipped'; // delivered or dead already: at least once
  const { d, s } = found;
  const startedAt = new Date();
  const outcome: Outcome = s.active
    ? await send(s.url, s.secret, cloudEventOf(municipalityId, d, options.publicUrl ?? loadConfig(process.env).publicUrl), options.timeoutMs)
    : { delivered: false, httpStatus: null, error: 'Abonnement staat uit' };
  const attempts = d.attempts + 1;
  const status: DeliveryRow['status'] = outcome.delivered ? 'delivered' : attempts >= options.maxAttempts || !s.active ? 'dead' : 'pending';
  await tenantTransaction(ctx.appDb, jobScope(municipalityId), async (tx) => {
    await webhooksStore(tx, municipalityId).recordAttempt(deliveryId, { status, httpStatus: outcome.httpStatus, error: outcome.error });
    // The delivery is a processing for the resident the event is about (PA-039), on the subscription of the
    // administrator who made it: he is the actor.
    const a = activity('PA-039');
    const trace = traceFromHeader(undefined);
    await insertProcessingLogRows(tx, [
      {
        municipality_id: municipalityId,
        entry_id: randomUUID(),
        trace_id: trace.traceId,
        span_id: newSpanId(),
        parent_span_id: null,
        action: DELIVER_ACTION,
        status: outcome.delivered ? 'ok' : 'error',
        started_at: startedAt,
        ended_at: new Date(),
        processing_activity_id: a.id,
        processing_activity_version: a.version,
        data_subject_type: 'resident',
        data_subject_ids: [d.log_subject],
        actor_id: s.created_by,
        actor_role: 'admin',
        reason: null,
      },
    ]);
  });
  ctx.log(`Webhook ${deliveryId}: poging ${attempts}, ${outcome.delivered ? 'afgeleverd' : `${outcome.error}${status === 'dead' ? ', opgegeven' : ''}`}`);
  if (status === 'pending') throw new DeliveryFailed(`Aflevering mislukt (${outcome.error}); wordt opnieuw geprobeerd`);
  return status;
}

export function webhookJobs(options: WebhookOptions = defaultWebhookOptions()): JobDefinition[] {
  return [
    {
      queue: WEBHOOK_QUEUE,
      // The queue's own retries are the backoff; the delivery row counts attempts and stops at maxAttempts.
      retry: { limit: options.maxAttempts, delaySeconds: options.retryDelaySeconds, backoff: true },
      async handle(data, ctx) {
        const { municipalityId, deliveryId } = data as { municipalityId: string; deliveryId: string };
        await deliver(ctx, municipalityId, deliveryId, options);
      },
    },
  ];
}
