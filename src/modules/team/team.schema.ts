import { z } from 'zod';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of the teamleider's API: caseloads, reassignment, catch-up campaigns.

const personRef = z.object({ id: z.uuid(), displayName: z.string() });
const teamRef = z.object({ id: z.uuid(), name: z.string() });

const figures = z.object({
  activeResidents: z.number().int(),
  overContactNorm: z.number().int(),
  withoutPlan: z.number().int().describe('Zonder actief plan'),
});

export const caseloadsSchema = z
  .object({
    contactNormDays: z.number().int(),
    teams: z.array(
      z.object({
        team: teamRef,
        members: z.array(figures.extend({ staffUser: personRef })).describe('Per werkmatcher van het team: inwoners in de wijken van het team'),
        unassigned: figures.describe('Inwoners van het team zonder vast aanspreekpunt'),
      }),
    ),
  })
  .meta({ id: 'TeamCaseloads' });

export const reassignmentSchema = z.object({
  residentIds: z.array(z.uuid()).min(1).max(500),
  toStaffUserId: z.uuid(),
  handoverNote: z.string().max(4000).describe('Verplicht, minstens 10 tekens: wat moet de nieuwe werkmatcher weten?'),
});
export type ReassignmentBody = z.infer<typeof reassignmentSchema>;

export const reassignmentResultSchema = z
  .object({
    toStaffUser: personRef,
    reassigned: z.number().int(),
    items: z.array(z.object({ residentId: z.uuid(), previousContactPersonId: z.uuid().nullable() })),
  })
  .meta({ id: 'ReassignmentResult' });

export const criteriaSchema = z
  .object({
    minMonthsOnBenefit: z.number().int().min(0).max(600).describe('Minstens zoveel hele maanden in de huidige uitkering (24: langer dan 2 jaar)'),
    minMonthsWithoutContact: z.number().int().min(0).max(240).describe('Minstens zoveel hele maanden geen contact (nooit contact telt altijd mee)'),
  })
  .meta({ id: 'CatchUpCriteria' });

const staffUserIds = z.array(z.uuid()).min(1).max(50).describe('De werkmatchers van het team over wie de inwoners worden verdeeld');
const division = z.enum(['balance', 'roundRobin']).default('balance').describe('balance: naar huidige caseload; roundRobin: om de beurt');

export const catchUpPreviewBodySchema = z.object({
  teamId: z.uuid().optional().describe('Nodig als u teamleider bent van meer teams'),
  criteria: criteriaSchema,
  staffUserIds: staffUserIds.optional().describe('Met werkmatchers: ook wie van wie naar wie gaat, en de vingerafdruk om te bevestigen'),
  division: division.optional(),
});
export type CatchUpPreviewBody = z.infer<typeof catchUpPreviewBodySchema>;

const moveSummarySchema = z
  .object({
    total: z.number().int(),
    moving: z.number().int().describe('Krijgen een andere werkmatcher (overdracht met notitie)'),
    staying: z.number().int().describe('Blijven bij hun eigen werkmatcher'),
    perStaffUser: z.array(z.object({ staffUser: personRef, receives: z.number().int(), newToThem: z.number().int() })),
    handingOver: z.array(z.object({ staffUser: personRef.nullable().describe('null: had geen vast aanspreekpunt'), count: z.number().int() })),
    transfers: z.array(z.object({ from: personRef.nullable(), to: personRef, count: z.number().int() })).describe('Van wie naar wie, grootste eerst'),
  })
  .meta({ id: 'CatchUpMoves' });

export const catchUpPreviewSchema = z
  .object({
    team: teamRef,
    criteria: criteriaSchema,
    total: z.number().int(),
    sample: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        area: teamRef,
        monthsOnBenefit: z.number().int(),
        daysSinceContact: z.number().int().nullable(),
        contactPerson: personRef.nullable(),
      }),
    ).describe('De eerste 10: nooit gesproken eerst, dan het langst niet gesproken'),
    moves: moveSummarySchema.nullable().describe('Alleen met staffUserIds: wat starten doet met de caseloads'),
    fingerprint: z.string().nullable().describe('Alleen met staffUserIds: stuur deze mee als previewFingerprint om te starten'),
  })
  .meta({ id: 'CatchUpPreview' });

export const catchUpCreateBodySchema = catchUpPreviewBodySchema.extend({
  name: z.string().trim().min(1).max(120),
  staffUserIds,
  division,
  previewFingerprint: z
    .string()
    .min(1, 'Bekijk eerst de gevolgen en bevestig ze')
    .max(200)
    .describe('De fingerprint uit de voorvertoning met dezelfde criteria en werkmatchers: alleen wat u zag en bevestigde wordt gestart (anders 409)'),
  handoverNote: z.string().max(4000).optional().describe('Overdrachtsnotitie bij elke wissel van aanspreekpunt (standaard een korte uitleg)'),
});
export type CatchUpCreateBody = z.infer<typeof catchUpCreateBodySchema>;

const coverageSchema = z.object({
  total: z.number().int(),
  contacted: z.number().int().describe('Contactmoment na de start'),
  withPlan: z.number().int().describe('Met een actief plan'),
  contactedPct: z.number(),
  withPlanPct: z.number(),
});

export const catchUpCampaignSchema = z
  .object({
    id: z.uuid(),
    team: teamRef,
    name: z.string(),
    criteria: criteriaSchema,
    status: z.enum(['active', 'closed']),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: personRef,
    closedAt: z.iso.datetime({ offset: true }).nullable().describe('Afgesloten: de inwoners blijven bij hun nieuwe werkmatcher (ADR 0015)'),
    closedBy: personRef.nullable(),
    coverage: coverageSchema,
  })
  .meta({ id: 'CatchUpCampaign' });

export const catchUpCampaignDetailSchema = catchUpCampaignSchema
  .extend({
    weeks: z
      .array(coverageSchema.extend({ week: z.string().describe('ISO-week, bijv. 2026-W47'), weekStart: z.iso.date(), weekEnd: z.iso.date() }))
      .describe('Bereik aan het eind van elke week (cumulatief), vanaf de startweek'),
    perStaffUser: z.array(coverageSchema.extend({ staffUser: personRef })),
  })
  .meta({ id: 'CatchUpCampaignDetail' });

export const catchUpListSchema = listSchema(catchUpCampaignSchema, 'CatchUpCampaignList');
export const campaignParams = z.object({ id: z.uuid() });
