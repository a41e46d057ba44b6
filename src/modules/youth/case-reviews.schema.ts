import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.ts';
import { listSchema } from '../../platform/http/list.ts';

// Case reviews of Team Jongeren (ADR 0030): the casuïstiekoverleg (the team, every 2 weeks) and the
// afstemmingsoverleg (the team with policy officers, every 3 weeks), a young person on the agenda with a question and
// the partners who take part, the outcome with the agreed actions (into the one plan).

export const REVIEW_KINDS = ['caseConsultation', 'alignment'] as const;
export const PARTICIPANT_KINDS = ['buurtteam', 'schoolRmc', 'youthCare', 'healthCare', 'housing', 'youthProbation', 'policy', 'other'] as const;
/** Days between two reviews of a kind: casuïstiekoverleg every 2 weeks, afstemmingsoverleg every 3. */
export const REVIEW_INTERVAL_DAYS: Record<(typeof REVIEW_KINDS)[number], number> = { caseConsultation: 14, alignment: 21 };
const date = isoDate();
const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Hoogstens ${max} tekens`);
const personRef = z.object({ id: z.uuid(), displayName: z.string() });

const participantSchema = z.object({
  kind: z.enum(PARTICIPANT_KINDS),
  name: z.string(),
  partnerOrganisationId: z.uuid().nullable(),
});

export const caseReviewItemSchema = z
  .object({
    id: z.uuid(),
    reviewId: z.uuid(),
    residentId: z.uuid(),
    residentName: z.string(),
    question: z.string(),
    participants: z.array(participantSchema),
    consentGiven: z.boolean().describe('De jongere stemde in met bespreking met partners van buiten Samenplan'),
    status: z.enum(['planned', 'discussed']),
    discussion: z.string().nullable(),
    decision: z.string().nullable(),
    planActionIds: z.array(z.uuid()).describe('De afgesproken acties in het plan van de jongere'),
    addedBy: personRef,
    discussedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'YouthCaseReviewItem' });

export const caseReviewSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(REVIEW_KINDS),
    team: z.object({ id: z.uuid(), name: z.string() }),
    heldOn: date,
    nextOn: date.describe('De volgende keer: casuïstiekoverleg na 2 weken, afstemmingsoverleg na 3'),
    plannedCount: z.number().int().describe('Jongeren op de agenda (ook buiten uw eigen jongeren; zonder wie)'),
    discussedCount: z.number().int(),
    items: z.array(caseReviewItemSchema).describe('Alleen de agendapunten van jongeren die u mag zien'),
  })
  .meta({ id: 'YouthCaseReview' });

export const caseReviewSummarySchema = caseReviewSchema.omit({ items: true }).meta({ id: 'YouthCaseReviewSummary' });
export const caseReviewListSchema = listSchema(caseReviewSummarySchema, 'YouthCaseReviewList');

export const caseReviewCreateSchema = z.object({
  kind: z.enum(REVIEW_KINDS, { error: 'Kies het soort overleg' }),
  heldOn: date,
});

export const caseReviewItemCreateSchema = z.object({
  residentId: z.uuid({ error: 'Kies de jongere' }),
  question: text(1000, 'Schrijf de vraag aan het overleg op'),
  participants: z
    .array(
      z.object({
        kind: z.enum(PARTICIPANT_KINDS, { error: 'Kies wie deelneemt' }),
        name: text(200, 'Vul de naam van de deelnemer of organisatie in'),
        partnerOrganisationId: z.uuid().optional().describe('Een partnerorganisatie in Samenplan: alleen met actieve toestemming van de jongere'),
      }),
    )
    .max(12)
    .default([]),
  consentGiven: z.boolean().default(false).describe('Nodig voor deelnemers van buiten Samenplan'),
});

export const caseReviewOutcomeSchema = z.object({
  discussion: text(4000, 'Schrijf op wat er besproken is'),
  decision: text(2000, 'Schrijf het besluit op'),
  actions: z
    .array(z.object({ description: text(500, 'Beschrijf de actie'), dueDate: date.optional() }))
    .max(10)
    .default([]),
});

export const caseReviewListQuery = z.object({ from: date.optional() });
export const caseReviewParams = z.object({ reviewId: z.uuid() });
export const caseReviewItemParams = z.object({ itemId: z.uuid() });

export type CaseReviewItemCreate = z.infer<typeof caseReviewItemCreateSchema>;
export type CaseReviewOutcome = z.infer<typeof caseReviewOutcomeSchema>;

// Transition moments (computed, nothing stored).
export const transitionSchema = z
  .object({
    residentId: z.uuid(),
    residentName: z.string(),
    kind: z.enum(['turning18AfterYouthCare', 'leftSchoolWithoutQualification', 'turning27']),
    on: date.describe('De dag van de overgang'),
    daysUntil: z.number().int().describe('Dagen tot die dag (negatief: voorbij)'),
    partner: z.enum(['youthCare', 'schoolRmc', 'areaTeam']).describe('De partner om te betrekken'),
  })
  .meta({ id: 'YouthTransitionMoment' });
export const transitionListSchema = listSchema(transitionSchema, 'YouthTransitionMomentList');

// The yearly council letter (aggregates, cells under 10 suppressed: null).
const shownCount = z.number().int().nullable().describe('null: onderdrukt (minder dan 10, of af te leiden uit een totaal)');
export const councilLetterSchema = z
  .object({
    year: z.number().int(),
    municipality: z.string(),
    minimumCellSize: z.number().int(),
    text: z.string().describe('De brief als bewerkbare tekst (Nederlands)'),
    tables: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        columns: z.array(z.string()),
        rows: z.array(z.object({ label: z.string().describe('De wijk'), cells: z.array(shownCount), total: shownCount })),
        totals: z.array(shownCount),
        grandTotal: shownCount,
      }),
    ),
  })
  .meta({ id: 'YouthCouncilLetter' });
export const councilLetterQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });
