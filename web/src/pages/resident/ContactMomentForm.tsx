import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactChannels, type ContactChannel } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { Heading } from '../../components/Heading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { localDateTimeWithOffset, nowTime, todayIso } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useRecordContact } from './useResident.ts';

/** Record a contact moment: when, how, and optionally what was discussed. */
export function ContactMomentForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const record = useRecordContact(residentId);
  const [date, setDate] = useState(todayIso);
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
    if (!date) missing.date = t('contact.form.dateRequired');
    if (!time) missing.time = t('contact.form.timeRequired');
    if (!channel) missing.channel = t('contact.form.channelRequired');
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0 || !channel) {
      document.getElementById(`contact-${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    record.mutate(
      { occurredAt: localDateTimeWithOffset(date, time), channel, summary: summary.trim() || null },
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
        <TextField
          id="contact-date"
          type="date"
          label={t('contact.form.date')}
          required
          size="md"
          max={todayIso()}
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
