import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../api/models.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { AppLink } from '../../components/Links.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { localeOf } from '../../i18n/index.ts';
import { useMarkNotificationRead } from './useWorklist.ts';

/** Unread notifications with "Markeer als gelezen". A polite status line says what happened. */
export function NotificationsList({
  items,
  headingLevel = 2,
}: {
  items: AppNotification[];
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const markRead = useMarkNotificationRead();
  const errorText = useErrorText();
  const [done, setDone] = useState<string | null>(null);
  const Title = `h${headingLevel}` as const;

  return (
    <>
      <p className="utrecht-paragraph app-visually-hidden" role="status">
        {done ? t('notifications.markedRead', { title: done }) : ''}
      </p>
      {markRead.error && (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{errorText(markRead.error)}</p>
        </Alert>
      )}
      <ul className="app-wl-list">
        {items.map((n) => (
          <li key={n.id} className="app-wl-item">
            <Title className={`utrecht-heading-${headingLevel + 1} app-wl-item__title`}>
              {n.link ? <AppLink to={n.link}>{n.title}</AppLink> : n.title}
            </Title>
            {n.body && <p className="utrecht-paragraph app-wl-item__note">{n.body}</p>}
            <p className="utrecht-paragraph app-wl-item__meta">
              <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
            </p>
            <Button
              appearance="subtle"
              busy={markRead.isPending && markRead.variables === n.id}
              onClick={() =>
                markRead.mutate(n.id, {
                  onSuccess: () => setDone(n.title),
                })
              }
            >
              {t('notifications.markRead')}
              <span className="app-visually-hidden">: {n.title}</span>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
