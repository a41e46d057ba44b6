import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmExemption, listPendingExemptions, rejectExemption, type Exemption } from '../../api/youth.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { formatDate } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { localeOf } from '../../i18n/index.ts';
import { periodHref } from './shared.tsx';

/** The senior werkmatcher's check (four eyes): exemptions waiting for a confirmation, never her own. */
export function ExemptionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youth.exemptions.title'));
  const pending = useQuery({ queryKey: ['youth', 'exemptions', 'pending'], queryFn: listPendingExemptions, retry: false });
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Heading level={1}>{t('youth.exemptions.title')}</Heading>
      <Paragraph lead>{t('youth.exemptions.intro')}</Paragraph>
      {done && <Alert type="ok" live="status">{done}</Alert>}
      {pending.isPending && <LoadingState />}
      {pending.error && <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />}
      {pending.data && pending.data.length === 0 && <Paragraph>{t('youth.exemptions.empty')}</Paragraph>}
      {pending.data?.map((e) => <ExemptionReview key={e.id} exemption={e} onDone={setDone} />)}
    </>
  );
}

function ExemptionReview({ exemption: e, onDone }: { exemption: Exemption; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: (decision: 'confirm' | 'reject') => (decision === 'confirm' ? confirmExemption(e.id, note || undefined) : rejectExemption(e.id, note)),
    onSuccess: (r) => {
      onDone(r.status === 'confirmed' ? t('youth.exemptions.confirmed') : t('youth.exemptions.rejected'));
      void client.invalidateQueries({ queryKey: ['youth'] });
    },
  });
  const errors = fieldErrorsOf(review.error);
  const headingId = `exemption-${e.id}`;
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {e.residentName}
      </Heading>
      <Paragraph>
        <strong>{t(`youth.reasons.${e.reasonCategory}`)}</strong>
        {e.reasonText && <>: {e.reasonText}</>}
      </Paragraph>
      <Paragraph small>
        {e.legalBasis} · {t('youth.period.decidedBy', { name: e.decidedBy.displayName, date: formatDate(e.decidedOn, locale) })} ·{' '}
        <AppLink to={periodHref(e.searchPeriodId)}>{t('youth.exemptions.period')}</AppLink>
      </Paragraph>
      {e.canReview ? (
        <>
          <TextAreaField id={`note-${e.id}`} label={t('youth.exemptions.note')} value={note} onChange={(ev) => setNote(ev.target.value)} error={errors.note ?? errors.exemptionId} rows={2} />
          <div className="app-button-row">
            <Button appearance="primary" busy={review.isPending} onClick={() => review.mutate('confirm')}>
              {t('youth.exemptions.confirm')}
            </Button>{' '}
            <Button appearance="secondary" busy={review.isPending} onClick={() => review.mutate('reject')}>
              {t('youth.exemptions.reject')}
            </Button>
          </div>
        </>
      ) : (
        <Paragraph small>{t('youth.exemptions.ownProposal')}</Paragraph>
      )}
    </section>
  );
}
