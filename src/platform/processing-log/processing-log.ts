import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal.ts';
import { activity, type ProcessingActivityId } from './register.ts';
import { pseudonymise } from './pseudonym.ts';
import { newSpanId, type TraceContext } from './trace.ts';

export type DataSubjectType = 'resident' | 'employerContact' | 'aggregate';

/** One processing operation, ready to insert: logically one entry per data subject. */
export interface ProcessingLogRow {
  municipality_id: string;
  entry_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string | null;
  action: string;
  status: 'ok' | 'error';
  started_at: Date;
  ended_at: Date;
  processing_activity_id: string;
  processing_activity_version: number;
  /** Whose data: residents (the default) or, e.g., the business contacts of employers. */
  data_subject_type: DataSubjectType;
  data_subject_ids: string[];
  actor_id: string;
  actor_role: string;
}

/**
 * Collects the processing operations of one transaction. The request context writes them with one insert
 * just before commit, so the log entries and the processing they describe commit (or roll back) together.
 */
export class ProcessingLogger {
  private readonly rows: ProcessingLogRow[] = [];
  private readonly startedAt = new Date();

  constructor(
    private readonly principal: Principal,
    private readonly trace: TraceContext,
    private readonly pseudonymKey: string,
  ) {}

  /**
   * Records that `action` processed the given data subjects (residents unless `subjectType` says otherwise) for the
   * given activity. No-op for an empty list.
   */
  record(
    action: string,
    activityId: ProcessingActivityId,
    actorRole: string,
    residentIds: readonly string[],
    subjectType: DataSubjectType = 'resident',
  ): void {
    if (residentIds.length === 0) return;
    const unique = [...new Set(residentIds)];
    const pseudonyms = unique.map((id) => pseudonymise(this.pseudonymKey, this.principal.municipalityId, id));
    this.push(action, activityId, actorRole, subjectType, pseudonyms);
  }

  /**
   * Processing that yields aggregates only (e.g. the fairness monitor): logged as one entry whose subject is
   * 'aggregate', so that the use is accountable without naming anyone.
   */
  recordAggregate(action: string, activityId: ProcessingActivityId, actorRole: string): void {
    this.push(action, activityId, actorRole, 'aggregate', ['aggregate']);
  }

  private push(action: string, activityId: ProcessingActivityId, actorRole: string, subjectType: DataSubjectType, subjects: string[]): void {
    const a = activity(activityId);
    this.rows.push({
      municipality_id: this.principal.municipalityId,
      entry_id: randomUUID(),
      trace_id: this.trace.traceId,
      span_id: newSpanId(),
      parent_span_id: this.trace.spanId,
      action,
      status: 'ok',
      started_at: this.startedAt,
      ended_at: new Date(),
      processing_activity_id: a.id,
      processing_activity_version: a.version,
      data_subject_type: subjectType,
      data_subject_ids: subjects,
      actor_id: this.principal.userId,
      actor_role: actorRole,
    });
  }

  /** Rows collected so far; the end time is set when they are taken. */
  take(): ProcessingLogRow[] {
    const now = new Date();
    const out = this.rows.splice(0).map((r) => ({ ...r, ended_at: now }));
    return out;
  }
}
