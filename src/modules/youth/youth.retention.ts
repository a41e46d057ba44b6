import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import {
  deleteExpiredSearchActivities,
  scrubExpiredExemptions,
  scrubExpiredProvisions,
  scrubExpiredReferrals,
  scrubExpiredSearchPeriods,
} from './youth-retention.store.ts';

// Team Jongeren (PA-028..031, each 10 years after the case closed): see youth-retention.store.ts.
export const youthRetentionRules: RetentionRuleDefinition[] = [
  {
    name: 'youth.searchPeriods',
    activityId: 'PA-028',
    apply: async (tx, m) => ({ removed: await deleteExpiredSearchActivities(tx, m), pseudonymised: await scrubExpiredSearchPeriods(tx, m) }),
  },
  { name: 'youth.exemptions', activityId: 'PA-029', apply: async (tx, m) => ({ removed: 0, pseudonymised: await scrubExpiredExemptions(tx, m) }) },
  { name: 'youth.referrals', activityId: 'PA-030', apply: async (tx, m) => ({ removed: 0, pseudonymised: await scrubExpiredReferrals(tx, m) }) },
  { name: 'youth.provisions', activityId: 'PA-031', apply: async (tx, m) => ({ removed: 0, pseudonymised: await scrubExpiredProvisions(tx, m) }) },
];
