import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { educationLevels, householdTypes } from '../../api/models.ts';
import { Button } from '../../components/Button.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { ButtonLink } from '../../components/Links.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FIELD_ORDER, fieldId, type FieldName, type ResidentFormValues } from './residentFormValues.ts';

interface Props {
  mode: 'create' | 'edit';
  values: ResidentFormValues;
  onChange: (values: ResidentFormValues) => void;
  errors: Partial<Record<string, string>>;
  onSubmit: () => void;
  busy: boolean;
  cancelTo: string;
  /** An alert above the form, e.g. a conflict or a problem that belongs to no field. */
  notice?: ReactNode;
  /** Shown under the BSN when creating (the BRP lookup, src/pages/brp/BrpPrefill.tsx). */
  afterBsn?: ReactNode;
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** All resident fields with labels, descriptions and the server's messages next to each field. */
export function ResidentForm({ mode, values, onChange, errors, onSubmit, busy, cancelTo, notice, afterBsn }: Props) {
  const { t } = useTranslation();
  const set = (name: FieldName) => (e: { target: { value: string } }) => onChange({ ...values, [name]: e.target.value });
  const field = (name: FieldName) => ({
    id: fieldId(name),
    name,
    label: t(`resident.fields.${name}`),
    value: values[name],
    error: errors[name],
    onChange: set(name),
  });

  const summary = FIELD_ORDER.filter((name) => errors[name]).map((name) => ({
    fieldId: fieldId(name),
    label: t(`resident.fields.${name}`),
    message: errors[name] ?? '',
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form className="app-form app-resident-form" onSubmit={submit} noValidate>
      <ErrorSummary items={summary} />
      {notice}
      <p className="utrecht-paragraph">{t('residentForm.requiredNote')}</p>
      <Fieldset legend={t('residentForm.person')}>
        {mode === 'create' && (
          <TextField {...field('bsn')} required description={t('residentForm.bsnDescription')} inputMode="numeric" autoComplete="off" size="md" />
        )}
        {mode === 'create' && afterBsn}
        <TextField {...field('givenNames')} required description={t('residentForm.givenNamesDescription')} autoComplete="off" />
        <TextField {...field('familyNamePrefix')} optional description={t('residentForm.prefixDescription')} autoComplete="off" size="sm" />
        <TextField {...field('familyName')} required autoComplete="off" />
        <DateField {...field('dateOfBirth')} required />
      </Fieldset>
      <Fieldset legend={t('residentForm.address')}>
        <TextField {...field('street')} required autoComplete="off" />
        <TextField {...field('houseNumber')} required description={t('residentForm.houseNumberDescription')} autoComplete="off" size="sm" />
        <TextField {...field('postcode')} required description={t('residentForm.postcodeDescription')} autoComplete="off" size="sm" />
        <TextField {...field('city')} required autoComplete="off" />
      </Fieldset>
      <Fieldset legend={t('residentForm.contact')}>
        <TextField {...field('phone')} type="tel" optional description={t('residentForm.phoneDescription')} autoComplete="off" size="md" />
        <TextField {...field('email')} type="email" optional autoComplete="off" />
      </Fieldset>
      <Fieldset legend={t('residentForm.situation')}>
        <SelectField
          {...field('householdType')}
          required
          emptyOption={t('residentForm.choose')}
          options={householdTypes.map((h) => ({ value: h, label: t(`householdType.${h}`) }))}
        />
        <SelectField
          {...field('educationLevel')}
          required
          description={t('residentForm.educationDescription')}
          emptyOption={t('residentForm.choose')}
          options={educationLevels.map((l) => ({ value: l, label: t(`educationLevel.${l}`) }))}
        />
        <DateField
          {...field('benefitStartDate')}
          optional={mode === 'create'}
          description={t('residentForm.benefitStartDescription')}
        />
      </Fieldset>
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy}>
          {mode === 'create' ? t('residentForm.submitCreate') : t('residentForm.submitEdit')}
        </Button>
        <ButtonLink to={cancelTo} appearance="subtle">
          {t('common.cancel')}
        </ButtonLink>
      </div>
    </form>
  );
}
