import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { cx } from '../../components/classNames.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import type { PortalSession } from '../../api/portal.api.ts';
import { PortalSessionContext, usePortalLogout, usePortalSessionQuery } from './portalSession.ts';
import './portal.css';

function focusMain(e: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('inhoud');
  if (!main) return;
  e.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** Mijn Samenplan's frame, phone first: one column, large touch targets, a short navigation that wraps. */
export function PortalFrame({ session, demo, children }: { session?: PortalSession | null; demo?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const logout = usePortalLogout();
  const showDemo = demo ?? session?.authMethod === 'demo';
  const nav = [
    { to: '/mijn', label: t('portal.nav.home'), end: true },
    { to: '/mijn/plan', label: t('portal.nav.plan'), end: false },
    { to: '/mijn/berichten', label: t('portal.nav.messages'), end: false },
    { to: '/mijn/werk', label: t('portal.nav.work'), end: false },
    { to: '/mijn/werkt-het-loont', label: t('portal.nav.calculator'), end: false },
    { to: '/mijn/toestemmingen', label: t('portal.nav.consents'), end: false },
    { to: '/mijn/wie-keek-mee', label: t('portal.nav.accessLog'), end: false },
  ];
  return (
    <div className="utrecht-page-layout app-layout portal">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus app-skip-link" href="#inhoud" onClick={focusMain}>
        {t('portal.skipLink')}
      </a>
      <header className="utrecht-page-header app-header portal-header">
        {showDemo && (
          <p className="app-demo-banner">
            <strong>{t('portal.demoBanner')}</strong> {t('portal.demoBannerDetail')}
          </p>
        )}
        <div className="portal-header__content">
          <Link to={session ? '/mijn' : '/mijn/inloggen'} className="app-brand portal-brand">
            {t('portal.name')}
          </Link>
          <LanguageSwitch />
          {session && (
            <div className="portal-header__user">
              <p className="utrecht-paragraph">
                <span className="app-visually-hidden">{t('portal.loggedInAs')} </span>
                <strong>{session.resident.displayName}</strong>
              </p>
              <Button appearance="secondary" busy={logout.isPending} onClick={() => logout.mutate()}>
                {t('portal.logout')}
              </Button>
            </div>
          )}
        </div>
        {session && (
          <nav className="portal-nav" aria-label={t('portal.mainNav')}>
            <ul className="portal-nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className={({ isActive }) => cx('portal-nav__link', isActive && 'portal-nav__link--current')}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="inhoud" className="utrecht-page-body app-main portal-main" tabIndex={-1}>
        <div className="portal-main__content">{children}</div>
      </main>
      <footer className="utrecht-page-footer app-footer">
        <div className="utrecht-page-footer__content app-footer__content">
          <p className="utrecht-paragraph">{t('portal.footer')}</p>
          {session && <p className="utrecht-paragraph">{t('portal.idle', { minutes: session.idleMinutes })}</p>}
        </div>
      </footer>
    </div>
  );
}

/** The portal's pages: only with a resident's session, else to the portal's own login. */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: session, isPending, error, refetch } = usePortalSessionQuery();
  if (isPending) {
    return (
      <PortalFrame>
        <Heading level={1}>{t('portal.name')}</Heading>
        <LoadingState />
      </PortalFrame>
    );
  }
  if (error) {
    return (
      <PortalFrame>
        <Heading level={1}>{t('portal.name')}</Heading>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </PortalFrame>
    );
  }
  if (!session) return <Navigate to="/mijn/inloggen" replace state={{ returnTo: location.pathname }} />;
  return (
    <PortalSessionContext.Provider value={session}>
      <PortalFrame session={session}>
        <Outlet />
      </PortalFrame>
    </PortalSessionContext.Provider>
  );
}
