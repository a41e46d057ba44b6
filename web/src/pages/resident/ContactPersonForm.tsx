import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { Heading } from '../../components/Heading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useChangeContactPerson, useJobCoaches } from './useResident.ts';

/** "Aanspreekpunt wijzigen": choose a werkmatcher; a handover note is required when there was someone before. */
export function ContactPersonForm({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [staffUserId, setStaffUserId] = useState('');
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const coaches = useJobCoaches(open);
  const change = useChangeContactPerson(resident.id);
  const current = resident.contactPerson;
  const noteRequired = current !== null;

  const serverErrors = fieldErrorsOf(change.error);
  const errors = { ...serverErrors, ...localErrors };
  const otherError = change.error && Object.keys(serverErrors).length === 0 ? change.error : null;
  const options = (coaches.data ?? []).filter((c) => c.id !== current?.id).map((c) => ({ value: c.id, label: c.displayName }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!staffUserId) missing.staffUserId = t('contactPerson.form.chooseRequired');
    if (noteRequired && !note.trim()) missing.handoverNote = t('contactPerson.form.noteRequired');
    setLocalErrors(missing);
    const first = Object.keys(missing)[0];
    if (first) {
      document.getElementById(`cp-${first}`)?.focus();
      return;
    }
    const chosen = options.find((o) => o.value === staffUserId)?.label ?? '';
    change.mutate(
      { staffUserId, handoverNote: note.trim() || undefined },
      {
        onSuccess: () => {
          setSaved(chosen);
          setOpen(false);
          setStaffUserId('');
          setNote('');
          toggleRef.current?.focus();
        },
      },
    );
  };

  return (
    <div className="app-subform">
      {saved && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('contactPerson.form.saved', { name: saved })}</p>
        </Alert>
      )}
      <Button
        ref={toggleRef}
        appearance="secondary"
        aria-expanded={open}
        aria-controls="cp-form"
        onClick={() => {
          setOpen(!open);
          setSaved(null);
        }}
      >
        {t('contactPerson.form.toggle')}
      </Button>
      {open && (
        <form id="cp-form" className="app-form" onSubmit={onSubmit} noValidate aria-labelledby="cp-form-heading">
          <Heading level={3} id="cp-form-heading">
            {t('contactPerson.form.title')}
          </Heading>
          {otherError && (
            <Alert type="error" live="alert" title={t('contactPerson.form.failed')}>
              <p className="utrecht-paragraph">{errorText(otherError)}</p>
            </Alert>
          )}
          {coaches.error && <Alert type="error">{errorText(coaches.error)}</Alert>}
          <SelectField
            id="cp-staffUserId"
            label={t('contactPerson.form.staff')}
            required
            emptyOption={coaches.isPending ? t('common.loading') : t('contactPerson.form.choose')}
            options={options}
            value={staffUserId}
            error={errors.staffUserId}
            onChange={(e) => setStaffUserId(e.target.value)}
          />
          <TextAreaField
            id="cp-handoverNote"
            label={t('contactPerson.form.note')}
            description={noteRequired ? t('contactPerson.form.noteDescription', { name: current?.displayName }) : t('contactPerson.form.noteDescriptionFirst')}
            required={noteRequired}
            optional={!noteRequired}
            rows={5}
            value={note}
            error={errors.handoverNote}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="app-button-row">
            <Button type="submit" appearance="primary" busy={change.isPending}>
              {t('contactPerson.form.submit')}
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                setOpen(false);
                toggleRef.current?.focus();
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
