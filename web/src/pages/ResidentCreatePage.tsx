import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createResident } from '../api/residents.api.ts';
import { Alert } from '../components/Alert.tsx';
import { useErrorText } from '../hooks/useErrorText.ts';
import { Heading } from '../components/Heading.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { fieldErrorsOf } from '../hooks/useFieldErrors.ts';
import { residentKey } from './resident/useResident.ts';
import { BrpPrefill } from './brp/BrpPrefill.tsx';
import { hasPermission, useSession } from '../auth/session.ts';
import { ResidentForm } from './resident-form/ResidentForm.tsx';
import { useRuleText } from '../rules/useRuleText.ts';
import { checkResidentForm } from './resident-form/requiredFields.ts';
import { EMPTY_VALUES, FIELD_ORDER, toCreate, type ResidentFormValues } from './resident-form/residentFormValues.ts';

export function ResidentCreatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('residentForm.createTitle'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ruleText = useRuleText();
  const session = useSession();
  const [values, setValues] = useState<ResidentFormValues>(EMPTY_VALUES);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => createResident(toCreate(values)),
    onSuccess: (result) => {
      queryClient.setQueryData(residentKey(result.resident.id), result);
      void queryClient.invalidateQueries({ queryKey: ['residents'] });
      navigate(`/inwoners/${result.resident.id}`, { state: { created: true } });
    },
  });

  const hasMissing = Object.keys(missing).length > 0;
  const errors = hasMissing ? missing : fieldErrorsOf(create.error);
  const unplaced = !hasMissing && create.error && !FIELD_ORDER.some((f) => errors[f]);

  const onSubmit = () => {
    // Every field at once: required fields and the shared date rules; the server adds what only it can check.
    const problems = checkResidentForm(values, 'create', (name) => t(`residentForm.required.${name}`), ruleText);
    setMissing(problems as Record<string, string>);
    if (Object.keys(problems).length === 0) create.mutate();
  };

  return (
    <>
      <Heading level={1}>{t('residentForm.createTitle')}</Heading>
      <Paragraph lead>{t('residentForm.createIntro')}</Paragraph>
      <ResidentForm
        mode="create"
        values={values}
        onChange={setValues}
        errors={errors}
        busy={create.isPending}
        onSubmit={onSubmit}
        cancelTo="/caseload"
        afterBsn={hasPermission(session, 'brp:lookup') ? <BrpPrefill values={values} onChange={setValues} /> : null}
        notice={
          unplaced ? (
            <Alert type="error" live="alert" title={t('residentForm.failed')}>
              <p className="utrecht-paragraph">{errorText(create.error)}</p>
            </Alert>
          ) : null
        }
      />
    </>
  );
}
