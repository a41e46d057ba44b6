import type { KeyObject } from 'node:crypto';
import type { RetentionRuleDefinition } from '../retention/retention.ts';
import { loadAnchorKey, writeCheckpointFile } from './anchor.ts';
import { pruneLogPrefix } from './log-retention.store.ts';

// The processing log's own retention (issue 16, ADR 0033, PA-054): entries older than the term are pruned from the
// start of each municipality's chain, with a checkpoint (first seq kept, the hash before it) that `audit verify`
// takes as the chain's start. When anchors are exported (SAMENPLAN_ANCHOR_KEY[_FILE] and SAMENPLAN_ANCHOR_DIR) the
// checkpoint is signed and written next to the anchors before the rows go, so `audit verify --anchors` can tell a
// pruning by the retention job from rows cut by someone without the key.

export interface LogRetentionOptions {
  /** The anchor signer, or null when anchors are not exported. Defaults to the environment, as `samenplan start`. */
  signer?: () => Promise<{ key: KeyObject; dir: string } | null>;
}

const fromEnv = async () => {
  const dir = process.env.SAMENPLAN_ANCHOR_DIR;
  const key = await loadAnchorKey();
  return key && dir ? { key, dir } : null;
};

export function processingLogRetentionRule(options: LogRetentionOptions = {}): RetentionRuleDefinition {
  const signer = options.signer ?? fromEnv;
  return {
    name: 'processingLog.prefix',
    activityId: 'PA-054',
    async apply(tx, m, cutoff, now) {
      const cp = await pruneLogPrefix(tx, m, cutoff, now);
      if (!cp) return { removed: 0, pseudonymised: 0 };
      const s = await signer();
      // Written before the transaction commits: a signed checkpoint whose pruning rolled back is harmless (the rows
      // are still there), a pruning without its signed checkpoint is what verify must flag.
      if (s) await writeCheckpointFile(s.key, s.dir, cp, now);
      return { removed: cp.removed, pseudonymised: 0 };
    },
  };
}
