import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { centsOf, PROVISION_KINDS, requestProvision, type ProvisionKind } from '../../api/youth.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { AppLink } from '../../components/Links.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';

/** Requesting a custom provision for the young person (maatwerk), with the room in the rules and why it helps. */
export function ProvisionForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [v, setV] = useState({ kind: '' as ProvisionKind | '', description: '', amount: '', ruleRoom: '', justification: '' });
  const [amountError, setAmountError] = useState<string | undefined>();
  const set = (c: Partial<typeof v>) => setV((o) => ({ ...o, ...c }));
  const save = useMutation({
    mutationFn: (amountCents: number) => requestProvision(residentId, { kind: v.kind, description: v.description, amountCents, ruleRoom: v.ruleRoom, justification: v.justification }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['youth'] }),
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <details className="app-wl-details">
      <summary className="app-wl-details__summary">{t('youth.provisions.formTitle')}</summary>
      <form
        noValidate
        className="app-wl-details__body"
        onSubmit={(e) => {
          e.preventDefault();
          const cents = centsOf(v.amount);
          setAmountError(cents === null ? t('youth.provisions.amountFormat') : undefined);
          if (cents !== null) save.mutate(cents);
        }}
      >
        {save.isSuccess && (
          <Alert type="ok" live="status">
            {save.data.status === 'approved' ? t('youth.provisions.savedApproved') : t('youth.provisions.savedRequested')} <AppLink to="/jongeren/maatwerk">{t('youth.provisions.toList')}</AppLink>
          </Alert>
        )}
        <SelectField id="provision-kind" label={t('youth.provisions.kind')} value={v.kind} emptyOption={t('youth.provisions.chooseKind')} onChange={(e) => set({ kind: e.target.value as ProvisionKind })} options={PROVISION_KINDS.map((k) => ({ value: k, label: t(`youth.provisionKinds.${k}`) }))} error={errors.kind} required />
        <TextField id="provision-description" label={t('youth.provisions.description')} value={v.description} onChange={(e) => set({ description: e.target.value })} error={errors.description} required />
        <TextField id="provision-amount" label={t('youth.provisions.amount')} description={t('youth.provisions.amountHint')} inputMode="decimal" value={v.amount} onChange={(e) => set({ amount: e.target.value })} error={amountError ?? errors.amountCents} required size="md" />
        <TextField id="provision-rule" label={t('youth.provisions.ruleRoom')} value={v.ruleRoom} onChange={(e) => set({ ruleRoom: e.target.value })} error={errors.ruleRoom} required />
        <TextAreaField id="provision-why" label={t('youth.provisions.why')} value={v.justification} onChange={(e) => set({ justification: e.target.value })} error={errors.justification} required rows={3} />
        <Button type="submit" appearance="secondary" busy={save.isPending}>
          {t('youth.provisions.request')}
        </Button>
      </form>
    </details>
  );
}
