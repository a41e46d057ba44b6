import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lookupBrpPerson, type BrpPerson } from '../../api/brp.api.ts';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { toTypedDate } from '../../rules/dateRules.ts';
import type { ResidentFormValues } from '../resident-form/residentFormValues.ts';

/** The form's values with what the BRP knows (the rest stays as typed). */
export function withBrp(values: ResidentFormValues, p: BrpPerson): ResidentFormValues {
  return {
    ...values,
    bsn: p.bsn,
    givenNames: p.givenNames ?? values.givenNames,
    familyNamePrefix: p.familyNamePrefix ?? '',
    familyName: p.familyName ?? values.familyName,
    dateOfBirth: p.dateOfBirth ? toTypedDate(p.dateOfBirth) : values.dateOfBirth,
    street: p.street ?? values.street,
    houseNumber: p.houseNumber ?? values.houseNumber,
    postcode: p.postcode ?? values.postcode,
    city: p.city ?? values.city,
    householdType: p.householdType,
  };
}

/** "Gegevens ophalen uit de BRP" under the BSN: fills the form, says what to check, or why it could not. */
export function BrpPrefill({ values, onChange }: { values: ResidentFormValues; onChange: (v: ResidentFormValues) => void }) {
  const { t } = useTranslation();
  const lookup = useMutation({
    mutationFn: () => lookupBrpPerson(values.bsn),
    onSuccess: (p) => onChange(withBrp(values, p)),
  });
  const error = lookup.error;
  return (
    <div className="app-brp-prefill">
      <Button type="button" busy={lookup.isPending} onClick={() => lookup.mutate()} disabled={values.bsn.trim() === ''}>
        {t('brp.fetch')}
      </Button>
      <div role="status">
        {lookup.data && (
          <Alert type="ok" title={t('brp.filled')}>
            <p className="utrecht-paragraph">{lookup.data.residentId ? t('brp.alreadyResident') : t('brp.check')}</p>
          </Alert>
        )}
      </div>
      {error && (
        <Alert type={isApiError(error, 503) ? 'warning' : 'error'} live="alert" title={isApiError(error) ? error.title : t('brp.failed')}>
          <p className="utrecht-paragraph">{isApiError(error) ? error.detail : String(error)}</p>
        </Alert>
      )}
    </div>
  );
}
