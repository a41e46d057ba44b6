import { z } from 'zod';
import { roleSchema } from '../../platform/access/role.schema.ts';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the privacy officer's pages (issue 10, point 9).

export const REASON_MIN = 10;
export const REASON_MAX = 500;

export const lookupBodySchema = z.object({
  bsn: z.string().max(40).describe('BSN van de inwoner: 9 cijfers, moet de elfproef doorstaan'),
  reason: z.string().max(2000).describe(`Waarom u de verwerkingen van deze inwoner bekijkt (${REASON_MIN} tot ${REASON_MAX} tekens); komt in het logboek`),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('Cursor van de volgende pagina (next)'),
});
export type LookupBody = z.infer<typeof lookupBodySchema>;

const actorSchema = z.object({
  id: z.uuid(),
  displayName: z.string().nullable(),
  role: roleSchema,
  organisation: z.string().nullable().describe('De gemeente, of de partnerorganisatie van een buurtteamprofessional'),
});

const activityRefSchema = z.object({ id: z.string(), version: z.number().int(), name: z.string(), purpose: z.string(), legalBasis: z.string() });

export const privacyLogEntrySchema = z
  .object({
    id: z.string().describe('Volgnummer van opslag'),
    seq: z.string().nullable().describe('Plaats in de hash-keten (null tot verzegeld)'),
    at: z.string(),
    action: z.string(),
    status: z.enum(['ok', 'error']),
    activity: activityRefSchema,
    actor: actorSchema,
    subjectType: z.enum(['resident', 'employerContact', 'aggregate']),
    subjectCount: z.number().int().describe('Over hoeveel betrokkenen deze verwerking ging'),
    reason: z.string().nullable().describe('De opgegeven reden (bij een opzoeking door de privacyfunctionaris)'),
  })
  .meta({ id: 'PrivacyLogEntry' });

export const privacyLogEntryListSchema = listSchema(privacyLogEntrySchema, 'PrivacyLogEntryList');

export const residentIdentitySchema = z
  .object({ id: z.uuid(), name: z.string(), dateOfBirth: z.string(), bsnMasked: z.string() })
  .meta({ id: 'PrivacyResident' });

export const lookupResultSchema = z
  .object({ resident: residentIdentitySchema, entries: privacyLogEntryListSchema })
  .meta({ id: 'PrivacyLookupResult' });

export const logQuerySchema = z.object({
  actor: z.uuid({ message: 'Kies een medewerker uit de lijst' }).optional(),
  activity: z.string().regex(/^PA-[0-9]{3}$/, { message: 'Kies een verwerkingsactiviteit uit de lijst (PA-001 …)' }).optional(),
  from: isoDate().optional().describe('Vanaf deze dag (inclusief)'),
  to: isoDate().optional().describe('Tot en met deze dag'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type LogQuery = z.infer<typeof logQuerySchema>;

export const actorListSchema = listSchema(
  z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(roleSchema), organisation: z.string() }).meta({ id: 'PrivacyActor' }),
  'PrivacyActorList',
);

export const activitySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    nameNl: z.string(),
    nameEn: z.string(),
    purpose: z.string(),
    legalBasis: z.string(),
    dataCategories: z.array(z.string()),
    retention: z.string(),
  })
  .meta({ id: 'ProcessingActivity' });
export const activityListSchema = listSchema(activitySchema, 'ProcessingActivityList');

export const exportParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
export const exportQuery = z.object({ format: z.enum(['pdf', 'csv', 'json']).default('pdf') });

// Issue 16: an erasure request (AVG art. 17), decided at once by the rules of the law.
export const erasureBodySchema = z.object({
  bsn: z.string().max(40).describe('BSN van de inwoner die om wissing vraagt: 9 cijfers, moet de elfproef doorstaan'),
  reason: z.string().max(2000).describe(`Het verzoek: wanneer en hoe het binnenkwam (${REASON_MIN} tot ${REASON_MAX} tekens); komt in het logboek`),
});
export type ErasureBody = z.infer<typeof erasureBodySchema>;

export const erasureResultSchema = z
  .object({
    id: z.uuid(),
    decision: z.enum(['erased', 'refused']).describe('erased: gewist (gepseudonimiseerd); refused: geweigerd vanwege een wettelijke bewaarplicht'),
    refusalReason: z.enum(['activeCase', 'legalRetention']).nullable(),
    retainUntil: isoDate().nullable().describe('Bij legalRetention: tot wanneer de gegevens bewaard moeten worden'),
    explanation: z.string().describe('Het besluit in gewone taal, om aan de inwoner te sturen'),
  })
  .meta({ id: 'ErasureDecision' });

// Issue 16: what the law says before the privacy officer decides, and the decisions taken.
export const erasureAssessmentSchema = z
  .object({
    resident: z.object({ name: z.string(), dateOfBirth: z.string(), bsnMasked: z.string() }),
    decision: z.enum(['erasable', 'refused']).describe('erasable: de wet staat wissen toe; refused: een wettelijke bewaarplicht geldt'),
    refusalReason: z.enum(['activeCase', 'legalRetention']).nullable(),
    retainUntil: isoDate().nullable().describe('Bij legalRetention: tot wanneer de gegevens bewaard moeten worden'),
  })
  .meta({ id: 'ErasureAssessment' });

export const erasureRequestSchema = z
  .object({
    id: z.uuid(),
    decision: z.enum(['erased', 'refused']),
    refusalReason: z.enum(['activeCase', 'legalRetention']).nullable(),
    retainUntil: isoDate().nullable(),
    decidedAt: z.string(),
    decidedBy: z.string().nullable().describe('De privacyfunctionaris die besliste'),
  })
  .meta({ id: 'ErasureRequest' });
export const erasureRequestListSchema = listSchema(erasureRequestSchema, 'ErasureRequestList');
export const erasureListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[0-9]{1,6}$/, { message: 'Deze cursor hoort niet bij deze lijst. Begin bij de eerste pagina.' }).optional().describe('Cursor van de volgende pagina (next)'),
});
