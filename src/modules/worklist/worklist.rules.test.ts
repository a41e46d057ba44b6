import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NEW_CASE_DAYS,
  contactNorm,
  daysBetweenDates,
  dueState,
  isNewCase,
  reminderText,
  selectDueActions,
  selectNewWithoutPlan,
  selectOverContactNorm,
} from './worklist.rules.ts';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 5, 15);
const isoDay = (offset: number) => new Date(BASE + offset * DAY).toISOString().slice(0, 10);
const TODAY = isoDay(0);
const NOW = new Date(BASE + 10 * 3_600_000); // 10:00 UTC on TODAY

const status = fc.constantFrom('open', 'inProgress', 'done', 'cancelled');
const action = fc.record({ id: fc.uuid(), dueDate: fc.option(fc.integer({ min: -400, max: 400 }).map(isoDay), { nil: null }), status });
const lastContact = fc.option(fc.integer({ min: 0, max: 2_000 * 24 }).map((h) => new Date(NOW.getTime() - h * 3_600_000)), { nil: null });
const openedOn = fc.option(fc.integer({ min: -3_000, max: 0 }).map(isoDay), { nil: null });
const caseRow = fc.record({ id: fc.uuid(), lastContactAt: lastContact, openedOn });
const norm = fc.integer({ min: 1, max: 730 });

describe('due actions', () => {
  it('due = due today or earlier and not done/cancelled; overdue = before today', () => {
    fc.assert(
      fc.property(action, (a) => {
        const s = dueState(a, TODAY);
        const open = a.status === 'open' || a.status === 'inProgress';
        expect(s !== null).toBe(open && a.dueDate !== null && a.dueDate <= TODAY);
        if (s === 'overdue') expect(a.dueDate! < TODAY).toBe(true);
        if (s === 'dueToday') expect(a.dueDate).toBe(TODAY);
      }),
    );
  });

  it('selects exactly the due actions, oldest first, with days overdue', () => {
    fc.assert(
      fc.property(fc.uniqueArray(action, { selector: (a) => a.id, maxLength: 40 }), (actions) => {
        const due = selectDueActions(actions, TODAY);
        expect(due.map((a) => a.id).sort()).toEqual(actions.filter((a) => dueState(a, TODAY) !== null).map((a) => a.id).sort());
        for (let i = 1; i < due.length; i += 1) expect(due[i - 1]!.dueDate! <= due[i]!.dueDate!).toBe(true);
        for (const a of due) {
          expect(a.daysOverdue).toBe(daysBetweenDates(a.dueDate!, TODAY));
          expect(a.state === 'overdue').toBe(a.daysOverdue > 0);
        }
      }),
    );
  });
});

describe('contact norm', () => {
  it('counts from the later of the last contact and the opening of the file; neither known is over', () => {
    fc.assert(
      fc.property(lastContact, openedOn, norm, (last, opened, n) => {
        const f = contactNorm({ lastContactAt: last, openedOn: opened }, n, NOW);
        const sinceContact = last === null ? null : Math.floor((NOW.getTime() - last.getTime()) / DAY);
        const sinceOpened = opened === null ? null : Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${opened}T00:00:00Z`)) / DAY);
        expect(f.daysSinceContact).toBe(sinceContact);
        expect(f.daysSinceOpened).toBe(sinceOpened);
        const known = [sinceContact, sinceOpened].filter((x): x is number => x !== null);
        if (known.length === 0) {
          expect([f.over, f.daysOver, f.firstContactDue]).toEqual([true, null, false]);
          return;
        }
        const since = Math.min(...known);
        expect(f.daysOver).toBe(since - n);
        expect(f.over).toBe(since > n);
        // Over only when both the last contact and the opening are longer ago than the norm.
        expect(f.over).toBe((sinceContact === null || sinceContact > n) && (sinceOpened === null || sinceOpened > n));
        expect(f.firstContactDue).toBe(last === null && !f.over);
      }),
    );
  });

  it('a file opened within the norm is never over it, contacted or not: it is new, the first conversation is due', () => {
    fc.assert(
      fc.property(norm, fc.integer({ min: 0, max: 730 }), fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }), (n, ago, contactAgo) => {
        fc.pre(ago <= n);
        const last = contactAgo === null ? null : new Date(NOW.getTime() - contactAgo * 3_600_000);
        const f = contactNorm({ lastContactAt: last, openedOn: isoDay(-ago) }, n, NOW);
        expect(f.over).toBe(false);
        if (last === null) expect(f.firstContactDue).toBe(true);
      }),
    );
  });

  it('selection: exactly those over the norm; never contacted first, then by days over, descending', () => {
    fc.assert(
      fc.property(fc.uniqueArray(caseRow, { selector: (r) => r.id, maxLength: 40 }), norm, (rows, n) => {
        const over = selectOverContactNorm(rows, n, NOW);
        expect(over.map((r) => r.id).sort()).toEqual(rows.filter((r) => contactNorm(r, n, NOW).over).map((r) => r.id).sort());
        const rank = (r: { daysOver: number | null }) => (r.daysOver === null ? Infinity : r.daysOver);
        for (let i = 1; i < over.length; i += 1) expect(rank(over[i - 1]!)).toBeGreaterThanOrEqual(rank(over[i]!));
        for (const r of over) expect(r.daysOver === null || r.daysOver > 0).toBe(true);
      }),
    );
  });

  it('a stricter norm flags a superset (monotone)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(caseRow, { selector: (r) => r.id, maxLength: 30 }), norm, norm, (rows, a, b) => {
        const [strict, loose] = a <= b ? [a, b] : [b, a];
        const strictIds = new Set(selectOverContactNorm(rows, strict, NOW).map((r) => r.id));
        for (const r of selectOverContactNorm(rows, loose, NOW)) expect(strictIds.has(r.id)).toBe(true);
      }),
    );
  });

  it("a resident's own norm (a study arm's contact frequency) replaces the general norm for him only", () => {
    fc.assert(
      fc.property(fc.uniqueArray(caseRow, { selector: (r) => r.id, minLength: 1, maxLength: 30 }), norm, norm, fc.nat(), (rows, general, own, pick) => {
        const special = rows[pick % rows.length]!;
        const picked = selectOverContactNorm(rows, general, NOW, new Map([[special.id, own]]));
        for (const r of rows) {
          const expected = contactNorm(r, r.id === special.id ? own : general, NOW).over;
          expect(picked.some((p) => p.id === r.id)).toBe(expected);
        }
        const mine = picked.find((p) => p.id === special.id);
        if (mine) expect(mine.norm).toBe(own);
      }),
    );
  });
});

describe('new residents without a plan', () => {
  const row = fc.record({
    id: fc.uuid(),
    openedOn: fc.option(fc.integer({ min: -400, max: 0 }).map(isoDay), { nil: null }),
    contactPersonSince: fc.option(fc.integer({ min: 0, max: 400 * 24 }).map((h) => new Date(NOW.getTime() - h * 3_600_000)), { nil: null }),
    hasActivePlan: fc.boolean(),
  });

  it('new = opened or assigned at most 30 days ago', () => {
    expect(isNewCase({ openedOn: isoDay(-NEW_CASE_DAYS), contactPersonSince: null }, TODAY, NOW)).toBe(true);
    expect(isNewCase({ openedOn: isoDay(-NEW_CASE_DAYS - 1), contactPersonSince: null }, TODAY, NOW)).toBe(false);
    expect(isNewCase({ openedOn: isoDay(-400), contactPersonSince: new Date(NOW.getTime() - 2 * DAY) }, TODAY, NOW)).toBe(true);
    expect(isNewCase({ openedOn: null, contactPersonSince: null }, TODAY, NOW)).toBe(false);
  });

  it('selects exactly the new residents without an active plan, newest first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 40 }), (rows) => {
        const out = selectNewWithoutPlan(rows, TODAY, NOW);
        expect(out.map((r) => r.id).sort()).toEqual(rows.filter((r) => !r.hasActivePlan && isNewCase(r, TODAY, NOW)).map((r) => r.id).sort());
        const arrived = (r: (typeof rows)[number]) => Math.max(r.openedOn ? Date.parse(`${r.openedOn}T00:00:00Z`) : 0, r.contactPersonSince?.getTime() ?? 0);
        for (let i = 1; i < out.length; i += 1) expect(arrived(out[i - 1]!)).toBeGreaterThanOrEqual(arrived(out[i]!));
      }),
    );
  });
});

describe('reminder text', () => {
  it('counts only, in plain Dutch; nothing to say gives no reminder', () => {
    expect(reminderText({ overdueActions: 3, dueToday: 0, overContactNorm: 5 }, NOW)?.title).toBe('3 acties verlopen, 5 inwoners boven de contactnorm');
    // It says when it was counted (10:00 UTC on 15 June is 12:00 in the Netherlands): the page may show other numbers later.
    expect(reminderText({ overdueActions: 3, dueToday: 0, overContactNorm: 5 }, NOW)?.body).toMatch(/^Geteld op 15 juni (om )?12:00\./);
    expect(reminderText({ overdueActions: 1, dueToday: 1, overContactNorm: 1 }, NOW)?.title).toBe(
      '1 actie verlopen, 1 actie voor vandaag, 1 inwoner boven de contactnorm',
    );
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (o, d, c) => {
        const r = reminderText({ overdueActions: o, dueToday: d, overContactNorm: c }, NOW);
        expect(r === null).toBe(o + d + c === 0);
        if (r) for (const n of [o, d, c].filter((x) => x > 0)) expect(r.title).toContain(String(n));
      }),
    );
  });
});
