import type { HistoryStory } from './history.generator.ts';
import type { Sex } from './names.ts';

/**
 * The demo story: named (fictitious) residents in the caseload of werkmatcher.overvecht, so that her werklijst shows
 * something in every section and the matching demo has a protagonist. Residents are cast in generation order: the
 * first resident of her caseload who fits a role that is still open gets it (deterministic for a given `today`).
 */

export const STORY_COACH = 'werkmatcher.overvecht';
export const STORY_MUNICIPALITY = '0344';

export type StoryRole =
  | 'singleParent'
  | 'threeWay'
  | 'handover'
  | 'transfer'
  | 'overNorm'
  | 'meetingThisWeek'
  | 'homeVisitNextWeek';

export interface StoryCandidate {
  sex: Sex;
  age: number;
  householdType: string;
  daysOnBenefit: number;
}

interface Cast {
  role: StoryRole;
  name: { givenNames: string; prefix: string | null; familyName: string } | null;
  fits(c: StoryCandidate): boolean;
  history: HistoryStory;
}

const CASTS: readonly Cast[] = [
  {
    // The single parent looking for work within school hours (matching story).
    role: 'singleParent',
    name: { givenNames: 'Naima', prefix: null, familyName: 'Bakker' },
    fits: (c) => c.householdType === 'singleParent' && c.sex === 'female' && c.age >= 27 && c.age <= 44 && c.daysOnBenefit > 400,
    history: { lastContactDaysAgo: 9, activeConsent: true },
  },
  {
    // 3-gesprek with the buurtteam this week; actions overdue and due today.
    role: 'threeWay',
    name: { givenNames: 'Marco', prefix: null, familyName: 'Jansen' },
    fits: (c) => c.sex === 'male' && c.age >= 30 && c.daysOnBenefit > 400,
    history: { lastContactDaysAgo: 23, activeConsent: true },
  },
  {
    // Handed over four days ago with a warm note; no plan yet.
    role: 'handover',
    name: { givenNames: 'Priya', prefix: null, familyName: 'Ramdin' },
    fits: (c) => c.sex === 'female' && c.daysOnBenefit > 200,
    history: { handoverDaysAgo: 4, lastContactDaysAgo: 45 },
  },
  {
    // Handed over two and a half weeks ago; no plan yet.
    role: 'transfer',
    name: { givenNames: 'Henk', prefix: 'de', familyName: 'Wit' },
    fits: (c) => c.sex === 'male' && c.age >= 45 && c.daysOnBenefit > 200,
    history: { handoverDaysAgo: 17, lastContactDaysAgo: 130 },
  },
  {
    // Long over the contact norm, with an old plan.
    role: 'overNorm',
    name: { givenNames: 'Ria', prefix: null, familyName: 'Visser' },
    fits: (c) => c.sex === 'female' && c.age >= 45 && c.daysOnBenefit > 600,
    history: { lastContactDaysAgo: 160 },
  },
  {
    role: 'meetingThisWeek',
    name: null,
    fits: (c) => c.daysOnBenefit > 300,
    history: { lastContactDaysAgo: 14 },
  },
  {
    role: 'homeVisitNextWeek',
    name: null,
    fits: (c) => c.daysOnBenefit > 300,
    history: { lastContactDaysAgo: 30 },
  },
];

export interface StoryAssignment {
  role: StoryRole;
  name: Cast['name'];
  history: HistoryStory;
}

/** Casts story residents; one per role. */
export class StoryCasting {
  private readonly open = new Set<StoryRole>(CASTS.map((c) => c.role));
  /** Resident ids per role, for the seed summary. */
  readonly cast = new Map<StoryRole, { residentId: string; name: string }>();

  assign(candidate: StoryCandidate): StoryAssignment | null {
    for (const c of CASTS) {
      if (this.open.has(c.role) && c.fits(candidate)) {
        this.open.delete(c.role);
        return { role: c.role, name: c.name, history: c.history };
      }
    }
    return null;
  }

  record(role: StoryRole, residentId: string, name: string): void {
    this.cast.set(role, { residentId, name });
  }
}
