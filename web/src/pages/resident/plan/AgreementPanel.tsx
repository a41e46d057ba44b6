import { useRef, useState, type FormEvent } from 'react';
import { agreementChannels, type AgreementChannel, type Plan } from '../../../api/models.ts';
import { Button } from '../../../components/Button.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { todayIso } from '../../../format/dates.ts';
import { agreedOnProblem, apiDate, todayNl, toTypedDate } from '../../../rules/dateRules.ts';
import { useRuleText } from '../../../rules/useRuleText.ts';
import { FormProblems, formErrors } from './formParts.tsx';
import { usePlanChange } from './planContext.ts';
import type { PlanText } from './planText.ts';

const FORM_ID = 'plan-agreement-form';

/** Record that the resident agreed to the plan: on which day and how. */
function AgreementForm({ plan, onDone, text }: { plan: Plan; onDone: () => void; text: PlanText }) {
  const { t } = text;
  const change = usePlanChange();
  const [agreedOn, setAgreedOn] = useState(() => toTypedDate(todayIso()));
  const ruleText = useRuleText();
  const [how, setHow] = useState<AgreementChannel | ''>(plan.agreement?.how ?? '');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { errors: raw, other } = formErrors(change.error, localErrors);
  // The API names the fields agreement.agreedOn and agreement.how.
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(raw)) {
    const key = name.replace(/^agreement\.?/, '') || 'agreedOn';
    if (!(key in errors)) errors[key] = message;
  }
  const fieldOf = (name: string) =>
    name === 'how'
      ? { fieldId: `${FORM_ID}-how`, label: t('plan.agreement.form.how') }
      : { fieldId: `${FORM_ID}-agreedOn`, label: t('plan.agreement.form.agreedOn') };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!agreedOn.trim()) problems.agreedOn = t('plan.agreement.form.agreedOnRequired');
    else {
      const problem = ruleText(agreedOnProblem(agreedOn, todayNl()));
      if (problem) problems.agreedOn = problem;
    }
    if (!how) problems.how = t('plan.agreement.form.howRequired');
    change.reset();
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0 || !how) return;
    change.run(
      { kind: 'updatePlan', body: { agreement: { agreedOn: apiDate(agreedOn), how } } },
      {
        describe: t('plan.describe.agreement', { date: text.date(apiDate(agreedOn)), how: text.how(how) }),
        announce: () => t('plan.saved.agreement', { date: text.date(apiDate(agreedOn)), how: text.how(how) }),
        onSuccess: onDone,
      },
    );
  };

  return (
    <form id={FORM_ID} className="app-form app-plan-form" onSubmit={onSubmit} noValidate aria-labelledby={`${FORM_ID}-heading`}>
      <Heading level={3} id={`${FORM_ID}-heading`}>
        {t('plan.agreement.form.title')}
      </Heading>
      <FormProblems
        formId={FORM_ID}
        errors={errors}
        other={other}
        fieldOf={fieldOf}
        failedTitle={t('plan.agreement.form.failed')}
        text={text}
      />
      <p className="utrecht-paragraph app-plan-form__note">{t('plan.agreement.form.intro')}</p>
      <DateField
        id={`${FORM_ID}-agreedOn`}
        label={t('plan.agreement.form.agreedOn')}
        description={t('plan.agreement.form.agreedOnDescription')}
        required
        value={agreedOn}
        error={errors.agreedOn}
        onChange={(e) => setAgreedOn(e.target.value)}
      />
      <SelectField
        id={`${FORM_ID}-how`}
        label={t('plan.agreement.form.how')}
        required
        emptyOption={t('plan.agreement.form.chooseHow')}
        options={agreementChannels.map((c) => ({ value: c, label: text.howOption(c) }))}
        value={how}
        error={errors.how}
        onChange={(e) => setHow(e.target.value as AgreementChannel | '')}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={change.isPending}>
          {t('plan.agreement.form.submit')}
        </Button>
        <Button appearance="subtle" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * "Afgesproken met de inwoner op 12 november 2026 (in gesprek)", or not yet; and when the plan changed after the
 * agreement, that it did, so the werkmatcher goes over the changes with the resident.
 */
export function AgreementPanel({ plan, text }: { plan: Plan; text: PlanText }) {
  const { t } = text;
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const a = plan.agreement;
  const close = () => {
    setOpen(false);
    window.requestAnimationFrame(() => toggleRef.current?.focus());
  };
  return (
    <div className="app-plan-agreement" id="plan-agreement">
      <p className="utrecht-paragraph app-plan-agreement__line">
        <span
          className={a ? 'app-plan-agreement__icon app-plan-agreement__icon--ok' : 'app-plan-agreement__icon'}
          aria-hidden="true"
        >
          {a ? '✓' : '!'}
        </span>
        <span>
          {a ? t('plan.agreement.agreed', { date: text.date(a.agreedOn), how: text.how(a.how) }) : t('plan.agreement.notYet')}
          {a?.recordedBy && (
            <span className="app-cell-note">{t('plan.agreement.recordedBy', { name: a.recordedBy.displayName })}</span>
          )}
        </span>
      </p>
      {a?.changedSinceAgreement && (
        <p className="utrecht-paragraph app-plan-agreement__changed">
          <StatusBadge status="warning">{t('plan.agreement.changed')}</StatusBadge>{' '}
          {plan.permissions.agree ? t('plan.agreement.changedText') : t('plan.agreement.changedTextReadOnly')}
        </p>
      )}
      {plan.permissions.agree && (
        <div className="app-subform app-plan-agreement__form">
          <Button
            ref={toggleRef}
            appearance={a && !a.changedSinceAgreement ? 'subtle' : 'secondary'}
            aria-expanded={open}
            aria-controls={open ? FORM_ID : undefined}
            onClick={() => (open ? close() : setOpen(true))}
          >
            {a ? t('plan.agreement.toggleAgain') : t('plan.agreement.toggle')}
          </Button>
          {open && <AgreementForm plan={plan} onDone={close} text={text} />}
        </div>
      )}
    </div>
  );
}
