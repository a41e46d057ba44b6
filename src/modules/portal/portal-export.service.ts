import { maskBsn } from '../../domain/bsn.ts';
import type { RequestContext } from '../../platform/context.ts';
import { ProblemError, problems } from '../../platform/http/problem.ts';
import { taggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import { listForResident } from '../meetings/meetings.service.ts';
import { getPlan, planHistory } from '../plans/plans.service.ts';
import { ownProcessingLog } from '../privacy/privacy-own.service.ts';
import { ownConsents } from '../residents/residents-own.service.ts';
import { displayName } from '../residents/residents.presenter.ts';
import { residentsStore } from '../residents/residents.store.ts';
import { listAssessments, listBarriers } from '../assessments/assessments.service.ts';
import { listProposals } from '../matching/proposals.service.ts';
import { getWorkProfile } from '../matching/work-profiles.service.ts';
import { ownMessagesForExport } from '../messages/messages.service.ts';
import { residentPlacements } from '../placements/placements.service.ts';
import { ownResident } from './portal.service.ts';
import { hidesStaffNames } from './portal.store.ts';

// "Download al mijn gegevens" (AVG art. 15, issue 11): what Samenplan holds about the resident, read through the
// owning modules' services in one transaction, as JSON and as a tagged PDF (the platform's tagged-pdf, as the
// privacy module's subject-access export). The request itself is logged (PA-024, portal.export). Everything the
// issue names is in it: person, case, plan and versions, meetings, assessments and barriers, work profile,
// proposals, placements, consents, messages and the log about him. `notIncluded` stays (empty) so that a part left
// out later is named, never silently missing.

const NOT_INCLUDED: string[] = [];

const tolerate404 = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return null;
    throw err;
  }
};

export async function exportOwnData(ctx: RequestContext) {
  const residentId = ownResident(ctx);
  return ctx.transaction(async (tx, log) => {
    const r = await residentsStore(tx, ctx.principal).findById(residentId);
    if (!r) throw problems.notFound();
    const plan = await tolerate404(() => getPlan(ctx, residentId));
    const versions = plan ? (await planHistory(ctx, residentId)).items : [];
    const meetings = (await listForResident(ctx, residentId)).items;
    const consents = (await ownConsents(ctx)).items;
    const assessments = (await listAssessments(ctx, residentId)).items;
    const barriers = (await listBarriers(ctx, residentId)).items;
    const workProfile = (await tolerate404(() => getWorkProfile(ctx, residentId)))?.profile ?? null;
    const proposals = (await listProposals(ctx, residentId)).items;
    const placements = (await residentPlacements(ctx, residentId)).items;
    const messages = await ownMessagesForExport(ctx);
    const logEntries = (await ownProcessingLog(ctx, await hidesStaffNames(tx, ctx.principal.municipalityId), true)).items;
    log.subjects([residentId], { action: 'portal.export' });
    return {
      generatedAt: new Date().toISOString(),
      municipality: ctx.principal.municipalityName,
      person: {
        name: displayName(r),
        bsn: r.bsn,
        dateOfBirth: r.date_of_birth,
        address: { street: r.street, houseNumber: r.house_number, postcode: r.postcode, city: r.city },
        phone: r.phone,
        email: r.email,
        householdType: r.household_type,
        educationLevel: r.education_level,
      },
      case: { status: r.case_status, openedOn: r.opened_on, lastContactAt: r.last_contact_at?.toISOString() ?? null, contactPerson: r.contact_person_name ?? null },
      plan: plan?.plan ?? null,
      planVersions: versions,
      meetings,
      assessments,
      barriers,
      workProfile,
      proposals,
      placements,
      consents,
      messages,
      processingLog: logEntries,
      notIncluded: NOT_INCLUDED,
    };
  });
}

export type OwnExport = Awaited<ReturnType<typeof exportOwnData>>;

const day = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

export async function ownDataPdf(x: OwnExport): Promise<Buffer> {
  const pdf = taggedPdf({ title: `Mijn gegevens in Samenplan — ${x.person.name}`, subject: 'Inzage in eigen gegevens (art. 15 AVG)' });
  pdf.h1('Uw gegevens in Samenplan');
  pdf.p(`Dit overzicht is voor ${x.person.name}. Gemaakt op ${day(x.generatedAt)} door Mijn Samenplan van ${x.municipality}.`);
  pdf.h2('Over u');
  pdf.list([
    `Naam: ${x.person.name}`,
    `BSN: ${maskBsn(x.person.bsn)} (het hele nummer staat in het JSON-bestand)`,
    `Geboren op: ${x.person.dateOfBirth}`,
    `Adres: ${x.person.address.street} ${x.person.address.houseNumber}, ${x.person.address.postcode} ${x.person.address.city}`,
    `Telefoon: ${x.person.phone ?? 'onbekend'}`,
    `E-mail: ${x.person.email ?? 'onbekend'}`,
  ], '');
  pdf.h2('Uw begeleiding');
  pdf.p(`Contactpersoon: ${x.case.contactPerson ?? 'nog niet bekend'}. Begonnen op ${x.case.openedOn ?? 'onbekend'}.`);
  pdf.h2('Uw plan');
  if (!x.plan) pdf.p('U heeft nog geen plan.');
  else for (const g of x.plan.goals) pdf.list([`Doel: ${g.title}`, ...g.actions.map((a) => `${a.owner.name}: ${a.description} (${a.status === 'done' ? 'klaar' : 'open'})`)], '');
  pdf.h2('Uw afspraken');
  pdf.list(x.meetings.map((m) => `${day(m.startsAt)}: ${m.typeLabel} (${m.statusLabel})`), 'Geen afspraken.');
  pdf.h2('Uw situatie (Zelfredzaamheid-Matrix en participatieladder)');
  pdf.list(x.assessments.map(assessmentLine), 'Nog geen metingen.');
  pdf.list(x.barriers.map((b) => `Belemmering: ${b.description} (${b.status})`), 'Geen belemmeringen vastgelegd.');
  pdf.h2('Uw werkwensen');
  if (!x.workProfile) pdf.p('U heeft nog geen werkprofiel.');
  else {
    const w = x.workProfile;
    pdf.list([
      `Beroepen: ${w.desiredOccupations.map((o) => o.label).join(', ') || 'geen'}`,
      `Uren per week: ${w.hoursMin} tot ${w.hoursMax}`,
      `Vaardigheden: ${w.skills.join(', ') || 'geen'}`,
      `Opleiding: ${w.education ?? 'niet ingevuld'}`,
    ], '');
  }
  pdf.h2('Vacatures die u werden voorgesteld');
  pdf.list(x.proposals.map((p) => `${day(p.proposedAt)}: ${p.vacancy.title} (${p.status})`), 'Geen voorstellen.');
  pdf.h2('Uw werk via Samenplan (plaatsingen)');
  pdf.list(x.placements.map((p) => placementLine(p)), 'Geen plaatsingen.');
  pdf.h2('Uw berichten');
  pdf.list(x.messages.map((m) => `${day(m.sentAt)}, ${m.authorName}: ${m.body}`), 'Geen berichten.');
  pdf.h2('Wie mag meekijken');
  pdf.list(x.consents.map((k) => `${k.partnerOrganisation.name}: ${k.active ? 'mag meekijken' : 'mag niet meer meekijken'} (sinds ${k.validFrom})`), 'Geen toestemmingen.');
  pdf.h2('Wie uw gegevens verwerkte');
  pdf.p(`${x.processingLog.length} verwerkingen. Het JSON-bestand heeft ze allemaal.`);
  pdf.list(x.processingLog.slice(0, 100).map((e) => `${day(e.at)}: ${e.role}, ${e.organisation}: ${e.activity}`), 'Niemand.');
  if (x.notIncluded.length > 0) {
    pdf.h2('Nog niet in dit overzicht');
    pdf.p(`Deze gegevens staan nog niet in de download: ${x.notIncluded.join(', ')}. Vraag ze op bij de privacyfunctionaris van de gemeente.`);
  }
  return pdf.finish();
}

function assessmentLine(a: OwnExport['assessments'][number]): string {
  const ladder = a.ladderRung !== null ? `, participatieladder trede ${a.ladderRung}${a.ladderLabel ? ` (${a.ladderLabel})` : ''}` : '';
  return `${day(a.scoredAt)}: Zelfredzaamheid-Matrix, ${a.scores.map((x) => `${x.label} ${x.score}`).join(', ')}${ladder}`;
}

function placementLine(p: OwnExport['placements'][number]): string {
  return `${p.startDate}: ${p.employer.name}${p.vacancy ? `, ${p.vacancy.title}` : ''}`;
}
