import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  contractTypes,
  instruments,
  type ContractType,
  type Instrument,
  type Vacancy,
  type VacancyCreate,
  type VacancyStatus,
  type VacancyUpdate,
} from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { OccupationField, type OccupationValue } from '../../components/OccupationField.tsx';
import { ScheduleField } from '../../components/ScheduleField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { fitsSchoolHours, hoursOfWindows, type TimeWindow } from '../../format/schedule.ts';
import { useEmployer, useEmployerList } from '../employers/useEmployers.ts';
import { FormProblems, POSTCODE, formErrors, normalisePostcode, parseDecimal, useFormat } from '../employers/shared.tsx';
import { SkillsField } from './SkillsField.tsx';
import { useCreateVacancy, useUpdateVacancy } from './useVacancies.ts';
import { DateField } from '../../components/DateField.tsx';
import { apiDate, closingDateProblem, todayNl, toTypedDate } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';

interface Values {
  employerId: string;
  locationId: string;
  title: string;
  occupation: OccupationValue | null;
  description: string;
  hoursPerWeek: string;
  schedule: TimeWindow[];
  postcode: string;
  contractType: ContractType | '';
  instruments: Instrument[];
  drivingLicenceRequired: boolean;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  jobCarvingNotes: string;
  status: VacancyStatus;
  closingDate: string;
}

function valuesOf(v: Vacancy | undefined, employerId: string): Values {
  return {
    employerId: v?.employer.id ?? employerId,
    locationId: v?.locationId ?? '',
    title: v?.title ?? '',
    occupation: v ? { code: v.occupation.code, label: v.occupation.label } : null,
    description: v?.description ?? '',
    hoursPerWeek: v ? String(v.hoursPerWeek).replace('.', ',') : '',
    schedule: v?.schedule ?? [],
    postcode: v?.postcode ?? '',
    contractType: v?.contractType ?? '',
    instruments: v?.instruments ?? [],
    drivingLicenceRequired: v?.drivingLicenceRequired ?? false,
    requiredSkills: v?.requiredSkills ?? [],
    niceToHaveSkills: v?.niceToHaveSkills ?? [],
    jobCarvingNotes: v?.jobCarvingNotes ?? '',
    status: v?.status ?? 'open',
    closingDate: toTypedDate(v?.closingDate),
  };
}

const FIELD_IDS: Record<string, string> = {
  employerId: 'vacancy-employer',
  locationId: 'vacancy-location',
  title: 'vacancy-title',
  escoCode: 'vacancy-occupation',
  description: 'vacancy-description',
  hoursPerWeek: 'vacancy-hours',
  schedule: 'vacancy-schedule',
  postcode: 'vacancy-postcode',
  contractType: 'vacancy-contract-permanent',
  instruments: 'vacancy-instrument-wageCostSubsidy',
  drivingLicenceRequired: 'vacancy-licence',
  requiredSkills: 'vacancy-required-skills',
  niceToHaveSkills: 'vacancy-nice-skills',
  jobCarvingNotes: 'vacancy-carving',
  status: 'vacancy-status-open',
  closingDate: 'vacancy-closing',
};

const COMPARED: (keyof Vacancy)[] = [
  'title', 'description', 'hoursPerWeek', 'schedule', 'postcode', 'contractType', 'instruments', 'drivingLicenceRequired',
  'requiredSkills', 'niceToHaveSkills', 'jobCarvingNotes', 'status', 'closingDate', 'locationId',
];

/** Create (no vacancy) or edit (with its ETag) a vacancy. */
export function VacancyForm({ vacancy, etag, initialEmployerId = '', onReload }: { vacancy?: Vacancy; etag?: string; initialEmployerId?: string; onReload?: () => Promise<{ vacancy: Vacancy; etag: string } | undefined> }) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const fmt = useFormat();
  const navigate = useNavigate();
  const editing = Boolean(vacancy);
  const [v, setV] = useState<Values>(() => valuesOf(vacancy, initialEmployerId));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<{ changed: string[] } | null>(null);
  const base = useRef<{ vacancy?: Vacancy; etag?: string }>({ vacancy, etag });
  const conflictRef = useRef<HTMLDivElement>(null);
  const create = useCreateVacancy();
  const update = useUpdateVacancy(vacancy?.id ?? '');
  const mutation = editing ? update : create;
  const employers = useEmployerList('', '');
  const employer = useEmployer(v.employerId, Boolean(v.employerId));
  const locations = employer.data?.locations ?? [];
  const serverError = mutation.error instanceof ApiError && mutation.error.status === 412 ? null : mutation.error;
  const { errors, other } = formErrors(serverError, local);
  const f = (k: string) => t(`vacancies.fields.${k}`);
  const fields = Object.fromEntries(Object.entries(FIELD_IDS).map(([k, id]) => [k, { id, label: f(k === 'escoCode' ? 'occupation' : k) }]));
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const validate = (): Record<string, string> => {
    const m: Record<string, string> = {};
    if (!v.employerId) m.employerId = t('vacancies.errors.employerId');
    if (!v.title.trim()) m.title = t('vacancies.errors.title');
    if (!v.occupation) m.escoCode = t('vacancies.errors.escoCode');
    const hours = parseDecimal(v.hoursPerWeek);
    if (hours === undefined || hours <= 0 || hours > 60) m.hoursPerWeek = t('vacancies.errors.hoursPerWeek');
    if (v.schedule.length === 0) m.schedule = t('vacancies.errors.schedule');
    if (!POSTCODE.test(v.postcode.trim())) m.postcode = t('vacancies.errors.postcode');
    if (!v.contractType) m.contractType = t('vacancies.errors.contractType');
    // The shared rule for a new or changed closing date (today or later, within 2 years); the server holds it too.
    if (v.closingDate.trim() && apiDate(v.closingDate) !== base.current.vacancy?.closingDate) {
      const problem = ruleText(closingDateProblem(v.closingDate, todayNl()));
      if (problem) m.closingDate = problem;
    }
    return m;
  };

  /** The whole form as a change (PATCH): empty optional fields are null, which clears them. */
  const patch = (): VacancyUpdate => ({
    locationId: v.locationId || null,
    title: v.title.trim(),
    description: v.description.trim() || null,
    escoCode: v.occupation?.code ?? '',
    requiredSkills: v.requiredSkills,
    niceToHaveSkills: v.niceToHaveSkills,
    hoursPerWeek: parseDecimal(v.hoursPerWeek) ?? 0,
    schedule: v.schedule,
    postcode: normalisePostcode(v.postcode),
    contractType: v.contractType as ContractType,
    instruments: v.instruments,
    drivingLicenceRequired: v.drivingLicenceRequired,
    jobCarvingNotes: v.jobCarvingNotes.trim() || null,
    status: v.status,
    closingDate: v.closingDate.trim() ? apiDate(v.closingDate) : null,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const m = validate();
    setLocal(m);
    mutation.reset();
    if (Object.keys(m).length > 0) return;
    if (!editing) {
      // A new vacancy leaves out what is empty (the API takes null only to clear a field on edit), and starts as
      // open or draft.
      const created: VacancyCreate = {
        employerId: v.employerId,
        locationId: v.locationId || undefined,
        title: v.title.trim(),
        description: v.description.trim() || undefined,
        escoCode: v.occupation?.code ?? '',
        requiredSkills: v.requiredSkills,
        niceToHaveSkills: v.niceToHaveSkills,
        hoursPerWeek: parseDecimal(v.hoursPerWeek) ?? 0,
        schedule: v.schedule,
        postcode: normalisePostcode(v.postcode),
        contractType: v.contractType as ContractType,
        instruments: v.instruments,
        drivingLicenceRequired: v.drivingLicenceRequired,
        jobCarvingNotes: v.jobCarvingNotes.trim() || undefined,
        status: v.status === 'draft' ? 'draft' : 'open',
        closingDate: v.closingDate.trim() ? apiDate(v.closingDate) : undefined,
      };
      create.mutate(created, { onSuccess: (saved) => navigate(`/vacatures/${saved.id}`, { state: { saved: 'created' } }) });
      return;
    }
    update.mutate(
      { etag: base.current.etag ?? '', body: patch() },
      {
        onSuccess: (saved) => navigate(`/vacatures/${saved.id}`, { state: { saved: 'updated' } }),
        onError: async (error) => {
          if (!(error instanceof ApiError) || error.status !== 412 || !onReload) return;
          const latest = await onReload();
          if (!latest) return;
          const before = base.current.vacancy;
          const changed = COMPARED.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(latest.vacancy[k] ?? null)).map((k) =>
            f(k === 'locationId' ? 'location' : k),
          );
          if (before?.occupation.code !== latest.vacancy.occupation.code) changed.push(f('occupation'));
          base.current = latest;
          setConflict({ changed });
        },
      },
    );
  };

  const scheduleHours = hoursOfWindows(v.schedule);
  const scheduleNote =
    v.schedule.length > 0
      ? `${t('vacancies.form.scheduleHours', { hours: fmt.number(scheduleHours) })} ${fitsSchoolHours(v.schedule) ? t('vacancies.fitsSchoolHours') + '.' : t('vacancies.outsideSchoolHours')}`
      : null;

  return (
    <form id="vacancy-form" className="app-form app-vacancy-form" noValidate onSubmit={onSubmit} aria-describedby="vacancy-form-required">
      <p className="utrecht-paragraph" id="vacancy-form-required">
        {t('vacancies.form.requiredNote')}
      </p>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} className="app-focus-target">
          <Alert type="warning" title={t('vacancies.conflict.title')}>
            <p className="utrecht-paragraph">{t('vacancies.conflict.text')}</p>
            {conflict.changed.length > 0 && <p className="utrecht-paragraph">{t('vacancies.conflict.changed', { fields: conflict.changed.join(', ') })}</p>}
            <p className="utrecht-paragraph">{t('vacancies.conflict.next')}</p>
            <div className="app-button-row">
              <Button
                appearance="secondary"
                onClick={() => {
                  setV(valuesOf(base.current.vacancy, initialEmployerId));
                  setConflict(null);
                  mutation.reset();
                }}
              >
                {t('vacancies.conflict.discard')}
              </Button>
            </div>
          </Alert>
        </div>
      )}
      <FormProblems formId="vacancy-form" errors={errors} other={other} fields={fields} failedTitle={t('vacancies.form.failed')} />

      <fieldset className="app-fieldset">
        <legend>{t('vacancies.form.whereLegend')}</legend>
        <SelectField
          id="vacancy-employer"
          label={f('employerId')}
          required
          disabled={editing}
          description={editing ? t('vacancies.form.employerFixed') : undefined}
          emptyOption={t('vacancies.form.chooseEmployer')}
          options={[
            ...(employers.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
            ...(vacancy && !(employers.data?.items ?? []).some((e) => e.id === vacancy.employer.id) ? [{ value: vacancy.employer.id, label: vacancy.employer.name }] : []),
          ]}
          value={v.employerId}
          error={errors.employerId}
          onChange={(e) => setV((prev) => ({ ...prev, employerId: e.target.value, locationId: '' }))}
        />
        {locations.length > 0 && (
          <SelectField
            id="vacancy-location"
            label={f('locationId')}
            optional
            description={t('vacancies.form.locationDescription')}
            emptyOption={t('vacancies.form.noLocation')}
            options={locations.map((l) => ({ value: l.id, label: `${l.name} (${l.city})` }))}
            value={v.locationId}
            error={errors.locationId}
            onChange={(e) => {
              const loc = locations.find((l) => l.id === e.target.value);
              setV((prev) => ({ ...prev, locationId: e.target.value, postcode: loc ? loc.postcode : prev.postcode }));
            }}
          />
        )}
        <TextField
          id="vacancy-postcode"
          label={f('postcode')}
          description={t('vacancies.form.postcodeDescription')}
          required
          size="sm"
          maxLength={7}
          autoComplete="off"
          value={v.postcode}
          error={errors.postcode}
          onChange={(e) => set('postcode', e.target.value)}
        />
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{t('vacancies.form.workLegend')}</legend>
        <TextField id="vacancy-title" label={f('title')} description={t('vacancies.form.titleDescription')} required maxLength={200} value={v.title} error={errors.title} onChange={(e) => set('title', e.target.value)} />
        <OccupationField
          id="vacancy-occupation"
          label={f('occupation')}
          description={t('vacancies.form.occupationDescription')}
          required
          value={v.occupation}
          error={errors.escoCode}
          onChange={(o) => set('occupation', o)}
        />
        <TextAreaField id="vacancy-description" label={f('description')} optional rows={5} maxLength={5000} value={v.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{t('vacancies.form.timeLegend')}</legend>
        <TextField
          id="vacancy-hours"
          label={f('hoursPerWeek')}
          description={t('vacancies.form.hoursDescription')}
          required
          inputMode="decimal"
          size="sm"
          autoComplete="off"
          value={v.hoursPerWeek}
          error={errors.hoursPerWeek}
          onChange={(e) => set('hoursPerWeek', e.target.value)}
        />
        <ScheduleField
          id="vacancy-schedule"
          legend={f('schedule')}
          description={t('vacancies.form.scheduleDescription')}
          value={v.schedule}
          error={errors.schedule}
          onChange={(s) => set('schedule', s)}
        />
        <p className="utrecht-paragraph app-schedule-note" role="status">
          {scheduleNote}
        </p>
      </fieldset>

      <fieldset className="app-fieldset" aria-describedby={errors.contractType ? 'vacancy-contract-error' : undefined}>
        <legend>{f('contractType')}</legend>
        {errors.contractType && (
          <p className="utrecht-form-field-error-message app-field-error" id="vacancy-contract-error">
            <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
            {errors.contractType}
          </p>
        )}
        {contractTypes.map((c) => (
          <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-radio" key={c}>
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={`vacancy-contract-${c}`}
                name="vacancy-contract"
                value={c}
                checked={v.contractType === c}
                onChange={() => set('contractType', c)}
                aria-invalid={errors.contractType ? true : undefined}
                className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`vacancy-contract-${c}`}>
                {t(`vacancies.contractType.${c}`)}
              </label>
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{t('vacancies.form.skillsLegend')}</legend>
        <SkillsField
          id="vacancy-required-skills"
          label={f('requiredSkills')}
          description={t('vacancies.form.requiredSkillsDescription')}
          value={v.requiredSkills}
          error={errors.requiredSkills}
          onChange={(s) => set('requiredSkills', s)}
        />
        <SkillsField
          id="vacancy-nice-skills"
          label={f('niceToHaveSkills')}
          value={v.niceToHaveSkills}
          error={errors.niceToHaveSkills}
          onChange={(s) => set('niceToHaveSkills', s)}
        />
        <CheckboxField
          id="vacancy-licence"
          label={f('drivingLicenceRequired')}
          checked={v.drivingLicenceRequired}
          error={errors.drivingLicenceRequired}
          onChange={(e) => set('drivingLicenceRequired', e.target.checked)}
        />
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{f('instruments')}</legend>
        <p className="utrecht-paragraph utrecht-paragraph--small">{t('vacancies.form.instrumentsDescription')}</p>
        {instruments.map((i) => (
          <CheckboxField
            key={i}
            id={`vacancy-instrument-${i}`}
            label={t(`vacancies.instrument.${i}`)}
            description={t(`vacancies.instrumentDescription.${i}`)}
            checked={v.instruments.includes(i)}
            onChange={(e) => set('instruments', e.target.checked ? instruments.filter((x) => x === i || v.instruments.includes(x)) : v.instruments.filter((x) => x !== i))}
          />
        ))}
        <TextAreaField
          id="vacancy-carving"
          label={f('jobCarvingNotes')}
          description={t('vacancies.form.carvingDescription')}
          optional
          rows={3}
          maxLength={2000}
          value={v.jobCarvingNotes}
          error={errors.jobCarvingNotes}
          onChange={(e) => set('jobCarvingNotes', e.target.value)}
        />
      </fieldset>

      <fieldset className="app-fieldset">
        <legend>{f('status')}</legend>
        {(editing ? (['draft', 'open', 'filled', 'closed'] as VacancyStatus[]) : (['open', 'draft'] as VacancyStatus[])).map((s) => (
          <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-radio" key={s}>
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={`vacancy-status-${s}`}
                name="vacancy-status"
                value={s}
                checked={v.status === s}
                onChange={() => set('status', s)}
                aria-describedby={`vacancy-status-${s}-description`}
                className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`vacancy-status-${s}`}>
                {t(`vacancies.status.${s}`)}
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id={`vacancy-status-${s}-description`}>
              {t(`vacancies.statusDescription.${s}`)}
            </div>
          </div>
        ))}
        <DateField id="vacancy-closing" label={f('closingDate')} optional value={v.closingDate} error={errors.closingDate} onChange={(e) => set('closingDate', e.target.value)} />
      </fieldset>

      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={mutation.isPending}>
          {editing ? t('vacancies.edit.submit') : t('vacancies.create.submit')}
        </Button>
        <Button appearance="subtle" onClick={() => navigate(vacancy ? `/vacatures/${vacancy.id}` : '/vacatures')}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
