import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client.ts';
import { getWorkProfile, type VersionedWorkProfile } from '../../../api/matching.api.ts';
import { type ContractType, contractTypes, type WorkProfile, type WorkProfileBody } from '../../../api/models.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField } from '../../../components/CheckboxField.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { Heading } from '../../../components/Heading.tsx';
import { OccupationField, type OccupationValue } from '../../../components/OccupationField.tsx';
import { ScheduleField } from '../../../components/ScheduleField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import type { TimeWindow } from '../../../format/schedule.ts';
import { WorkProfileView } from './WorkProfileView.tsx';
import { useSaveWorkProfile, workProfileKey } from './useWork.ts';
import { useWorkFormat } from './workFormat.ts';

const MAX_OCCUPATIONS = 5;
const FORM_ID = 'work-profile-form';
const fid = (field: string) => `${FORM_ID}-${field}`;

interface ExperienceRow {
  key: number;
  description: string;
  years: string;
}

/** "27,5" and "27.5" are both 27.5; empty is null; anything else NaN. */
function parseNumber(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

/** The form field a server error belongs to: "desiredOccupations.0.escoCode" → "desiredOccupations.0". */
function fieldKey(name: string): string {
  const parts = name.split('.');
  if (parts[0] === 'desiredOccupations') return parts.length > 1 ? `desiredOccupations.${parts[1]}` : 'desiredOccupations';
  if (parts[0] === 'experience' && parts.length >= 3) return `experience.${parts[1]}.${parts[2]}`;
  return parts[0] ?? name;
}

/**
 * Fill in or change the work profile, together with the resident. Replacing an existing profile sends If-Match with
 * the version the form was opened on; when someone else saved in between (412, or 428 when a first profile was
 * created meanwhile) the input stays, the current version is shown with who saved it, and the user chooses to save
 * her version on top of it or to discard her changes.
 */
export function WorkProfileForm({
  residentId,
  current,
  onDone,
  onCancel,
}: {
  residentId: string;
  /** Absent: the first profile. */
  current?: VersionedWorkProfile;
  onDone: () => void;
  onCancel: () => void;
}) {
  const f = useWorkFormat();
  const { t } = f;
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const save = useSaveWorkProfile(residentId);
  const p: WorkProfile | undefined = current?.profile;
  const nextKey = useRef(1);

  const [occupations, setOccupations] = useState<(OccupationValue | null)[]>(
    p && p.desiredOccupations.length > 0 ? p.desiredOccupations.map((o) => ({ code: o.escoCode, label: o.label })) : [null],
  );
  const [skills, setSkills] = useState((p?.skills ?? []).join('\n'));
  const [experience, setExperience] = useState<ExperienceRow[]>(
    (p?.experience ?? []).map((e) => ({ key: nextKey.current++, description: e.description, years: f.number(e.years) })),
  );
  const [education, setEducation] = useState(p?.education ?? '');
  const [hoursMin, setHoursMin] = useState(p ? f.number(p.hoursMin) : '');
  const [hoursMax, setHoursMax] = useState(p ? f.number(p.hoursMax) : '');
  const [availability, setAvailability] = useState<TimeWindow[]>(p?.availability ?? []);
  const [maxTravelKm, setMaxTravelKm] = useState(p?.maxTravelKm ? String(p.maxTravelKm) : '');
  const [licence, setLicence] = useState(p?.hasDrivingLicence ?? false);
  const [contracts, setContracts] = useState<ContractType[]>(p?.preferredContractTypes ?? []);
  const [sectors, setSectors] = useState((p?.preferredSectors ?? []).join(', '));
  const [note, setNote] = useState(p?.preferencesNote ?? '');
  const [etag, setEtag] = useState<string | null>(current?.etag ?? null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<VersionedWorkProfile | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const serverErrors: Record<string, string> = {};
  for (const [name, reason] of Object.entries(fieldErrorsOf(save.error))) {
    const key = fieldKey(name);
    if (!(key in serverErrors)) serverErrors[key] = reason;
  }
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const isConflict = save.error instanceof ApiError && (save.error.status === 412 || save.error.status === 428);
  const otherError = save.error && !(isConflict && conflict) && Object.keys(serverErrors).length === 0 ? save.error : null;

  const fieldOf = (name: string): { fieldId: string; label: string } => {
    const [head, index, sub] = name.split('.');
    const n = Number(index ?? 0) + 1;
    switch (head) {
      case 'desiredOccupations':
        return { fieldId: fid(`occupation-${index ?? 0}`), label: t('workProfile.form.occupation', { n }) };
      case 'experience':
        return sub === 'years'
          ? { fieldId: fid(`experience-${index}-years`), label: t('workProfile.form.experienceYears', { n }) }
          : { fieldId: fid(`experience-${index ?? 0}-description`), label: t('workProfile.form.experienceWhat', { n }) };
      case 'skills':
        return { fieldId: fid('skills'), label: t('workProfile.form.skills') };
      case 'education':
        return { fieldId: fid('education'), label: t('workProfile.form.education') };
      case 'hoursMin':
        return { fieldId: fid('hoursMin'), label: t('workProfile.form.hoursMin') };
      case 'availability':
        return { fieldId: fid('availability'), label: t('workProfile.form.availability') };
      case 'maxTravelKm':
        return { fieldId: fid('maxTravelKm'), label: t('workProfile.form.maxTravelKm') };
      case 'preferredContractTypes':
        return { fieldId: fid(`contract-${contractTypes[0]}`), label: t('workProfile.form.contractTypesLegend') };
      case 'preferredSectors':
        return { fieldId: fid('preferredSectors'), label: t('workProfile.form.preferredSectors') };
      case 'preferencesNote':
        return { fieldId: fid('preferencesNote'), label: t('workProfile.form.preferencesNote') };
      case 'hasDrivingLicence':
        return { fieldId: fid('hasDrivingLicence'), label: t('workProfile.form.hasDrivingLicence') };
      default:
        return { fieldId: fid('hoursMax'), label: t('workProfile.form.hoursMax') };
    }
  };

  /** The body, or the problems to fix first (keyed like the API's invalidParams). */
  function validate(): { body: WorkProfileBody | null; problems: Record<string, string> } {
    const problems: Record<string, string> = {};
    const chosen = occupations.filter((o): o is OccupationValue => o !== null);
    if (chosen.length === 0) problems['desiredOccupations.0'] = t('workProfile.form.occupationRequired');
    else occupations.forEach((o, i) => {
      if (o === null) problems[`desiredOccupations.${i}`] = t('workProfile.form.occupationEmpty');
    });
    const rows = experience.map((row, i) => {
      const years = parseNumber(row.years);
      if (!row.description.trim()) problems[`experience.${i}.description`] = t('workProfile.form.experienceWhatRequired');
      if (years === null || Number.isNaN(years) || years > 80) problems[`experience.${i}.years`] = t('workProfile.form.experienceYearsInvalid');
      return { description: row.description.trim(), years: years ?? 0 };
    });
    const min = parseNumber(hoursMin);
    const max = parseNumber(hoursMax);
    if (min !== null && (Number.isNaN(min) || min > 60)) problems.hoursMin = t('workProfile.form.hoursInvalid');
    if (max === null) problems.hoursMax = t('workProfile.form.hoursMaxRequired');
    else if (Number.isNaN(max) || max <= 0 || max > 60) problems.hoursMax = t('workProfile.form.hoursInvalid');
    if (!problems.hoursMin && !problems.hoursMax && min !== null && max !== null && min > max)
      problems.hoursMin = t('workProfile.form.hoursOrder');
    if (availability.length === 0) problems.availability = t('workProfile.form.availabilityRequired');
    const km = parseNumber(maxTravelKm);
    if (km !== null && (Number.isNaN(km) || !Number.isInteger(km) || km < 1 || km > 300))
      problems.maxTravelKm = t('workProfile.form.maxTravelKmInvalid');
    if (Object.keys(problems).length > 0) return { body: null, problems };
    return {
      problems,
      body: {
        desiredOccupations: chosen.map((o) => ({ escoCode: o.code })),
        skills: skills
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        experience: rows,
        education: education.trim() || null,
        hoursMin: min ?? 0,
        hoursMax: max!,
        availability,
        maxTravelKm: km,
        hasDrivingLicence: licence,
        preferredContractTypes: contracts,
        preferredSectors: sectors
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        preferencesNote: note.trim() || null,
      },
    };
  }

  function send(withEtag: string | null) {
    const { body, problems } = validate();
    save.reset();
    setLocalErrors(problems);
    if (!body) return;
    save.mutate(
      { body, etag: withEtag },
      {
        onSuccess: () => {
          setConflict(null);
          onDone();
        },
        onError: async (err) => {
          if (err instanceof ApiError && (err.status === 412 || err.status === 428)) {
            try {
              const latest = await queryClient.fetchQuery({
                queryKey: workProfileKey(residentId),
                queryFn: () => getWorkProfile(residentId),
                staleTime: 0,
              });
              setConflict(latest);
            } catch {
              setConflict(null);
            }
          }
        },
      },
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(etag);
  };

  const summary: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({ ...fieldOf(name), message }));

  return (
    <form id={FORM_ID} className="app-form app-work-form" onSubmit={onSubmit} noValidate aria-labelledby={fid('heading')}>
      <Heading level={4} id={fid('heading')}>
        {p ? t('workProfile.form.editTitle') : t('workProfile.form.createTitle')}
      </Heading>
      <p className="utrecht-paragraph">{t('workProfile.form.intro')}</p>
      <ErrorSummary items={summary} id={fid('error-summary')} />
      {otherError && (
        <Alert type="error" live="alert" title={t('workProfile.form.failed')}>
          <p className="utrecht-paragraph">{errorText(otherError)}</p>
        </Alert>
      )}
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} className="app-focus-target app-work-conflict" id={fid('conflict')}>
          <Alert type="warning" title={t('workProfile.conflict.title')}>
            <p className="utrecht-paragraph">
              {t('workProfile.conflict.text', {
                name: conflict.profile.updatedBy?.displayName ?? t('workProfile.conflict.someone'),
                date: f.dateTime(conflict.profile.updatedAt),
              })}
            </p>
            <details className="app-work-conflict__current">
              <summary>{t('workProfile.conflict.current')}</summary>
              <WorkProfileView profile={conflict.profile} />
            </details>
            <p className="utrecht-paragraph">{t('workProfile.conflict.next')}</p>
            <div className="app-button-row">
              <Button
                appearance="primary"
                busy={save.isPending}
                onClick={() => {
                  setEtag(conflict.etag);
                  send(conflict.etag);
                }}
              >
                {t('workProfile.conflict.overwrite')}
              </Button>
              <Button appearance="subtle" onClick={onCancel}>
                {t('workProfile.conflict.discard')}
              </Button>
            </div>
          </Alert>
        </div>
      )}

      <fieldset className="app-fieldset app-work-fieldset">
        <legend>{t('workProfile.form.occupationsLegend')}</legend>
        <p className="utrecht-paragraph app-muted">{t('workProfile.form.occupationsDescription')}</p>
        {occupations.map((o, i) => (
          <div className="app-work-repeat" key={i}>
            <OccupationField
              id={fid(`occupation-${i}`)}
              label={t('workProfile.form.occupation', { n: i + 1 })}
              value={o}
              required={i === 0}
              error={errors[`desiredOccupations.${i}`]}
              onChange={(v) => setOccupations((list) => list.map((x, j) => (j === i ? v : x)))}
            />
            {occupations.length > 1 && (
              <Button
                appearance="subtle"
                onClick={() => {
                  setOccupations((list) => list.filter((_, j) => j !== i));
                  window.requestAnimationFrame(() => document.getElementById(fid('occupation-0'))?.focus());
                }}
              >
                {t('workProfile.form.removeOccupation', { n: i + 1 })}
              </Button>
            )}
          </div>
        ))}
        {occupations.length < MAX_OCCUPATIONS && (
          <Button
            onClick={() => {
              const next = occupations.length;
              setOccupations((list) => [...list, null]);
              window.requestAnimationFrame(() => document.getElementById(fid(`occupation-${next}`))?.focus());
            }}
          >
            {t('workProfile.form.addOccupation')}
          </Button>
        )}
      </fieldset>

      <TextAreaField
        id={fid('skills')}
        label={t('workProfile.form.skills')}
        description={t('workProfile.form.skillsDescription')}
        optional
        rows={4}
        value={skills}
        error={errors.skills}
        onChange={(e) => setSkills(e.target.value)}
      />

      <fieldset className="app-fieldset app-work-fieldset">
        <legend>{t('workProfile.form.experienceLegend')}</legend>
        <p className="utrecht-paragraph app-muted">{t('workProfile.form.experienceDescription')}</p>
        {experience.length === 0 && <p className="utrecht-paragraph">{t('workProfile.form.experienceNone')}</p>}
        {experience.map((row, i) => (
          <div className="app-work-repeat app-form-row" key={row.key}>
            <TextField
              id={fid(`experience-${i}-description`)}
              label={t('workProfile.form.experienceWhat', { n: i + 1 })}
              maxLength={300}
              value={row.description}
              error={errors[`experience.${i}.description`]}
              onChange={(e) => setExperience((rows) => rows.map((r) => (r.key === row.key ? { ...r, description: e.target.value } : r)))}
            />
            <TextField
              id={fid(`experience-${i}-years`)}
              label={t('workProfile.form.experienceYears', { n: i + 1 })}
              size="sm"
              inputMode="decimal"
              value={row.years}
              error={errors[`experience.${i}.years`]}
              onChange={(e) => setExperience((rows) => rows.map((r) => (r.key === row.key ? { ...r, years: e.target.value } : r)))}
            />
            <Button
              appearance="subtle"
              className="app-work-repeat__remove"
              onClick={() => {
                setExperience((rows) => rows.filter((r) => r.key !== row.key));
                window.requestAnimationFrame(() => document.getElementById(fid('add-experience'))?.focus());
              }}
            >
              {t('workProfile.form.removeExperience', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          id={fid('add-experience')}
          onClick={() => {
            const next = experience.length;
            setExperience((rows) => [...rows, { key: nextKey.current++, description: '', years: '' }]);
            window.requestAnimationFrame(() => document.getElementById(fid(`experience-${next}-description`))?.focus());
          }}
        >
          {t('workProfile.form.addExperience')}
        </Button>
      </fieldset>

      <TextField
        id={fid('education')}
        label={t('workProfile.form.education')}
        description={t('workProfile.form.educationDescription')}
        optional
        maxLength={500}
        value={education}
        error={errors.education}
        onChange={(e) => setEducation(e.target.value)}
      />
      <div className="app-form-row">
        <TextField
          id={fid('hoursMin')}
          label={t('workProfile.form.hoursMin')}
          optional
          size="sm"
          inputMode="decimal"
          value={hoursMin}
          error={errors.hoursMin}
          onChange={(e) => setHoursMin(e.target.value)}
        />
        <TextField
          id={fid('hoursMax')}
          label={t('workProfile.form.hoursMax')}
          required
          size="sm"
          inputMode="decimal"
          value={hoursMax}
          error={errors.hoursMax}
          onChange={(e) => setHoursMax(e.target.value)}
        />
      </div>
      <ScheduleField
        id={fid('availability')}
        legend={t('workProfile.form.availability')}
        description={t('workProfile.form.availabilityDescription')}
        value={availability}
        error={errors.availability}
        onChange={setAvailability}
      />
      <TextField
        id={fid('maxTravelKm')}
        label={t('workProfile.form.maxTravelKm')}
        description={t('workProfile.form.maxTravelKmDescription')}
        optional
        size="sm"
        inputMode="numeric"
        value={maxTravelKm}
        error={errors.maxTravelKm}
        onChange={(e) => setMaxTravelKm(e.target.value)}
      />
      <CheckboxField
        id={fid('hasDrivingLicence')}
        label={t('workProfile.form.hasDrivingLicence')}
        checked={licence}
        error={errors.hasDrivingLicence}
        onChange={(e) => setLicence(e.target.checked)}
      />
      <fieldset className="app-fieldset app-work-fieldset" aria-describedby={fid('contract-description')}>
        <legend>{t('workProfile.form.contractTypesLegend')}</legend>
        <p className="utrecht-paragraph app-muted" id={fid('contract-description')}>
          {t('workProfile.form.contractTypesDescription')}
        </p>
        {contractTypes.map((c) => (
          <CheckboxField
            key={c}
            id={fid(`contract-${c}`)}
            label={t(`workProfile.contractType.${c}`)}
            checked={contracts.includes(c)}
            onChange={(e) =>
              setContracts((list) => (e.target.checked ? contractTypes.filter((x) => x === c || list.includes(x)) : list.filter((x) => x !== c)))
            }
          />
        ))}
      </fieldset>
      <TextField
        id={fid('preferredSectors')}
        label={t('workProfile.form.preferredSectors')}
        description={t('workProfile.form.preferredSectorsDescription')}
        optional
        value={sectors}
        error={errors.preferredSectors}
        onChange={(e) => setSectors(e.target.value)}
      />
      <TextAreaField
        id={fid('preferencesNote')}
        label={t('workProfile.form.preferencesNote')}
        description={t('workProfile.form.preferencesNoteDescription')}
        optional
        rows={3}
        maxLength={1000}
        value={note}
        error={errors.preferencesNote}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={save.isPending}>
          {t('workProfile.form.submit')}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
