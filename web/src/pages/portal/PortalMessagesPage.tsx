import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listPortalMessages, sendPortalMessage } from '../../api/messages.api.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { MessageThread } from '../messages/MessageThread.tsx';

const KEY = ['portal-messages'];

/** "Berichten": the resident's safe conversation with his contact person, inside Samenplan. Phone first. */
export function PortalMessagesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.messages.title'));
  const qc = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: listPortalMessages });
  return (
    <>
      <Heading level={1}>{t('portal.messages.title')}</Heading>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Paragraph lead>
            {list.data.contactPerson ? t('portal.messages.intro', { name: list.data.contactPerson }) : t('portal.messages.introNoContact')}
          </Paragraph>
          <Paragraph>{t('portal.messages.privacy')}</Paragraph>
          <section className="portal-card" aria-labelledby="gesprek">
            <Heading level={2} id="gesprek">
              {t('portal.messages.conversation')}
            </Heading>
            <MessageThread
              idPrefix="portal-message"
              items={list.data.items}
              otherName={list.data.contactPerson ?? t('portal.messages.contactPerson')}
              send={sendPortalMessage}
              onSent={() => {
                void qc.invalidateQueries({ queryKey: KEY });
                void qc.invalidateQueries({ queryKey: ['portal-home'] });
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
