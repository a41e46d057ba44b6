import { z } from 'zod';
import { SEARCH_PERIOD_STATUSES } from '../../domain/search-period.ts';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of Team Jongeren: search periods (zoektermijn), search activities, exemptions with
// the senior's check, and the exemption rate.

const date = isoDate();
const dateTime = z.iso.datetime({ offset: true });
const personRef = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'YouthPersonRef' });
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Hoogstens ${max} tekens`);

export const SEARCH_ACTIVITY_KINDS = ['jobApplication', 'educationEnquiry', 'jobInterview', 'contactMoment', 'other'] as const;
export const EXEMPTION_REASONS = ['vulnerableSituation', 'ongoingCare', 'statusHolder', 'specialEducationLeaver', 'medicallyLimited', 'other'] as const;
export const EXEMPTION_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

export const searchActivitySchema = z
  .object({
    id: z.uuid(),
    occurredOn: date,
    kind: z.enum(SEARCH_ACTIVITY_KINDS),
    description: z.string(),
    recordedBy: personRef,
  })
  .meta({ id: 'SearchActivity' });

export const exemptionSchema = z
  .object({
    id: z.uuid(),
    searchPeriodId: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    legalBasis: z.string(),
    reasonCategory: z.enum(EXEMPTION_REASONS),
    reasonText: z.string().nullable(),
    decidedBy: personRef,
    decidedOn: date,
    status: z.enum(EXEMPTION_STATUSES).describe('pending: wacht op een senior werkmatcher; telt pas na confirmed'),
    reviewedBy: personRef.nullable(),
    reviewedAt: dateTime.nullable(),
    reviewNote: z.string().nullable(),
    canReview: z.boolean().describe('De vrager mag deze ontheffing bevestigen of terugsturen (senior, en niet degene die besloot)'),
  })
  .meta({ id: 'Exemption' });

export const searchPeriodSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    team: z.object({ id: z.uuid(), name: z.string() }),
    reportDate: date,
    startDate: date,
    endDate: date.describe('28 dagen na de melding: de dag waarop de aanvraag in behandeling kan'),
    status: z.enum(SEARCH_PERIOD_STATUSES),
    daysLeft: z.number().int().nullable().describe('Dagen tot het einde zolang de zoektermijn loopt'),
    countdown: z.string().nullable().describe('"Zoektermijn eindigt over 3 dagen"'),
    handledEarly: z
      .object({ on: date, reason: z.string(), by: personRef })
      .nullable()
      .describe('Het college behandelt de aanvraag eerder (art. 41 lid 11 Participatiewet)'),
    withdrawn: z.object({ on: date, reason: z.string() }).nullable(),
    activities: z.array(searchActivitySchema),
    exemptions: z.array(exemptionSchema),
    createdBy: personRef,
    permissions: z.object({ write: z.boolean(), proposeExemption: z.boolean() }),
  })
  .meta({ id: 'SearchPeriod' });

export const searchPeriodListSchema = listSchema(searchPeriodSchema, 'SearchPeriodList');
export const exemptionListSchema = listSchema(exemptionSchema, 'ExemptionList');

export const searchPeriodCreateSchema = z.object({
  reportDate: date.describe('De dag waarop de jongere zich meldde (niet in de toekomst)'),
});

export const searchActivityCreateSchema = z.object({
  occurredOn: date,
  kind: z.enum(SEARCH_ACTIVITY_KINDS),
  description: text(1000, 'Beschrijf kort wat de jongere deed'),
});

export const handleEarlySchema = z.object({
  on: date.optional().describe('Standaard vandaag'),
  reason: text(2000, 'Schrijf op waarom de aanvraag eerder in behandeling gaat'),
});

export const withdrawSchema = z.object({ reason: text(1000, 'Schrijf op waarom de melding is ingetrokken') });

export const exemptionCreateSchema = z.object({
  legalBasis: text(300, 'Noem de wettelijke grondslag, bijvoorbeeld "art. 41 lid 4 Participatiewet"'),
  reasonCategory: z.enum(EXEMPTION_REASONS, { error: 'Kies een reden voor de ontheffing' }),
  reasonText: z
    .string()
    .trim()
    .max(2000, 'Hoogstens 2000 tekens')
    .optional()
    .describe('Verplicht bij reden "other"; anders een toelichting'),
});
export type ExemptionCreate = z.infer<typeof exemptionCreateSchema>;

export const exemptionReviewSchema = z.object({ note: z.string().trim().max(2000, 'Hoogstens 2000 tekens').optional() });
export const exemptionRejectSchema = z.object({ note: text(2000, 'Schrijf op waarom u de ontheffing terugstuurt') });

export const searchPeriodListQuery = z.object({
  status: z.enum(['running', 'all']).default('running').describe('running: alleen lopende zoektermijnen, eerst de kortste'),
  mine: z.enum(['true', 'false']).default('true').describe('true: alleen jongeren van wie u het vaste aanspreekpunt bent'),
});
export const exemptionListQuery = z.object({ status: z.enum(EXEMPTION_STATUSES).default('pending') });
export const exemptionRateQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const cell = z.number().int().nullable().describe('null: minder dan 10, onderdrukt');
export const exemptionRateSchema = z
  .object({
    year: z.number().int(),
    referenceRange: z.object({ from: z.number(), to: z.number() }).describe('Utrecht: 20–30% ontheffingen (inclusief statushouders)'),
    minimumCellSize: z.number().int(),
    rows: z.array(
      z.object({
        team: z.object({ id: z.uuid(), name: z.string() }),
        month: z.string().describe('JJJJ-MM'),
        searchPeriods: cell,
        exempted: cell,
        pending: cell,
        rate: z.number().nullable().describe('Aandeel ontheffingen (0–1), null als onderdrukt'),
        position: z.enum(['below', 'within', 'above']).nullable().describe('Ten opzichte van de bandbreedte'),
        suppressed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ExemptionRate' });

export const residentParams = z.object({ id: z.uuid() });
export const periodParams = z.object({ periodId: z.uuid() });
export const exemptionParams = z.object({ exemptionId: z.uuid() });
