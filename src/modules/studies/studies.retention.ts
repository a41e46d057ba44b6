import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteParticipantsOfEndedStudies } from './studies-retention.store.ts';

// Studies (PA-033: 15 years after the study ended). PA-034 (the analysis) stores no personal data: nothing to remove.
export const studiesRetentionRules: RetentionRuleDefinition[] = [
  { name: 'studies.participants', activityId: 'PA-033', apply: async (tx, m, cutoff) => ({ removed: await deleteParticipantsOfEndedStudies(tx, m, cutoff), pseudonymised: 0 }) },
];
