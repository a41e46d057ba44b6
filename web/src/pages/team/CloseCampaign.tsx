import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatchUpCampaignDetail } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Heading } from '../../components/Heading.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { localeOf } from '../../i18n/index.ts';
import { useCloseCatchUp } from './useTeam.ts';

/** Closing a campaign (ADR 0015): says what happens to the assignments, asks once more, then closes. */
export function CloseCampaign({ campaign }: { campaign: CatchUpCampaignDetail }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const close = useCloseCatchUp(campaign.id);
  const [asking, setAsking] = useState(false);
  const confirmTitle = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) confirmTitle.current?.focus();
  }, [asking]);

  return (
    <section className="app-section" aria-labelledby="close-heading">
      <Heading level={2} id="close-heading">
        {t('catchUpConfirm.close.title')}
      </Heading>
      {close.isSuccess && (
        <Alert type="ok" live="status" title={t('catchUpConfirm.close.done')} />
      )}
      {campaign.status === 'closed' ? (
        <Paragraph>
          {t('catchUpConfirm.close.closedOn', {
            date: campaign.closedAt ? formatShortDate(campaign.closedAt, localeOf(i18n.language)) : '',
            name: campaign.closedBy?.displayName ?? '',
          })}
        </Paragraph>
      ) : (
        <>
          <Paragraph>{t('catchUpConfirm.close.intro')}</Paragraph>
          {close.error && (
            <Alert type="error" live="alert" title={t('catchUpConfirm.close.failed')}>
              <Paragraph>{errorText(close.error)}</Paragraph>
            </Alert>
          )}
          {asking ? (
            <div className="app-catchup-close-confirm">
              <Alert type="warning">
                <p className="utrecht-paragraph app-alert__title" tabIndex={-1} ref={confirmTitle}>
                  {t('catchUpConfirm.close.confirmTitle')}
                </p>
                <Paragraph>{t('catchUpConfirm.close.confirmText', { count: campaign.coverage.total })}</Paragraph>
              </Alert>
              <div className="app-button-row">
                <Button appearance="primary" busy={close.isPending} onClick={() => close.mutate()}>
                  {t('catchUpConfirm.close.confirm')}
                </Button>
                <Button appearance="secondary" onClick={() => setAsking(false)}>
                  {t('catchUpConfirm.close.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="app-button-row">
              <Button appearance="secondary" onClick={() => setAsking(true)}>
                {t('catchUpConfirm.close.button')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
