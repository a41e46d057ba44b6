import { useRef, useState } from 'react';
import type { PlanAction, PlanActionStatus, PlanGoal, PlanPermissions } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { cx } from '../../../components/classNames.ts';
import { StatusBadge, type BadgeStatus } from '../../../components/StatusBadge.tsx';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { ActionForm } from './ActionForm.tsx';
import { usePlanChange, usePlanSection } from './planContext.ts';
import type { PlanText } from './planText.ts';

const BADGE: Record<PlanActionStatus, BadgeStatus> = {
  open: 'neutral',
  inProgress: 'active',
  done: 'safe',
  cancelled: 'inactive',
};

export const actionElementId = (id: string) => `plan-action-${id}`;

/**
 * One action: what, who, when (overdue in words, not only colour), status. Where the user may change it: a
 * "Klaar" button for the common case and a form for the rest.
 */
export function ActionItem({
  action,
  goal,
  editActions,
  text,
}: {
  action: PlanAction;
  goal: PlanGoal;
  editActions: PlanPermissions['editActions'];
  text: PlanText;
}) {
  const { t } = text;
  const section = usePlanSection();
  const errorText = useErrorText();
  const finish = usePlanChange();
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const formId = `plan-action-form-${action.id}`;
  const mine = action.owner.staffUser?.id === section.userId && action.owner.type !== 'resident';
  const canEdit = action.permissions.edit && editActions !== 'none';
  const finished = action.status === 'done' || action.status === 'cancelled';
  const hidden = <span className="app-visually-hidden"> – {action.description}</span>;

  const close = () => {
    setEditing(false);
    window.requestAnimationFrame(() => editRef.current?.focus());
  };

  const markDone = () =>
    finish.run(
      { kind: 'updateAction', actionId: action.id, body: { status: 'done' } },
      {
        describe: t('plan.describe.actionStatus', { description: action.description, status: text.actionStatus('done') }),
        announce: () => t('plan.saved.actionDone', { description: action.description }),
        focusAfter: () => actionElementId(action.id),
      },
    );

  return (
    <li
      id={actionElementId(action.id)}
      tabIndex={-1}
      className={cx('app-plan-action', `app-plan-action--${action.status}`, action.overdue && 'app-plan-action--overdue')}
    >
      <p className="utrecht-paragraph app-plan-action__title">
        <span className="app-plan-action__description">{action.description}</span>
        <span className="app-plan-action__badges">
          <StatusBadge status={BADGE[action.status]}>
            <span className="app-visually-hidden">{t('plan.action.statusLabel')}: </span>
            {text.actionStatus(action.status)}
          </StatusBadge>
          {mine && <StatusBadge status="warning">{t('plan.action.yours')}</StatusBadge>}
        </span>
      </p>
      <p className="utrecht-paragraph app-plan-action__meta">
        <span>
          <span className="app-plan-action__label">{t('plan.action.who')}:</span> {text.owner(action.owner)}
        </span>
        <span className={cx(action.overdue && 'app-plan-overdue')}>
          {action.overdue && (
            <span className="app-plan-overdue__icon" aria-hidden="true">
              !
            </span>
          )}
          <span className="app-plan-action__label">{t('plan.action.when')}:</span> {text.when(action)}
        </span>
      </p>
      {finish.error !== null && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(finish.error)}</p>
        </Alert>
      )}
      {canEdit && (
        <div className="app-button-row app-plan-action__buttons">
          {!finished && (
            <Button appearance="secondary" busy={finish.isPending} onClick={markDone}>
              {t('plan.action.markDone')}
              {hidden}
            </Button>
          )}
          <Button
            ref={editRef}
            appearance="subtle"
            aria-expanded={editing}
            aria-controls={editing ? formId : undefined}
            onClick={() => (editing ? close() : setEditing(true))}
          >
            {t('plan.action.edit')}
            {hidden}
          </Button>
        </div>
      )}
      {editing && action.permissions.edit && editActions !== 'none' && (
        <ActionForm
          formId={formId}
          goal={goal}
          action={action}
          editActions={editActions}
          onDone={close}
          onCancel={close}
        />
      )}
    </li>
  );
}
