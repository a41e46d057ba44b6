import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent, Resident } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { formatDate } from '../../format/dates.ts';
import { localeOf } from '../../i18n/index.ts';
import { ConsentForm } from './ConsentForm.tsx';
import { Section } from './Section.tsx';
import type { SubResource } from './subResource.ts';
import { useWithdrawConsent } from './useResident.ts';

function ConsentStatus({ consent }: { consent: Consent }) {
  const { t, i18n } = useTranslation();
  if (consent.withdrawnAt)
    return <StatusBadge status="inactive">{t('consents.withdrawnOn', { date: formatDate(consent.withdrawnAt, localeOf(i18n.language)) })}</StatusBadge>;
  if (consent.active) return <StatusBadge status="safe">{t('consents.active')}</StatusBadge>;
  return <StatusBadge status="inactive">{t('consents.inactive')}</StatusBadge>;
}

/** Withdraw with a confirmation step in place (no modal): the consequences are said before it happens. */
function WithdrawAction({ residentId, consent, onDone }: { residentId: string; consent: Consent; onDone: (c: Consent) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawConsent(residentId);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  if (!confirming)
    return (
      <Button
        ref={startRef}
        appearance="secondary"
        onClick={() => {
          setConfirming(true);
          window.requestAnimationFrame(() => confirmRef.current?.focus());
        }}
      >
        {t('consents.withdraw')}
        <span className="app-visually-hidden"> {consent.partnerOrganisation.name}</span>
      </Button>
    );
  return (
    <div className="app-confirm" role="group" aria-labelledby={`confirm-${consent.id}`}>
      <p className="utrecht-paragraph" id={`confirm-${consent.id}`}>
        {t('consents.confirmText', { organisation: consent.partnerOrganisation.name })}
      </p>
      {withdraw.error && <p className="app-field-error" role="alert">{errorText(withdraw.error)}</p>}
      <div className="app-button-row">
        <Button
          ref={confirmRef}
          appearance="primary"
          danger
          busy={withdraw.isPending}
          onClick={() => withdraw.mutate(consent.id, { onSuccess: (c) => onDone(c) })}
        >
          {t('consents.confirmYes')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setConfirming(false);
            window.requestAnimationFrame(() => startRef.current?.focus());
          }}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

export function ConsentsSection({ resident, consents }: { resident: Resident; consents: SubResource<Consent[]> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [message, setMessage] = useState<string | null>(null);
  const canManage = resident.permissions.manageConsents;

  return (
    <Section id="toestemmingen" title={t('resident.sections.consents')}>
      <Paragraph>{t('consents.intro')}</Paragraph>
      {message && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{message}</p>
        </Alert>
      )}
      {consents.isPending && <LoadingState />}
      {consents.error !== null && <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.data && consents.data.length === 0 && <Paragraph>{t('consents.empty')}</Paragraph>}
      {consents.data && consents.data.length > 0 && (
        <Table id="consents" caption={t('consents.tableCaption')} captionHidden className="app-wide-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('consents.columns.organisation')}</TableHeaderCell>
              <TableHeaderCell>{t('consents.columns.purpose')}</TableHeaderCell>
              <TableHeaderCell>{t('consents.columns.period')}</TableHeaderCell>
              <TableHeaderCell>{t('consents.columns.status')}</TableHeaderCell>
              {canManage && <TableHeaderCell>{t('consents.columns.action')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {consents.data.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row" className="app-row-header">
                  {c.partnerOrganisation.name}
                </TableHeaderCell>
                <TableCell className="app-prewrap">{c.purpose}</TableCell>
                <TableCell>
                  {c.validTo
                    ? t('consents.period', { from: formatDate(c.validFrom, locale), to: formatDate(c.validTo, locale) })
                    : t('consents.periodOpen', { from: formatDate(c.validFrom, locale) })}
                </TableCell>
                <TableCell>
                  <ConsentStatus consent={c} />
                </TableCell>
                {canManage && (
                  <TableCell>
                    {c.active && !c.withdrawnAt && (
                      <WithdrawAction
                        residentId={resident.id}
                        consent={c}
                        onDone={(w) => setMessage(t('consents.withdrawn', { organisation: w.partnerOrganisation.name }))}
                      />
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canManage && <ConsentForm residentId={resident.id} onGranted={(c) => setMessage(t('consents.granted', { organisation: c.partnerOrganisation.name }))} />}
    </Section>
  );
}
