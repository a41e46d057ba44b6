import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteExpiredMessages } from './messages-retention.store.ts';

// Messages with the contact person (PA-022, 10 years after the case closed, or when the file is erased): deleted with
// the file, as the rest of its free text.
export const messagesRetentionRules: RetentionRuleDefinition[] = [
  { name: 'portal.messages', activityId: 'PA-022', apply: async (tx, m) => ({ removed: await deleteExpiredMessages(tx, m), pseudonymised: 0 }) },
];
