import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementKind } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { apiDate, calendarDateProblem, endBeforeStartProblem } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { FormProblems, POSTCODE, focusLater, formErrors, normalisePostcode, opt } from './shared.tsx';
import { useAddAgreement, useAddContact, useAddLocation } from './useEmployers.ts';

/** A button that opens a small form below it; after saving or cancelling the form closes and focus returns. */
export function ToggleForm({
  id,
  label,
  children,
  saved,
}: {
  id: string;
  label: string;
  saved?: string | null;
  children: (close: (savedText?: string) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const close = (savedText?: string) => {
    setOpen(false);
    setDone(savedText ?? null);
    focusLater(`${id}-toggle`);
  };
  return (
    <div className="app-subform">
      <div role="status">{(done ?? saved) && <Alert type="ok">{done ?? saved}</Alert>}</div>
      {!open && (
        <Button
          id={`${id}-toggle`}
          appearance="secondary"
          aria-expanded={false}
          onClick={() => {
            setDone(null);
            setOpen(true);
            focusLater(`${id}-first`);
          }}
        >
          {label}
        </Button>
      )}
      {open && children(close)}
    </div>
  );
}

function Actions({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="app-button-row">
      <Button type="submit" appearance="primary" busy={busy}>
        {submit}
      </Button>
      <Button appearance="subtle" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

export function LocationForm({ employerId, onDone }: { employerId: string; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const add = useAddLocation(employerId);
  const [v, setV] = useState({ name: '', street: '', houseNumber: '', postcode: '', city: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, other } = formErrors(add.error, local);
  const f = (k: string) => t(`employers.locations.fields.${k}`);
  const fields = {
    name: { id: 'location-first', label: f('name') },
    street: { id: 'location-street', label: f('street') },
    houseNumber: { id: 'location-house-number', label: f('houseNumber') },
    postcode: { id: 'location-postcode', label: f('postcode') },
    city: { id: 'location-city', label: f('city') },
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.name.trim()) missing.name = t('employers.locations.errors.name');
    if (!POSTCODE.test(v.postcode.trim())) missing.postcode = t('employers.locations.errors.postcode');
    if (!v.city.trim()) missing.city = t('employers.locations.errors.city');
    setLocal(missing);
    add.reset();
    if (Object.keys(missing).length > 0) return;
    add.mutate(
      { name: v.name.trim(), street: opt(v.street), houseNumber: opt(v.houseNumber), postcode: normalisePostcode(v.postcode), city: v.city.trim() },
      { onSuccess: () => onDone(t('employers.locations.saved', { name: v.name.trim() })) },
    );
  };
  return (
    <form id="location-form" className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="location-form-heading">
      <h3 className="utrecht-heading-3" id="location-form-heading">
        {t('employers.locations.add')}
      </h3>
      <FormProblems formId="location-form" errors={errors} other={other} fields={fields} failedTitle={t('employers.saveFailed')} />
      <TextField id="location-first" label={f('name')} description={t('employers.locations.nameDescription')} required maxLength={200} value={v.name} error={errors.name} onChange={set('name')} />
      <div className="app-form-row">
        <TextField id="location-street" label={f('street')} optional maxLength={200} value={v.street} error={errors.street} onChange={set('street')} autoComplete="address-line1" />
        <TextField id="location-house-number" label={f('houseNumber')} optional size="sm" maxLength={20} value={v.houseNumber} error={errors.houseNumber} onChange={set('houseNumber')} />
      </div>
      <div className="app-form-row">
        <TextField id="location-postcode" label={f('postcode')} description={t('employers.locations.postcodeDescription')} required size="sm" maxLength={7} value={v.postcode} error={errors.postcode} onChange={set('postcode')} autoComplete="postal-code" />
        <TextField id="location-city" label={f('city')} required maxLength={100} value={v.city} error={errors.city} onChange={set('city')} autoComplete="address-level2" />
      </div>
      <Actions busy={add.isPending} submit={t('employers.locations.submit')} onCancel={() => onDone()} />
    </form>
  );
}

export function ContactForm({ employerId, onDone }: { employerId: string; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const add = useAddContact(employerId);
  const [v, setV] = useState({ name: '', jobTitle: '', email: '', phone: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, other } = formErrors(add.error, local);
  const f = (k: string) => t(`employers.contacts.fields.${k}`);
  const fields = {
    name: { id: 'contact-first', label: f('name') },
    jobTitle: { id: 'contact-job-title', label: f('jobTitle') },
    email: { id: 'contact-email', label: f('email') },
    phone: { id: 'contact-phone', label: f('phone') },
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.name.trim()) missing.name = t('employers.contacts.errors.name');
    if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) missing.email = t('employers.contacts.errors.email');
    setLocal(missing);
    add.reset();
    if (Object.keys(missing).length > 0) return;
    add.mutate(
      { name: v.name.trim(), jobTitle: opt(v.jobTitle), email: opt(v.email), phone: opt(v.phone) },
      { onSuccess: () => onDone(t('employers.contacts.saved', { name: v.name.trim() })) },
    );
  };
  return (
    <form id="contact-form" className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="contact-form-heading">
      <h3 className="utrecht-heading-3" id="contact-form-heading">
        {t('employers.contacts.add')}
      </h3>
      <FormProblems formId="contact-form" errors={errors} other={other} fields={fields} failedTitle={t('employers.saveFailed')} />
      <TextField id="contact-first" label={f('name')} required maxLength={200} value={v.name} error={errors.name} onChange={set('name')} autoComplete="off" />
      <TextField id="contact-job-title" label={f('jobTitle')} optional maxLength={200} value={v.jobTitle} error={errors.jobTitle} onChange={set('jobTitle')} autoComplete="off" />
      <div className="app-form-row">
        <TextField id="contact-email" label={f('email')} optional type="email" maxLength={200} value={v.email} error={errors.email} onChange={set('email')} autoComplete="off" />
        <TextField id="contact-phone" label={f('phone')} optional type="tel" maxLength={40} value={v.phone} error={errors.phone} onChange={set('phone')} autoComplete="off" />
      </div>
      <Actions busy={add.isPending} submit={t('employers.contacts.submit')} onCancel={() => onDone()} />
    </form>
  );
}

const KINDS: AgreementKind[] = ['intention', 'antiDiscrimination'];

export function AgreementForm({ employerId, onDone }: { employerId: string; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const add = useAddAgreement(employerId);
  const [kind, setKind] = useState<AgreementKind>('intention');
  const [v, setV] = useState({ title: '', targetGroup: '', pledgedPlacements: '', periodStart: '', periodEnd: '', signedOn: '', notes: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, other } = formErrors(add.error, local);
  const f = (k: string) => t(`employers.agreements.fields.${k}`);
  const fields = {
    kind: { id: 'agreement-first', label: f('kind') },
    title: { id: 'agreement-title', label: f('title') },
    targetGroup: { id: 'agreement-target-group', label: f('targetGroup') },
    pledgedPlacements: { id: 'agreement-pledged', label: f('pledgedPlacements') },
    periodStart: { id: 'agreement-start', label: f('periodStart') },
    periodEnd: { id: 'agreement-end', label: f('periodEnd') },
    signedOn: { id: 'agreement-signed', label: f('signedOn') },
    notes: { id: 'agreement-notes', label: f('notes') },
  };
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!v.title.trim()) missing.title = t('employers.agreements.errors.title');
    const pledged = v.pledgedPlacements.trim();
    if (kind === 'intention' && !/^\d+$/.test(pledged)) missing.pledgedPlacements = t('employers.agreements.errors.pledged');
    else if (kind === 'intention' && Number(pledged) < 1) missing.pledgedPlacements = t('employers.agreements.errors.pledged');
    // The shared date rules: days that exist, an end on or after the start, every message at once.
    const start = v.periodStart.trim() ? ruleText(calendarDateProblem(v.periodStart)) : t('employers.agreements.errors.periodStart');
    if (start) missing.periodStart = start;
    const end = v.periodEnd.trim()
      ? ruleText(calendarDateProblem(v.periodEnd) ?? endBeforeStartProblem(v.periodStart, v.periodEnd))
      : t('employers.agreements.errors.periodEnd');
    if (end) missing.periodEnd = end;
    const signed = v.signedOn.trim() ? ruleText(calendarDateProblem(v.signedOn)) : undefined;
    if (signed) missing.signedOn = signed;
    setLocal(missing);
    add.reset();
    if (Object.keys(missing).length > 0) return;
    add.mutate(
      {
        kind,
        title: v.title.trim(),
        targetGroup: opt(v.targetGroup),
        pledgedPlacements: kind === 'intention' ? Number(pledged) : undefined,
        periodStart: apiDate(v.periodStart),
        periodEnd: apiDate(v.periodEnd),
        signedOn: v.signedOn.trim() ? apiDate(v.signedOn) : undefined,
        notes: opt(v.notes),
      },
      { onSuccess: () => onDone(t('employers.agreements.saved', { title: v.title.trim() })) },
    );
  };
  return (
    <form id="agreement-form" className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="agreement-form-heading">
      <h3 className="utrecht-heading-3" id="agreement-form-heading">
        {t('employers.agreements.add')}
      </h3>
      <FormProblems formId="agreement-form" errors={errors} other={other} fields={fields} failedTitle={t('employers.saveFailed')} />
      <fieldset className="app-fieldset app-fieldset--compact">
        <legend>{f('kind')}</legend>
        {KINDS.map((k, i) => (
          <div className="utrecht-form-field utrecht-form-field--radio app-form-field app-radio" key={k}>
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={i === 0 ? 'agreement-first' : `agreement-kind-${k}`}
                name="agreement-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                aria-describedby={`agreement-kind-${k}-description`}
                className="utrecht-radio-button utrecht-radio-button--html-input utrecht-radio-button--custom"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={i === 0 ? 'agreement-first' : `agreement-kind-${k}`}>
                {t(`employers.agreements.kind.${k}`)}
              </label>
            </div>
            <div className="utrecht-form-field__description utrecht-form-field-description" id={`agreement-kind-${k}-description`}>
              {t(`employers.agreements.kindDescription.${k}`)}
            </div>
          </div>
        ))}
      </fieldset>
      <TextField id="agreement-title" label={f('title')} description={t('employers.agreements.titleDescription')} required maxLength={200} value={v.title} error={errors.title} onChange={set('title')} />
      {kind === 'intention' && (
        <TextField
          id="agreement-pledged"
          label={f('pledgedPlacements')}
          description={t('employers.agreements.pledgedDescription')}
          required
          inputMode="numeric"
          size="sm"
          value={v.pledgedPlacements}
          error={errors.pledgedPlacements}
          onChange={set('pledgedPlacements')}
        />
      )}
      <TextField id="agreement-target-group" label={f('targetGroup')} description={t('employers.agreements.targetGroupDescription')} optional maxLength={500} value={v.targetGroup} error={errors.targetGroup} onChange={set('targetGroup')} />
      <div className="app-form-row">
        <DateField id="agreement-start" label={f('periodStart')} required value={v.periodStart} error={errors.periodStart} onChange={set('periodStart')} />
        <DateField id="agreement-end" label={f('periodEnd')} required value={v.periodEnd} error={errors.periodEnd} onChange={set('periodEnd')} />
      </div>
      <DateField id="agreement-signed" label={f('signedOn')} optional value={v.signedOn} error={errors.signedOn} onChange={set('signedOn')} />
      <TextAreaField id="agreement-notes" label={f('notes')} optional rows={3} maxLength={2000} value={v.notes} error={errors.notes} onChange={set('notes')} />
      <Actions busy={add.isPending} submit={t('employers.agreements.submit')} onCancel={() => onDone()} />
    </form>
  );
}
