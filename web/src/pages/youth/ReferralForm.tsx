import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createReferral, PARTNER_KINDS, URGENCIES, type PartnerKind, type Urgency } from '../../api/youth.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { AppLink } from '../../components/Links.tsx';
import { todayNl } from '../../rules/dateRules.ts';

/** A warm handover from a partner, recorded on the young person's page (with her consent). */
export function ReferralForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [v, setV] = useState({ partnerKind: '' as PartnerKind | '', organisationName: '', professionalName: '', professionalEmail: '', contextSummary: '', consent: false, urgency: 'normal' as Urgency });
  const set = (c: Partial<typeof v>) => setV((old) => ({ ...old, ...c }));
  const save = useMutation({
    mutationFn: () =>
      createReferral(residentId, {
        partnerKind: v.partnerKind,
        organisationName: v.organisationName,
        professionalName: v.professionalName,
        professionalEmail: v.professionalEmail.trim() || undefined,
        contextSummary: v.contextSummary,
        consent: { given: v.consent, on: todayNl() },
        urgency: v.urgency,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth'] }),
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <details className="app-wl-details">
      <summary className="app-wl-details__summary">{t('youth.referrals.formTitle')}</summary>
      <form
        noValidate
        className="app-wl-details__body"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {save.isSuccess && (
          <Alert type="ok" live="status">
            {t('youth.referrals.saved')} <AppLink to="/jongeren/overdrachten">{t('youth.referrals.toList')}</AppLink>
          </Alert>
        )}
        <SelectField id="referral-kind" label={t('youth.referrals.kind')} value={v.partnerKind} emptyOption={t('youth.referrals.chooseKind')} onChange={(e) => set({ partnerKind: e.target.value as PartnerKind })} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`youth.partnerKinds.${k}`) }))} error={errors.partnerKind} required />
        <TextField id="referral-organisation" label={t('youth.referrals.organisation')} value={v.organisationName} onChange={(e) => set({ organisationName: e.target.value })} error={errors.organisationName} required />
        <TextField id="referral-professional" label={t('youth.referrals.professionalName')} value={v.professionalName} onChange={(e) => set({ professionalName: e.target.value })} error={errors.professionalName} required />
        <TextField id="referral-email" type="email" label={t('youth.referrals.professionalEmail')} value={v.professionalEmail} onChange={(e) => set({ professionalEmail: e.target.value })} error={errors.professionalEmail} optional />
        <TextAreaField id="referral-context" label={t('youth.referrals.context')} value={v.contextSummary} onChange={(e) => set({ contextSummary: e.target.value })} error={errors.contextSummary} required rows={4} />
        <SelectField id="referral-urgency" label={t('youth.referrals.urgency')} value={v.urgency} onChange={(e) => set({ urgency: e.target.value as Urgency })} options={URGENCIES.map((u) => ({ value: u, label: t(`youth.urgency.${u}`) }))} />
        <CheckboxField id="referral-consent" label={t('youth.referrals.consentLabel')} checked={v.consent} onChange={(e) => set({ consent: e.target.checked })} error={errors['consent.given']} />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.referrals.save')}
        </Button>
      </form>
    </details>
  );
}
