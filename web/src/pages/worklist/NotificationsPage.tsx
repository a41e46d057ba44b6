import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { NotificationsList } from './NotificationsList.tsx';
import { useUnreadNotifications } from './useWorklist.ts';
import './worklist.css';

export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.title'));
  const notifications = useUnreadNotifications(true);
  const items = notifications.data?.items ?? [];
  return (
    <>
      <Heading level={1}>{t('notifications.title')}</Heading>
      {notifications.isPending && <LoadingState />}
      {notifications.error && (
        <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
      )}
      {notifications.data && items.length === 0 && <Paragraph>{t('notifications.empty')}</Paragraph>}
      {items.length > 0 && <NotificationsList items={items} />}
      <p className="utrecht-paragraph">
        <AppLink to="/werklijst">{t('notifications.toWorklist')}</AppLink>
      </p>
    </>
  );
}
