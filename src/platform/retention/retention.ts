import { processingActivities, type ProcessingActivityId, type RetentionRule } from '../processing-log/register.ts';
import type { Db } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import { insertRetentionRun, retentionMunicipalities, type OwnerTx } from './retention.store.ts';

// Retention (issue 16, ADR 0027). Every processing activity in the register carries its retention in machine-readable
// form (register.ts, `retentionRule`). Each module declares the rules that apply it to its own data: which activity,
// and how to delete or pseudonymise what expired before the cut-off (its store's SQL). The job runs every rule for
// every municipality, each in its own transaction on the owner connection (retention must reach all data, whatever
// the need-to-know), and records per run what was removed: counts, never content (retention_runs, PA-041).

export interface RetentionOutcome {
  removed: number;
  pseudonymised: number;
}

export interface RetentionRuleDefinition {
  /** Stable name, e.g. 'residents.consents'. */
  name: string;
  /** The activity whose retention rule gives the term and the event it runs from. */
  activityId: ProcessingActivityId;
  /** Deletes or pseudonymises what expired: its event lies before `cutoff`. Returns counts. Must be idempotent. */
  apply(tx: OwnerTx, municipalityId: string, cutoff: Date, now: Date): Promise<RetentionOutcome>;
}

export function ruleOf(activityId: string): RetentionRule {
  const a = [...processingActivities].filter((x) => x.id === activityId).sort((x, y) => y.version - x.version)[0];
  const rule = a && 'retentionRule' in a ? (a.retentionRule as RetentionRule | undefined) : undefined;
  if (!rule) throw new Error(`Verwerkingsactiviteit ${activityId} heeft geen bewaarregel`);
  return rule;
}

/** The moment before which the event must lie for the data to be expired: `now` minus the term (calendar arithmetic, UTC). */
export function cutoffOf(rule: RetentionRule, now: Date): Date {
  const m = /^P(\d+)([YMD])$/.exec(rule.term);
  if (!m) throw new Error(`Ongeldige bewaartermijn ${rule.term}`);
  const n = Number(m[1]);
  const d = new Date(now.getTime());
  if (m[2] === 'Y') d.setUTCFullYear(d.getUTCFullYear() - n);
  else if (m[2] === 'M') d.setUTCMonth(d.getUTCMonth() - n);
  else d.setUTCDate(d.getUTCDate() - n);
  return d;
}

export interface RetentionRunSummary {
  rule: string;
  municipalityId: string;
  cutoff: string;
  removed: number;
  pseudonymised: number;
}

/** Runs every rule for every municipality (or one). `now` is a parameter so a test can move the clock forward. */
export async function runRetention(ownerDb: Db, rules: readonly RetentionRuleDefinition[], now = new Date(), onlyMunicipality?: string): Promise<RetentionRunSummary[]> {
  const out: RetentionRunSummary[] = [];
  const municipalities = onlyMunicipality ? [onlyMunicipality] : await retentionMunicipalities(ownerDb);
  for (const m of municipalities) {
    for (const rule of rules) {
      const cutoff = cutoffOf(ruleOf(rule.activityId), now);
      const r = await ownerDb.transaction().execute(async (tx) => {
        const outcome = await rule.apply(tx, m, cutoff, now);
        await insertRetentionRun(tx, { municipalityId: m, rule: rule.name, activityId: rule.activityId, cutoff, ...outcome, ranAt: now });
        return outcome;
      });
      out.push({ rule: rule.name, municipalityId: m, cutoff: cutoff.toISOString(), ...r });
    }
  }
  return out;
}

export const RETENTION_QUEUE = 'retention';

/** The nightly retention job (needs the owner connection of the job context). */
export function retentionJob(rules: readonly RetentionRuleDefinition[]): JobDefinition {
  return {
    queue: RETENTION_QUEUE,
    cron: '30 2 * * *',
    async handle(_data, ctx) {
      if (!ctx.ownerDb) throw new Error('De bewaartermijntaak heeft de eigenaarsverbinding nodig');
      const runs = await runRetention(ctx.ownerDb, rules);
      const removed = runs.reduce((s, r) => s + r.removed, 0);
      const pseudonymised = runs.reduce((s, r) => s + r.pseudonymised, 0);
      ctx.log(`Bewaartermijnen: ${removed} verwijderd, ${pseudonymised} gepseudonimiseerd (${runs.length} regels uitgevoerd)`);
    },
  };
}
