import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteEndedProgrammes } from './programmes-retention.store.ts';

// Programmes (PA-026 and PA-027: 7 years after the programme ended): the programme with its figures, snapshots and
// expenditures. One rule: both activities share the term and the data.
export const programmesRetentionRules: RetentionRuleDefinition[] = [
  { name: 'programmes.ended', activityId: 'PA-026', apply: async (tx, m, cutoff) => ({ removed: await deleteEndedProgrammes(tx, m, cutoff), pseudonymised: 0 }) },
];
