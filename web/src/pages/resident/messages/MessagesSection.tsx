import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../../api/models.ts';
import { listResidentMessages, sendResidentMessage } from '../../../api/messages.api.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { Paragraph } from '../../../components/Paragraph.tsx';
import { MessageThread } from '../../messages/MessageThread.tsx';
import { Section } from '../Section.tsx';

export const UNREAD_MESSAGES_KEY = ['unread-messages'];

/** "Berichten" on the resident page: the conversation with the resident (issue 11); opening it marks his messages read. */
export function MessagesSection({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const key = ['resident-messages', resident.id];
  const list = useQuery({ queryKey: key, queryFn: () => listResidentMessages(resident.id) });
  // Reading the conversation marks the resident's messages read: the werklijst's and the tab's count follow.
  const readNow = list.data?.unreadBefore ?? 0;
  useEffect(() => {
    if (readNow > 0) void qc.invalidateQueries({ queryKey: UNREAD_MESSAGES_KEY });
  }, [readNow, qc]);
  return (
    <Section id="berichten" title={t('conversation.staff.heading')}>
      <Paragraph>{t('conversation.staff.intro')}</Paragraph>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <MessageThread
          idPrefix="resident-message"
          items={list.data.items}
          otherName={resident.name}
          send={(text) => sendResidentMessage(resident.id, text)}
          onSent={() => void qc.invalidateQueries({ queryKey: key })}
        />
      )}
    </Section>
  );
}
