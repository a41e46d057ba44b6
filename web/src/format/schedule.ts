// Weekly time windows (a vacancy's working hours, a resident's availability) in words:
// "ma–vr 09:00–14:30" or "ma, wo 08:00–12:00; za 10:00–16:00". The windows are the API's TimeWindow: day 1–7,
// from/to "HH:MM" on a half hour ("24:00" is the end of the day).
import type { TFunction } from 'i18next';
import type { TimeWindow } from '../api/models.ts';

export type { TimeWindow };

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export const SCHOOL_HOURS_FROM = '09:00';
export const SCHOOL_HOURS_TO = '14:30';

/** School hours: Monday to Friday 09:00–14:30. */
export function schoolHours(): TimeWindow[] {
  return ([1, 2, 3, 4, 5] as const).map((day) => ({ day, from: SCHOOL_HOURS_FROM, to: SCHOOL_HOURS_TO }));
}

/** Half-hour slot (0–48) of "HH:MM", or null when it is not on a half hour. */
export function slotOf(time: string): number | null {
  const m = /^([01][0-9]|2[0-4]):(00|30)$/.exec(time);
  if (!m) return null;
  const slot = Number(m[1]) * 2 + (m[2] === '30' ? 1 : 0);
  return slot <= 48 ? slot : null;
}

export function timeOfSlot(slot: number): string {
  return `${String(Math.floor(slot / 2)).padStart(2, '0')}:${slot % 2 === 0 ? '00' : '30'}`;
}

/** Every half hour of the day as "HH:MM": 00:00 … 24:00 (49 values). */
export const HALF_HOURS: readonly string[] = Array.from({ length: 49 }, (_, i) => timeOfSlot(i));

/** Merged, sorted windows (overlapping and touching windows on a day become one). Invalid windows are dropped. */
export function normaliseWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (const day of WEEKDAYS) {
    const bits = new Array<boolean>(48).fill(false);
    for (const w of windows) {
      if (w.day !== day) continue;
      const from = slotOf(w.from);
      const to = slotOf(w.to);
      if (from === null || to === null || to <= from) continue;
      for (let s = from; s < to; s++) bits[s] = true;
    }
    let start: number | null = null;
    for (let s = 0; s <= 48; s++) {
      const on = s < 48 && bits[s];
      if (on && start === null) start = s;
      if (!on && start !== null) {
        out.push({ day, from: timeOfSlot(start), to: timeOfSlot(s) });
        start = null;
      }
    }
  }
  return out;
}

/** Hours per week covered by the windows. */
export function hoursOfWindows(windows: readonly TimeWindow[]): number {
  return normaliseWindows(windows).reduce((sum, w) => sum + ((slotOf(w.to) ?? 0) - (slotOf(w.from) ?? 0)) / 2, 0);
}

/** True when every window lies within Monday–Friday 09:00–14:30 (and there is at least one). */
export function fitsSchoolHours(windows: readonly TimeWindow[]): boolean {
  const norm = normaliseWindows(windows);
  const from = slotOf(SCHOOL_HOURS_FROM)!;
  const to = slotOf(SCHOOL_HOURS_TO)!;
  return norm.length > 0 && norm.every((w) => w.day <= 5 && slotOf(w.from)! >= from && slotOf(w.to)! <= to);
}

/** Days as "ma–vr" for a run of three or more consecutive days, else "ma, wo". */
function formatDays(days: Weekday[], t: TFunction): string {
  const parts: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && days[j + 1]! === days[j]! + 1) j++;
    const first = t(`schedule.dayShort.${days[i]!}`);
    const last = t(`schedule.dayShort.${days[j]!}`);
    if (j - i >= 2) parts.push(`${first}–${last}`);
    else for (let k = i; k <= j; k++) parts.push(t(`schedule.dayShort.${days[k]!}`));
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * A readable summary: days with the same times are grouped, e.g. "ma–vr 09:00–14:30" or
 * "ma, wo 08:00–12:00; za 10:00–16:00". An empty schedule reads "geen tijden".
 */
export function formatSchedule(windows: readonly TimeWindow[], t: TFunction): string {
  const norm = normaliseWindows(windows);
  if (norm.length === 0) return t('schedule.none');
  const timesByDay = new Map<number, string>();
  for (const w of norm) {
    const times = `${w.from}–${w.to}`;
    const prev = timesByDay.get(w.day);
    timesByDay.set(w.day, prev ? `${prev}, ${times}` : times);
  }
  const groups: { times: string; days: Weekday[] }[] = [];
  for (const day of WEEKDAYS) {
    const times = timesByDay.get(day);
    if (!times) continue;
    const group = groups.find((g) => g.times === times);
    if (group) group.days.push(day);
    else groups.push({ times, days: [day] });
  }
  return groups.map((g) => `${formatDays(g.days, t)} ${g.times}`).join('; ');
}
