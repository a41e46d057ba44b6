import type { OwnerSnapshot, PlanChange } from './plan-diff.ts';

// Dutch words for the plan: staff wording for history labels, B1 wording for the resident's PDF. Pure.

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2026-12-01' → '1 december 2026'. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export const LIFE_DOMAIN_NL: Record<string, string> = {
  finances: 'Financiën',
  workAndEducation: 'Werk en opleiding',
  timeUse: 'Tijdsbesteding',
  housing: 'Huisvesting',
  domesticRelations: 'Huiselijke relaties',
  mentalHealth: 'Geestelijke gezondheid',
  physicalHealth: 'Lichamelijke gezondheid',
  substanceUse: 'Middelengebruik',
  basicAdl: 'Basale ADL',
  instrumentalAdl: 'Instrumentele ADL',
  socialNetwork: 'Sociaal netwerk',
  communityParticipation: 'Maatschappelijke participatie',
  justice: 'Justitie',
};

export const ACTION_STATUS_NL: Record<string, string> = { open: 'nog te doen', inProgress: 'bezig', done: 'klaar', cancelled: 'gestopt' };
export const GOAL_STATUS_NL: Record<string, string> = { open: 'lopend', achieved: 'bereikt', dropped: 'vervallen' };
export const AGREED_HOW_NL: Record<string, string> = {
  inPerson: 'in een gesprek',
  phone: 'aan de telefoon',
  video: 'in een videogesprek',
  letter: 'per brief',
  portal: 'in Mijn Samenplan',
};
export const OWNER_TYPE_NL: Record<OwnerSnapshot['type'], string> = {
  resident: 'inwoner',
  jobCoach: 'werkmatcher',
  partnerProfessional: 'buurtteam',
  otherPartner: 'andere partner',
};

export interface LabelContext {
  goalTitle(id: string): string | undefined;
  actionDescription(id: string): string | undefined;
  ownerName(owner: OwnerSnapshot): string;
}

const short = (s: string | undefined, max = 60) => {
  const t = (s ?? '').trim();
  return `‘${t.length > max ? `${t.slice(0, max - 1)}…` : t}’`;
};
const dateOrNone = (v: unknown) => (typeof v === 'string' ? dutchDate(v) : 'geen datum');
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function planLabel(c: PlanChange): string {
  if (c.kind === 'added') return 'Plan gemaakt';
  if (c.field === 'status') return c.after === 'closed' ? 'Plan afgesloten' : 'Plan weer actief';
  if (c.field === 'agreedOn') return c.after ? `Akkoord van de inwoner op ${dutchDate(str(c.after))}` : 'Akkoord van de inwoner gewist';
  return c.after ? `Akkoord gegeven ${AGREED_HOW_NL[str(c.after)] ?? str(c.after)}` : 'Manier van akkoord gewist';
}

function goalLabel(c: PlanChange, ctx: LabelContext): string {
  const subject = `Doel ${short(ctx.goalTitle(c.id) ?? (c.after as { title?: string } | null)?.title)}`;
  if (c.kind === 'added') return `${subject} toegevoegd`;
  if (c.kind === 'removed') return `${subject} verwijderd`;
  switch (c.field) {
    case 'title':
      return `Doel ${short(str(c.before))} heet nu ${short(str(c.after))}`;
    case 'description':
      return `${subject}: toelichting gewijzigd`;
    case 'lifeDomain':
      return `${subject}: leefgebied ${LIFE_DOMAIN_NL[str(c.before)] ?? 'geen'} → ${LIFE_DOMAIN_NL[str(c.after)] ?? 'geen'}`;
    case 'barrierId':
      return c.after ? `${subject}: gekoppeld aan een belemmering` : `${subject}: niet meer gekoppeld aan een belemmering`;
    case 'status':
      return `${subject}: ${GOAL_STATUS_NL[str(c.before)] ?? str(c.before)} → ${GOAL_STATUS_NL[str(c.after)] ?? str(c.after)}`;
    default:
      return `${subject}: volgorde gewijzigd`;
  }
}

function actionLabel(c: PlanChange, ctx: LabelContext): string {
  const added = c.after as { description?: string; owner?: OwnerSnapshot; dueDate?: string | null } | null;
  const subject = `Actie ${short(ctx.actionDescription(c.id) ?? added?.description)}`;
  if (c.kind === 'added') {
    const due = added?.dueDate ? `, klaar vóór ${dutchDate(added.dueDate)}` : '';
    return `${subject} toegevoegd voor ${added?.owner ? ctx.ownerName(added.owner) : 'onbekend'}${due}`;
  }
  if (c.kind === 'removed') return `${subject} verwijderd`;
  switch (c.field) {
    case 'description':
      return `Actie ${short(str(c.before))} heet nu ${short(str(c.after))}`;
    case 'owner':
      return `${subject}: uitvoerder ${ctx.ownerName(c.before as OwnerSnapshot)} → ${ctx.ownerName(c.after as OwnerSnapshot)}`;
    case 'dueDate':
      return `${subject}: datum ${dateOrNone(c.before)} → ${dateOrNone(c.after)}`;
    case 'status':
      return `${subject}: ${ACTION_STATUS_NL[str(c.before)] ?? str(c.before)} → ${ACTION_STATUS_NL[str(c.after)] ?? str(c.after)}`;
    case 'goalId':
      return `${subject} hoort nu bij doel ${short(ctx.goalTitle(str(c.after)))}`;
    default:
      return `${subject}: volgorde gewijzigd`;
  }
}

/** One readable Dutch line per change, for the history and for the conflict message. */
export function changeLabel(c: PlanChange, ctx: LabelContext): string {
  if (c.entity === 'plan') return planLabel(c);
  return c.entity === 'goal' ? goalLabel(c, ctx) : actionLabel(c, ctx);
}

/** A one-line summary of a version from the labels of its (visible) changes. */
export function summarise(changes: readonly (PlanChange & { label: string })[]): string {
  if (changes.length === 0) return 'Wijziging in een deel van het plan dat niet met u gedeeld wordt';
  if (changes.some((c) => c.entity === 'plan' && c.kind === 'added')) {
    const goals = changes.filter((c) => c.entity === 'goal' && c.kind === 'added').length;
    return goals === 0 ? 'Plan gemaakt' : `Plan gemaakt met ${goals} ${goals === 1 ? 'doel' : 'doelen'}`;
  }
  if (changes.length <= 3) return changes.map((c) => c.label).join('; ');
  return `${changes.slice(0, 2).map((c) => c.label).join('; ')} en nog ${changes.length - 2} wijzigingen`;
}
