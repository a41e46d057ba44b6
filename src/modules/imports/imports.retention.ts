import type { RetentionRuleDefinition } from '../../platform/retention/retention.ts';
import { deleteOldImportRuns } from './imports-retention.store.ts';

// Imports (PA-037, 10 years): the run reports, counted from the run.
export const importsRetentionRules: RetentionRuleDefinition[] = [
  { name: 'imports.runs', activityId: 'PA-037', apply: async (tx, m, cutoff) => ({ removed: await deleteOldImportRuns(tx, m, cutoff), pseudonymised: 0 }) },
];
