import { useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField.tsx';
import { apiDate, placementStartProblem, todayNl } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Candidate, type ContractType, contractTypes, type Instrument, instruments, type Outflow } from '../../api/models.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { todayIso } from '../../format/dates.ts';
import { FormProblems, ISO_DATE, formErrors, parseDecimal, useFormat } from '../employers/shared.tsx';
import { useEmployer } from '../employers/useEmployers.ts';
import { useCreatePlacement } from './usePlacements.ts';

const OUTFLOWS: Outflow[] = ['full', 'partial'];
/** The select's value for "Geen afspraak" (sent as agreementId: null). */
const NO_AGREEMENT = 'none';

function Radios<T extends string>({ name, legend, options, value, onChange, label, description, error }: {
  name: string;
  legend: string;
  options: readonly T[];
  value: T | '';
  onChange: (v: T) => void;
  label: (v: T) => string;
  description?: (v: T) => string;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="app-fieldset app-fieldset--compact" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p className="utrecht-form-field-error-message app-field-error" id={`${name}-error`}>
          <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
      {options.map((o) => (
        <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-radio" key={o}>
          <div className="utrecht-form-field__input">
            <input
              type="radio"
              id={`${name}-${o}`}
              name={name}
              value={o}
              checked={value === o}
              onChange={() => onChange(o)}
              aria-describedby={description ? `${name}-${o}-description` : undefined}
              aria-invalid={error ? true : undefined}
              className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
            />
          </div>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${name}-${o}`}>
              {label(o)}
            </label>
          </div>
          {description && (
            <div className="utrecht-form-field__description utrecht-form-field-description" id={`${name}-${o}-description`}>
              {description(o)}
            </div>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** "Plaatsing vastleggen" after the reveal: start, contract, hours, wage, instrument, agreement and outflow. */
export function PlacementForm({ candidate, onCancel }: { candidate: Candidate; onCancel: () => void }) {
  const ruleText = useRuleText();
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const create = useCreatePlacement();
  const employer = useEmployer(candidate.vacancy.employer.id);
  const agreements = employer.data?.agreements ?? [];
  const [v, setV] = useState({
    startDate: '',
    contractType: candidate.vacancy.contractType as ContractType | '',
    hoursPerWeek: String(candidate.vacancy.hoursPerWeek).replace('.', ','),
    hourlyWage: '',
    instrument: '' as Instrument | '',
    outflow: '' as Outflow | '',
  });
  // The agreement follows the start date until the user chooses one: the employer's intention agreement that runs on
  // that day (as the API defaults); several running: the user must choose; none: "Geen afspraak", said plainly.
  const [chosenAgreement, setChosenAgreement] = useState<string | null>(null);
  const typedDay = apiDate(v.startDate);
  const day = ISO_DATE.test(typedDay) ? typedDay : todayIso();
  const running = agreements.filter((a) => a.kind === 'intention' && a.periodStart <= day && day <= a.periodEnd);
  // Until the employer's agreements have loaded nothing is preselected (not "Geen afspraak"): a placement saved in that
  // moment would silently count towards no agreement.
  const agreementValue =
    chosenAgreement ?? (!employer.data ? '' : running.length === 1 ? running[0]!.id : running.length === 0 ? NO_AGREEMENT : '');
  const selectedAgreement = agreements.find((a) => a.id === agreementValue);
  const agreementHelp =
    agreementValue === ''
      ? t('placements.form.agreementSeveral', { count: running.length })
      : agreementValue === NO_AGREEMENT
        ? t('placements.form.agreementNone', { employer: candidate.vacancy.employer.name })
        : selectedAgreement && selectedAgreement.pledgedPlacements !== null
          ? t('placements.form.agreementCounts', { title: selectedAgreement.title, realised: selectedAgreement.realisedPlacements, pledged: selectedAgreement.pledgedPlacements })
          : t('placements.form.agreementDescription');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, other } = formErrors(create.error, local);
  const f = (k: string) => t(`placements.fields.${k}`);
  const fields = {
    startDate: { id: 'placement-start', label: f('startDate') },
    contractType: { id: `placement-contract-${contractTypes[0]}`, label: f('contractType') },
    hoursPerWeek: { id: 'placement-hours', label: f('hoursPerWeek') },
    hourlyWage: { id: 'placement-wage', label: f('hourlyWage') },
    instrument: { id: 'placement-instrument', label: f('instrument') },
    agreementId: { id: 'placement-agreement', label: f('agreementId') },
    outflow: { id: 'placement-outflow-full', label: f('outflow') },
    residentId: { id: 'placement-start', label: f('resident') },
  };
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((prev) => ({ ...prev, [k]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const m: Record<string, string> = {};
    // The shared rule (at most a year ahead); an empty field says how to fill it.
    const start = v.startDate.trim() ? ruleText(placementStartProblem(v.startDate, todayNl())) : t('placements.errors.startDate');
    if (start) m.startDate = start;
    if (!v.contractType) m.contractType = t('placements.errors.contractType');
    const hours = parseDecimal(v.hoursPerWeek);
    if (hours === undefined || hours <= 0 || hours > 60) m.hoursPerWeek = t('placements.errors.hoursPerWeek');
    const wage = v.hourlyWage.trim() ? parseDecimal(v.hourlyWage) : undefined;
    if (v.hourlyWage.trim() && (wage === undefined || wage <= 0 || wage >= 1000)) m.hourlyWage = t('placements.errors.hourlyWage');
    if (!v.outflow) m.outflow = t('placements.errors.outflow');
    if (agreementValue === '') m.agreementId = t('placements.errors.agreementId');
    setLocal(m);
    create.reset();
    if (Object.keys(m).length > 0) return;
    create.mutate(
      {
        residentId: candidate.identity?.residentId ?? '',
        employerId: candidate.vacancy.employer.id,
        vacancyId: candidate.vacancy.id,
        proposalId: candidate.proposalId,
        agreementId: agreementValue === NO_AGREEMENT ? null : agreementValue,
        startDate: apiDate(v.startDate),
        contractType: v.contractType as ContractType,
        hoursPerWeek: hours ?? 0,
        hourlyWage: wage,
        instrument: v.instrument || undefined,
        outflow: v.outflow as Outflow,
      },
      { onSuccess: (p) => navigate(`/plaatsingen/${p.id}`, { state: { created: true } }) },
    );
  };

  return (
    <form id="placement-form" className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="placement-form-heading">
      <h3 className="utrecht-heading-3" id="placement-form-heading" tabIndex={-1}>
        {t('placements.form.title', { name: candidate.identity?.name ?? candidate.candidateCode, employer: candidate.vacancy.employer.name })}
      </h3>
      <p className="utrecht-paragraph utrecht-paragraph--small">{t('placements.form.intro')}</p>
      <FormProblems formId="placement-form" errors={errors} other={other} fields={fields} failedTitle={t('placements.form.failed')} />
      <DateField id="placement-start" label={f('startDate')} required value={v.startDate} error={errors.startDate} onChange={(e) => set('startDate', e.target.value)} />
      <Radios
        name="placement-contract"
        legend={f('contractType')}
        options={contractTypes}
        value={v.contractType}
        onChange={(c) => set('contractType', c)}
        label={(c) => t(`vacancies.contractType.${c}`)}
        error={errors.contractType}
      />
      <div className="app-form-row">
        <TextField id="placement-hours" label={f('hoursPerWeek')} required inputMode="decimal" size="sm" value={v.hoursPerWeek} error={errors.hoursPerWeek} onChange={(e) => set('hoursPerWeek', e.target.value)} />
        <TextField
          id="placement-wage"
          label={f('hourlyWage')}
          description={t('placements.form.wageDescription')}
          optional
          inputMode="decimal"
          size="sm"
          value={v.hourlyWage}
          error={errors.hourlyWage}
          onChange={(e) => set('hourlyWage', e.target.value)}
        />
      </div>
      <SelectField
        id="placement-instrument"
        label={f('instrument')}
        optional
        emptyOption={t('placements.form.noInstrument')}
        options={instruments.map((i) => ({ value: i, label: t(`vacancies.instrument.${i}`) }))}
        value={v.instrument}
        error={errors.instrument}
        onChange={(e) => set('instrument', e.target.value as Instrument | '')}
      />
      <SelectField
        id="placement-agreement"
        label={f('agreementId')}
        description={agreementHelp}
        emptyOption={agreementValue === '' ? t('placements.form.chooseAgreement') : undefined}
        options={[
          { value: NO_AGREEMENT, label: agreements.length > 0 ? t('placements.form.noAgreement') : t('placements.form.noAgreements') },
          ...agreements.map((a) => ({
            value: a.id,
            label: t('placements.form.agreementOption', { title: a.title, from: fmt.shortDate(a.periodStart), to: fmt.shortDate(a.periodEnd) }),
          })),
        ]}
        value={agreementValue}
        error={errors.agreementId}
        onChange={(e) => setChosenAgreement(e.target.value)}
      />
      <Radios
        name="placement-outflow"
        legend={f('outflow')}
        options={OUTFLOWS}
        value={v.outflow}
        onChange={(o) => set('outflow', o)}
        label={(o) => t(`placements.outflow.${o}`)}
        description={(o) => t(`placements.outflowDescription.${o}`)}
        error={errors.outflow}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('placements.form.submit')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
