import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Programmes (e.g. Werkbeweging) and their dashboard (issue 12, PA-026/PA-027). Money in integer cents.

const date = isoDate();
const cents = (field: string) => z.number().int(`${field} in hele centen`).min(0, `${field} kan niet negatief zijn`).max(100_000_000_000);

export const actionLineKinds = ['contact', 'jobs', 'discrimination', 'other'] as const;
export const dashboardDimensions = ['ageBand', 'householdType', 'educationLevel', 'duration', 'reason'] as const;
export type DashboardDimension = (typeof dashboardDimensions)[number];

export const targetGroupSchema = z
  .object({
    minYearsOnBenefit: z.number().int().min(0).max(60).nullable().optional().describe('Alleen inwoners die minstens zo veel jaar bijstand hebben'),
    ageMin: z.number().int().min(15).max(110).nullable().optional(),
    ageMax: z.number().int().min(15).max(110).nullable().optional(),
    areaIds: z.array(z.uuid()).max(100).optional().describe('Leeg of weggelaten: alle wijken'),
  })
  .meta({ id: 'ProgrammeTargetGroup' });

export const actionLineSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(actionLineKinds),
    name: z.string(),
    budgetCents: z.number().int(),
    spentCents: z.number().int(),
  })
  .meta({ id: 'ProgrammeActionLine' });

export const programmeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    periodStart: date,
    periodEnd: date,
    baselinePerYear: z.number().int().describe('Uitstroom per jaar zonder het programma (basislijn)'),
    goalExtra: z.number().int().describe('Extra uitstroom boven de basislijn over de hele periode'),
    target: targetGroupSchema,
    actionLines: z.array(actionLineSchema),
    budgetCents: z.number().int(),
    spentCents: z.number().int(),
    refreshedAt: z.string().nullable().describe('Wanneer de cijfers het laatst zijn bijgewerkt'),
  })
  .meta({ id: 'Programme' });
export const programmeListSchema = listSchema(programmeSchema, 'ProgrammeList');

export const programmeCreateSchema = z.object({
  name: z.string().trim().min(1, 'Vul een naam in').max(200),
  description: z.string().trim().max(4000).optional(),
  periodStart: date,
  periodEnd: date,
  baselinePerYear: z.number().int().min(0).max(1_000_000),
  goalExtra: z.number().int().min(1, 'Het doel is minstens 1 extra uitstroom').max(1_000_000),
  target: targetGroupSchema.optional(),
  actionLines: z
    .array(z.object({ kind: z.enum(actionLineKinds), name: z.string().trim().min(1, 'Vul een naam in').max(200), budgetCents: cents('Het budget') }))
    .min(1, 'Een programma heeft minstens één actielijn')
    .max(10),
});
export type ProgrammeCreate = z.infer<typeof programmeCreateSchema>;

export const expenditureCreateSchema = z.object({
  actionLineId: z.uuid(),
  spentOn: date,
  amountCents: cents('Het bedrag'),
  description: z.string().trim().min(1, 'Waaraan is het uitgegeven?').max(500),
});
export const expenditureSchema = z
  .object({ id: z.uuid(), actionLineId: z.uuid(), spentOn: date, amountCents: z.number().int(), description: z.string() })
  .meta({ id: 'ProgrammeExpenditure' });
export const expenditureListSchema = listSchema(expenditureSchema, 'ProgrammeExpenditureList');

const cell = z.number().nullable().describe('null: onderdrukt (minder dan 10, of af te leiden uit een totaal)');

export const dashboardQuerySchema = z.object({
  areaId: z.uuid().optional().describe('Alleen deze wijk'),
  to: z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM').optional().describe('Tot en met deze maand (JJJJ-MM); weggelaten: de laatste'),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const groupRowSchema = z.object({ key: z.string(), label: z.string(), value: cell });

export const dashboardSchema = z
  .object({
    programme: z.object({ id: z.uuid(), name: z.string(), periodStart: date, periodEnd: date, baselinePerYear: z.number().int(), goalExtra: z.number().int() }),
    area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    from: z.string(),
    to: z.string(),
    refreshedAt: z.string().nullable(),
    frozenAt: z.string().nullable().describe('Bevroren maandstand: de cijfers van deze maand veranderen niet meer'),
    minimumCellSize: z.number().int(),
    summary: z.string().describe('De cijfers in één alinea (tekstalternatief voor de grafieken)'),
    progress: z.object({
      points: z.array(z.object({ month: z.string(), outflow: cell, baseline: z.number().nullable(), extra: cell })),
      outflow: cell,
      returns: cell,
      baseline: z.number().nullable(),
      extra: cell,
      goalExtra: z.number().int(),
      shareOfGoal: z.number().nullable(),
    }),
    byArea: z.object({ rows: z.array(groupRowSchema), total: cell }),
    byGroup: z.array(z.object({ dimension: z.enum(dashboardDimensions), label: z.string(), rows: z.array(groupRowSchema), total: cell })),
    contact: z.object({
      month: z.string(),
      population: cell,
      contacted: cell,
      contactedShare: z.number().nullable(),
      contactMomentsPerResident: z.number().nullable(),
      withContactPerson: cell,
      withContactPersonShare: z.number().nullable(),
      withPlan: cell,
      withPlanShare: z.number().nullable(),
    }),
    costs: z.object({ budgetCents: z.number().int(), spentCents: z.number().int(), costPerExtraOutflowCents: z.number().int().nullable(), costPerOutflowCents: z.number().int().nullable() }),
    actionLines: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(actionLineKinds),
        name: z.string(),
        budgetCents: z.number().int(),
        spentCents: z.number().int(),
        kpis: z.array(z.object({ key: z.string(), label: z.string(), value: cell, base: z.number().nullable(), share: z.number().nullable() })),
      }),
    ),
  })
  .meta({ id: 'ProgrammeDashboard' });
export type Dashboard = z.infer<typeof dashboardSchema>;

export const snapshotSchema = z.object({ month: z.string(), frozenAt: z.string() }).meta({ id: 'ProgrammeSnapshot' });
export const snapshotListSchema = listSchema(snapshotSchema, 'ProgrammeSnapshotList');

export const reportQuerySchema = z.object({
  month: z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, 'Gebruik een maand als JJJJ-MM').optional().describe('De rapportage tot en met deze maand (bevroren stand als die er is); weggelaten: de laatste'),
});
export const exportQuerySchema = dashboardQuerySchema;

export const programmeParams = z.object({ id: z.uuid() });
