import { taggedPdf } from '../../platform/pdf/tagged-pdf.ts';
import { AGREED_HOW_NL, dutchDate } from './plan-text.ts';
import type { PlanJson } from './plans.schema.ts';

// The resident's version of the plan as an accessible (tagged) PDF in plain Dutch (B1): real headings (H1, H2),
// paragraphs (P) and lists (L > LI > Lbl + LBody) in reading order, document language nl-NL, title shown.

export interface PlanPdfModel {
  residentName: string;
  firstName: string;
  contactPerson: string | null;
  agreement: { agreedOn: string; how: string; changedSince: boolean } | null;
  goals: string[];
  ownActions: string[];
  otherActions: string[];
  helpers: string[];
  madeOn: string;
  version: number;
}

const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const when = (dueDate: string | null, status: string) =>
  status === 'done' ? ' Dit is klaar.' : dueDate ? ` Doen vóór ${dutchDate(dueDate)}.` : '';

/** What the resident reads: goals that still count, actions that were not stopped, and who helps. */
export function pdfModelOf(
  plan: PlanJson,
  resident: { name: string; firstName: string; contactPerson: string | null },
  today: string,
): PlanPdfModel {
  const goals = plan.goals.filter((g) => g.status !== 'dropped');
  const actions = goals.flatMap((g) => g.actions).filter((a) => a.status !== 'cancelled');
  const helpers = new Map<string, string>();
  if (resident.contactPerson) helpers.set(resident.contactPerson, `${resident.contactPerson}, uw werkmatcher`);
  for (const a of actions) {
    const o = a.owner;
    if (o.type === 'resident' || helpers.has(o.name)) continue;
    if (o.type === 'jobCoach') helpers.set(o.name, `${o.name}, werkmatcher van de gemeente`);
    else if (o.type === 'partnerProfessional') helpers.set(o.name, `${o.name}, van ${o.partnerOrganisation?.name ?? 'het buurtteam'}`);
    else helpers.set(o.name, o.name);
  }
  return {
    residentName: resident.name,
    firstName: resident.firstName,
    contactPerson: resident.contactPerson,
    agreement: plan.agreement
      ? { agreedOn: plan.agreement.agreedOn, how: plan.agreement.how, changedSince: plan.agreement.changedSinceAgreement }
      : null,
    goals: goals.map((g) => `${sentence(g.title)}${g.description ? ` ${sentence(g.description)}` : ''}${g.status === 'achieved' ? ' Dit doel is gelukt!' : ''}`),
    ownActions: actions.filter((a) => a.owner.type === 'resident').map((a) => `${sentence(a.description)}${when(a.dueDate, a.status)}`),
    otherActions: actions
      .filter((a) => a.owner.type !== 'resident')
      .map((a) => `${a.owner.name}: ${sentence(a.description)}${when(a.dueDate, a.status)}`),
    helpers: [...helpers.values()],
    madeOn: today,
    version: plan.version,
  };
}

/** Renders the model; resolves with the PDF bytes. */
export function renderPlanPdf(m: PlanPdfModel): Promise<Buffer> {
  const { doc, h1, h2, p, list, finish } = taggedPdf({ title: `Uw plan – ${m.firstName}`, subject: 'Het plan dat u samen met de gemeente maakte' });

  h1('Uw plan');
  const helper = m.contactPerson ? `uw werkmatcher ${m.contactPerson}` : 'de gemeente';
  p(`Dit is het plan van ${m.residentName}. U maakte dit plan samen met ${helper}.`);
  if (m.agreement) {
    p(`Op ${dutchDate(m.agreement.agreedOn)} zei u ${AGREED_HOW_NL[m.agreement.how] ?? ''} dat u het eens bent met dit plan.`.replace('  ', ' '));
    if (m.agreement.changedSince) p('Daarna is het plan nog veranderd. Kijk samen of u het nog steeds eens bent.');
  } else {
    p('U heeft nog niet gezegd of u het eens bent met dit plan. Praat erover met uw werkmatcher.');
  }
  h2('Uw doelen');
  list(m.goals, 'Er staan nog geen doelen in uw plan.');
  h2('Wat gaat u doen?');
  list(m.ownActions, 'Er staan nu geen taken voor u in het plan.');
  h2('Wat doen anderen?');
  list(m.otherActions, 'Er staan nu geen taken voor anderen in het plan.');
  h2('Wie helpt u?');
  list(m.helpers, 'Uw werkmatcher van de gemeente helpt u.');
  doc.moveDown(0.8);
  p(`Heeft u vragen over uw plan? Neem dan contact op met ${m.contactPerson ?? 'uw werkmatcher'}.`);
  p(`Gemaakt op ${dutchDate(m.madeOn)}. Dit is versie ${m.version} van uw plan.`);
  return finish();
}

/** 'Anna-Maria' → 'Anna-Maria', 'Zoë' → 'Zoe': safe in a Content-Disposition filename. */
export function pdfFileName(firstName: string): string {
  const safe = firstName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `plan-${safe || 'inwoner'}.pdf`;
}
