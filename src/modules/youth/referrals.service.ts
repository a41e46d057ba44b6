import { randomUUID } from 'node:crypto';
import { todayInNl } from '../../domain/dates.ts';
import { daysBetweenIso } from '../../domain/search-period.ts';
import type { RequestContext } from '../../platform/context.ts';
import { wholeList } from '../../platform/http/list.ts';
import { problems, type InvalidParam } from '../../platform/http/problem.ts';
import { scheduleMeeting } from '../meetings/meetings.service.ts';
import { displayName } from '../residents/residents.presenter.ts';
import type { IntakeCreate, ReferralCreate } from './referrals.schema.ts';
import { referralsStore, type ReferralRow } from './referrals.store.ts';

// Warm handovers to Team Jongeren (PA-030): a partner refers a young person with the context, the young person's
// consent and an urgency; the werkmatcher plans the individual intake — a youthIntake meeting through the meetings
// module's service (same transaction), with the accompanying professional invited (a participant when she works in
// Samenplan; named in the agenda and sent the .ics otherwise). The intake's report puts goals and actions into the
// one plan, starting it (meetings module).

const REFERRAL = 'Deze overdracht';
const RESIDENT = 'Deze inwoner';
const API = '/api/v1';

const KIND_NL: Record<ReferralRow['partner_kind'], string> = {
  youthCare: 'jeugdzorg',
  schoolRmc: 'school/RMC',
  buurtteam: 'buurtteam',
  healthCare: 'zorg',
  housing: 'wonen',
  youthProbation: 'jeugdreclassering',
};

export function presentReferral(r: ReferralRow) {
  return {
    id: r.id,
    residentId: r.resident_id,
    residentName: displayName(r),
    partnerKind: r.partner_kind,
    organisationName: r.organisation_name,
    professional: { name: r.professional_name, email: r.professional_email, staffUserId: r.professional_staff_user_id },
    contextSummary: r.context_summary,
    consentOn: r.consent_on,
    urgency: r.urgency,
    status: r.status,
    receivedOn: r.received_on,
    intake:
      r.intake_meeting_id && r.intake_starts_at
        ? { meetingId: r.intake_meeting_id, startsAt: r.intake_starts_at.toISOString(), invitationPath: `${API}/meetings/${r.intake_meeting_id}/invitation.ics` }
        : null,
    createdBy: { id: r.created_by, displayName: r.created_by_name },
  };
}

export async function createReferral(ctx: RequestContext, residentId: string, body: ReferralCreate) {
  const today = todayInNl();
  return ctx.transaction(async (tx, log) => {
    const store = referralsStore(tx, ctx.principal);
    if (!(await store.residentInScope(residentId))) throw problems.notFound(RESIDENT);
    const errors: InvalidParam[] = [];
    if (!body.consent.given) {
      errors.push({ name: 'consent.given', code: 'required', reason: 'Een warme overdracht vraagt de toestemming van de jongere. Vraag die eerst.' });
    }
    if (body.consent.on > today) errors.push({ name: 'consent.on', code: 'future', reason: 'Deze datum ligt in de toekomst.' });
    else if (daysBetweenIso(body.consent.on, today) > 366) errors.push({ name: 'consent.on', code: 'tooOld', reason: 'Deze toestemming is meer dan een jaar oud. Vraag haar opnieuw.' });
    if (body.partnerOrganisationId && !(await store.partnerOrganisationExists(body.partnerOrganisationId))) {
      errors.push({ name: 'partnerOrganisationId', code: 'unknown', reason: 'Deze partnerorganisatie bestaat niet.' });
    }
    if (body.professionalStaffUserId && !(await store.partnerProfessional(body.professionalStaffUserId))) {
      errors.push({ name: 'professionalStaffUserId', code: 'notPartner', reason: 'Kies een buurtteamprofessional van uw gemeente, of laat dit leeg.' });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    const id = randomUUID();
    await store.insert({
      id,
      residentId,
      partnerKind: body.partnerKind,
      partnerOrganisationId: body.partnerOrganisationId ?? null,
      organisationName: body.organisationName,
      professionalName: body.professionalName,
      professionalEmail: body.professionalEmail ?? null,
      professionalStaffUserId: body.professionalStaffUserId ?? null,
      contextSummary: body.contextSummary,
      consentOn: body.consent.on,
      urgency: body.urgency,
      receivedOn: today,
    });
    log.subjects([residentId], { action: 'youth.referrals.create' });
    return presentReferral((await store.find(id))!);
  });
}

export async function residentReferrals(ctx: RequestContext, residentId: string) {
  return ctx.transaction(async (tx, log) => {
    const store = referralsStore(tx, ctx.principal);
    if (!(await store.residentInScope(residentId))) throw problems.notFound(RESIDENT);
    const rows = await store.ofResident(residentId);
    log.subjects([residentId], { action: 'youth.referrals.list' });
    return wholeList(rows.map(presentReferral));
  });
}

export async function listReferrals(ctx: RequestContext, query: { status: 'open' | 'all' }) {
  return ctx.transaction(async (tx, log) => {
    const rows = await referralsStore(tx, ctx.principal).list(query.status === 'open');
    log.subjects(rows.map((r) => r.resident_id), { action: 'youth.referrals.list' });
    return wholeList(rows.map(presentReferral));
  });
}

/** Plans the individual intake of a referral: a youthIntake meeting (meetings module) with the professional invited. */
export async function planIntake(ctx: RequestContext, referralId: string, body: IntakeCreate) {
  return ctx.transaction(async (tx, log) => {
    const store = referralsStore(tx, ctx.principal);
    const r = await store.find(referralId, true);
    if (!r) throw problems.notFound(REFERRAL);
    if (r.status !== 'received') {
      throw problems.conflict('Voor deze overdracht is de intake al gepland, of zij is afgesloten.', [
        { name: 'referralId', code: r.status, reason: 'De intake is al gepland.' },
      ]);
    }
    const agenda = [
      `Warme overdracht van ${r.organisation_name} (${KIND_NL[r.partner_kind]}). Begeleider ${r.professional_name} komt mee naar de intake.`,
      `Context: ${r.context_summary}`,
      'Individuele intake: kennismaken, wat wil de jongere, wat loopt er al; samen de eerste doelen en acties voor het plan.',
    ].join('\n');
    const meeting = await scheduleMeeting(ctx, r.resident_id, {
      type: 'youthIntake',
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      mode: body.mode,
      location: body.location,
      videoUrl: body.videoUrl,
      agenda,
      participants: r.professional_staff_user_id ? [{ staffUserId: r.professional_staff_user_id }] : [],
    });
    await store.setIntake(referralId, meeting.meeting.id);
    log.subjects([r.resident_id], { action: 'youth.referrals.intake' });
    return presentReferral((await store.find(referralId))!);
  });
}
