import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { addDaysIso } from '../../domain/search-period.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { ProblemError, problems, type InvalidParam } from '../../platform/http/problem.ts';
import { dutchDate } from '../plans/plan-text.ts';
import { addAction, addGoal } from '../plans/plans-edit.service.ts';
import { createPlan, getPlan } from '../plans/plans.service.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { REVIEW_INTERVAL_DAYS, type CaseReviewItemCreate, type CaseReviewOutcome } from './case-reviews.schema.ts';
import { caseReviewsStore, type CaseReviewItemRow, type CaseReviewRow } from './case-reviews.store.ts';

// Case reviews of Team Jongeren (PA-048, ADR 0030). A review is a meeting of the team on a date and names no
// resident; an agenda item names one young person and is need-to-know (a werkmatcher outside the scope gets 404 and
// does not see the item in the review). A partner organisation in Samenplan takes part only with the young person's
// active consent for it; partners from outside only when the young person agreed (consentGiven). The outcome's
// agreed actions go into the one plan through the plans service, in the same transaction.

const REVIEW = 'Dit overleg';
const ITEM = 'Dit agendapunt';
const RESIDENT = 'Deze jongere';
const KIND_NL = { caseConsultation: 'casuïstiekoverleg', alignment: 'afstemmingsoverleg' } as const;

function presentItem(r: CaseReviewItemRow) {
  return {
    id: r.id,
    reviewId: r.review_id,
    residentId: r.resident_id,
    residentName: displayName(r),
    question: r.question,
    participants: r.participants.map((p) => ({ kind: p.kind, name: p.name, partnerOrganisationId: p.partnerOrganisationId ?? null })),
    consentGiven: r.consent_given,
    status: r.status,
    discussion: r.discussion,
    decision: r.decision,
    planActionIds: r.plan_action_ids,
    addedBy: { id: r.added_by, displayName: r.added_by_name },
    discussedAt: r.discussed_at ? r.discussed_at.toISOString() : null,
  };
}

function presentSummary(r: CaseReviewRow, counts: { planned: number; discussed: number } | undefined) {
  return {
    id: r.id,
    kind: r.kind,
    team: { id: r.team_id, name: r.team_name },
    heldOn: r.held_on,
    nextOn: addDaysIso(r.held_on, REVIEW_INTERVAL_DAYS[r.kind]),
    plannedCount: counts?.planned ?? 0,
    discussedCount: counts?.discussed ?? 0,
  };
}

export async function createCaseReview(ctx: RequestContext, body: { kind: 'caseConsultation' | 'alignment'; heldOn: string }) {
  return ctx.transaction(async (tx) => {
    const store = caseReviewsStore(tx, ctx.principal);
    if (body.heldOn < addDaysIso(todayInNl(), -7)) {
      throw problems.invalid([{ name: 'heldOn', code: 'past', reason: 'Deze datum is meer dan een week geleden. Plan het overleg op een datum die nog komt.' }]);
    }
    const teamId = await store.ownTeam();
    if (!teamId) throw problems.invalid([{ name: 'kind', code: 'noTeam', reason: 'U hoort bij geen team. Een overleg is van een team.' }]);
    const id = randomUUID();
    if (!(await store.insertReview({ id, teamId, kind: body.kind, heldOn: body.heldOn }))) {
      throw problems.conflict(`Uw team heeft op deze dag al een ${KIND_NL[body.kind]}.`, [{ name: 'heldOn', code: 'exists', reason: 'Er is al een overleg van deze soort op deze dag.' }]);
    }
    const row = (await store.findReview(id))!;
    return presentSummary(row, undefined);
  });
}

export async function listCaseReviews(ctx: RequestContext, query: { from?: string }) {
  return ctx.transaction(async (tx) => {
    const store = caseReviewsStore(tx, ctx.principal);
    const rows = await store.listReviews(query.from ?? addDaysIso(todayInNl(), -28));
    const counts = await store.counts(rows.map((r) => r.id));
    return wholeList(rows.map((r) => presentSummary(r, counts.get(r.id))));
  });
}

export async function getCaseReview(ctx: RequestContext, reviewId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = caseReviewsStore(tx, ctx.principal);
    const row = await store.findReview(reviewId);
    if (!row) throw problems.notFound(REVIEW);
    const items = await store.itemsOf(reviewId);
    log.subjects(items.map((i) => i.resident_id), { action: 'youth.caseReviews.read' });
    return { ...presentSummary(row, (await store.counts([reviewId])).get(reviewId)), items: items.map(presentItem) };
  });
}

export async function addCaseReviewItem(ctx: RequestContext, reviewId: string, body: CaseReviewItemCreate) {
  return ctx.transaction(async (tx, log) => {
    const store = caseReviewsStore(tx, ctx.principal);
    if (!(await store.findReview(reviewId))) throw problems.notFound(REVIEW);
    if (!(await store.residentInScope(body.residentId))) throw problems.notFound(RESIDENT);
    const errors: InvalidParam[] = [];
    const orgIds = [...new Set(body.participants.flatMap((p) => (p.partnerOrganisationId ? [p.partnerOrganisationId] : [])))];
    const known = new Set((await store.partnerOrganisations(orgIds)).map((o) => o.id));
    const consents = orgIds.length > 0 ? await residentsStore(tx, ctx.principal).consents(body.residentId) : [];
    for (const [i, p] of body.participants.entries()) {
      const name = `participants.${i}.partnerOrganisationId`;
      if (p.partnerOrganisationId) {
        if (!known.has(p.partnerOrganisationId)) errors.push({ name, code: 'unknown', reason: 'Deze partnerorganisatie bestaat niet.' });
        else if (!consents.some((k) => k.active && k.partner_organisation_id === p.partnerOrganisationId)) {
          errors.push({ name, code: 'noConsent', reason: 'De jongere gaf deze organisatie geen (geldige) toestemming. Vraag eerst toestemming, of bespreek hem zonder deze partner.' });
        }
      } else if (p.kind !== 'policy' && !body.consentGiven) {
        errors.push({ name: 'consentGiven', code: 'required', reason: 'Een partner van buiten Samenplan neemt alleen deel als de jongere daarmee instemde. Vink dat aan, of haal de partner weg.' });
      }
    }
    if (errors.length > 0) throw problems.invalid(errors);
    const id = randomUUID();
    const participants = body.participants.map((p) => ({ kind: p.kind, name: p.name, partnerOrganisationId: p.partnerOrganisationId ?? null }));
    if (!(await store.insertItem({ id, reviewId, residentId: body.residentId, question: body.question, participants, consentGiven: body.consentGiven }))) {
      throw problems.conflict('Deze jongere staat al op de agenda van dit overleg.', [{ name: 'residentId', code: 'exists', reason: 'Al op de agenda.' }]);
    }
    log.subjects([body.residentId], { action: 'youth.caseReviews.addItem' });
    return presentItem((await store.findItem(id))!);
  });
}

async function planOf(ctx: RequestContext, residentId: string) {
  try {
    return await getPlan(ctx, residentId);
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return createPlan(ctx, residentId, {});
    throw err;
  }
}

export async function recordCaseReviewOutcome(ctx: RequestContext, itemId: string, body: CaseReviewOutcome) {
  return ctx.transaction(async (tx, log) => {
    const store = caseReviewsStore(tx, ctx.principal);
    const item = await store.findItem(itemId, true);
    if (!item) throw problems.notFound(ITEM);
    if (item.status !== 'planned') throw problems.conflict('De uitkomst van dit agendapunt is al vastgelegd.', [{ name: 'itemId', code: 'discussed', reason: 'Al besproken.' }]);
    const review = (await store.findReview(item.review_id))!;
    const today = todayInNl();
    const errors: InvalidParam[] = [];
    body.actions.forEach((a, i) => {
      if (a.dueDate && a.dueDate < today) errors.push({ name: `actions.${i}.dueDate`, code: 'past', reason: 'Deze datum is voorbij. Kies een datum vanaf vandaag.' });
    });
    if (errors.length > 0) throw problems.invalid(errors);
    await store.recordOutcome(itemId, body);
    // The agreed actions into the one plan (starting it when there is none), under one goal for this review.
    const actionIds: string[] = [];
    if (body.actions.length > 0) {
      let state = await planOf(ctx, item.resident_id);
      const g = await addGoal(ctx, item.resident_id, state.etag, { title: `Afspraken uit het ${KIND_NL[review.kind]} van ${dutchDate(review.held_on)}` });
      state = g;
      for (const a of body.actions) {
        const r = await addAction(ctx, item.resident_id, g.createdId!, state.etag, { description: a.description, ...(a.dueDate ? { dueDate: a.dueDate } : {}) });
        state = r;
        actionIds.push(r.createdId!);
      }
      await store.setPlanActions(itemId, actionIds);
    }
    log.subjects([item.resident_id], { action: 'youth.caseReviews.outcome' });
    return presentItem((await store.findItem(itemId))!);
  });
}
