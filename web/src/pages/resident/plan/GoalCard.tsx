import { useRef, useState } from 'react';
import type { PlanGoal, PlanGoalStatus, PlanPermissions } from '../../../api/models.ts';
import { Button } from '../../../components/Button.tsx';
import { cx } from '../../../components/classNames.ts';
import { Heading } from '../../../components/Heading.tsx';
import { StatusBadge, type BadgeStatus } from '../../../components/StatusBadge.tsx';
import { ActionForm } from './ActionForm.tsx';
import { ActionItem } from './ActionItem.tsx';
import { GoalForm } from './GoalForm.tsx';
import type { PlanText } from './planText.ts';

const BADGE: Record<PlanGoalStatus, BadgeStatus> = { open: 'active', achieved: 'safe', dropped: 'inactive' };

export const goalElementId = (id: string) => `plan-goal-${id}`;

/** One goal as a card: title, life domain, status, what it means, and its actions with owners and dates. */
export function GoalCard({ goal, permissions, text }: { goal: PlanGoal; permissions: PlanPermissions; text: PlanText }) {
  const { t } = text;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const headingId = `${goalElementId(goal.id)}-heading`;
  const addFormId = `plan-goal-${goal.id}-add-action`;
  const editFormId = `plan-goal-${goal.id}-edit`;
  const done = goal.actions.filter((a) => a.status === 'done').length;
  const counted = goal.actions.filter((a) => a.status !== 'cancelled').length;
  const editActions = permissions.editActions;

  const closeAdd = () => {
    setAdding(false);
    window.requestAnimationFrame(() => addRef.current?.focus());
  };
  const closeEdit = () => {
    setEditing(false);
    window.requestAnimationFrame(() => editRef.current?.focus());
  };

  return (
    <li
      className={cx('app-plan-goal', `app-plan-goal--${goal.status}`)}
      id={goalElementId(goal.id)}
      tabIndex={-1}
    >
      <div className="app-plan-goal__head">
        <Heading level={3} id={headingId} className="app-plan-goal__title">
          <span className="app-visually-hidden">{t('plan.goal.prefix')}: </span>
          {goal.title}
        </Heading>
        <p className="app-badges app-plan-goal__badges">
          <StatusBadge status={BADGE[goal.status]}>
            <span className="app-visually-hidden">{t('plan.goal.statusLabel')}: </span>
            {text.goalStatus(goal.status)}
          </StatusBadge>
          {goal.lifeDomain && (
            <StatusBadge status="neutral">
              {t('plan.goal.lifeDomain', { domain: text.domain(goal.lifeDomain) })}
            </StatusBadge>
          )}
        </p>
      </div>
      {goal.description && <p className="utrecht-paragraph app-prewrap app-plan-goal__description">{goal.description}</p>}
      <p className="utrecht-paragraph app-cell-note">
        {goal.actions.length === 0
          ? t('plan.goal.noActions')
          : t('plan.goal.progress', { count: counted, done })}
      </p>
      {goal.actions.length > 0 && (
        <ul className="app-plan-actions" aria-label={t('plan.goal.actionsOf', { title: goal.title })}>
          {goal.actions.map((a) => (
            <ActionItem key={a.id} action={a} goal={goal} editActions={editActions} text={text} />
          ))}
        </ul>
      )}
      {(editActions !== 'none' || permissions.edit) && (
        <div className="app-button-row app-plan-goal__buttons">
          {editActions !== 'none' && (
            <Button
              ref={addRef}
              appearance="secondary"
              aria-expanded={adding}
              aria-controls={adding ? addFormId : undefined}
              onClick={() => (adding ? closeAdd() : setAdding(true))}
            >
              {t('plan.goal.addAction')}
              <span className="app-visually-hidden"> – {goal.title}</span>
            </Button>
          )}
          {permissions.edit && (
            <Button
              ref={editRef}
              appearance="subtle"
              aria-expanded={editing}
              aria-controls={editing ? editFormId : undefined}
              onClick={() => (editing ? closeEdit() : setEditing(true))}
            >
              {t('plan.goal.edit')}
              <span className="app-visually-hidden"> – {goal.title}</span>
            </Button>
          )}
        </div>
      )}
      {adding && editActions !== 'none' && (
        <ActionForm formId={addFormId} goal={goal} editActions={editActions} onDone={closeAdd} onCancel={closeAdd} />
      )}
      {editing && permissions.edit && (
        <GoalForm formId={editFormId} goal={goal} headingLevel={4} onDone={closeEdit} onCancel={closeEdit} />
      )}
    </li>
  );
}
