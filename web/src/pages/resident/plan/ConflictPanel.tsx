import { useEffect, useRef } from 'react';
import type { PlanVersion } from '../../../api/models.ts';
import { planConflictOf, type PlanOperation } from '../../../api/plans.api.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { isApiError } from '../../../api/client.ts';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { usePlanSection, type PendingConflict } from './planContext.ts';
import type { PlanText } from './planText.ts';
import { usePlanWrite } from './usePlan.ts';

/** The record and fields the user's change touches, to warn when the other person changed the same thing. */
function touched(op: PlanOperation): { entity: string; id: string | null; fields: string[] } {
  switch (op.kind) {
    case 'updatePlan':
      return { entity: 'plan', id: null, fields: op.body.agreement !== undefined ? ['agreedOn', 'agreedHow'] : ['status'] };
    case 'updateGoal':
      return { entity: 'goal', id: op.goalId, fields: Object.keys(op.body) };
    case 'updateAction':
      return { entity: 'action', id: op.actionId, fields: Object.keys(op.body) };
    case 'addAction':
      return { entity: 'goal', id: op.goalId, fields: ['status'] };
    case 'addGoal':
      return { entity: 'none', id: null, fields: [] };
  }
}

function overlaps(op: PlanOperation, versions: PlanVersion[]): boolean {
  const mine = touched(op);
  return versions.some((v) =>
    v.changes.some(
      (c) =>
        c.entity === mine.entity &&
        (mine.id === null || c.id === mine.id) &&
        (c.kind === 'removed' || (c.field !== null && mine.fields.includes(c.field))),
    ),
  );
}

/**
 * 412 on the shared plan: someone else saved first. Say who changed what (the API's summary and labels), show the
 * new version (already on screen), keep the user's change, and redo it on top of the new version with one click.
 */
export function ConflictPanel({
  conflict,
  onDismiss,
  text,
}: {
  conflict: PendingConflict;
  onDismiss: () => void;
  text: PlanText;
}) {
  const { t } = text;
  const section = usePlanSection();
  const errorText = useErrorText();
  const redo = usePlanWrite(section.residentId);
  const ref = useRef<HTMLDivElement>(null);
  const { reset } = redo;

  // Each new conflict: forget an earlier failed redo and move focus here, so the user reads what happened.
  // (reset is stable: TanStack binds it once per observer.)
  useEffect(() => {
    reset();
    ref.current?.focus();
  }, [conflict.seq, reset]);

  const names = [...new Set(conflict.versions.map((v) => v.changedBy?.displayName ?? t('plan.history.someone')))];
  const failed = redo.error && !planConflictOf(redo.error) ? redo.error : null;
  const reasons = failed && isApiError(failed) ? failed.invalidParams.map((p) => p.reason) : [];

  const again = () =>
    redo.mutate(conflict.op, {
      onSuccess: (plan) => section.saved(plan, conflict.options),
      onError: (err) => {
        const next = planConflictOf(err);
        if (next) section.conflict({ versions: next.changesSince, op: conflict.op, options: conflict.options });
      },
    });

  return (
    <div ref={ref} tabIndex={-1} className="app-focus-target app-plan-conflict" id="plan-conflict">
      <Alert type="warning" title={t('plan.conflict.title')}>
        <p className="utrecht-paragraph">
          {t('plan.conflict.text', { names: names.join(', '), count: names.length })}
        </p>
        <ul className="utrecht-unordered-list app-plan-conflict__versions">
          {conflict.versions.map((v) => (
            <li key={v.version}>
              <strong>{v.changedBy?.displayName ?? t('plan.history.someone')}</strong>{' '}
              <span className="app-muted">
                ({text.role(v.role)}, {text.dateTime(v.changedAt)})
              </span>
              {v.changes.length > 0 ? (
                <ul className="utrecht-unordered-list" lang={text.historyLang}>
                  {v.changes.map((c, i) => (
                    <li key={`${c.id}-${c.field ?? c.kind}-${i}`}>{c.label}</li>
                  ))}
                </ul>
              ) : (
                <p className="utrecht-paragraph" lang={text.historyLang}>
                  {v.summary}
                </p>
              )}
            </li>
          ))}
        </ul>
        <p className="utrecht-paragraph app-plan-conflict__mine">
          <strong>{t('plan.conflict.yours')}</strong> {conflict.options.describe}
        </p>
        {overlaps(conflict.op, conflict.versions) && (
          <p className="utrecht-paragraph app-plan-conflict__overlap">{t('plan.conflict.overlap')}</p>
        )}
        <p className="utrecht-paragraph">{t('plan.conflict.next')}</p>
        {failed && (
          <div className="app-field-error" role="alert">
            <p className="utrecht-paragraph">{errorText(failed)}</p>
            {reasons.length > 0 && (
              <ul className="utrecht-unordered-list">
                {reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="app-button-row">
          <Button appearance="primary" busy={redo.isPending} onClick={again}>
            {t('plan.conflict.redo')}
          </Button>
          <Button appearance="subtle" onClick={onDismiss}>
            {t('plan.conflict.dismiss')}
          </Button>
        </div>
      </Alert>
    </div>
  );
}
