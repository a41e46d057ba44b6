import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../api/client.ts';
import { getResident, updateResident, type VersionedResident } from '../api/residents.api.ts';
import { landingPath, useSession } from '../auth/session.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../hooks/useErrorText.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { Heading } from '../components/Heading.tsx';
import { AppLink } from '../components/Links.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { fieldErrorsOf } from '../hooks/useFieldErrors.ts';
import { NotFoundContent } from './NotFoundPage.tsx';
import { residentKey, useResident } from './resident/useResident.ts';
import { ConflictNotice, type Conflict } from './resident-form/ConflictNotice.tsx';
import { useRuleText } from '../rules/useRuleText.ts';
import { checkResidentForm } from './resident-form/requiredFields.ts';
import { ResidentForm } from './resident-form/ResidentForm.tsx';
import { FIELD_ORDER, changedFields, toUpdate, valuesOf, type ResidentFormValues } from './resident-form/residentFormValues.ts';

/** Edit with optimistic concurrency: PATCH with If-Match; on 412 show what changed and keep the user's own edits. */
export function ResidentEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ruleText = useRuleText();
  const resident = useResident(id);
  const [base, setBase] = useState<VersionedResident | null>(null);
  const [values, setValues] = useState<ResidentFormValues | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [nothingChanged, setNothingChanged] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  useDocumentTitle(resident.data ? t('residentForm.editTitleName', { name: resident.data.resident.name }) : t('residentForm.editTitle'));

  // Start editing from the version we loaded; later reloads do not overwrite what the user typed.
  useEffect(() => {
    if (resident.data && !base) {
      setBase(resident.data);
      setValues(valuesOf(resident.data.resident));
    }
  }, [resident.data, base]);

  const save = useMutation({
    mutationFn: async ({ from, to }: { from: VersionedResident; to: ResidentFormValues }) =>
      updateResident(id, from.etag ?? '', toUpdate(valuesOf(from.resident), to)),
    onSuccess: (result) => {
      queryClient.setQueryData(residentKey(id), result);
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      navigate(`/inwoners/${id}`, { state: { saved: true } });
    },
    onError: async (error) => {
      if (!isApiError(error, 412) || !base || !values) return;
      // Someone else saved first: load their version, show what they changed, re-apply the user's own edits.
      const latest = await getResident(id);
      queryClient.setQueryData(residentKey(id), latest);
      const before = valuesOf(base.resident);
      const theirs = valuesOf(latest.resident);
      const theirChanges = changedFields(before, theirs);
      const mine = changedFields(before, values);
      const merged: ResidentFormValues = { ...theirs };
      for (const name of mine) if (!theirChanges.includes(name)) Object.assign(merged, { [name]: values[name] });
      setConflict({
        theirChanges: theirChanges.map((name) => ({ name, before: before[name], after: theirs[name] })),
        lostEdits: mine.filter((name) => theirChanges.includes(name)).map((name) => ({ name, value: values[name] })),
      });
      setBase(latest);
      setValues(merged);
      window.scrollTo({ top: 0 });
    },
  });

  if (resident.isPending || (resident.data && !values))
    return (
      <>
        <Heading level={1} data-loading="">
          {t('residentForm.editTitle')}
        </Heading>
        <LoadingState />
      </>
    );
  if (isApiError(resident.error, 404) || isApiError(resident.error, 400) || isApiError(resident.error, 403))
    return <NotFoundContent backTo={landingPath(session)} />;
  if (resident.error || !values || !base)
    return (
      <>
        <Heading level={1}>{t('residentForm.editTitle')}</Heading>
        <ErrorState error={resident.error} onRetry={() => void resident.refetch()} />
      </>
    );
  if (!base.resident.permissions.update)
    return (
      <>
        <Heading level={1}>{t('residentForm.editTitleName', { name: base.resident.name })}</Heading>
        <Paragraph>{t('residentForm.noUpdate')}</Paragraph>
        <AppLink to={`/inwoners/${id}`}>{t('residentForm.backToResident')}</AppLink>
      </>
    );

  const hasMissing = Object.keys(missing).length > 0;
  const errors = hasMissing ? missing : fieldErrorsOf(save.error);
  const placed = FIELD_ORDER.some((f) => errors[f]);
  const otherError = !hasMissing && save.error && !placed && !isApiError(save.error, 412) ? save.error : null;

  const onSubmit = () => {
    setNothingChanged(false);
    const problems = checkResidentForm(values, 'edit', (name) => t(`residentForm.required.${name}`), ruleText);
    setMissing(problems as Record<string, string>);
    if (Object.keys(problems).length > 0) return;
    if (changedFields(valuesOf(base.resident), values).length === 0) {
      setNothingChanged(true);
      return;
    }
    setConflict(null);
    save.mutate({ from: base, to: values });
  };

  return (
    <>
      <Heading level={1}>{t('residentForm.editTitleName', { name: base.resident.name })}</Heading>
      <ResidentForm
        mode="edit"
        values={values}
        onChange={(v) => {
          setValues(v);
          setNothingChanged(false);
        }}
        errors={errors}
        busy={save.isPending}
        onSubmit={onSubmit}
        cancelTo={`/inwoners/${id}`}
        notice={
          <>
            {conflict && <ConflictNotice conflict={conflict} />}
            {nothingChanged && (
              <Alert type="info" live="status">
                <p className="utrecht-paragraph">{t('residentForm.nothingChanged')}</p>
              </Alert>
            )}
            {otherError && (
              <Alert type="error" live="alert" title={t('residentForm.failed')}>
                <p className="utrecht-paragraph">{errorText(otherError)}</p>
              </Alert>
            )}
          </>
        }
      />
    </>
  );
}
