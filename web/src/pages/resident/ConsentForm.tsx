import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { Heading } from '../../components/Heading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../format/dates.ts';
import { apiDate, calendarDateProblem, endBeforeStartProblem, toTypedDate } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useGrantConsent, usePartnerOrganisations } from './useResident.ts';

/** Record a consent the resident gave: which organisation, for what, from when until when. */
export function ConsentForm({ residentId, onGranted }: { residentId: string; onGranted: (c: Consent) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [organisationId, setOrganisationId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [validFrom, setValidFrom] = useState(() => toTypedDate(todayIso()));
  const ruleText = useRuleText();
  const [validTo, setValidTo] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const toggleRef = useRef<HTMLButtonElement>(null);
  const organisations = usePartnerOrganisations(open);
  const grant = useGrantConsent(residentId);

  const serverErrors = fieldErrorsOf(grant.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = grant.error && Object.keys(serverErrors).length === 0 ? grant.error : null;

  const close = () => {
    setOpen(false);
    grant.reset();
    setLocalErrors({});
    window.requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!organisationId) missing.partnerOrganisationId = t('consents.form.organisationRequired');
    // Every field at once, with the server's date rules: a day that exists, an end on or after the start.
    if (purpose.trim().length < 3) missing.purpose = t('dateRules.consentPurpose');
    if (!validFrom.trim()) missing.validFrom = t('consents.form.validFromRequired');
    else {
      const from = ruleText(calendarDateProblem(validFrom));
      if (from) missing.validFrom = from;
    }
    if (validTo.trim()) {
      const to = ruleText(calendarDateProblem(validTo) ?? endBeforeStartProblem(validFrom, validTo));
      if (to) missing.validTo = to;
    }
    setLocalErrors(missing);
    const first = Object.keys(missing)[0];
    if (first) {
      document.getElementById(`consent-${first}`)?.focus();
      return;
    }
    grant.mutate(
      { partnerOrganisationId: organisationId, purpose: purpose.trim(), validFrom: apiDate(validFrom), validTo: validTo.trim() ? apiDate(validTo) : null },
      {
        onSuccess: (c) => {
          onGranted(c);
          setOrganisationId('');
          setPurpose('');
          setValidFrom(todayIso());
          setValidTo('');
          close();
        },
      },
    );
  };

  return (
    <div className="app-subform">
      <Button ref={toggleRef} appearance="secondary" aria-expanded={open} aria-controls="consent-form" onClick={() => (open ? close() : setOpen(true))}>
        {t('consents.form.toggle')}
      </Button>
      {open && (
        <form id="consent-form" className="app-form" onSubmit={onSubmit} noValidate aria-labelledby="consent-form-heading">
          <Heading level={3} id="consent-form-heading">
            {t('consents.form.title')}
          </Heading>
          {otherError && (
            <Alert type="error" live="alert" title={t('consents.form.failed')}>
              <p className="utrecht-paragraph">{errorText(otherError)}</p>
            </Alert>
          )}
          <SelectField
            id="consent-partnerOrganisationId"
            label={t('consents.form.organisation')}
            required
            emptyOption={organisations.isPending ? t('common.loading') : t('consents.form.chooseOrganisation')}
            options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={organisationId}
            error={errors.partnerOrganisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
          />
          <TextAreaField
            id="consent-purpose"
            label={t('consents.form.purpose')}
            description={t('consents.form.purposeDescription')}
            required
            rows={3}
            value={purpose}
            error={errors.purpose}
            onChange={(e) => setPurpose(e.target.value)}
          />
          <div className="app-form-row">
            <DateField
              id="consent-validFrom"
              label={t('consents.form.validFrom')}
              required
              value={validFrom}
              error={errors.validFrom}
              onChange={(e) => setValidFrom(e.target.value)}
            />
            <DateField
              id="consent-validTo"
              label={t('consents.form.validTo')}
              description={t('consents.form.validToDescription')}
              optional
              value={validTo}
              error={errors.validTo}
              onChange={(e) => setValidTo(e.target.value)}
            />
          </div>
          <div className="app-button-row">
            <Button type="submit" appearance="primary" busy={grant.isPending}>
              {t('consents.form.submit')}
            </Button>
            <Button appearance="subtle" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
