import { randomUUID } from 'node:crypto';
import { isValidBsn, maskBsn, normaliseBsn } from '../../domain/bsn.ts';
import type { Role } from '../../platform/access/principal.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import type { ListPage } from '../../platform/http/list.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { pseudonymise } from '../../platform/processing-log/pseudonym.ts';
import { processingActivities } from '../../platform/processing-log/register.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { REASON_MAX, REASON_MIN, type ErasureBody, type LogQuery, type LookupBody } from './privacy.schema.ts';
import { actorsInLog, assessErasure, countLogEntries, eraseResident, erasureRequests, findResident, insertErasureRequest, logEntries, type LogEntryRow, type LogFilter, type PrivacyResidentRow } from './privacy.store.ts';
import { subjectAccessCsv, subjectAccessPdf, type SubjectAccessReport } from './subject-access.ts';

// The privacy officer's use cases (issue 10, point 9). He sees the log and the register, and who a resident is
// (found by BSN), never the resident's case records. Every look at the log about a resident is itself logged:
// the lookup with the reason he gave (PA-007), the export for a subject access request (PA-019).

/** Keyset cursor over the log: the storage id of the last entry shown. */
const encode = (id: string) => Buffer.from(JSON.stringify(['log', id])).toString('base64url');
function decode(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && v[0] === 'log' && typeof v[1] === 'string' && /^[0-9]{1,19}$/.test(v[1])) return v[1];
  } catch {
    // fall through
  }
  throw problems.invalid(
    [{ name: 'cursor', code: 'invalid', reason: 'Deze cursor hoort niet bij deze lijst. Begin bij de eerste pagina.' }],
    'De paginacursor is ongeldig.',
  );
}

export function presentEntry(r: LogEntryRow) {
  return {
    id: r.id,
    seq: r.seq,
    at: r.started_at.toISOString(),
    action: r.action,
    status: r.status as 'ok' | 'error',
    activity: { id: r.processing_activity_id, version: r.processing_activity_version, name: r.activity_name, purpose: r.purpose, legalBasis: r.legal_basis },
    actor: { id: r.actor_id, displayName: r.actor_name, role: r.actor_role as Role, organisation: r.actor_organisation },
    subjectType: r.data_subject_type as 'resident' | 'employerContact' | 'aggregate',
    subjectCount: r.subject_count,
    reason: r.reason,
  };
}
type Entry = ReturnType<typeof presentEntry>;

async function page(ctx: RequestContext, tx: Tx, f: LogFilter, limit: number, cursor?: string): Promise<ListPage<Entry>> {
  const beforeId = decode(cursor);
  const rows = await logEntries(tx, ctx.principal.municipalityId, { ...f, beforeId }, limit + 1);
  const total = await countLogEntries(tx, ctx.principal.municipalityId, f);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return { items: shown.map(presentEntry), total, next: rows.length > limit && last ? encode(last.id) : null };
}

const identity = (r: PrivacyResidentRow) => ({ id: r.id, name: displayName(r), dateOfBirth: r.date_of_birth, bsnMasked: maskBsn(r.bsn) });

/** Looks up a resident of the municipality by BSN and shows what the log says about him; logged with the reason. */
export async function lookupResident(ctx: RequestContext, body: LookupBody) {
  const errors: InvalidParam[] = [];
  const bsn = normaliseBsn(body.bsn.trim());
  if (bsn === '') errors.push({ name: 'bsn', code: 'required', reason: 'Vul het BSN van de inwoner in.' });
  else if (!/^[0-9]{9}$/.test(bsn)) errors.push({ name: 'bsn', code: 'format', reason: 'Een BSN heeft 9 cijfers. Controleer het nummer.' });
  else if (!isValidBsn(bsn)) errors.push({ name: 'bsn', code: 'elfproef', reason: 'Dit BSN klopt niet: controleer de 9 cijfers.' });
  const reason = body.reason.trim().replace(/\s+/g, ' ');
  if (reason === '') errors.push({ name: 'reason', code: 'required', reason: 'Geef een reden: waarom bekijkt u de verwerkingen van deze inwoner?' });
  else if (reason.length < REASON_MIN)
    errors.push({ name: 'reason', code: 'tooShort', reason: `Schrijf de reden iets uitgebreider (minstens ${REASON_MIN} tekens), bijvoorbeeld "Inzageverzoek van 3 december".` });
  else if (reason.length > REASON_MAX) errors.push({ name: 'reason', code: 'tooLong', reason: `Houd de reden korter dan ${REASON_MAX} tekens.` });
  if (errors.length > 0) throw problems.invalid(errors);

  return ctx.transaction(async (tx, log) => {
    const found = await findResident(tx, { bsn });
    if (!found) throw problems.notFound('Een inwoner met dit BSN in uw gemeente');
    const pseudonym = pseudonymise(ctx.pseudonymKey, ctx.principal.municipalityId, found.id);
    const entries = await page(ctx, tx, { pseudonym }, body.limit, body.cursor);
    // Looking at the log about someone is itself a processing of his data, with the reason given.
    log.subjects([found.id], { action: 'privacy.lookup', reason });
    return { resident: identity(found), entries };
  });
}

/** The log of the municipality, filtered by actor, activity and period, newest first. Names no resident. */
export async function searchLog(ctx: RequestContext, q: LogQuery) {
  if (q.from && q.to && q.from > q.to)
    throw problems.invalid([{ name: 'to', code: 'beforeFrom', reason: 'De einddatum ligt voor de begindatum. Kies een latere einddatum.' }]);
  return ctx.transaction(async (tx, log) => {
    const result = await page(ctx, tx, { actorId: q.actor, activityId: q.activity, from: q.from, to: q.to }, q.limit, q.cursor);
    // The entries name actors and activities, and only pseudonymous subjects (counted, not shown).
    log.aggregate({ action: 'privacy.searchLog' });
    return result;
  });
}

/** Staff who appear in the log: the choices of the actor filter. */
export async function listActors(ctx: RequestContext) {
  return ctx.transaction(async (tx) => {
    const rows = await actorsInLog(tx, ctx.principal.municipalityId);
    const items = rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles as Role[], organisation: r.organisation }));
    return { items, total: items.length, next: null };
  });
}

/** The register of processing activities (art. 30 AVG), newest version of each. */
export function listActivities() {
  const latest = new Map<string, (typeof processingActivities)[number]>();
  for (const a of processingActivities) if ((latest.get(a.id)?.version ?? 0) < a.version) latest.set(a.id, a);
  const items = [...latest.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => ({ ...a, dataCategories: [...a.dataCategories] }));
  return { items, total: items.length, next: null };
}

const EXPORT_LIMIT = 20_000;

/** Everything the log says about one resident, for his subject access request (PA-019), as PDF, CSV or JSON. */
export async function subjectAccessExport(ctx: RequestContext, residentId: string, format: 'pdf' | 'csv' | 'json') {
  const report = await ctx.transaction(async (tx, log) => {
    const found = await findResident(tx, { id: residentId });
    if (!found) throw problems.notFound('Deze inwoner');
    const pseudonym = pseudonymise(ctx.pseudonymKey, ctx.principal.municipalityId, found.id);
    const rows = await logEntries(tx, ctx.principal.municipalityId, { pseudonym }, EXPORT_LIMIT);
    log.subjects([found.id], { action: 'privacy.subjectAccessExport' });
    const r: SubjectAccessReport = {
      resident: { ...identity(found), bsn: found.bsn },
      municipality: ctx.principal.municipalityName ?? '',
      generatedAt: new Date(),
      generatedBy: ctx.principal.displayName ?? '',
      entries: rows.map(presentEntry),
    };
    return r;
  });
  const stem = `inzage-${report.resident.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${report.generatedAt.toISOString().slice(0, 10)}`;
  if (format === 'json') return { type: 'application/json', fileName: `${stem}.json`, body: JSON.stringify(report, null, 2) };
  if (format === 'csv') return { type: 'text/csv; charset=utf-8', fileName: `${stem}.csv`, body: subjectAccessCsv(report) };
  return { type: 'application/pdf', fileName: `${stem}.pdf`, body: await subjectAccessPdf(report) };
}

/**
 * Issue 16: an erasure request (AVG art. 17). The database decides by the same legal duty the retention job applies
 * (samenplan_erase_resident): refused while a case is active or closed less than 10 years ago (art. 17 lid 3 sub b:
 * a legal duty to keep), otherwise the file is pseudonymised and the consents deleted. The decision is kept under the
 * subject's pseudonym; the request is logged under PA-042 with its reason.
 */
function checkErasureBody(body: ErasureBody): { bsn: string; reason: string } {
  const errors: InvalidParam[] = [];
  const bsn = normaliseBsn(body.bsn.trim());
  if (!/^[0-9]{9}$/.test(bsn)) errors.push({ name: 'bsn', code: 'format', reason: 'Een BSN heeft 9 cijfers. Controleer het nummer.' });
  else if (!isValidBsn(bsn)) errors.push({ name: 'bsn', code: 'elfproef', reason: 'Dit BSN klopt niet: controleer de 9 cijfers.' });
  const reason = body.reason.trim().replace(/\s+/g, ' ');
  if (reason.length < REASON_MIN)
    errors.push({ name: 'reason', code: 'tooShort', reason: `Beschrijf het verzoek (minstens ${REASON_MIN} tekens), bijvoorbeeld "Brief van 3 december: wil gewist worden".` });
  else if (reason.length > REASON_MAX) errors.push({ name: 'reason', code: 'tooLong', reason: `Houd de beschrijving korter dan ${REASON_MAX} tekens.` });
  if (errors.length > 0) throw problems.invalid(errors);
  return { bsn, reason };
}

/**
 * Issue 16: what the law says for the resident of this BSN before the privacy officer decides (the same rule as the
 * decision, samenplan_erasure_assessment), changing nothing. Logged under PA-042 with the request's description.
 */
export async function assessErasureRequest(ctx: RequestContext, body: ErasureBody, now = new Date()) {
  const { bsn, reason } = checkErasureBody(body);
  return ctx.transaction(async (tx, log) => {
    const found = await findResident(tx, { bsn });
    if (!found) throw problems.notFound('Een inwoner met dit BSN in uw gemeente');
    const a = await assessErasure(tx, found.id, now);
    if (!a) throw problems.notFound('Een inwoner met dit BSN in uw gemeente');
    log.subjects([found.id], { action: 'privacy.erasureAssessment', reason });
    const { name, dateOfBirth, bsnMasked } = identity(found);
    return { resident: { name, dateOfBirth, bsnMasked }, decision: a.decision, refusalReason: a.refusal_reason, retainUntil: a.retain_until };
  });
}

/** Issue 16: the decisions on erasure requests, newest first; under pseudonym, so the list names no resident. */
export async function listErasureRequests(ctx: RequestContext, q: { limit: number; cursor?: string }) {
  const offset = Number(q.cursor ?? 0);
  return ctx.transaction(async (tx, log) => {
    log.aggregate({ action: 'privacy.erasureList' });
    const { rows, total } = await erasureRequests(tx, ctx.principal.municipalityId, q.limit, offset);
    const items = rows.map((r) => ({
      id: r.id,
      decision: r.decision,
      refusalReason: r.refusal_reason,
      retainUntil: r.retain_until,
      decidedAt: r.decided_at.toISOString(),
      decidedBy: r.decided_by_name,
    }));
    return { items, total, next: offset + rows.length < total ? String(offset + rows.length) : null };
  });
}

export async function decideErasure(ctx: RequestContext, body: ErasureBody, now = new Date()) {
  const { bsn, reason } = checkErasureBody(body);
  return ctx.transaction(async (tx, log) => {
    const found = await findResident(tx, { bsn });
    if (!found) throw problems.notFound('Een inwoner met dit BSN in uw gemeente');
    const decided = await eraseResident(tx, found.id, now);
    if (!decided) throw problems.notFound('Een inwoner met dit BSN in uw gemeente');
    const id = randomUUID();
    await insertErasureRequest(tx, {
      municipalityId: ctx.principal.municipalityId,
      id,
      pseudonym: pseudonymise(ctx.pseudonymKey, ctx.principal.municipalityId, found.id),
      decision: decided.decision,
      refusalReason: decided.refusal_reason,
      retainUntil: decided.retain_until,
      decidedBy: ctx.principal.userId,
    });
    log.subjects([found.id], { action: 'privacy.erasure', reason });
    const explanation =
      decided.decision === 'erased'
        ? 'Uw gegevens zijn gewist: uw naam, BSN, adres en contactgegevens zijn vervangen en uw toestemmingen verwijderd.'
        : decided.refusal_reason === 'activeCase'
          ? 'Uw gegevens kunnen nu niet worden gewist: u krijgt nog begeleiding of een uitkering, en de wet (Participatiewet) verplicht de gemeente uw dossier te bewaren.'
          : `Uw gegevens kunnen nog niet worden gewist: de wet (Archiefwet, Selectielijst 2020) verplicht de gemeente uw dossier te bewaren tot ${decided.retain_until}. Daarna wordt het vanzelf gewist.`;
    return { id, decision: decided.decision, refusalReason: decided.refusal_reason, retainUntil: decided.retain_until, explanation };
  });
}
