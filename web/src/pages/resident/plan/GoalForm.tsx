import { useState, type FormEvent } from 'react';
import { planGoalStatuses, zrmDomains, type PlanGoal, type PlanGoalStatus, type PlanGoalUpdate, type ZrmDomain } from '../../../api/models.ts';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { FormActions, FormProblems, formErrors } from './formParts.tsx';
import { usePlanChange } from './planContext.ts';
import { usePlanText } from './planText.ts';

/**
 * Add a goal (title, what it means, life domain) or change one (also its status). The input stays when someone
 * else changed the plan first (412): the conflict panel redoes it, or the user sends the form again.
 */
export function GoalForm({
  formId,
  goal,
  headingLevel,
  onDone,
  onCancel,
}: {
  formId: string;
  /** Absent: a new goal. */
  goal?: PlanGoal;
  headingLevel: 3 | 4;
  onDone: () => void;
  onCancel: () => void;
}) {
  const text = usePlanText();
  const { t } = text;
  const change = usePlanChange();
  const [title, setTitle] = useState(goal?.title ?? '');
  const [description, setDescription] = useState(goal?.description ?? '');
  const [domain, setDomain] = useState<ZrmDomain | ''>(goal?.lifeDomain ?? '');
  const [status, setStatus] = useState<PlanGoalStatus>(goal?.status ?? 'open');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);
  const { errors, other } = formErrors(change.error, localErrors);
  const id = (field: string) => `${formId}-${field}`;

  const fieldOf = (name: string) => {
    if (name === 'description') return { fieldId: id('description'), label: t('plan.goalForm.description') };
    if (name === 'lifeDomain') return { fieldId: id('lifeDomain'), label: t('plan.goalForm.lifeDomain') };
    if (name === 'status') return { fieldId: id('status'), label: t('plan.goalForm.status') };
    return { fieldId: id('title'), label: t('plan.goalForm.title') };
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('plan.goalForm.titleRequired');
    change.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const fields = { title: title.trim(), description: description.trim() || null, lifeDomain: domain || null };
    if (!goal) {
      change.run(
        { kind: 'addGoal', body: fields },
        {
          describe: t('plan.describe.addGoal', { title: fields.title }),
          announce: () => t('plan.saved.goalAdded', { title: fields.title }),
          onSuccess: onDone,
        },
      );
      return;
    }
    const body: PlanGoalUpdate = {};
    if (fields.title !== goal.title) body.title = fields.title;
    if (fields.description !== (goal.description ?? null)) body.description = fields.description;
    if (fields.lifeDomain !== goal.lifeDomain) body.lifeDomain = fields.lifeDomain;
    if (status !== goal.status) body.status = status;
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    const onlyStatus = Object.keys(body).length === 1 && body.status;
    change.run(
      { kind: 'updateGoal', goalId: goal.id, body },
      {
        describe: onlyStatus
          ? t('plan.describe.goalStatus', { title: goal.title, status: text.goalStatus(status) })
          : t('plan.describe.updateGoal', { title: goal.title }),
        announce: (plan) =>
          t('plan.saved.goalSaved', { title: plan.goals.find((g) => g.id === goal.id)?.title ?? fields.title }),
        onSuccess: onDone,
      },
    );
  };

  return (
    <form id={formId} className="app-form app-plan-form" onSubmit={onSubmit} noValidate aria-labelledby={id('heading')}>
      <Heading level={headingLevel} id={id('heading')}>
        {goal ? t('plan.goalForm.editTitle', { title: goal.title }) : t('plan.goalForm.addTitle')}
      </Heading>
      <FormProblems
        formId={formId}
        errors={errors}
        other={other}
        fieldOf={fieldOf}
        failedTitle={t('plan.goalForm.failed')}
        text={text}
      />
      <TextField
        id={id('title')}
        label={t('plan.goalForm.title')}
        description={t('plan.goalForm.titleDescription')}
        required
        maxLength={200}
        value={title}
        error={errors.title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        id={id('description')}
        label={t('plan.goalForm.description')}
        description={t('plan.goalForm.descriptionDescription')}
        optional
        rows={3}
        maxLength={2000}
        value={description}
        error={errors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <SelectField
        id={id('lifeDomain')}
        label={t('plan.goalForm.lifeDomain')}
        description={t('plan.goalForm.lifeDomainDescription')}
        optional
        emptyOption={t('plan.goalForm.noLifeDomain')}
        options={zrmDomains.map((d) => ({ value: d, label: text.domain(d) }))}
        value={domain}
        error={errors.lifeDomain}
        onChange={(e) => setDomain(e.target.value as ZrmDomain | '')}
      />
      {goal && (
        <SelectField
          id={id('status')}
          label={t('plan.goalForm.status')}
          options={planGoalStatuses.map((s) => ({ value: s, label: text.goalStatus(s) }))}
          value={status}
          error={errors.status}
          onChange={(e) => setStatus(e.target.value as PlanGoalStatus)}
        />
      )}
      <FormActions
        unchanged={unchanged}
        busy={change.isPending}
        submitLabel={goal ? t('plan.goalForm.submitEdit') : t('plan.goalForm.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}
