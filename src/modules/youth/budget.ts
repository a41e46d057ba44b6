/**
 * A team's yearly budget for custom provisions, pure, in integer cents (never floats):
 * - committed: requested (waiting for approval) and approved, not yet paid;
 * - paid: paid out; available = budget − committed − paid (never below 0 by the rule below).
 * A new request fits when it is at most what is available; otherwise it is refused and nothing is written.
 */

export const MAX_PROVISION_CENTS = 10_000_000; // € 100.000,00: more is not a custom provision but an input error

export interface BudgetLine {
  status: 'requested' | 'approved' | 'rejected' | 'paid';
  cents: number;
}

export interface BudgetFigures {
  budgetCents: number;
  committedCents: number;
  paidCents: number;
  availableCents: number;
}

export function budgetFigures(budgetCents: number, lines: readonly BudgetLine[]): BudgetFigures {
  let committedCents = 0;
  let paidCents = 0;
  for (const l of lines) {
    if (l.status === 'requested' || l.status === 'approved') committedCents += l.cents;
    else if (l.status === 'paid') paidCents += l.cents;
  }
  return { budgetCents, committedCents, paidCents, availableCents: budgetCents - committedCents - paidCents };
}

export function isWholeCents(n: number): boolean {
  return Number.isSafeInteger(n);
}

/** Whether a request of `amountCents` fits in what is available. */
export function fitsBudget(f: BudgetFigures, amountCents: number): boolean {
  return amountCents >= 1 && amountCents <= f.availableCents;
}

/** A second person approves above the municipality's threshold. */
export function needsSecondPerson(amountCents: number, thresholdCents: number): boolean {
  return amountCents > thresholdCents;
}

/** "€ 1.234,56" */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}
