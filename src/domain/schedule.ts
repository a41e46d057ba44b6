/**
 * Weekly schedules (a vacancy's working hours) and availability (a resident's available hours) as day + time
 * windows in half-hour steps, and as a 336-bit mask (7 days x 48 half hours, Monday 00:00 first) for SQL:
 * a schedule fits an availability when (schedule_mask & ~availability_mask) is all zeros.
 */

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface TimeWindow {
  day: IsoWeekday;
  /** "HH:MM" on a half hour, 00:00–23:30. */
  from: string;
  /** "HH:MM" on a half hour, after `from`; "24:00" is the end of the day. */
  to: string;
}

export const SLOTS_PER_DAY = 48;
export const MASK_BITS = 7 * SLOTS_PER_DAY;

const TIME = /^([01][0-9]|2[0-4]):(00|30)$/;

/** Half-hour slot index within the day (0–48) of "HH:MM", or null when not on a half hour. */
export function slotOf(time: string): number | null {
  const m = TIME.exec(time);
  if (!m) return null;
  const slot = Number(m[1]) * 2 + (m[2] === '30' ? 1 : 0);
  return slot <= SLOTS_PER_DAY ? slot : null;
}

export function timeOfSlot(slot: number): string {
  const h = Math.floor(slot / 2);
  return `${String(h).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;
}

/** Why a window is invalid (Dutch, for problem details), or null when it is valid. */
export function windowProblem(w: TimeWindow): string | null {
  if (!Number.isInteger(w.day) || w.day < 1 || w.day > 7) return 'Kies een dag van maandag (1) tot en met zondag (7).';
  const from = slotOf(w.from);
  const to = slotOf(w.to);
  if (from === null || from >= SLOTS_PER_DAY) return 'De begintijd moet op een heel of half uur vallen, bijvoorbeeld 09:00 of 09:30.';
  if (to === null) return 'De eindtijd moet op een heel of half uur vallen, bijvoorbeeld 14:30.';
  if (to <= from) return 'De eindtijd moet na de begintijd liggen.';
  return null;
}

/** The set bits of the windows as booleans (index = (day - 1) * 48 + slot). Invalid windows are ignored. */
export function slotsOf(windows: readonly TimeWindow[]): boolean[] {
  const bits = new Array<boolean>(MASK_BITS).fill(false);
  for (const w of windows) {
    if (windowProblem(w) !== null) continue;
    const from = slotOf(w.from)!;
    const to = slotOf(w.to)!;
    for (let s = from; s < to; s++) bits[(w.day - 1) * SLOTS_PER_DAY + s] = true;
  }
  return bits;
}

/** The mask as a PostgreSQL bit-string literal body: 336 characters of 0 and 1 (use with `$1::bit(336)`). */
export function maskOf(windows: readonly TimeWindow[]): string {
  return slotsOf(windows)
    .map((b) => (b ? '1' : '0'))
    .join('');
}

/** Normalised windows from a mask string: merged, sorted by day and time. */
export function windowsOfMask(mask: string): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let day = 1; day <= 7; day++) {
    let start: number | null = null;
    for (let s = 0; s <= SLOTS_PER_DAY; s++) {
      const on = s < SLOTS_PER_DAY && mask[(day - 1) * SLOTS_PER_DAY + s] === '1';
      if (on && start === null) start = s;
      if (!on && start !== null) {
        out.push({ day: day as IsoWeekday, from: timeOfSlot(start), to: timeOfSlot(s) });
        start = null;
      }
    }
  }
  return out;
}

/** Merges overlapping and touching windows (same result as windowsOfMask(maskOf(windows))). */
export function normaliseWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  return windowsOfMask(maskOf(windows));
}

/** True when every half hour of `schedule` lies within `availability`. An empty schedule fits anything. */
export function fitsWithin(schedule: readonly TimeWindow[], availability: readonly TimeWindow[]): boolean {
  const need = slotsOf(schedule);
  const have = slotsOf(availability);
  return need.every((b, i) => !b || have[i]);
}

/** Hours per week covered by the windows. */
export function hoursOf(windows: readonly TimeWindow[]): number {
  return slotsOf(windows).filter(Boolean).length / 2;
}

/**
 * School hours (schooltijden): weekdays 09:00–14:30 (`to` configurable). A schedule "fits school hours" when it lies
 * entirely within this pattern.
 */
export function schoolHours(to = '14:30', from = '09:00'): TimeWindow[] {
  return ([1, 2, 3, 4, 5] as const).map((day) => ({ day, from, to }));
}

export function fitsSchoolHours(schedule: readonly TimeWindow[]): boolean {
  return schedule.length > 0 && fitsWithin(schedule, schoolHours());
}
