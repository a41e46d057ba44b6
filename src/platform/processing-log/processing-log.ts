import { randomUUID } from 'node:crypto';
import type { Principal } from '../access/principal.ts';
import { roleFor, type Permission } from '../access/permissions.ts';
import { activity, type ProcessingActivityId } from './register.ts';
import { pseudonymise } from './pseudonym.ts';
import { newSpanId, type TraceContext } from './trace.ts';

export type DataSubjectType = 'resident' | 'employerContact' | 'aggregate';

/**
 * What a route declares about the personal data it processes (next to its access rule, ADR 0011): the processing
 * activity or activities of the register it may log, the action names, and whose data. A route that processes no
 * personal data says so and why (`none`). The platform refuses to start when a non-public route declares neither.
 */
export type RouteProcessing =
  | {
      activity: ProcessingActivityId | readonly ProcessingActivityId[];
      action: string | readonly string[];
      /** Whose data (default resident). */
      subject?: DataSubjectType;
      /** The path parameter that names the resident: a failed request is logged with status error for him. */
      subjectParam?: string;
      /** Processing by other modules' services that this use case calls (e.g. a report that adds plan actions). */
      also?: ReadonlyArray<{ activity: ProcessingActivityId; action: string }>;
    }
  | { none: string };

/** A declaration as the logger checks it: every (activity, action) pair the route may log. */
export interface DeclaredProcessing {
  pairs: ReadonlyArray<{ activity: ProcessingActivityId; action: string }>;
  subject: DataSubjectType;
  subjectParam?: string;
  /** The permission of the route: the role that grants it is the role logged. */
  permission?: Permission;
}

export function declared(p: RouteProcessing, permission?: Permission): DeclaredProcessing | 'none' {
  if ('none' in p) return 'none';
  const list = <T,>(x: T | readonly T[]): readonly T[] => (Array.isArray(x) ? x : [x as T]);
  const pairs = list(p.activity).flatMap((activity) => list(p.action).map((action) => ({ activity, action })));
  return { pairs: [...pairs, ...(p.also ?? [])], subject: p.subject ?? 'resident', subjectParam: p.subjectParam, permission };
}

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
  /** Why, where the use case asks for it (the privacy officer's lookup); null otherwise. Max 500 characters. */
  reason: string | null;
}

export class UndeclaredProcessingError extends Error {}

export interface SubjectOptions {
  /** Which of the declared actions (required when the route declares several). */
  action?: string;
  /** Which of the declared activities (required when the route declares several). */
  activity?: ProcessingActivityId;
  /** The permission actually used, when it is not the route's own (e.g. a buurtteam editing his own actions). */
  permission?: Permission;
  /** The reason the actor gave (stored in the entry), e.g. the privacy officer's lookup. */
  reason?: string;
}

/**
 * Collects the processing operations of one transaction. The request context writes them with one insert
 * just before commit, so the log entries and the processing they describe commit (or roll back) together.
 * Services report whose data they processed (`subjects`); the activity, the action and the actor's role come from
 * the route's declaration, and anything the route did not declare is refused.
 */
export class ProcessingLogger {
  private readonly rows: ProcessingLogRow[] = [];
  private readonly startedAt = new Date();

  constructor(
    private readonly principal: Principal,
    private readonly trace: TraceContext,
    private readonly pseudonymKey: string,
    /** The route's declaration; null outside a request (jobs, tools): then every call names action and activity. */
    private readonly declaration: DeclaredProcessing | 'none' | null,
  ) {}

  /** The residents (or other data subjects, as declared) whose data this operation processed. No-op for none. */
  subjects(ids: readonly string[], options: SubjectOptions = {}): void {
    if (ids.length === 0) return;
    const { action, activityId, role, subjectType } = this.resolve(options);
    const unique = [...new Set(ids)];
    const pseudonyms = unique.map((id) => pseudonymise(this.pseudonymKey, this.principal.municipalityId, id));
    this.push(action, activityId, role, subjectType, pseudonyms, options.reason ?? null);
  }

  /**
   * Processing that yields aggregates only (e.g. the fairness monitor): logged as one entry whose subject is
   * 'aggregate', so that the use is accountable without naming anyone.
   */
  aggregate(options: SubjectOptions = {}): void {
    const { action, activityId, role } = this.resolve(options);
    this.push(action, activityId, role, 'aggregate', ['aggregate'], options.reason ?? null);
  }

  private resolve(o: SubjectOptions): { action: string; activityId: ProcessingActivityId; role: string; subjectType: DataSubjectType } {
    const d = this.declaration;
    if (d === 'none') {
      throw new UndeclaredProcessingError('Deze route verklaart geen verwerking van persoonsgegevens, maar de dienst meldt er een.');
    }
    let action: string;
    let activityId: ProcessingActivityId;
    if (!d) {
      if (!o.action || !o.activity) throw new UndeclaredProcessingError('Buiten een route moet elke verwerking haar actie en verwerkingsactiviteit noemen.');
      action = o.action;
      activityId = o.activity;
    } else {
      const fits = d.pairs.filter((x) => (!o.action || x.action === o.action) && (!o.activity || x.activity === o.activity));
      if (fits.length !== 1) {
        const declaredPairs = d.pairs.map((x) => `${x.activity} ${x.action}`).join(', ');
        throw new UndeclaredProcessingError(
          fits.length === 0
            ? `${o.activity ?? ''} ${o.action ?? ''} is niet verklaard voor deze route (${declaredPairs}).`
            : `Deze route verklaart meer dan één verwerking (${declaredPairs}): noem de actie.`,
        );
      }
      action = fits[0]!.action;
      activityId = fits[0]!.activity;
    }
    const permission = o.permission ?? d?.permission;
    const role = permission ? roleFor(this.principal, permission) : this.principal.roles[0]!;
    return { action, activityId, role, subjectType: d?.subject ?? 'resident' };
  }

  private push(
    action: string,
    activityId: ProcessingActivityId,
    actorRole: string,
    subjectType: DataSubjectType,
    subjects: string[],
    reason: string | null = null,
  ): void {
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
      reason,
    });
  }

  /** Rows collected so far; the end time is set when they are taken. */
  take(status: 'ok' | 'error' = 'ok'): ProcessingLogRow[] {
    const now = new Date();
    return this.rows.splice(0).map((r) => ({ ...r, ended_at: now, status }));
  }

  /**
   * For a failed request whose route names the resident in its path: an entry (status error) for him, unless the
   * entries already taken from the failed transaction name him.
   */
  pathFailure(pathSubject: string | undefined, already: readonly ProcessingLogRow[]): ProcessingLogRow[] {
    const d = this.declaration;
    if (!pathSubject || !d || d === 'none' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(pathSubject)) return [];
    const pseudonym = pseudonymise(this.pseudonymKey, this.principal.municipalityId, pathSubject);
    if (already.some((r) => r.data_subject_ids.includes(pseudonym))) return [];
    const role = d.permission ? roleFor(this.principal, d.permission) : this.principal.roles[0]!;
    this.push(d.pairs[0]!.action, d.pairs[0]!.activity, role, d.subject, [pseudonym]);
    return this.take('error');
  }
}
