import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listUnreadMessages } from '../../api/messages.api.ts';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { UNREAD_MESSAGES_KEY } from '../resident/messages/MessagesSection.tsx';

/**
 * On the werklijst (issue 11): residents of whom the werkmatcher is the contact person with messages she has not
 * read, each a link to the conversation. Shown only when there is something new.
 */
export function UnreadMessagesBlock({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const unread = useQuery({ queryKey: UNREAD_MESSAGES_KEY, queryFn: listUnreadMessages, enabled });
  if (!unread.data || unread.data.items.length === 0) return null;
  return (
    <section className="app-wl-notifications" aria-labelledby="berichten-heading" id="berichten">
      <Heading level={2} id="berichten-heading">
        {t('conversation.staff.worklistHeading')} <span className="app-wl-count">({unread.data.unreadTotal})</span>
      </Heading>
      <ul className="utrecht-unordered-list">
        {unread.data.items.map((u) => (
          <li key={u.residentId} className="utrecht-unordered-list__item">
            <AppLink to={`/inwoners/${u.residentId}?tab=berichten`}>{t('conversation.staff.worklistItem', { name: u.displayName, count: u.unread })}</AppLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
