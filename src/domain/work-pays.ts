import { DISREGARDS, DISREGARD_VARIANTS, NORMS, inEffect, type Household } from './work-pays.params.ts';

// "Werkt het loont?" — an ESTIMATE of the monthly income from benefit plus earnings for X hours a week at EUR Y an
// hour, with the rule that applied, in words. Pure: the norms and disregard rules come from work-pays.params.ts by
// date. Earnings per month = hours a week × wage × 52 / 12. Benefit = norm − (earnings − disregard), never below 0.
// Total = earnings + benefit. Integer cents throughout.

export interface WorkPaysInput {
  /** The month it is about (calendar date, YYYY-MM-DD): picks the parameters in effect. */
  date: string;
  household: Household;
  /** 27 or older: the disregards apply (art. 31 lid 5). */
  age: number;
  hoursPerWeek: number;
  hourlyWageCents: number;
  /** Single parent: age of the youngest child (for onder r). */
  youngestChildAge?: number | null;
  /** Months the disregard onder n has already been used (at most 6). */
  monthsUsedN?: number;
  /** Months the disregard onder r has already been used (at most 30). */
  monthsUsedR?: number;
  /** A study arm's key (e.g. 'werkenLoont'); absent: the law's standard rules. */
  variant?: string | null;
}

export type RuleApplied = 'n' | 'r' | 'variant' | 'underAge' | 'used' | 'noEarnings';

export interface WorkPaysResult {
  estimate: true;
  earningsCents: number;
  normCents: number;
  disregardCents: number;
  benefitCents: number;
  totalCents: number;
  /** Without work: the norm. */
  withoutWorkCents: number;
  rule: RuleApplied;
  /** The share and cap of the disregard that applied (0 when none). */
  share: number;
  capCents: number;
  /** The rule in plain Dutch (B1). */
  explanation: string;
  sources: string[];
}

export class WorkPaysParameterError extends Error {}

const euro = (cents: number) => `€ ${(cents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const percent = (share: number) => `${(share * 100).toLocaleString('nl-NL')}%`;

export function monthlyEarningsCents(hoursPerWeek: number, hourlyWageCents: number): number {
  return Math.round((hoursPerWeek * hourlyWageCents * 52) / 12);
}

export function workPays(input: WorkPaysInput): WorkPaysResult {
  const norms = inEffect(NORMS, input.date);
  const rules = inEffect(DISREGARDS, input.date);
  if (!norms || !rules) throw new WorkPaysParameterError(`Geen normbedragen voor ${input.date}`);
  const variant = input.variant ? DISREGARD_VARIANTS.find((v) => v.key === input.variant) : undefined;
  if (input.variant && !variant) throw new WorkPaysParameterError(`Onbekende onderzoeksarm ${input.variant}`);

  const earnings = monthlyEarningsCents(Math.max(0, input.hoursPerWeek), Math.max(0, input.hourlyWageCents));
  const norm = norms.norms[input.household];
  const sources = [norms.source, variant ? variant.source : rules.source];
  let rule: RuleApplied;
  let share = 0;
  let cap = 0;
  let explanation: string;
  const minAge = variant ? variant.minAge : rules.minAge;
  if (earnings === 0) {
    rule = 'noEarnings';
    explanation = 'Zonder werk krijgt u de hele bijstandsnorm.';
  } else if (input.age < minAge) {
    rule = 'underAge';
    explanation = `U bent jonger dan ${minAge} jaar. Dan mag u niets van uw loon houden naast de bijstand (artikel 31 lid 5 Participatiewet). Uw loon gaat helemaal van de bijstand af.`;
  } else if (variant) {
    rule = 'variant';
    share = variant.share;
    cap = variant.capCents;
    explanation = `U doet mee aan het onderzoek "Werken loont". U mag ${percent(share)} van uw loon houden, hoogstens ${euro(cap)} per maand.`;
  } else if ((input.monthsUsedN ?? 0) < rules.n.maxMonths) {
    rule = 'n';
    share = rules.n.share;
    cap = rules.n.capCents;
    explanation = `U mag ${percent(share)} van uw loon houden, hoogstens ${euro(cap)} per maand. Dat mag ${rules.n.maxMonths} maanden lang (artikel 31 lid 2 onder n Participatiewet).`;
  } else if (
    input.household === 'singleParent' &&
    input.youngestChildAge !== null &&
    input.youngestChildAge !== undefined &&
    input.youngestChildAge < rules.r.childUnder &&
    (input.monthsUsedR ?? 0) < rules.r.maxMonths
  ) {
    rule = 'r';
    share = rules.r.share;
    cap = rules.r.capCents;
    explanation = `U bent alleenstaande ouder met een kind jonger dan ${rules.r.childUnder} jaar. U mag ${percent(share)} van uw loon houden, hoogstens ${euro(cap)} per maand, ${rules.r.maxMonths} maanden lang (artikel 31 lid 2 onder r Participatiewet).`;
  } else {
    rule = 'used';
    explanation = 'U heeft de vrijlating al gebruikt. Uw loon gaat nu helemaal van de bijstand af.';
  }
  const disregard = Math.min(Math.round(earnings * share), cap);
  const benefit = Math.max(0, norm - (earnings - disregard));
  return {
    estimate: true,
    earningsCents: earnings,
    normCents: norm,
    disregardCents: disregard,
    benefitCents: benefit,
    totalCents: earnings + benefit,
    withoutWorkCents: norm,
    rule,
    share,
    capCents: cap,
    explanation,
    sources,
  };
}
