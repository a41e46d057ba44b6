import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { Session } from '../../api/models.ts';
import { hasPermission } from '../../auth/session.ts';
import { cx } from '../../components/classNames.ts';
import { useUnreadNotifications } from './useWorklist.ts';
import './worklist.css';

/** "Meldingen (2)" in the main navigation: the number of unread notifications, in words too for screen readers. */
export function NotificationsNavLink({ session }: { session: Session }) {
  const { t } = useTranslation();
  const enabled = hasPermission(session, 'notifications:read');
  const unread = useUnreadNotifications(enabled).data?.unreadCount ?? 0;
  if (!enabled) return null;
  return (
    <li className="utrecht-nav-list__item">
      <NavLink
        to="/meldingen"
        end
        className={({ isActive }) =>
          cx('utrecht-nav-list__link', 'app-nav__link', isActive && 'app-nav__link--current')
        }
      >
        {t('nav.notifications')}
        {unread > 0 && (
          <>
            {' '}
            <span className="app-nav__count" aria-hidden="true">
              ({unread})
            </span>
            <span className="app-visually-hidden">{t('notifications.unreadCount', { count: unread })}</span>
          </>
        )}
      </NavLink>
    </li>
  );
}
