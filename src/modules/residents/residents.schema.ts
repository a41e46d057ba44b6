import { z } from 'zod';
import { dateInput, isoDate, isoInstant } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';
import { roleSchema } from '../../platform/access/role.schema.ts';

// Request and response schemas of the residents API. They validate requests, shape responses and generate
// the OpenAPI document: one source of truth.

export const householdTypes = ['single', 'singleParent', 'couple', 'coupleWithChildren', 'other'] as const;
export const educationLevels = ['none', 'primary', 'vmbo', 'mbo1', 'mbo2to4', 'havoVwo', 'hbo', 'wo', 'unknown'] as const;
export const contactChannels = ['inPerson', 'phone', 'video', 'homeVisit', 'message'] as const;
export const residentSorts = ['name', '-name', 'lastContact', '-lastContact', 'benefitStart', '-benefitStart'] as const;

const date = isoDate();
const ref = z.object({ id: z.uuid(), name: z.string() });
const personRef = z.object({ id: z.uuid(), displayName: z.string() });

export const residentPermissionsSchema = z
  .object({
    update: z.boolean(),
    readBsn: z.boolean(),
    assignContactPerson: z.boolean(),
    manageConsents: z.boolean(),
    recordContact: z.boolean(),
  })
  .meta({ id: 'ResidentPermissions', description: 'Wat de ingelogde gebruiker met deze inwoner mag' });

/** One row of a caseload or search result. Fields the caller may not see are absent. */
export const residentSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    area: ref,
    contactPerson: personRef.nullable(),
    bsnMasked: z.string().optional(),
    dateOfBirth: date.optional(),
    ageBand: z.enum(['<27', '27-44', '45+']).optional(),
    benefitStartDate: date.nullable().optional(),
    monthsOnBenefit: z.number().int().nullable().optional(),
    caseStatus: z.enum(['active', 'closed']).nullable().optional(),
    lastContactAt: z.string().nullable().optional(),
    daysSinceContact: z.number().int().nullable().optional(),
    overContactNorm: z.boolean().optional().describe('Boven de contactnorm, geteld vanaf het laatste contact of de opening van het dossier (het laatste van de twee)'),
    daysOverContactNorm: z.number().int().nullable().optional().describe('Zoveel dagen boven de norm (alleen als overContactNorm)'),
    firstContactDue: z.boolean().optional().describe('Nog geen contact, dossier binnen de norm geopend: eerste gesprek plannen'),
    planState: z.enum(['none', 'draft', 'agreed', 'changedSinceAgreement']).optional().describe('Het actieve plan: geen, nog niet afgesproken, afgesproken, of gewijzigd na de afspraak'),
    nextMeetingAt: z.string().nullable().optional().describe('Het volgende geplande gesprek'),
    isNew: z.boolean().optional().describe('Dossier minder dan 30 dagen geleden geopend'),
    newInCaseload: z.boolean().optional().describe('Minder dan 30 dagen geleden aan de huidige werkmatcher toegewezen'),
  })
  .meta({ id: 'ResidentSummary' });

export const residentListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().describe('Naam (of deel ervan) of BSN'),
  areaId: z.uuid().optional(),
  status: z.enum(['active', 'closed', 'new']).optional().describe('active, closed, of new: nieuw (< 30 dagen of nog geen contact)'),
  noContactDays: z.coerce.number().int().min(1).max(3650).optional().describe('Alleen inwoners zonder contact in meer dan N dagen'),
  contactPerson: z.enum(['me', 'any']).default('any'),
  sort: z.enum(residentSorts).default('name'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const residentListSchema = listSchema(residentSummarySchema, 'ResidentList', { contactNormDays: z.number().int() });

export const residentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    givenNames: z.string(),
    familyNamePrefix: z.string().nullable(),
    familyName: z.string(),
    area: ref,
    contactPerson: personRef.extend({ since: z.string().nullable() }).nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.object({ street: z.string(), houseNumber: z.string(), postcode: z.string(), city: z.string() }).optional(),
    bsnMasked: z.string().optional(),
    dateOfBirth: date.optional(),
    age: z.number().int().optional(),
    householdType: z.enum(householdTypes).optional(),
    educationLevel: z.enum(educationLevels).optional(),
    benefit: z
      .object({ startDate: date, endDate: date.nullable(), monthsOnBenefit: z.number().int() })
      .nullable()
      .optional(),
    case: z
      .object({
        id: z.uuid(),
        status: z.enum(['active', 'closed']),
        openedOn: date,
        lastContactAt: z.string().nullable(),
        daysSinceContact: z.number().int().nullable(),
        overContactNorm: z.boolean(),
        daysOverContactNorm: z.number().int().nullable(),
        firstContactDue: z.boolean(),
      })
      .nullable()
      .optional(),
    isFictitious: z.boolean(),
    version: z.number().int(),
    view: z.enum(['full', 'shared']).describe('shared: alleen de delen die met het buurtteam gedeeld worden'),
    permissions: residentPermissionsSchema,
  })
  .meta({ id: 'Resident' });

const residentFields = {
  bsn: z.string().trim().describe('9 cijfers; moet de elfproef doorstaan'),
  givenNames: z.string().trim().min(1, 'Vul de voornaam in').max(200),
  familyNamePrefix: z.string().trim().max(20).nullable().optional(),
  familyName: z.string().trim().min(1, 'Vul de achternaam in').max(200),
  // Checked in the service (with the other field rules) so a form gets all its messages at once.
  dateOfBirth: z.string().trim().max(10).describe('JJJJ-MM-DD'),
  street: z.string().trim().min(1, 'Vul de straat in').max(200),
  houseNumber: z.string().trim().min(1, 'Vul het huisnummer in').max(20),
  postcode: z.string().trim().describe('Bijvoorbeeld 3562 AB'),
  city: z.string().trim().min(1, 'Vul de plaats in').max(100),
  householdType: z.enum(householdTypes),
  educationLevel: z.enum(educationLevels),
  phone: z.string().trim().max(30).nullable().optional(),
  email: z.string().trim().max(200).nullable().optional(),
};

export const residentCreateSchema = z
  .object({
    ...residentFields,
    benefitStartDate: dateInput('Startdatum van de bijstandsuitkering (JJJJ-MM-DD); niet vóór de 18e verjaardag, niet in de toekomst').nullable().optional(),
    contactPersonId: z.uuid().nullable().optional().describe('Vast aanspreekpunt; standaard de werkmatcher die de inwoner invoert'),
  })
  .meta({ id: 'ResidentCreate' });

export const residentUpdateSchema = z
  .object({
    givenNames: residentFields.givenNames.optional(),
    familyNamePrefix: residentFields.familyNamePrefix,
    familyName: residentFields.familyName.optional(),
    dateOfBirth: residentFields.dateOfBirth.optional(),
    street: residentFields.street.optional(),
    houseNumber: residentFields.houseNumber.optional(),
    postcode: residentFields.postcode.optional(),
    city: residentFields.city.optional(),
    householdType: residentFields.householdType.optional(),
    educationLevel: residentFields.educationLevel.optional(),
    phone: residentFields.phone,
    email: residentFields.email,
    benefitStartDate: dateInput('JJJJ-MM-DD; niet vóór de 18e verjaardag, niet in de toekomst').optional(),
  })
  .meta({ id: 'ResidentUpdate' });

export const contactPersonAssignmentSchema = z
  .object({
    id: z.uuid(),
    staffUser: personRef,
    assignedAt: z.string(),
    endedAt: z.string().nullable(),
    handoverNote: z.string().nullable(),
    assignedBy: personRef.nullable(),
  })
  .meta({ id: 'ContactPersonAssignment' });

export const contactPersonChangeSchema = z
  .object({
    staffUserId: z.uuid(),
    handoverNote: z.string().trim().max(4000).optional().describe('Verplicht als er al een aanspreekpunt was (warme overdracht)'),
  })
  .meta({ id: 'ContactPersonChange' });

export const consentSchema = z
  .object({
    id: z.uuid(),
    partnerOrganisation: ref,
    purpose: z.string(),
    validFrom: date,
    validTo: date.nullable(),
    withdrawnAt: z.string().nullable(),
    active: z.boolean(),
    recordedAt: z.string(),
    recordedBy: personRef.nullable(),
  })
  .meta({ id: 'Consent' });

export const consentCreateSchema = z
  .object({
    partnerOrganisationId: z.uuid(),
    purpose: z.string().trim().min(3, 'Beschrijf waarvoor de inwoner toestemming geeft').max(500),
    validFrom: date,
    validTo: date.nullable().optional(),
  })
  .meta({ id: 'ConsentCreate' });

export const contactMomentSchema = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    channel: z.enum(contactChannels),
    summary: z.string().nullable(),
    staffUser: personRef,
  })
  .meta({ id: 'ContactMoment' });

export const contactMomentCreateSchema = z
  .object({
    occurredAt: isoInstant('Gebruik datum en tijd, bijvoorbeeld 2026-11-20T10:00:00+01:00'),
    channel: z.enum(contactChannels),
    summary: z.string().trim().max(4000).nullable().optional(),
  })
  .meta({ id: 'ContactMomentCreate' });

export const processingLogEntrySchema = z
  .object({
    seq: z.string(),
    at: z.string(),
    action: z.string(),
    activity: z.object({ id: z.string(), version: z.number().int(), name: z.string(), purpose: z.string(), legalBasis: z.string() }),
    actor: z.object({ id: z.uuid(), displayName: z.string().nullable(), role: roleSchema }),
    traceId: z.string(),
  })
  .meta({ id: 'ProcessingLogEntry' });

export const idParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
export const consentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

export const contactPersonHistorySchema = listSchema(contactPersonAssignmentSchema, 'ContactPersonHistory');
export const consentListSchema = listSchema(consentSchema, 'ConsentList');
export const contactMomentListSchema = listSchema(contactMomentSchema, 'ContactMomentList');
export const processingLogEntryListSchema = listSchema(processingLogEntrySchema, 'ProcessingLogEntryList');
