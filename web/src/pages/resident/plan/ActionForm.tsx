import { useState, type FormEvent } from 'react';
import {
  planActionStatuses,
  type PlanAction,
  type PlanActionStatus,
  type PlanActionUpdate,
  type PlanGoal,
  type PlanPermissions,
} from '../../../api/models.ts';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { apiDate, dueDateProblem, todayNl, toTypedDate } from '../../../rules/dateRules.ts';
import { useRuleText } from '../../../rules/useRuleText.ts';
import { FormActions, FormProblems, formErrors } from './formParts.tsx';
import { OwnerField, ownerChoiceOf, ownerValueOf, type OwnerState } from './OwnerField.tsx';
import { usePlanChange, usePlanSection } from './planContext.ts';
import { usePlanText } from './planText.ts';

const sameOwner = (a: OwnerState, b: OwnerState) =>
  a.value === b.value && (a.value !== 'otherPartner' || (a.name.trim() === b.name.trim() && a.organisationId === b.organisationId));

/**
 * Add an action to a goal, or change one: what, who, before when, and (when changing) the status. With 'own'
 * (the buurtteam professional) there is no owner choice: he carries out the action himself, and may change the
 * description, due date and status of his own actions only.
 */
export function ActionForm({
  formId,
  goal,
  action,
  editActions,
  onDone,
  onCancel,
}: {
  formId: string;
  goal: PlanGoal;
  /** Absent: a new action. */
  action?: PlanAction;
  editActions: Exclude<PlanPermissions['editActions'], 'none'>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const text = usePlanText();
  const { t } = text;
  const section = usePlanSection();
  const change = usePlanChange();
  const initialOwner: OwnerState = action
    ? {
        value: ownerValueOf(action.owner),
        name: action.owner.type === 'otherPartner' ? action.owner.name : '',
        organisationId: action.owner.partnerOrganisation?.id ?? '',
      }
    : { value: section.isJobCoach ? `jobCoach:${section.userId}` : 'resident', name: '', organisationId: '' };
  const [description, setDescription] = useState(action?.description ?? '');
  const [owner, setOwner] = useState<OwnerState>(initialOwner);
  const [dueDate, setDueDate] = useState(toTypedDate(action?.dueDate));
  const ruleText = useRuleText();
  const [status, setStatus] = useState<PlanActionStatus>(action?.status ?? 'open');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);
  const { errors, other } = formErrors(change.error, localErrors);
  const id = (field: string) => `${formId}-${field}`;
  const chooseOwner = editActions === 'all';

  const fieldOf = (name: string) => {
    if (name === 'owner.name') return { fieldId: id('ownerName'), label: t('plan.actionForm.ownerName') };
    if (name === 'owner.partnerOrganisationId')
      return { fieldId: id('ownerOrganisation'), label: t('plan.actionForm.ownerOrganisation') };
    if (name.startsWith('owner'))
      return chooseOwner
        ? { fieldId: id('owner'), label: t('plan.actionForm.owner') }
        : { fieldId: id('description'), label: t('plan.actionForm.owner') };
    if (name === 'dueDate') return { fieldId: id('dueDate'), label: t('plan.actionForm.dueDate') };
    if (name === 'status' && action) return { fieldId: id('status'), label: t('plan.actionForm.status') };
    return { fieldId: id('description'), label: t('plan.actionForm.description') };
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const problems: Record<string, string> = {};
    if (!description.trim()) problems.description = t('plan.actionForm.descriptionRequired');
    if (chooseOwner && owner.value === 'otherPartner' && !owner.name.trim() && !owner.organisationId)
      problems['owner.name'] = t('plan.actionForm.ownerNameRequired');
    // The shared rule (today or later, within 5 years), for a new or changed due date.
    if (dueDate.trim() && apiDate(dueDate) !== action?.dueDate) {
      const problem = ruleText(dueDateProblem(dueDate, todayNl()));
      if (problem) problems.dueDate = problem;
    }
    change.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const choice = chooseOwner ? ownerChoiceOf(owner.value, owner.name, owner.organisationId) : null;

    if (!action) {
      const body = {
        description: description.trim(),
        dueDate: dueDate.trim() ? apiDate(dueDate) : null,
        ...(choice ? { owner: choice } : {}),
      };
      change.run(
        { kind: 'addAction', goalId: goal.id, body },
        {
          describe: t('plan.describe.addAction', { description: body.description, goal: goal.title }),
          announce: () => t('plan.saved.actionAdded', { description: body.description, goal: goal.title }),
          onSuccess: onDone,
        },
      );
      return;
    }

    const body: PlanActionUpdate = {};
    if (description.trim() !== action.description) body.description = description.trim();
    if ((dueDate.trim() ? apiDate(dueDate) : null) !== action.dueDate) body.dueDate = dueDate.trim() ? apiDate(dueDate) : null;
    if (status !== action.status) body.status = status;
    if (choice && !sameOwner(owner, initialOwner)) body.owner = choice;
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    const onlyStatus = Object.keys(body).length === 1 && body.status;
    change.run(
      { kind: 'updateAction', actionId: action.id, body },
      {
        describe: onlyStatus
          ? t('plan.describe.actionStatus', { description: action.description, status: text.actionStatus(status) })
          : t('plan.describe.updateAction', { description: action.description }),
        announce: (plan) => {
          const now = plan.goals.flatMap((g) => g.actions).find((a) => a.id === action.id);
          return t('plan.saved.actionSaved', {
            description: now?.description ?? action.description,
            status: text.actionStatus(now?.status ?? status),
          });
        },
        onSuccess: onDone,
      },
    );
  };

  return (
    <form id={formId} className="app-form app-plan-form" onSubmit={onSubmit} noValidate aria-labelledby={id('heading')}>
      <Heading level={4} id={id('heading')}>
        {action
          ? t('plan.actionForm.editTitle', { description: action.description })
          : t('plan.actionForm.addTitle', { goal: goal.title })}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        other={other}
        fieldOf={fieldOf}
        failedTitle={t('plan.actionForm.failed')}
        text={text}
      />
      <TextAreaField
        id={id('description')}
        label={t('plan.actionForm.description')}
        description={t('plan.actionForm.descriptionDescription')}
        required
        rows={2}
        maxLength={1000}
        value={description}
        error={errors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      {chooseOwner ? (
        <OwnerField
          formId={formId}
          state={owner}
          current={action?.owner}
          errors={errors}
          onChange={setOwner}
          text={text}
        />
      ) : (
        <p className="utrecht-paragraph app-plan-form__note">
          {action ? t('plan.actionForm.ownOwnerFixed') : t('plan.actionForm.ownOwner')}
        </p>
      )}
      <DateField
        id={id('dueDate')}
        label={t('plan.actionForm.dueDate')}
        description={t('plan.actionForm.dueDateDescription')}
        optional
        value={dueDate}
        error={errors.dueDate}
        onChange={(e) => setDueDate(e.target.value)}
      />
      {action && (
        <SelectField
          id={id('status')}
          label={t('plan.actionForm.status')}
          options={planActionStatuses.map((s) => ({ value: s, label: text.actionStatus(s) }))}
          value={status}
          error={errors.status}
          onChange={(e) => setStatus(e.target.value as PlanActionStatus)}
        />
      )}
      <FormActions
        unchanged={unchanged}
        busy={change.isPending}
        submitLabel={action ? t('plan.actionForm.submitEdit') : t('plan.actionForm.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}
