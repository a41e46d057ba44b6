import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { scrubExpiredMoveRequests } from './meetings-retention.store.ts';

// The portal's writes on meetings (PA-021, 10 years after the case closed): the resident's note with a move request.
export const meetingsRetentionRules: RetentionRuleDefinition[] = [
  { name: 'portal.moveRequests', activityId: 'PA-021', apply: async (tx, m) => ({ removed: 0, pseudonymised: await scrubExpiredMoveRequests(tx, m) }) },
];
