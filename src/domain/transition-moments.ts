import { addDaysIso, daysBetweenIso } from './search-period.ts';

// Transition moments of young people (issue 13 §6, ADR 0030): the moments around which help tends to fall away, and
// the partner to involve. Pure: from the date of birth and the warm handovers (youth_referrals), on ISO dates.
// - turning18AfterYouthCare: turns (or turned) 18 within the window and came through youth care → youth care;
// - leftSchoolWithoutQualification: handed over by school/RMC (a leaver without startkwalificatie) within the
//   window after the handover → school/RMC;
// - turning27: turns 27 within the window ahead (Team Jongeren and the search period end) → the area team.

export const TRANSITION_KINDS = ['turning18AfterYouthCare', 'leftSchoolWithoutQualification', 'turning27'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];
export type TransitionPartner = 'youthCare' | 'schoolRmc' | 'areaTeam';

/** Days ahead a coming transition is flagged, and days after one a flag stays. */
export const TRANSITION_AHEAD_DAYS = 90;
export const TRANSITION_AFTER_DAYS = 90;

export interface TransitionFacts {
  dateOfBirth: string;
  referrals: ReadonlyArray<{ partnerKind: string; receivedOn: string }>;
}

export interface TransitionFlag {
  kind: TransitionKind;
  /** The day of the transition. */
  on: string;
  /** Days from today to that day (negative: passed). */
  daysUntil: number;
  partner: TransitionPartner;
}

/** The first day on which someone born on dateOfBirth is `age` years old (29 February: 1 March in other years). */
export function birthdayOf(dateOfBirth: string, age: number): string {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const target = y + age;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${String(target).padStart(4, '0')}-03-01`;
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function within(on: string, today: string, ahead: number, after: number): boolean {
  return on <= addDaysIso(today, ahead) && on >= addDaysIso(today, -after);
}

/** The young person's transition flags on `today`, earliest first. */
export function transitionFlags(f: TransitionFacts, today: string): TransitionFlag[] {
  const out: TransitionFlag[] = [];
  const flag = (kind: TransitionKind, on: string, partner: TransitionPartner) => out.push({ kind, on, daysUntil: daysBetweenIso(today, on), partner });
  const eighteen = birthdayOf(f.dateOfBirth, 18);
  if (f.referrals.some((r) => r.partnerKind === 'youthCare') && within(eighteen, today, TRANSITION_AHEAD_DAYS, TRANSITION_AFTER_DAYS)) {
    flag('turning18AfterYouthCare', eighteen, 'youthCare');
  }
  const school = f.referrals
    .filter((r) => r.partnerKind === 'schoolRmc' && r.receivedOn <= today && within(r.receivedOn, today, 0, TRANSITION_AFTER_DAYS))
    .map((r) => r.receivedOn)
    .sort()
    .at(-1);
  if (school) flag('leftSchoolWithoutQualification', school, 'schoolRmc');
  const twentySeven = birthdayOf(f.dateOfBirth, 27);
  if (within(twentySeven, today, TRANSITION_AHEAD_DAYS, 0)) flag('turning27', twentySeven, 'areaTeam');
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind < b.kind ? -1 : 1));
}
