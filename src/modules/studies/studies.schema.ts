import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Request and response schemas of studies: design, enrolment, allocation, power and the analysis (issue 14).

const date = isoDate();

export const OUTCOMES = ['workingOver12h', 'permanentContract', 'hoursPerWeek', 'outflow'] as const;
export const STRATA = ['area', 'educationLevel'] as const;
export const EDUCATION_LEVELS = ['laag', 'midden', 'hoog', 'onbekend'] as const;

export const studyArmInputSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Gebruik kleine letters, cijfers en _ (begin met een letter, hoogstens 40 tekens)'),
  name: z.string().trim().min(1).max(100),
  isControl: z.boolean(),
  ratio: z.number().int().min(1).max(10).default(1),
  applicationObligationWaived: z.boolean().default(false).describe('De sollicitatieplicht vervalt voor deze arm'),
  contactEveryDays: z.number().int().min(1).max(365).nullable().default(null).describe('Contactnorm op de werklijst (dagen); null: de gewone norm'),
  earningsDisregardVariant: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'Een sleutel als werkenLoont')
    .nullable()
    .default(null)
    .describe('Sleutel van de variant van de inkomstenvrijlating (bijv. werkenLoont) die de rekenhulp toepast'),
});

export const studyCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  registrationId: z.string().trim().max(100).nullable().default(null).describe('Registratienummer (bijv. trialregister)'),
  eligibility: z.string().trim().max(2000),
  targetSize: z.number().int().min(2).max(100000),
  startsOn: date,
  endsOn: date,
  primaryOutcome: z.enum(OUTCOMES),
  secondaryOutcomes: z.array(z.enum(OUTCOMES)).max(4).default([]),
  strata: z.array(z.enum(STRATA)).max(2).default(['area', 'educationLevel']),
  blockMultiple: z.number().int().min(1).max(10).default(1),
  arms: z.array(studyArmInputSchema).min(2).max(8),
});
export type StudyCreate = z.infer<typeof studyCreateSchema>;

export const studyArmSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    isControl: z.boolean(),
    ratio: z.number().int(),
    applicationObligationWaived: z.boolean(),
    contactEveryDays: z.number().int().nullable(),
    earningsDisregardVariant: z.string().nullable(),
    participants: z.number().int().nullable().describe('Aantal deelnemers in deze arm; null zolang de inschrijving niet definitief is'),
  })
  .meta({ id: 'StudyArm' });

export const studySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    registrationId: z.string().nullable(),
    eligibility: z.string(),
    targetSize: z.number().int(),
    startsOn: date,
    endsOn: date,
    primaryOutcome: z.enum(OUTCOMES),
    secondaryOutcomes: z.array(z.enum(OUTCOMES)),
    strata: z.array(z.enum(STRATA)),
    blockMultiple: z.number().int(),
    status: z.enum(['enrolling', 'allocated', 'closed']),
    allocatedAt: z.string().nullable(),
    enrolled: z.number().int(),
    arms: z.array(studyArmSchema),
  })
  .meta({ id: 'Study' });
export const studyListSchema = listSchema(studySchema, 'StudyList');

export const studyParams = z.object({ id: z.uuid() });
export const residentParams = z.object({ id: z.uuid() });

export const enrolSchema = z.object({
  residentId: z.uuid(),
  consentGiven: z.literal(true).describe('De inwoner gaf geïnformeerde toestemming (eerst vastleggen, dan inschrijven)'),
  consentGivenOn: date,
  educationLevel: z.enum(EDUCATION_LEVELS),
});
export type EnrolBody = z.infer<typeof enrolSchema>;

export const enrolBatchSchema = z.object({
  participants: z.array(enrolSchema).min(1).max(1000).describe('Alles of niets: één fout en niemand is ingeschreven'),
});

export type EnrolBatch = z.infer<typeof enrolBatchSchema>;

export const enrolBatchResultSchema = z
  .object({
    studyId: z.uuid(),
    enrolled: z.number().int().describe('Aantal ingeschreven in deze batch'),
    participants: z.array(z.object({ residentId: z.uuid(), stratum: z.string() })),
  })
  .meta({ id: 'StudyEnrolmentBatch' });

export const participantSchema = z
  .object({
    studyId: z.uuid(),
    residentId: z.uuid(),
    consentGivenOn: date,
    educationLevel: z.enum(EDUCATION_LEVELS),
    stratum: z.string(),
    enrolledAt: z.string(),
  })
  .meta({ id: 'StudyParticipant' });

export const residentStudyRuleSchema = z
  .object({
    studyId: z.uuid(),
    studyName: z.string(),
    since: z.string().describe('Sinds de loting'),
    applicationObligationWaived: z.boolean(),
    contactEveryDays: z.number().int().nullable(),
    earningsDisregardVariant: z.string().nullable(),
  })
  .meta({ id: 'ResidentStudyRule' });
export const residentStudyRulesSchema = listSchema(residentStudyRuleSchema, 'ResidentStudyRuleList');

export const powerRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('proportions'),
    p1: z.number().min(0.0001).max(0.9999).describe('Verwachte proportie in de controlegroep'),
    p2: z.number().min(0.0001).max(0.9999).describe('Verwachte proportie in de interventiegroep'),
    alpha: z.number().min(0.0001).max(0.4999).default(0.05),
    power: z.number().min(0.5001).max(0.9999).default(0.8),
    arms: z.number().int().min(2).max(8).default(2),
  }),
  z.object({
    kind: z.literal('means'),
    delta: z.number().min(0.000001).max(1e6).describe('Verschil in gemiddelden dat u wilt kunnen aantonen'),
    sd: z.number().min(0.000001).max(1e6).describe('Standaardafwijking'),
    alpha: z.number().min(0.0001).max(0.4999).default(0.05),
    power: z.number().min(0.5001).max(0.9999).default(0.8),
    arms: z.number().int().min(2).max(8).default(2),
  }),
]);
export const powerResultSchema = z
  .object({
    perArm: z.number().int(),
    total: z.number().int(),
    exact: z.number().describe('Het niet-afgeronde aantal per arm'),
  })
  .meta({ id: 'StudyPower' });

export const analysisQuerySchema = z.object({
  outcome: z.enum(OUTCOMES).optional().describe('Standaard: de primaire uitkomst'),
  se: z.enum(['HC2', 'HC3']).default('HC2'),
  on: date.optional().describe('Peildatum van de administratieve uitkomsten; standaard vandaag'),
  educationLevel: z.enum(EDUCATION_LEVELS).optional().describe('Subgroep: alleen deelnemers met dit opleidingsniveau'),
});

const effectSchema = z.object({
  term: z.string(),
  armKey: z.string(),
  estimate: z.number(),
  se: z.number(),
  t: z.number(),
  p: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  df: z.number().int(),
  n: z.number().int(),
});
export const analysisSchema = z
  .object({
    studyId: z.uuid(),
    outcome: z.enum(OUTCOMES),
    se: z.enum(['HC2', 'HC3']),
    on: date,
    subgroup: z.string().nullable(),
    arms: z.array(z.object({ key: z.string(), name: z.string(), isControl: z.boolean(), n: z.number().int(), mean: z.number().nullable() })),
    unadjusted: z.array(effectSchema),
    adjusted: z.array(effectSchema).describe('Gecorrigeerd voor de strata (wijk × opleidingsniveau) als covariaat; leeg als dat niet te schatten is'),
    problem: z.string().nullable().describe('Waarom (een deel van) de analyse niet te schatten is, of null'),
  })
  .meta({ id: 'StudyAnalysis' });

export const overviewQuerySchema = z.object({
  on: date.optional().describe('Peildatum van de follow-up; standaard vandaag'),
});

const countCell = z.number().int().nullable().describe('Aantal; null als het tussen 1 en de minimale celgrootte ligt (onderdrukt)');

export const studyOverviewSchema = z
  .object({
    studyId: z.uuid(),
    on: date,
    minimumCellSize: z.number().int(),
    consort: z.object({
      enrolled: z.number().int().describe('Ingeschreven na geïnformeerde toestemming (geschikt bevonden)'),
      allocated: z.number().int().describe('Geloot (0 zolang de inschrijving niet definitief is)'),
      arms: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          isControl: z.boolean(),
          allocated: z.number().int(),
          lostToFollowUp: z.number().int().describe('Verhuisd uit de gemeente sinds de loting: de eigen registratie volgt hen niet meer'),
          followedUp: z.number().int(),
          analysed: z.number().int().describe('Intention-to-treat: iedereen die geloot is'),
        }),
      ),
    }),
    balance: z.array(
      z.object({
        variable: z.enum(['educationLevel', 'area', 'ageGroup', 'householdType']),
        levels: z.array(
          z.object({
            level: z.string(),
            arms: z.array(z.object({ key: z.string(), n: countCell, share: z.number().nullable() })),
            total: countCell,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'StudyOverview' });

export const exportQuerySchema = z.object({
  on: date.optional().describe('Peildatum van de uitkomsten; standaard vandaag'),
});

const exportRowSchema = z
  .object({
    pseudonym: z.string().describe('Vast pseudoniem van de deelnemer binnen deze studie (niet te herleiden zonder de sleutel van de studie)'),
    arm: z.string(),
    educationLevel: z.string().nullable().describe('null: onderdrukt (kleine cel)'),
    area: z.string().nullable(),
    ageGroup: z.string().nullable(),
    householdType: z.string().nullable(),
    enrolledMonth: z.string(),
    allocatedMonth: z.string(),
    workingOver12h: z.number().int(),
    permanentContract: z.number().int(),
    hoursPerWeek: z.number(),
    outflow: z.number().int(),
    movedAway: z.number().int(),
  })
  .meta({ id: 'StudyExportRow' });

export const studyExportSchema = listSchema(exportRowSchema, 'StudyExport', {
  studyId: z.uuid(),
  studyName: z.string(),
  registrationId: z.string().nullable(),
  on: date,
  minimumCellSize: z.number().int().describe('Niveaus die minder vaak voorkomen zijn samengevoegd tot "overig"'),
  codebook: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['pseudonym', 'categorical', 'binary', 'number', 'month']),
      descriptionNl: z.string(),
      descriptionEn: z.string(),
      levels: z.array(z.string()).nullable(),
    }),
  ),
});
