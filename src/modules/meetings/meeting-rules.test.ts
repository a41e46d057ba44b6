import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENDA_MAX, buildAgenda } from './agenda.ts';
import {
  MAX_AHEAD_DAYS,
  MEETING_MODES,
  MEETING_TYPES,
  calendarChanged,
  checkSchedule,
  contactChannelOf,
  statusAfterReport,
  type CalendarFacts,
  type ParticipantFacts,
  type ScheduleInput,
} from './meeting-rules.ts';

const NOW = new Date('2026-11-22T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
const resident: ParticipantFacts = { kind: 'resident', consent: false };
const coach: ParticipantFacts = { kind: 'staff', consent: false };
const buurtteam: ParticipantFacts = { kind: 'partnerProfessional', consent: true };

const valid = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  type: 'threeWay',
  mode: 'inPerson',
  startsAt: at(24),
  endsAt: at(25),
  location: 'Werkwinkel Overvecht',
  videoUrl: null,
  participants: [resident, coach, buurtteam],
  ...over,
});
const codes = (input: ScheduleInput) => checkSchedule(input, NOW).map((e) => `${e.name}:${e.code}`);

describe('a schedule', () => {
  it('a complete 3-gesprek tomorrow is valid', () => {
    expect(codes(valid())).toEqual([]);
  });

  it('ends after it starts, for any pair of instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (s, e) => {
        const errors = codes(valid({ startsAt: at(s / 10), endsAt: at(e / 10) }));
        expect(errors.includes('endsAt:beforeStart')).toBe(e <= s);
      }),
    );
  });

  it('starts at most a year ahead, lasts at most 12 hours', () => {
    expect(
      codes(valid({ startsAt: at(MAX_AHEAD_DAYS * 24 + 1), endsAt: at(MAX_AHEAD_DAYS * 24 + 2) })),
    ).toEqual(['startsAt:tooFarAhead']);
    expect(codes(valid({ startsAt: at(25), endsAt: at(38) }))).toEqual(['endsAt:tooLong']);
    // A planned meeting is not in the past (a conversation afterwards is a contact moment): Friday 20 November.
    expect(codes(valid({ startsAt: at(-48), endsAt: at(-47) }))).toEqual(['startsAt:past']);
  });

  it('a 3-gesprek is complete only with the resident, a werkmatcher and a buurtteam professional with consent', () => {
    const kinds = fc.subarray([
      resident,
      coach,
      buurtteam,
      { kind: 'partnerProfessional', consent: false } as ParticipantFacts,
    ]);
    fc.assert(
      fc.property(kinds, (participants) => {
        const ok = codes(valid({ participants })).length === 0;
        const complete =
          participants.some((p) => p.kind === 'resident') &&
          participants.some((p) => p.kind === 'staff') &&
          participants.some((p) => p.kind === 'partnerProfessional') &&
          participants.every((p) => p.kind !== 'partnerProfessional' || p.consent);
        expect(ok).toBe(complete);
      }),
    );
  });

  it('any meeting type refuses a buurtteam professional without consent; other types need no buurtteam', () => {
    for (const type of MEETING_TYPES.filter((t) => t !== 'threeWay')) {
      const mode = 'inPerson';
      expect(codes(valid({ type, mode, participants: [resident, coach] }))).toEqual([]);
      expect(
        codes(
          valid({
            type,
            mode,
            participants: [resident, coach, { kind: 'partnerProfessional', consent: false }],
          }),
        ),
      ).toEqual(['participants.2.staffUserId:noConsent']);
    }
  });

  it('a place for in person, an https link for video, a home visit at home', () => {
    expect(codes(valid({ location: null }))).toEqual(['location:required']);
    expect(codes(valid({ mode: 'video', location: null }))).toEqual(['videoUrl:required']);
    expect(codes(valid({ mode: 'video', location: null, videoUrl: 'http://meet.example.org/x' }))).toEqual([
      'videoUrl:format',
    ]);
    expect(codes(valid({ mode: 'video', location: null, videoUrl: 'https://meet.example.org/abc' }))).toEqual(
      [],
    );
    expect(codes(valid({ mode: 'phone', location: null }))).toEqual([]);
    expect(codes(valid({ type: 'homeVisit', location: null }))).toEqual([]);
    expect(codes(valid({ type: 'homeVisit', mode: 'phone' }))).toEqual(['mode:homeVisit']);
  });
});

describe('the calendar sequence', () => {
  const base: CalendarFacts = {
    startsAt: at(24),
    endsAt: at(25),
    mode: 'inPerson',
    location: 'A',
    videoUrl: null,
    status: 'planned',
  };
  it('moves with a new time, place or a cancellation, not with the same facts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(...MEETING_MODES),
        (ds, de, mode) => {
          const after = { ...base, startsAt: at(24 + ds), endsAt: at(25 + de), mode };
          expect(calendarChanged(base, after)).toBe(ds !== 0 || de !== 0 || mode !== base.mode);
        },
      ),
    );
    expect(calendarChanged(base, { ...base, location: 'B' })).toBe(true);
    expect(calendarChanged(base, { ...base, status: 'cancelled' })).toBe(true);
    expect(calendarChanged(base, { ...base })).toBe(false);
  });
});

describe('the report', () => {
  it('a resident who did not come makes it a no-show', () => {
    expect(statusAfterReport(true)).toBe('held');
    expect(statusAfterReport(false)).toBe('noShow');
  });

  it('a held meeting leaves a contact moment of the right channel', () => {
    expect(contactChannelOf('homeVisit', 'inPerson')).toBe('homeVisit');
    expect(contactChannelOf('threeWay', 'video')).toBe('video');
    expect(contactChannelOf('intake', 'phone')).toBe('phone');
  });
});

describe('the prefilled agenda', () => {
  it('lists open barriers and open actions with owner and due date', () => {
    const agenda = buildAgenda(
      [{ domainLabel: 'Financiën', description: 'Schulden bij drie schuldeisers' }],
      [{ description: 'Budgetcoach regelen', ownerName: 'Test bt.ov', dueDate: '2026-12-13' }],
    );
    expect(agenda).toBe(
      'Belemmeringen:\n- Financiën: Schulden bij drie schuldeisers\nOpen acties uit het plan:\n- Budgetcoach regelen (Test bt.ov, vóór 13-12-2026)',
    );
    expect(buildAgenda([], [])).toBeNull();
  });

  it('never passes the maximum length', () => {
    const item = fc.record({
      domainLabel: fc.string({ maxLength: 30 }),
      description: fc.string({ maxLength: 2000 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 20 }),
        fc.array(item, { maxLength: 20 }),
        (barriers, actions) => {
          const agenda = buildAgenda(
            barriers,
            actions.map((a) => ({ description: a.description, ownerName: a.domainLabel, dueDate: null })),
          );
          expect((agenda ?? '').length).toBeLessThanOrEqual(AGENDA_MAX);
        },
      ),
    );
  });
});
