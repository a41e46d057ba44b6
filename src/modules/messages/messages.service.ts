import { randomUUID } from 'node:crypto';
import { isResident } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { enqueueJob } from '../../platform/jobs/jobs.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { notifyAfterCommit } from '../worklist/notifications.service.ts';
import { MESSAGE_PROBLEM_NL, messageProblem } from './messages.rules.ts';
import { messagesStore, type MessageRow } from './messages.store.ts';

// Messages between a resident and his contact person (issue 11, PA-022): one conversation per resident, inside
// Samenplan. The resident writes from Mijn Samenplan, the area team reads and answers from the resident page.
// Row-level security decides who sees a conversation (the area team through scope_area_id, the resident his own);
// a resident outside the caller's scope answers 404. Nobody is told the words of a message outside Samenplan: the
// werkmatcher gets a notification (and its e-mail) that there is a message, the resident an e-mail that says so.

export const RESIDENT_MESSAGE_EMAIL_QUEUE = 'resident-message-email';
const RESIDENT = 'Deze inwoner';

function valid(body: string): string {
  const problem = messageProblem(body);
  if (problem) throw problems.invalid([{ name: 'body', code: problem, reason: MESSAGE_PROBLEM_NL[problem] }]);
  return body.trim();
}

function present(r: MessageRow, viewer: 'resident' | 'staff') {
  return {
    id: r.id,
    from: r.sender,
    authorName: r.sender === 'resident' ? (viewer === 'resident' ? 'U' : 'Inwoner') : (r.staff_name ?? 'Medewerker'),
    mine: r.sender === viewer,
    body: r.body,
    sentAt: r.sent_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}

export type MessageView = ReturnType<typeof present>;

function ownResident(ctx: RequestContext): string {
  if (!isResident(ctx.principal)) throw problems.notFound(RESIDENT);
  return ctx.principal.residentId;
}

// --- The resident's side (Mijn Samenplan) ---------------------------------------------------------------------------

/** His conversation, oldest first; what his contact person wrote is read from now on. */
export async function ownMessages(ctx: RequestContext) {
  const residentId = ownResident(ctx);
  return ctx.transaction(async (tx, log) => {
    const store = messagesStore(tx, ctx.principal.municipalityId);
    const unread = await store.markRead(residentId, 'staff');
    const { rows, total } = await store.thread(residentId);
    const resident = await residentsStore(tx, ctx.principal).findById(residentId);
    log.subjects([residentId], { action: 'messages.read' });
    return { items: rows.map((r) => present(r, 'resident')), total, next: null, unreadBefore: unread, contactPerson: resident?.contact_person_name ?? null };
  });
}

/** He writes to his contact person; she is told on her werklijst (and by e-mail) that there is a message. */
export async function sendOwnMessage(ctx: RequestContext, body: string) {
  const residentId = ownResident(ctx);
  const text = valid(body);
  return ctx.transaction(async (tx, log) => {
    const resident = await residentsStore(tx, ctx.principal).findById(residentId);
    if (!resident) throw problems.notFound(RESIDENT);
    const store = messagesStore(tx, ctx.principal.municipalityId);
    const id = randomUUID();
    await store.insert({ id, residentId, sender: 'resident', staffUserId: null, body: text });
    if (resident.contact_person_id) {
      await notifyAfterCommit(tx, ctx.principal.municipalityId, {
        staffUserId: resident.contact_person_id,
        kind: 'residentRequest',
        // That there is a message, never its words nor the resident's name (notifications.service.ts).
        title: 'Een inwoner stuurde u een bericht',
        body: 'Open het dossier in Samenplan om het bericht te lezen en te beantwoorden.',
        link: `/inwoners/${residentId}?tab=berichten`,
        dedupeKey: `message:${id}`,
      });
    }
    log.subjects([residentId], { action: 'messages.send' });
    const { rows } = await store.thread(residentId);
    return present(rows.find((r) => r.id === id)!, 'resident');
  });
}

/** For his home page: how many messages of his contact person he has not read yet. */
export async function ownUnreadCount(ctx: RequestContext): Promise<number> {
  const residentId = ownResident(ctx);
  return ctx.transaction(async (tx, log) => {
    const n = await messagesStore(tx, ctx.principal.municipalityId).unreadCount(residentId, 'staff');
    log.subjects([residentId], { action: 'messages.unread' });
    return n;
  });
}

/** Everything for his data download (AVG art. 15), without marking anything read. */
export async function ownMessagesForExport(ctx: RequestContext) {
  const residentId = ownResident(ctx);
  return ctx.transaction(async (tx, log) => {
    const { rows } = await messagesStore(tx, ctx.principal.municipalityId).thread(residentId);
    log.subjects([residentId], { action: 'messages.export' });
    return rows.map((r) => present(r, 'resident'));
  });
}

// --- The area team's side (the resident page) -----------------------------------------------------------------------

async function residentInScope(ctx: RequestContext, residentId: string) {
  const resident = await ctx.transaction((tx) => residentsStore(tx, ctx.principal).findById(residentId));
  if (!resident) throw problems.notFound(RESIDENT);
  return resident;
}

/** The conversation on the resident page; what the resident wrote is read from now on. */
export async function residentMessages(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    await residentInScope(ctx, residentId);
    const store = messagesStore(tx, ctx.principal.municipalityId);
    const unread = await store.markRead(residentId, 'resident');
    const { rows, total } = await store.thread(residentId);
    log.subjects([residentId], { action: 'messages.read' });
    return { items: rows.map((r) => present(r, 'staff')), total, next: null, unreadBefore: unread };
  });
}

/** The werkmatcher answers; the resident gets an e-mail that there is a new message (never its words). */
export async function sendResidentMessage(ctx: RequestContext, residentId: string, body: string) {
  const text = valid(body);
  return ctx.transaction(async (tx, log) => {
    await residentInScope(ctx, residentId);
    const store = messagesStore(tx, ctx.principal.municipalityId);
    const id = randomUUID();
    await store.insert({ id, residentId, sender: 'staff', staffUserId: ctx.principal.userId, body: text });
    await enqueueJob(tx, ctx.principal.municipalityId, RESIDENT_MESSAGE_EMAIL_QUEUE, { residentId, messageId: id });
    log.subjects([residentId], { action: 'messages.send' });
    const { rows } = await store.thread(residentId);
    return present(rows.find((r) => r.id === id)!, 'staff');
  });
}

/** The werkmatcher's werklijst: residents of her own caseload with messages she has not read. */
export async function unreadForMe(ctx: RequestContext) {
  return ctx.transaction(async (tx, log) => {
    const rows = await messagesStore(tx, ctx.principal.municipalityId).unreadForContactPerson(ctx.principal.userId);
    log.subjects(rows.map((r) => r.resident_id), { action: 'messages.unread' });
    const items = rows.map((r) => ({ residentId: r.resident_id, displayName: displayName(r), unread: r.unread, lastSentAt: r.last_sent_at.toISOString() }));
    return { items, total: items.length, next: null, unreadTotal: items.reduce((s, r) => s + r.unread, 0) };
  });
}
