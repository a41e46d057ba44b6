import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactChannels, type ContactChannel } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { Heading } from '../../components/Heading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { DateField } from '../../components/DateField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { localDateTimeWithOffset, nowTime, todayIso } from '../../format/dates.ts';
import { calendarDateProblem, contactMomentProblem, toIsoDate, toTypedDate } from '../../rules/dateRules.ts';
import { useRuleText } from '../../rules/useRuleText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useRecordContact } from './useResident.ts';

/** Record a contact moment: when, how, and optionally what was discussed. */
export function ContactMomentForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const record = useRecordContact(residentId);
  const [date, setDate] = useState(() => toTypedDate(todayIso()));
  const ruleText = useRuleText();
  const [time, setTime] = useState(nowTime);
  const [channel, setChannel] = useState<ContactChannel | ''>('');
  const [summary, setSummary] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  const serverErrors = fieldErrorsOf(record.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = record.error && Object.keys(serverErrors).length === 0 ? record.error : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const missing: Record<string, string> = {};
    // Every field at once, with the server's rules: a day that exists, a moment not in the future.
    if (!date.trim()) missing.date = t('contact.form.dateRequired');
    else {
      const day = ruleText(calendarDateProblem(date));
      if (day) missing.date = day;
      else if (time) {
        const when = ruleText(contactMomentProblem(new Date(localDateTimeWithOffset(toIsoDate(date)!, time)), new Date()));
        if (when) missing.date = when;
      }
    }
    if (!time) missing.time = t('contact.form.timeRequired');
    if (!channel) missing.channel = t('contact.form.channelRequired');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0 || !channel) {
      document.getElementById(`contact-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    record.mutate(
      { occurredAt: localDateTimeWithOffset(toIsoDate(date)!, time), channel, summary: summary.trim() || null },
      {
        onSuccess: () => {
          setSaved(true);
          setChannel('');
          setSummary('');
          setTime(nowTime());
        },
      },
    );
  };

  return (
    <form className="app-form app-subform" onSubmit={onSubmit} noValidate aria-labelledby="contact-form-heading">
      <Heading level={3} id="contact-form-heading">
        {t('contact.form.title')}
      </Heading>
      {saved && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('contact.form.saved')}</p>
        </Alert>
      )}
      {otherError && (
        <Alert type="error" live="alert" title={t('contact.form.failed')}>
          <p className="utrecht-paragraph">{errorText(otherError)}</p>
        </Alert>
      )}
      <div className="app-form-row">
        <DateField
          id="contact-date"
          label={t('contact.form.date')}
          required
          value={date}
          error={errors.date ?? errors.occurredAt}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          id="contact-time"
          type="time"
          label={t('contact.form.time')}
          required
          size="sm"
          value={time}
          error={errors.time}
          onChange={(e) => setTime(e.target.value)}
        />
      </div>
      <SelectField
        id="contact-channel"
        label={t('contact.form.channel')}
        required
        emptyOption={t('contact.form.chooseChannel')}
        options={contactChannels.map((c) => ({ value: c, label: t(`contactChannel.${c}`) }))}
        value={channel}
        error={errors.channel}
        onChange={(e) => setChannel(e.target.value as ContactChannel | '')}
      />
      <TextAreaField
        id="contact-summary"
        label={t('contact.form.summary')}
        description={t('contact.form.summaryDescription')}
        optional
        value={summary}
        error={errors.summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <Button type="submit" appearance="primary" busy={record.isPending}>
        {t('contact.form.submit')}
      </Button>
    </form>
  );
}
