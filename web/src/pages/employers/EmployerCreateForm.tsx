import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { FormProblems, formErrors, opt } from './shared.tsx';
import { useCreateEmployer } from './useEmployers.ts';

/** "Werkgever toevoegen": name and sector, optionally KvK number, website and notes. */
export function EmployerCreateForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEmployer();
  const [name, setName] = useState('');
  const [sector, setSector] = useState('');
  const [kvk, setKvk] = useState('');
  const [website, setWebsite] = useState('');
  const [notes, setNotes] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { errors, other } = formErrors(create.error, local);
  const f = (k: string) => t(`employers.fields.${k}`);
  const fields = {
    name: { id: 'employer-name', label: f('name') },
    sector: { id: 'employer-sector', label: f('sector') },
    kvkNumber: { id: 'employer-kvk', label: f('kvkNumber') },
    website: { id: 'employer-website', label: f('website') },
    notes: { id: 'employer-notes', label: f('notes') },
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('employers.errors.name');
    if (!sector.trim()) missing.sector = t('employers.errors.sector');
    if (kvk.trim() && !/^\d{8}$/.test(kvk.trim())) missing.kvkNumber = t('employers.errors.kvkNumber');
    setLocal(missing);
    create.reset();
    if (Object.keys(missing).length > 0) return;
    create.mutate(
      { name: name.trim(), sector: sector.trim(), kvkNumber: opt(kvk), website: opt(website), notes: opt(notes) },
      { onSuccess: (employer) => navigate(`/werkgevers/${employer.id}`, { state: { created: true } }) },
    );
  };

  return (
    <form id="employer-form" className="app-form" noValidate onSubmit={onSubmit} aria-labelledby="employer-form-heading">
      <h2 className="utrecht-heading-3" id="employer-form-heading">
        {t('employers.create.title')}
      </h2>
      <FormProblems formId="employer-form" errors={errors} other={other} fields={fields} failedTitle={t('employers.create.failed')} />
      <TextField id="employer-name" label={f('name')} required maxLength={200} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} autoComplete="organization" />
      <TextField
        id="employer-sector"
        label={f('sector')}
        description={t('employers.fields.sectorDescription')}
        required
        maxLength={100}
        value={sector}
        error={errors.sector}
        onChange={(e) => setSector(e.target.value)}
      />
      <TextField
        id="employer-kvk"
        label={f('kvkNumber')}
        description={t('employers.fields.kvkDescription')}
        optional
        inputMode="numeric"
        size="sm"
        maxLength={8}
        value={kvk}
        error={errors.kvkNumber}
        onChange={(e) => setKvk(e.target.value)}
      />
      <TextField id="employer-website" label={f('website')} optional type="url" maxLength={300} value={website} error={errors.website} onChange={(e) => setWebsite(e.target.value)} />
      <TextAreaField id="employer-notes" label={f('notes')} optional rows={3} maxLength={2000} value={notes} error={errors.notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={create.isPending}>
          {t('employers.create.submit')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
