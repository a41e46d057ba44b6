import { z } from 'zod';

// Request and response schemas of the BRP lookup (issue 15).

export const brpLookupBodySchema = z.object({
  bsn: z.string().max(40).describe('BSN van de persoon: 9 cijfers, moet de elfproef doorstaan'),
});

export const brpPersonSchema = z
  .object({
    bsn: z.string(),
    givenNames: z.string().nullable(),
    familyNamePrefix: z.string().nullable(),
    familyName: z.string().nullable(),
    dateOfBirth: z.string().nullable().describe('JJJJ-MM-DD; null als de BRP geen volledige datum heeft'),
    street: z.string().nullable(),
    houseNumber: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    householdType: z.enum(['single', 'singleParent', 'couple', 'coupleWithChildren']).describe('Suggestie uit partner en kinderen onder 18 in de BRP'),
    partners: z.number().int().min(0),
    minorChildren: z.number().int().min(0),
    residentId: z.uuid().nullable().describe('De inwoner met dit BSN in Samenplan (binnen uw wijken), of null'),
    source: z.literal('BRP'),
    retrievedAt: z.string(),
  })
  .meta({ id: 'BrpPerson' });
