import { addDaysIso, SEARCH_PERIOD_DAYS, searchPeriodApplies, searchPeriodDates } from '../domain/search-period.ts';
import { seedUuid } from './ids.ts';
import { Rng } from './random.ts';
import type { YouthTeamFacts } from './youth.store.ts';

/**
 * The demo's Team Jongeren (issue 13), deterministic from the team and today:
 * - werkmatcher.jongeren's own young people in every state: search periods running (ending in 1, 3, 7, 12, 20 and
 *   26 days), one with an exemption waiting for senior.jongeren's check, one handled earlier (art. 41 lid 11), one
 *   withdrawn, one ended;
 * - a year of history for the rest of the team: about 45 meldingen a month, a quarter of them exempted (confirmed
 *   by senior.jongeren, never by the one who proposed it), some sent back, so that the exemption rate shows
 *   months within Utrecht's 20–30% and months suppressed (under 10).
 */

export interface YouthSeedRows {
  periods: Array<{
    municipality_id: string; id: string; resident_id: string; team_id: string; report_date: string; start_date: string; end_date: string;
    status: 'running' | 'exempted' | 'withdrawn'; handled_early_on: string | null; handled_early_reason: string | null; handled_early_by: string | null;
    withdrawn_on: string | null; withdrawn_reason: string | null; reminded_at: Date | null; created_by: string; created_at: Date;
  }>;
  activities: Array<{ municipality_id: string; id: string; search_period_id: string; resident_id: string; occurred_on: string; kind: string; description: string; recorded_by: string; recorded_at: Date }>;
  exemptions: Array<{
    municipality_id: string; id: string; search_period_id: string; resident_id: string; team_id: string; legal_basis: string; reason_category: string;
    reason_text: string | null; decided_by: string; decided_on: string; status: 'pending' | 'confirmed' | 'rejected'; reviewed_by: string | null;
    reviewed_at: Date | null; review_note: string | null; created_at: Date;
  }>;
  referrals: Array<{
    municipality_id: string; id: string; resident_id: string; partner_kind: string; organisation_name: string; professional_name: string;
    professional_email: string | null; context_summary: string; consent_on: string; urgency: string; received_on: string; created_by: string; created_at: Date;
    status?: 'received' | 'intakePlanned'; intake_meeting_id?: string | null;
  }>;
  /** The intakes planned for warm handovers (youthIntake meetings, with the young person and the werkmatcher). */
  intakes: Array<{ municipality_id: string; id: string; resident_id: string; starts_at: Date; ends_at: Date; location: string; agenda: string; organiser_id: string; created_at: Date }>;
  money: YouthProvisionSeed;
  reviews: Array<{ municipality_id: string; id: string; team_id: string; kind: 'caseConsultation' | 'alignment'; held_on: string; created_by: string }>;
  reviewItems: Array<{
    municipality_id: string; id: string; review_id: string; resident_id: string; question: string; participants: Array<{ kind: string; name: string; partnerOrganisationId: null }>;
    consent_given: boolean; status: 'planned' | 'discussed'; discussion: string | null; decision: string | null; added_by: string; added_at: Date;
    discussed_by: string | null; discussed_at: Date | null;
  }>;
}

export interface YouthProvisionSeed {
  settings: { municipality_id: string; approval_threshold_cents: number } | null;
  budgets: Array<{ municipality_id: string; team_id: string; year: number; budget_cents: number }>;
  provisions: Array<{
    municipality_id: string; id: string; resident_id: string; team_id: string; year: number; kind: string; description: string; amount_cents: number;
    rule_room: string; justification: string; status: 'requested' | 'approved' | 'paid'; requested_by: string; requested_at: Date;
    approved_by: string | null; approved_at: Date | null; paid_on: string | null; paid_by: string | null; payment_reference: string | null;
  }>;
}

export const YOUTH_COACH = 'werkmatcher.jongeren';
export const YOUTH_SENIOR = 'senior.jongeren';
const LEGAL_BASIS = 'Art. 41 lid 4 Participatiewet (jongere in een kwetsbare positie)';

const ACTIVITIES: ReadonlyArray<readonly [string, string]> = [
  ['jobApplication', 'Gesolliciteerd als magazijnmedewerker via een uitzendbureau'],
  ['jobApplication', 'Open sollicitatie bij de supermarkt in de wijk'],
  ['educationEnquiry', 'Open dag MBO Utrecht bezocht (opleiding ICT-support)'],
  ['educationEnquiry', 'Gebeld met de RMC-trajectbegeleider over een BBL-plek'],
  ['jobInterview', 'Kennismakingsgesprek bij een installatiebedrijf'],
  ['contactMoment', 'Telefonisch contact: cv samen doorgenomen'],
  ['other', 'Ingeschreven bij twee uitzendbureaus'],
];

const REASONS: ReadonlyArray<readonly [string, string | null, number]> = [
  ['vulnerableSituation', 'Dakloos en zonder netwerk; zoeken zonder inkomen brengt de jongere verder in de problemen.', 30],
  ['ongoingCare', 'Lopende behandeling bij de jeugd-GGZ; vier weken zoeken zou die hulp doorkruisen.', 30],
  ['statusHolder', 'Statushouder in het inburgeringstraject; de zoektermijn past niet bij de inburgering.', 20],
  ['specialEducationLeaver', 'Net van het praktijkonderwijs; begeleiding naar werk loopt via de school.', 10],
  ['medicallyLimited', 'Medisch beperkt volgens de bedrijfsarts; nu niet in staat te zoeken.', 6],
  ['other', 'Mantelzorg voor een ernstig zieke ouder.', 4],
];

/** The days left of werkmatcher.jongeren's running search periods (the werklijst's countdowns). */
export const RUNNING_DAYS_LEFT = [1, 3, 7, 12, 20, 26] as const;

export function generateYouth(t: YouthTeamFacts, today: string): YouthSeedRows {
  const out: YouthSeedRows = { periods: [], activities: [], exemptions: [], referrals: [], money: { settings: null, budgets: [], provisions: [] }, reviews: [], reviewItems: [], intakes: [] };
  const coach = t.coaches.find((c) => c.username.endsWith(YOUTH_COACH));
  const senior = t.coaches.find((c) => c.username.endsWith(YOUTH_SENIOR)) ?? t.coaches.find((c) => c.senior);
  if (!coach || !senior) return out;
  const rng = new Rng(`youth:${t.teamId}:${today}`);
  const m = t.municipalityId;
  const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  let n = 0;

  function period(residentId: string, reportDate: string, createdBy: string, extra: Partial<YouthSeedRows['periods'][number]> = {}) {
    n += 1;
    const id = seedUuid('youth-period', m, n);
    const dates = searchPeriodDates(reportDate);
    out.periods.push({
      municipality_id: m, id, resident_id: residentId, team_id: t.teamId, report_date: reportDate, start_date: dates.startDate, end_date: dates.endDate, status: 'running',
      handled_early_on: null, handled_early_reason: null, handled_early_by: null, withdrawn_on: null, withdrawn_reason: null,
      reminded_at: null, created_by: createdBy, created_at: at(reportDate), ...extra,
    });
    // What the young person did: a few activities in the part of the period that has passed.
    const passed = Math.min(SEARCH_PERIOD_DAYS - 1, Math.max(0, Math.round((Date.parse(today) - Date.parse(reportDate)) / 86_400_000)));
    const k = passed === 0 ? 0 : rng.int(1, 3);
    for (let i = 0; i < k; i += 1) {
      const [kind, description] = rng.pick(ACTIVITIES);
      const day = addDaysIso(reportDate, rng.int(0, passed));
      out.activities.push({ municipality_id: m, id: seedUuid('youth-activity', m, n, i), search_period_id: id, resident_id: residentId, occurred_on: day, kind, description, recorded_by: createdBy, recorded_at: at(day, 14) });
    }
    return id;
  }

  function exemption(periodId: string, residentId: string, decidedBy: string, decidedOn: string, status: 'pending' | 'confirmed' | 'rejected') {
    const [category, text] = rng.weighted(REASONS.map(([c, x, w]) => [[c, x] as const, w] as const));
    const reviewer = status === 'pending' ? null : senior!.id === decidedBy ? coach!.id : senior!.id;
    out.exemptions.push({
      municipality_id: m, id: seedUuid('youth-exemption', m, periodId), search_period_id: periodId, resident_id: residentId, team_id: t.teamId,
      legal_basis: LEGAL_BASIS, reason_category: category, reason_text: text, decided_by: decidedBy, decided_on: decidedOn, status,
      reviewed_by: reviewer, reviewed_at: reviewer ? at(addDaysIso(decidedOn, 1), 11) : null,
      review_note: status === 'rejected' ? 'Lopende hulp alleen is geen reden: bespreek eerst wat de jongere wél kan zoeken.' : status === 'confirmed' ? 'Akkoord.' : null,
      created_at: at(decidedOn, 15),
    });
  }

  const eligible = (r: { dateOfBirth: string }, report: string) => searchPeriodApplies(r.dateOfBirth, report);
  const own = t.residents.filter((r) => r.contactPersonId === coach.id);
  const others = t.residents.filter((r) => r.contactPersonId !== coach.id);
  const used = new Set<string>();
  const take = (list: typeof own, report: string) => {
    const r = list.find((x) => !used.has(x.id) && eligible(x, report));
    if (r) used.add(r.id);
    return r;
  };

  // werkmatcher.jongeren's young people, one per state.
  for (const left of RUNNING_DAYS_LEFT) {
    const report = addDaysIso(today, left - SEARCH_PERIOD_DAYS);
    const r = take(own, report);
    if (r) period(r.id, report, coach.id, { reminded_at: left <= 3 ? at(today, 6) : null });
  }
  const pendingReport = addDaysIso(today, -4);
  const pendingOf = take(own, pendingReport);
  if (pendingOf) exemption(period(pendingOf.id, pendingReport, coach.id), pendingOf.id, coach.id, addDaysIso(today, -1), 'pending');
  const earlyReport = addDaysIso(today, -9);
  const earlyOf = take(own, earlyReport);
  if (earlyOf) {
    period(earlyOf.id, earlyReport, coach.id, {
      handled_early_on: addDaysIso(today, -6), handled_early_by: coach.id,
      handled_early_reason: 'Jongere slaapt in de nachtopvang en heeft geen geld voor eten: de aanvraag gaat meteen in behandeling.',
    });
  }
  const withdrawnReport = addDaysIso(today, -15);
  const withdrawnOf = take(own, withdrawnReport);
  if (withdrawnOf) period(withdrawnOf.id, withdrawnReport, coach.id, { status: 'withdrawn', withdrawn_on: addDaysIso(today, -10), withdrawn_reason: 'Jongere heeft zelf werk gevonden bij een bouwbedrijf.' });
  const endedReport = addDaysIso(today, -40);
  const endedOf = take(own, endedReport);
  if (endedOf) period(endedOf.id, endedReport, coach.id, { reminded_at: at(addDaysIso(endedReport, 25), 6) });
  const confirmedReport = addDaysIso(today, -20);
  const confirmedOf = take(own, confirmedReport);
  if (confirmedOf) exemption(period(confirmedOf.id, confirmedReport, coach.id, { status: 'exempted' }), confirmedOf.id, coach.id, addDaysIso(confirmedReport, 2), 'confirmed');

  // A warm handover from youth care, received yesterday, waiting for werkmatcher.jongeren to plan the intake.
  const referred = own.find((r) => !used.has(r.id) && eligible(r, today));
  if (referred) {
    used.add(referred.id);
    out.referrals.push({
      municipality_id: m, id: seedUuid('youth-referral', m, referred.id), resident_id: referred.id, partner_kind: 'youthCare',
      organisation_name: 'Jeugdzorg Utrecht (demo)', professional_name: 'Sanne de Boer', professional_email: 'sanne.deboer@example.org',
      context_summary: 'Verlaat over zes weken de woongroep (18 jaar). Wil een opleiding in de zorg; schulden bij een telefoonabonnement. Heeft een vaste begeleider die meekomt.',
      consent_on: addDaysIso(today, -2), urgency: 'soon', received_on: addDaysIso(today, -1), created_by: coach.id, created_at: at(addDaysIso(today, -1), 9),
    });
  }

  // A warm handover from school/RMC (left school without startkwalificatie: a transition moment), received 6 days
  // ago, with the individual intake planned this week: the next working day (Friday: today), 10:00 in Amsterdam.
  const fromSchool = own.find((r) => !used.has(r.id) && eligible(r, today));
  if (fromSchool) {
    used.add(fromSchool.id);
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    const intakeDay = weekday === 5 ? today : addDaysIso(today, weekday === 6 ? 2 : 1);
    const offset = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(new Date(`${intakeDay}T12:00:00Z`))) - 12;
    const starts = new Date(Date.parse(`${intakeDay}T10:00:00Z`) - offset * 3_600_000);
    const meetingId = seedUuid('youth-intake', m, fromSchool.id);
    out.intakes.push({
      municipality_id: m, id: meetingId, resident_id: fromSchool.id, starts_at: starts, ends_at: new Date(starts.getTime() + 3_600_000), location: 'Werkwinkel Centrum, Team Jongeren',
      agenda: 'Intake jongere met de trajectbegeleider van het RMC (Jeroen Bakker, jeroen.bakker@example.org): opleiding of werk, en wat er nodig is om te starten.',
      organiser_id: coach.id, created_at: at(addDaysIso(today, -5), 9),
    });
    out.referrals.push({
      municipality_id: m, id: seedUuid('youth-referral', m, fromSchool.id), resident_id: fromSchool.id, partner_kind: 'schoolRmc',
      organisation_name: 'RMC Utrecht (demo)', professional_name: 'Jeroen Bakker', professional_email: 'jeroen.bakker@example.org',
      context_summary: 'Gestopt met de mbo-opleiding Logistiek zonder startkwalificatie. Wil werken met zijn handen; motivatie wisselt. Trajectbegeleider komt mee naar de intake.',
      consent_on: addDaysIso(today, -7), urgency: 'normal', received_on: addDaysIso(today, -6), created_by: coach.id, created_at: at(addDaysIso(today, -6), 9),
      status: 'intakePlanned', intake_meeting_id: meetingId,
    });
  }

  // Case reviews: the last casuïstiekoverleg 12 days ago (one young person discussed), the next one in 2 days with
  // two on the agenda (the exemption waiting for the senior, the handover from youth care), and an
  // afstemmingsoverleg with policy next week.
  const review = (kind: 'caseConsultation' | 'alignment', heldOn: string) => {
    const id = seedUuid('youth-review', m, kind, heldOn);
    out.reviews.push({ municipality_id: m, id, team_id: t.teamId, kind, held_on: heldOn, created_by: coach.id });
    return id;
  };
  const item = (reviewId: string, residentId: string, question: string, participants: Array<{ kind: string; name: string }>, outcome?: { discussion: string; decision: string; on: string }) => {
    out.reviewItems.push({
      municipality_id: m, id: seedUuid('youth-review-item', m, reviewId, residentId), review_id: reviewId, resident_id: residentId, question,
      participants: participants.map((p) => ({ ...p, partnerOrganisationId: null })), consent_given: participants.length > 0,
      status: outcome ? 'discussed' : 'planned', discussion: outcome?.discussion ?? null, decision: outcome?.decision ?? null,
      added_by: coach.id, added_at: at(addDaysIso(today, -14), 9), discussed_by: outcome ? coach.id : null, discussed_at: outcome ? at(outcome.on, 11) : null,
    });
  };
  const lastReview = addDaysIso(today, -12);
  const past = review('caseConsultation', lastReview);
  if (endedOf) {
    item(past, endedOf.id, 'De zoektermijn is voorbij zonder sollicitaties. Hoe krijgen we contact?', [{ kind: 'buurtteam', name: 'Buurtteam Overvecht' }], {
      discussion: 'De jongere reageert niet op brieven; het buurtteam kent hem via zijn moeder.', decision: 'Huisbezoek samen met het buurtteam, daarna de aanvraag beoordelen.', on: lastReview,
    });
  }
  const next = review('caseConsultation', addDaysIso(lastReview, 14));
  if (pendingOf) item(next, pendingOf.id, 'Ontheffing voorgesteld wegens lopende hulp: is dat genoeg reden, of kan de jongere toch iets zoeken?', []);
  if (referred) item(next, referred.id, 'Verlaat de woongroep bij 18: wie regelt wonen, en past een opleiding in de zorg?', [{ kind: 'youthCare', name: 'Jeugdzorg Utrecht (demo)' }, { kind: 'housing', name: 'Woningcorporatie (demo)' }]);
  review('alignment', addDaysIso(today, 6));

  // Custom provisions (maatwerk): this year's budget of € 25.000, a second person above € 500 (seed 002: "dan
  // betalen wij vaak de boeken en laptops"); one laptop waiting for senior.jongeren, books approved, some paid.
  const year = Number(today.slice(0, 4));
  out.money.settings = { municipality_id: m, approval_threshold_cents: 50_000 };
  out.money.budgets.push({ municipality_id: m, team_id: t.teamId, year, budget_cents: 2_500_000 });
  const room = 'Art. 35 Participatiewet (bijzondere bijstand) en de beleidsregel maatwerk jongeren: ruimte voor kosten van een opleiding zonder startkwalificatie';
  const provision = (residentId: string, k: number, kind: string, description: string, cents: number, status: 'requested' | 'approved' | 'paid', day: string, by = coach.id) => {
    const approver = status === 'requested' ? null : cents > 50_000 ? senior.id : by;
    out.money.provisions.push({
      municipality_id: m, id: seedUuid('youth-provision', m, k), resident_id: residentId, team_id: t.teamId, year, kind, description, amount_cents: cents,
      rule_room: room, justification: 'Met eigen spullen kan de jongere de opleiding volgen: een zetje om te starten en vol te houden.', status,
      requested_by: by, requested_at: at(day, 10), approved_by: approver, approved_at: approver ? at(day, 15) : null,
      paid_on: status === 'paid' ? addDaysIso(day, 3) : null, paid_by: status === 'paid' ? by : null, payment_reference: status === 'paid' ? `MW-${year}-${String(k).padStart(4, '0')}` : null,
    });
  };
  const firstOfYear = `${year}-01-01`;
  const dayThisYear = (back: number) => { const d = addDaysIso(today, -back); return d < firstOfYear ? firstOfYear : d; };
  const ownIds = own.map((r) => r.id);
  if (ownIds[0]) provision(ownIds[0], 1, 'laptop', 'Laptop voor de opleiding ICT-support (mbo 2)', 64_900, 'requested', dayThisYear(1));
  if (ownIds[1]) provision(ownIds[1], 2, 'books', 'Boeken en readers voor het eerste leerjaar', 12_450, 'approved', dayThisYear(5));
  for (let k = 3; k <= 22; k += 1) {
    const r = t.residents[(k * 7) % Math.max(1, t.residents.length)];
    if (!r) break;
    const laptop = k % 3 === 0;
    const day = dayThisYear(rng.int(10, 330));
    if (day > addDaysIso(today, -4)) continue;
    provision(r.id, k, laptop ? 'laptop' : k % 3 === 1 ? 'books' : 'travel', laptop ? 'Laptop voor de opleiding' : k % 3 === 1 ? 'Studieboeken' : 'OV-abonnement naar de stageplek', laptop ? 45_000 : rng.int(40, 200) * 100, 'paid', day);
  }

  // A year of the team's history (ended before today), spread over the months.
  const deciders = t.coaches.filter((c) => c.id !== senior.id);
  const pool = rng.shuffle(others.filter((r) => !used.has(r.id)));
  for (const r of pool) {
    const report = addDaysIso(today, -rng.int(SEARCH_PERIOD_DAYS + 1, 365));
    if (!eligible(r, report)) continue;
    const by = t.coaches.find((c) => c.id === r.contactPersonId) ?? coach;
    const roll = rng.float();
    if (roll < 0.25) {
      const decider = deciders.find((d) => d.id === by.id) ?? rng.pick(deciders.length > 0 ? deciders : [coach]);
      const id = period(r.id, report, by.id, { status: 'exempted' });
      exemption(id, r.id, decider.id, addDaysIso(report, rng.int(1, 10)), 'confirmed');
    } else if (roll < 0.29) {
      const id = period(r.id, report, by.id, { reminded_at: at(addDaysIso(report, 25), 6) });
      exemption(id, r.id, by.id === senior.id ? coach.id : by.id, addDaysIso(report, rng.int(1, 10)), 'rejected');
    } else if (roll < 0.33) {
      period(r.id, report, by.id, { status: 'withdrawn', withdrawn_on: addDaysIso(report, rng.int(1, 20)), withdrawn_reason: 'Zelf werk of een opleiding gevonden.' });
    } else {
      period(r.id, report, by.id, { reminded_at: at(addDaysIso(report, 25), 6) });
    }
  }
  return out;
}
