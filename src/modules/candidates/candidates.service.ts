import { todayInNl } from '../../domain/dates.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/transaction.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { displayName } from '../residents/residents.presenter.ts';
import {
  anonymousProfileOf,
  candidateCodeOf,
  presentCandidate,
  snapshotProfileOf,
  type Identity,
} from './candidates.presenter.ts';
import { refusalOf, statusRefusal, type CandidateStep, type StepRefusal } from './candidates.rules.ts';
import type { CandidateListQuery, InterviewCommitment, Rejection } from './candidates.schema.ts';
import { candidatesStore, type CandidateRecord } from './candidates.store.ts';
import { identifyingFields } from './identifying-text.ts';
import { anonymousProfileFileName, anonymousProfileText, renderAnonymousProfilePdf } from './anonymous-profile.ts';

// The employer advisor's candidates (PA-014): proposals the resident agreed to, shown anonymously until the resident
// agreed and the employer committed to an interview. Every use case records the residents it showed or changed in
// the processing log (pseudonymous processing is processing too), in the same transaction.

const CANDIDATE = 'Deze kandidaat';
const LIST_SORT = 'agreedAt';

function refused(r: StepRefusal): ProblemError {
  return new ProblemError(
    409,
    r.kind === 'missing' ? 'Nog niet mogelijk' : 'Kan niet in deze status',
    r.detail,
    undefined,
    r.kind === 'missing' ? { missing: r.missing } : { currentStatus: r.status },
  );
}

async function present(ctx: RequestContext, tx: Tx, rows: CandidateRecord[]) {
  const identities = await candidatesStore(tx, ctx.principal).identitiesOf(rows.filter((r) => r.revealed_at !== null).map((r) => r.id));
  return rows.map((row) => {
    // Once presented, the employer sees exactly the snapshot of that moment; before, the current work profile.
    const profile = row.anonymous_profile
      ? snapshotProfileOf(row.anonymous_profile)
      : row.work_profile
        ? anonymousProfileOf(row.work_profile)
        : snapshotProfileOf({});
    const r = identities.get(row.id);
    const identity: Identity | null = r ? { name: displayName(r), phone: r.phone, email: r.email, residentId: r.resident_id } : null;
    const candidate = presentCandidate(row, profile, candidateCodeOf(ctx.pseudonymKey, row.id), identity);
    // What to send the employer, once presented (the snapshot was checked for the resident's name then): never the
    // identity, also not after the reveal.
    const { identity: _identity, ...anonymous } = candidate;
    return { ...candidate, anonymousText: row.presented_at ? anonymousProfileText(anonymous) : null };
  });
}

export async function listCandidates(ctx: RequestContext, query: CandidateListQuery) {
  const cursor = decodeCursor(query.cursor, LIST_SORT);
  return ctx.transaction(async (tx, log) => {
    const store = candidatesStore(tx, ctx.principal);
    const filter = { vacancyId: query.vacancyId, status: query.status };
    const rows = await store.list({ ...filter, after: cursor && cursor.value ? { value: cursor.value, id: cursor.id } : undefined, limit: query.limit });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    log.subjects(page.map((r) => r.resident_id), { action: 'candidates.list' });
    const next = rows.length > query.limit && last ? encodeCursor({ sort: LIST_SORT, value: last.sort_value, id: last.id }) : null;
    return { items: await present(ctx, tx, page), total: await store.count(filter), next };
  });
}

export async function getCandidate(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const row = await candidatesStore(tx, ctx.principal).find(id);
    if (!row) throw problems.notFound(CANDIDATE);
    log.subjects([row.resident_id], { action: 'candidates.read' });
    return (await present(ctx, tx, [row]))[0]!;
  });
}

/**
 * One step of the advisor: find (404 outside), check the rule (409 naming the status or what is missing), change
 * the row only if it still has the status we saw (409 when another request was first), log, answer the new state.
 */
async function step(
  ctx: RequestContext,
  id: string,
  which: CandidateStep,
  action: string,
  change: (store: ReturnType<typeof candidatesStore>, row: CandidateRecord) => Promise<boolean>,
) {
  return ctx.transaction(async (tx, log) => {
    const store = candidatesStore(tx, ctx.principal);
    const row = await store.find(id);
    if (!row) throw problems.notFound(CANDIDATE);
    const refusal = refusalOf(which, {
      status: row.status,
      residentAgreed: row.resident_response_at !== null,
      interviewCommitted: row.interview_committed_at !== null,
    });
    if (refusal) throw refused(refusal);
    if (!(await change(store, row))) {
      const now = await store.statusOf(id);
      if (!now) throw problems.notFound(CANDIDATE);
      throw refused(refusalOf(which, { status: now, residentAgreed: true, interviewCommitted: true }) ?? statusRefusal(which, now));
    }
    log.subjects([row.resident_id], { action });
    const updated = await store.find(id);
    if (!updated) throw problems.notFound(CANDIDATE);
    return (await present(ctx, tx, [updated]))[0]!;
  });
}

export function presentToEmployer(ctx: RequestContext, id: string) {
  return step(ctx, id, 'present', 'candidates.present', async (store, row) => {
    if (!row.work_profile) {
      throw new ProblemError(409, 'Nog niet mogelijk', 'Deze inwoner heeft geen werkprofiel meer. Vraag de werkmatcher het werkprofiel aan te vullen.');
    }
    const profile = anonymousProfileOf(row.work_profile);
    const who = await store.identifiersForCheck(row.id);
    // Fail closed: without the identifiers the profile cannot be checked, so it is not presented.
    if (!who) throw new ProblemError(409, 'Nog niet mogelijk', 'De anonimiteit van het profiel kon niet worden gecontroleerd. Probeer het later opnieuw.');
    const named = identifyingFields(profile, { givenNames: who.given_names, familyName: who.family_name, familyNamePrefix: who.family_name_prefix, street: who.street, phone: who.phone, email: who.email });
    if (named.length > 0) {
      throw new ProblemError(
        409,
        'Het profiel is niet anoniem',
        'In het werkprofiel staat de naam, de straat, het telefoonnummer of het e-mailadres van de inwoner. Vraag de werkmatcher dat uit het werkprofiel te halen; daarna kunt u de kandidaat anoniem voorstellen.',
        undefined,
        { fields: named },
      );
    }
    return store.present(id, profile, candidateCodeOf(ctx.pseudonymKey, id));
  });
}

/**
 * The anonymous profile as a tagged PDF, for the employer. Only after "Anoniem voorstellen": that step checked that
 * the snapshot names nobody (before it: 409). Outside the advisor's candidates (no such proposal, another
 * municipality, the resident has not agreed): 404.
 */
export async function anonymousProfilePdf(ctx: RequestContext, id: string) {
  return ctx.transaction(async (tx, log) => {
    const row = await candidatesStore(tx, ctx.principal).find(id);
    if (!row) throw problems.notFound(CANDIDATE);
    if (!row.presented_at || !row.anonymous_profile) {
      throw new ProblemError(409, 'Nog niet mogelijk', 'Stel de kandidaat eerst anoniem voor aan de werkgever. Samenplan controleert dan dat het profiel de inwoner niet noemt.');
    }
    log.subjects([row.resident_id], { action: 'candidates.profilePdf' });
    const candidate = presentCandidate(row, snapshotProfileOf(row.anonymous_profile), candidateCodeOf(ctx.pseudonymKey, row.id), null);
    const { identity: _identity, ...anonymous } = candidate;
    return { pdf: await renderAnonymousProfilePdf(anonymous), fileName: anonymousProfileFileName(candidate.candidateCode) };
  });
}

export function commitInterview(ctx: RequestContext, id: string, body: InterviewCommitment) {
  return step(ctx, id, 'commitInterview', 'candidates.interviewCommitment', async (store, row) => {
    const on = body.committedOn ?? null;
    if (on) {
      const presentedOn = row.presented_at ? todayInNl(row.presented_at) : null;
      if (on > todayInNl()) throw problems.invalid([{ name: 'committedOn', code: 'future', reason: 'Deze datum ligt in de toekomst.' }]);
      if (presentedOn && on < presentedOn) {
        throw problems.invalid([{ name: 'committedOn', code: 'beforePresentation', reason: 'Deze datum ligt vóór de dag waarop de kandidaat werd voorgesteld.' }]);
      }
    }
    return store.commitInterview(id, on && on !== todayInNl() ? on : null);
  });
}

/** The employer says no; his reason (optional) is kept with the proposal for the werkmatcher. */
export function reject(ctx: RequestContext, id: string, body: Rejection) {
  return step(ctx, id, 'reject', 'candidates.reject', (store, row) => store.reject(id, row.status, body.note ?? null));
}

export function reveal(ctx: RequestContext, id: string) {
  return step(ctx, id, 'reveal', 'candidates.reveal', (store) => store.reveal(id));
}
