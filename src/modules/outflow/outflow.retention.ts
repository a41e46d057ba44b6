import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteExpiredPartialWork, scrubExpiredOutflowNotes } from './outflow-retention.store.ts';

// Outflow (PA-025, 10 years after the case closed): partial work deleted, the outflow's note removed.
export const outflowRetentionRules: RetentionRuleDefinition[] = [
  {
    name: 'outflow.records',
    activityId: 'PA-025',
    apply: async (tx, m) => ({ removed: await deleteExpiredPartialWork(tx, m), pseudonymised: await scrubExpiredOutflowNotes(tx, m) }),
  },
];
