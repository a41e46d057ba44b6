import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { ZRM_DOMAINS } from '../assessments/zrm.ts';
import { listSchema } from '../../platform/http/list.ts';
import { roleSchema } from '../../platform/access/role.schema.ts';

// Request and response schemas of the plan API: validation, response shape and OpenAPI from one source.

/** The 13 ZRM domains (leefgebieden): the assessment module's pure rules own the list. */
export const lifeDomains = ZRM_DOMAINS;
export const planStatuses = ['active', 'closed'] as const;
export const goalStatuses = ['open', 'achieved', 'dropped'] as const;
export const actionStatuses = ['open', 'inProgress', 'done', 'cancelled'] as const;
export const agreementChannels = ['inPerson', 'phone', 'video', 'letter', 'portal'] as const;
export const ownerTypes = ['resident', 'jobCoach', 'partnerProfessional', 'otherPartner'] as const;

const date = isoDate();
const personRef = z.object({ id: z.uuid(), displayName: z.string() });

export const planPermissionsSchema = z
  .object({
    edit: z.boolean().describe('Plan wijzigen (status) en doelen wijzigen'),
    addGoal: z.boolean(),
    agree: z.boolean().describe('Akkoord van de inwoner vastleggen'),
    editActions: z.enum(['all', 'own', 'none']).describe('own: alleen acties die de gebruiker zelf uitvoert (toevoegen en bijwerken)'),
  })
  .meta({ id: 'PlanPermissions', description: 'Wat de ingelogde gebruiker met dit plan mag' });

export const actionOwnerSchema = z
  .object({
    type: z.enum(ownerTypes),
    staffUser: personRef.nullable(),
    partnerOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    name: z.string().describe('Wie de actie uitvoert, om te tonen'),
  })
  .meta({ id: 'PlanActionOwner' });

export const planActionSchema = z
  .object({
    id: z.uuid(),
    goalId: z.uuid(),
    description: z.string(),
    owner: actionOwnerSchema,
    dueDate: date.nullable(),
    status: z.enum(actionStatuses),
    completedAt: z.iso.datetime({ offset: true }).nullable(),
    overdue: z.boolean().describe('De datum is voorbij en de actie is nog niet klaar'),
    permissions: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'PlanAction' });

export const planGoalSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    lifeDomain: z.enum(lifeDomains).nullable(),
    barrierId: z.uuid().nullable().optional().describe('Alleen voor het gebiedsteam (niet in de gedeelde weergave)'),
    status: z.enum(goalStatuses),
    position: z.number().int(),
    proposedByResident: z.boolean().describe('Dit doel stelde de inwoner zelf voor, in Mijn Samenplan'),
    actions: z.array(planActionSchema),
  })
  .meta({ id: 'PlanGoal' });

export const planSchema = z
  .object({
    id: z.uuid(),
    residentId: z.uuid(),
    status: z.enum(planStatuses),
    version: z.number().int(),
    agreement: z
      .object({
        agreedOn: date,
        how: z.enum(agreementChannels),
        recordedBy: personRef.nullable(),
        changedSinceAgreement: z.boolean().describe('Het plan is gewijzigd nadat de inwoner akkoord gaf'),
      })
      .nullable(),
    goals: z.array(planGoalSchema),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: personRef.nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: personRef.nullable(),
    updatedByResident: z.boolean().describe('De laatste wijziging deed de inwoner zelf, in Mijn Samenplan'),
    view: z.enum(['full', 'shared']).describe('shared: het deel van het plan dat met het buurtteam gedeeld wordt'),
    permissions: planPermissionsSchema,
  })
  .meta({ id: 'Plan' });

export const planChangeSchema = z
  .object({
    entity: z.enum(['plan', 'goal', 'action']),
    id: z.uuid(),
    field: z.string().nullable().describe('Het gewijzigde veld; null als een doel of actie is toegevoegd of verwijderd'),
    kind: z.enum(['added', 'removed', 'changed']),
    before: z.unknown(),
    after: z.unknown(),
    label: z.string().describe('De wijziging in gewone woorden'),
  })
  .meta({ id: 'PlanChange' });

export const planVersionSchema = z
  .object({
    version: z.number().int(),
    changedBy: personRef.nullable(),
    changedAt: z.iso.datetime({ offset: true }),
    role: roleSchema,
    summary: z.string(),
    changes: z.array(planChangeSchema),
  })
  .meta({ id: 'PlanVersion' });

export const planHistorySchema = listSchema(planVersionSchema, 'PlanHistory');

export const planConflictSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    current: planSchema,
    changesSince: z.array(planVersionSchema),
  })
  .meta({
    id: 'PlanConflict',
    description: 'Iemand anders heeft het plan gewijzigd. current is de nieuwe versie (ook als ETag-header), changesSince wat er sinds uw versie veranderde.',
  });

const goalFields = {
  title: z.string().trim().max(200).describe('Kort en concreet, bijvoorbeeld "Schulden op een rij"'),
  description: z.string().trim().max(2000).nullable().optional(),
  lifeDomain: z.enum(lifeDomains).nullable().optional(),
  barrierId: z.uuid().nullable().optional().describe('De belemmering waar dit doel aan werkt'),
};

export const goalCreateSchema = z.object(goalFields).meta({ id: 'PlanGoalCreate' });

export const goalUpdateSchema = z
  .object({ ...goalFields, title: goalFields.title.optional(), status: z.enum(goalStatuses).optional() })
  .meta({ id: 'PlanGoalUpdate' });

export const planCreateSchema = z
  .object({ goals: z.array(goalCreateSchema).max(20).optional().describe('Doelen uit het 3-gesprek') })
  .meta({ id: 'PlanCreate' });

export const planUpdateSchema = z
  .object({
    agreement: z
      .object({ agreedOn: date, how: z.enum(agreementChannels) })
      .nullable()
      .optional()
      .describe('Akkoord van de inwoner: datum en hoe; null wist het akkoord'),
    status: z.enum(planStatuses).optional().describe('closed sluit het plan af; daarna kan een nieuw plan gemaakt worden'),
  })
  .meta({ id: 'PlanUpdate' });

export const actionOwnerInputSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('resident') }),
    z.object({ type: z.literal('jobCoach'), staffUserId: z.uuid() }),
    z.object({ type: z.literal('partnerProfessional'), staffUserId: z.uuid() }),
    z.object({
      type: z.literal('otherPartner'),
      name: z.string().trim().max(200).optional(),
      partnerOrganisationId: z.uuid().nullable().optional(),
    }),
  ])
  .meta({ id: 'PlanActionOwnerChoice', description: 'Wie de actie uitvoert. Standaard: de gebruiker zelf.' });

export const actionCreateSchema = z
  .object({
    description: z.string().trim().max(1000),
    owner: actionOwnerInputSchema.optional(),
    dueDate: date.nullable().optional(),
  })
  .meta({ id: 'PlanActionCreate' });

export const actionUpdateSchema = z
  .object({
    description: z.string().trim().max(1000).optional(),
    owner: actionOwnerInputSchema.optional(),
    dueDate: date.nullable().optional(),
    status: z.enum(actionStatuses).optional(),
  })
  .meta({ id: 'PlanActionUpdate' });

export const residentParams = z.object({ id: z.uuid({ message: 'Dit is geen geldig id' }) });
export const goalParams = z.object({ id: z.uuid(), goalId: z.uuid() });
export const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
export const ifMatchHeaders = z.object({ 'if-match': z.string().optional().describe('De ETag van de versie die u bewerkt') });

export type PlanCreate = z.infer<typeof planCreateSchema>;
export type PlanUpdate = z.infer<typeof planUpdateSchema>;
export type GoalCreate = z.infer<typeof goalCreateSchema>;
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;
export type ActionCreate = z.infer<typeof actionCreateSchema>;
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;
export type ActionOwnerInput = z.infer<typeof actionOwnerInputSchema>;
export type PlanJson = z.infer<typeof planSchema>;
export type PlanVersionJson = z.infer<typeof planVersionSchema>;
