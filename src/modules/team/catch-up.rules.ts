import { monthsBetween, todayInNl } from '../../domain/dates.ts';

// Pure rules of the catch-up campaign (inhaalslag): who is selected, how they are divided over werkmatchers, and
// the coverage per week. No I/O.

export interface CatchUpCriteria {
  /** At least this many whole months on the current benefit. */
  minMonthsOnBenefit: number;
  /** At least this many whole months since the last contact (never contacted always qualifies). */
  minMonthsWithoutContact: number;
}

export interface Candidate {
  id: string;
  /** Start of the current benefit (YYYY-MM-DD); null: not on benefit now. */
  benefitStart: string | null;
  /** Date of the last contact in the Netherlands (YYYY-MM-DD); null: never. */
  lastContactOn: string | null;
}

export function matchesCriteria(c: Candidate, criteria: CatchUpCriteria, today: string): boolean {
  if (c.benefitStart === null || monthsBetween(c.benefitStart, today) < criteria.minMonthsOnBenefit) return false;
  return c.lastContactOn === null || monthsBetween(c.lastContactOn, today) >= criteria.minMonthsWithoutContact;
}

/** Both thresholds; never contacted first, then longest without contact, then longest on benefit (then id). */
export function selectCandidates<T extends Candidate>(candidates: readonly T[], criteria: CatchUpCriteria, today: string): T[] {
  const key = (c: T) => [c.lastContactOn ?? '0000-00-00', c.benefitStart ?? '9999-99-99'] as const;
  return candidates
    .filter((c) => matchesCriteria(c, criteria, today))
    .sort((a, b) => {
      const [ca, ba] = key(a);
      const [cb, bb] = key(b);
      return ca < cb ? -1 : ca > cb ? 1 : ba < bb ? -1 : ba > bb ? 1 : a.id.localeCompare(b.id);
    });
}

export type DivisionMode = 'balance' | 'roundRobin';

export interface CoachLoad {
  id: string;
  /** Current caseload size (active residents he is the contact person of). */
  caseload: number;
}

export interface Assignment {
  residentId: string;
  coachId: string;
}

/**
 * Divides residents over werkmatchers, each resident exactly once.
 * - roundRobin: in turn, in the order given; counts differ by at most one.
 * - balance: each next resident to whoever has the smallest caseload + assigned so far (ties: fewest assigned,
 *   then the order given), so afterwards nobody who received someone is more than one above the lightest.
 */
export function divide(residentIds: readonly string[], coaches: readonly CoachLoad[], mode: DivisionMode): Assignment[] {
  if (coaches.length === 0) return [];
  if (mode === 'roundRobin') return residentIds.map((residentId, i) => ({ residentId, coachId: coaches[i % coaches.length]!.id }));
  const load = coaches.map((c) => ({ id: c.id, total: c.caseload, given: 0 }));
  return residentIds.map((residentId) => {
    let best = load[0]!;
    for (const l of load) if (l.total < best.total || (l.total === best.total && l.given < best.given)) best = l;
    best.total += 1;
    best.given += 1;
    return { residentId, coachId: best.id };
  });
}

export interface MoveSummary {
  /** Residents in the selection. */
  total: number;
  /** Of whom get another werkmatcher (a handover with the note). */
  moving: number;
  /** Of whom stay with the werkmatcher they have. */
  staying: number;
  /** Per werkmatcher who gets residents (in the order of the division): how many, and how many of those are new to him. */
  perStaffUser: Array<{ staffUser: { id: string; displayName: string }; receives: number; newToThem: number }>;
  /** Per werkmatcher (or none) who hands residents over: how many leave him. */
  handingOver: Array<{ staffUser: { id: string; displayName: string } | null; count: number }>;
  /** From whom to whom, with how many (only real changes), largest first. */
  transfers: Array<{ from: { id: string; displayName: string } | null; to: { id: string; displayName: string }; count: number }>;
}

/** What a division does to the caseloads: who moves from whom to whom. Pure. */
export function summariseMoves(
  assignments: ReadonlyArray<Assignment & { fromId: string | null }>,
  nameOf: (staffId: string) => string,
): MoveSummary {
  const ref = (id: string) => ({ id, displayName: nameOf(id) });
  const receive = new Map<string, { receives: number; newToThem: number }>();
  const leaving = new Map<string | null, number>();
  const pairs = new Map<string, { from: string | null; to: string; count: number }>();
  let moving = 0;
  for (const a of assignments) {
    const r = receive.get(a.coachId) ?? { receives: 0, newToThem: 0 };
    r.receives += 1;
    receive.set(a.coachId, r);
    if (a.fromId === a.coachId) continue;
    moving += 1;
    r.newToThem += 1;
    leaving.set(a.fromId, (leaving.get(a.fromId) ?? 0) + 1);
    const key = `${a.fromId ?? ''}>${a.coachId}`;
    const p = pairs.get(key) ?? { from: a.fromId, to: a.coachId, count: 0 };
    p.count += 1;
    pairs.set(key, p);
  }
  const byCount = <T extends { count: number }>(x: T, y: T) => y.count - x.count;
  return {
    total: assignments.length,
    moving,
    staying: assignments.length - moving,
    perStaffUser: [...receive.entries()].map(([id, r]) => ({ staffUser: ref(id), ...r })),
    handingOver: [...leaving.entries()].map(([id, count]) => ({ staffUser: id === null ? null : ref(id), count })).sort(byCount),
    transfers: [...pairs.values()].map((p) => ({ from: p.from === null ? null : ref(p.from), to: ref(p.to), count: p.count })).sort(byCount),
  };
}

export interface CoverageInput {
  /** First contact moment at or after the campaign start; null: not yet. */
  contactedAt: Date | null;
  /** Since when the resident has the active plan he has now (may be before the start); null: none. */
  planAt: Date | null;
}

export interface CoverageCounts {
  total: number;
  contacted: number;
  withPlan: number;
  contactedPct: number;
  withPlanPct: number;
}

/** Percentage with one decimal; 0 when there is nobody. */
export function pct(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((n * 1000) / total) / 10;
}

export function coverage(rows: readonly CoverageInput[], until?: string): CoverageCounts {
  const by = (d: Date | null) => d !== null && (until === undefined || todayInNl(d) <= until);
  const contacted = rows.filter((r) => by(r.contactedAt)).length;
  const withPlan = rows.filter((r) => by(r.planAt)).length;
  return { total: rows.length, contacted, withPlan, contactedPct: pct(contacted, rows.length), withPlanPct: pct(withPlan, rows.length) };
}

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of the ISO week of a date. */
export function weekStart(date: string): string {
  const day = new Date(utc(date)).getUTCDay(); // 0 = Sunday
  return iso(utc(date) - ((day + 6) % 7) * DAY);
}

/** ISO 8601 week label, e.g. 2026-W47. */
export function isoWeek(date: string): string {
  const t = utc(date);
  const thursday = t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Cumulative coverage at the end of every week from the campaign's start week to the current week (at most
 * `maxWeeks`, the latest ones): contacted and with a plan by that Sunday (the current week: by today).
 */
export function weeklyCoverage(rows: readonly CoverageInput[], start: Date, now: Date, maxWeeks = 104) {
  const today = todayInNl(now);
  const weeks: Array<{ week: string; weekStart: string; weekEnd: string } & CoverageCounts> = [];
  for (let monday = utc(weekStart(todayInNl(start))); monday <= utc(today); monday += 7 * DAY) {
    const sunday = iso(monday + 6 * DAY);
    const until = sunday < today ? sunday : today;
    weeks.push({ week: isoWeek(iso(monday)), weekStart: iso(monday), weekEnd: sunday, ...coverage(rows, until) });
  }
  return weeks.slice(-maxWeeks);
}
