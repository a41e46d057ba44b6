import PDFDocument from 'pdfkit';
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
  const doc = new PDFDocument({
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    pdfVersion: '1.7',
    size: 'A4',
    margin: 56,
    info: { Title: `Uw plan – ${m.firstName}`, Subject: 'Het plan dat u samen met de gemeente maakte', Creator: 'Samenplan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(24).fillColor('#000000').text(`${t} `, { structParent: root, structType: 'H1' }).moveDown(0.5);
  const h2 = (t: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(16).text(`${t} `, { structParent: root, structType: 'H2' }).moveDown(0.3);
  const p = (t: string) => doc.font('Helvetica').fontSize(12).text(`${t} `, { structParent: root, structType: 'P', lineGap: 3 }).moveDown(0.4);
  const list = (items: string[], empty: string) => {
    if (items.length === 0) return p(empty);
    const l = doc.struct('L');
    root.add(l);
    doc.font('Helvetica').fontSize(12).list(items.map((i) => `${i} `), { structParent: l, listType: 'bullet', bulletRadius: 2.5, lineGap: 3, paragraphGap: 4 });
    l.end();
    return doc.moveDown(0.4);
  };

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
  root.end();
  doc.end();
  return done;
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
