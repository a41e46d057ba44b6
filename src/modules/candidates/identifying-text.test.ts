import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnonymousProfile } from './candidates.schema.ts';
import { identifyingFields, type Identifiers } from './identifying-text.ts';

const profile = (over: Partial<AnonymousProfile> = {}): AnonymousProfile => ({
  desiredOccupations: [{ label: 'schoonmaker gebouwen' }],
  skills: ['schoonmaken', 'plannen'],
  experience: [{ description: 'Schoonmaakwerk in een hotel', years: 2 }],
  education: 'Mbo-2',
  hoursMin: 12,
  hoursMax: 24,
  availability: [{ day: 1, from: '09:00', to: '14:30' }],
  hasDrivingLicence: false,
  maxTravelKm: 8,
  ...over,
});
const naima: Identifiers = { givenNames: 'Naima', familyName: 'Bakker', street: 'Zamenhofdreef', phone: '06 1234 5678', email: 'naima.b@example.org' };

describe('identifying text in an anonymous profile', () => {
  it('finds the name, street, phone and e-mail in free text, ignoring case and accents', () => {
    const p = profile({
      skills: ['schoonmaken', 'NAÏMA is handig'],
      experience: [
        { description: 'Werkte aan de Zamenhofdreef', years: 1 },
        { description: 'Bel 06-12345678', years: 1 },
        { description: 'Mail naima.b@example.org', years: 1 },
        { description: 'Bakkerij', years: 1 },
      ],
    });
    expect(identifyingFields(p, naima)).toEqual(['skills[1]', 'experience[0].description', 'experience[1].description', 'experience[2].description']);
  });

  it('finds nothing in a profile without them ("Bakkerij" is not "Bakker"; short name parts are ignored)', () => {
    expect(identifyingFields(profile(), naima)).toEqual([]);
    expect(identifyingFields(profile({ skills: ['de bakkerij', 'li'] }), { givenNames: 'Li', familyName: 'de Vries' })).toEqual([]);
  });

  it('property: inserting the resident’s given name into any skill is always found', () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{2,10}$/);
    fc.assert(
      fc.property(name, name, fc.array(fc.constantFrom('schoonmaken', 'plannen', 'kassa', 'klantvriendelijk'), { minLength: 1, maxLength: 4 }), fc.nat(), (given, family, skills, at) => {
        const i = at % skills.length;
        const withName = skills.map((s, j) => (j === i ? `${s} ${given}` : s));
        expect(identifyingFields(profile({ skills: withName }), { givenNames: given, familyName: family })).toContain(`skills[${i}]`);
      }),
    );
  });
});
