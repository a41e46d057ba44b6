import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowProblem, type IsoWeekday, type TimeWindow } from '../../domain/schedule.ts';
import { postcodeProblem, windowProblems } from './vacancies.validation.ts';

describe('vacancy field checks', () => {
  it('names the offending field of a window', () => {
    const windows: TimeWindow[] = [
      { day: 1, from: '09:00', to: '12:00' },
      { day: 2, from: '14:00', to: '13:00' },
      { day: 8 as IsoWeekday, from: '09:00', to: '10:00' },
      { day: 3, from: '09:15', to: '10:00' },
      { day: 4, from: '09:00', to: '10:10' },
    ];
    expect(windowProblems('schedule', windows).map((p) => p.name)).toEqual(['schedule[1].to', 'schedule[2].day', 'schedule[3].from', 'schedule[4].to']);
  });

  it('reports exactly the windows windowProblem rejects (property)', () => {
    const time = fc.oneof(fc.constantFrom('00:00', '09:00', '09:30', '14:30', '23:30', '24:00', '09:15', 'x'), fc.string({ maxLength: 5 }));
    const w = fc.record({ day: fc.integer({ min: 0, max: 8 }), from: time, to: time }) as fc.Arbitrary<TimeWindow>;
    fc.assert(
      fc.property(fc.array(w, { maxLength: 8 }), (ws) => {
        const names = windowProblems('schedule', ws).map((p) => Number(/\[(\d+)\]/.exec(p.name)![1]));
        expect(names).toEqual(ws.flatMap((x, i) => (windowProblem(x) ? [i] : [])));
      }),
    );
  });

  it('accepts Dutch postcodes with or without space, rejects others', () => {
    expect(postcodeProblem('3511 ab')).toBeNull();
    expect(postcodeProblem('0511AB')?.name).toBe('postcode');
    expect(postcodeProblem('3511SA')?.name).toBe('postcode');
  });
});
