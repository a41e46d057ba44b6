import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteEndedConsents, pseudonymiseClosedFiles } from './residents-retention.store.ts';

// The residents module's retention rules (issue 16, ADR 0027): consents after their purpose ended, and the file of a
// resident whose cases all closed longer ago than the legal term.
export const residentsRetentionRules: RetentionRuleDefinition[] = [
  {
    name: 'residents.consents',
    activityId: 'PA-004',
    apply: async (tx, m, cutoff) => ({ removed: await deleteEndedConsents(tx, m, cutoff), pseudonymised: 0 }),
  },
  {
    name: 'residents.closedFiles',
    activityId: 'PA-001',
    apply: async (tx, m, cutoff, now) => ({ removed: 0, pseudonymised: await pseudonymiseClosedFiles(tx, m, cutoff, now) }),
  },
];
