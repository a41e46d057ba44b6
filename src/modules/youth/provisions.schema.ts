import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';
import { MAX_PROVISION_CENTS } from './budget.ts';

// Custom provisions (maatwerkvoorzieningen) and the team's yearly budget. Money is integer cents.

export const PROVISION_KINDS = ['laptop', 'books', 'schoolFees', 'travel', 'workClothing', 'other'] as const;
export const PROVISION_STATUSES = ['requested', 'approved', 'rejected', 'paid'] as const;
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Hoogstens ${max} tekens`);
const personRef = z.object({ id: z.uuid(), displayName: z.string() });
const cents = z.number().int().describe('Bedrag in centen (geheel getal)');

export const provisionSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    team: z.object({ id: z.uuid(), name: z.string() }),
    year: z.number().int(),
    kind: z.enum(PROVISION_KINDS),
    description: z.string(),
    amountCents: cents,
    ruleRoom: z.string().describe('Welke regel ruimte geeft (regelruimte)'),
    justification: z.string().describe('Waarom dit deze jongere helpt'),
    status: z.enum(PROVISION_STATUSES),
    requestedBy: personRef,
    requestedAt: z.iso.datetime({ offset: true }),
    approvedBy: personRef.nullable(),
    decisionNote: z.string().nullable(),
    paidOn: isoDate().nullable(),
    paymentReference: z.string().nullable(),
    needsSecondPerson: z.boolean().describe('Boven de drempel van de gemeente: een tweede persoon keurt goed'),
    permissions: z.object({ approve: z.boolean(), pay: z.boolean() }),
  })
  .meta({ id: 'CustomProvision' });

export const provisionListSchema = listSchema(provisionSchema, 'CustomProvisionList');

export const provisionCreateSchema = z.object({
  kind: z.enum(PROVISION_KINDS, { error: 'Kies de soort voorziening' }),
  description: text(500, 'Beschrijf de voorziening, bijvoorbeeld "Laptop voor de opleiding ICT-support"'),
  amountCents: z
    .number({ error: 'Vul het bedrag in centen in' })
    .int('Het bedrag is een geheel aantal centen')
    .min(1, 'Het bedrag moet meer dan € 0,00 zijn')
    .max(MAX_PROVISION_CENTS, 'Het bedrag is hoogstens € 100.000,00'),
  ruleRoom: text(500, 'Noem de regel die ruimte geeft (regelruimte)'),
  justification: text(2000, 'Schrijf op waarom dit de jongere helpt'),
});
export type ProvisionCreate = z.infer<typeof provisionCreateSchema>;

export const provisionDecisionSchema = z.object({ note: z.string().trim().max(2000).optional() });
export const provisionRejectSchema = z.object({ note: text(2000, 'Schrijf op waarom u de aanvraag afwijst') });
export const provisionPaySchema = z.object({ paidOn: isoDate(), reference: text(100, 'Vul het betaalkenmerk in') });

export const budgetSchema = z
  .object({
    team: z.object({ id: z.uuid(), name: z.string() }),
    year: z.number().int(),
    budgetCents: cents,
    committedCents: cents.describe('Aangevraagd en goedgekeurd, nog niet betaald'),
    paidCents: cents,
    availableCents: cents,
    approvalThresholdCents: cents.describe('Boven dit bedrag keurt een tweede persoon goed'),
    byKind: z.array(z.object({ kind: z.enum(PROVISION_KINDS), count: z.number().int(), committedCents: cents, paidCents: cents })),
  })
  .meta({ id: 'CustomProvisionBudget' });
export const budgetListSchema = listSchema(budgetSchema, 'CustomProvisionBudgetList');

export const provisionListQuery = z.object({ status: z.enum([...PROVISION_STATUSES, 'open']).default('open').describe('open: aangevraagd of goedgekeurd') });
export const budgetQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const provisionParams = z.object({ provisionId: z.uuid() });
