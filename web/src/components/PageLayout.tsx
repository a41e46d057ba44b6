import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import type { Session } from '../api/models.ts';
import { hasPermission, landingPath, primaryRole } from '../auth/session.ts';
import { useYouthTeam } from '../auth/youthTeam.ts';
import { useLogout } from '../auth/useAuthActions.ts';
import { Button } from './Button.tsx';
import { cx } from './classNames.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NotificationsNavLink } from '../pages/worklist/NotificationsNavLink.tsx';

interface NavItem {
  to: string;
  label: string;
  /** Also current on the pages below it (/werkgevers/123 under "Werkgevers"). */
  section?: boolean;
}

function navItems(session: Session, t: (key: string) => string, youthTeam: boolean): NavItem[] {
  const items: NavItem[] = [];
  if (hasPermission(session, 'team:manage')) items.push({ to: '/team', label: t('nav.team') });
  if (hasPermission(session, 'worklist:read')) items.push({ to: '/werklijst', label: t('nav.worklist') });
  if (hasPermission(session, 'partnerWorklist:read')) items.push({ to: '/buurtteam', label: t('partnerWorklist.nav') });
  if (hasPermission(session, 'residents:list')) items.push({ to: '/caseload', label: t('nav.caseload') });
  // The employer advisor, beleid and the privacy officer start on their own work, not on "Start".
  else if (
    !hasPermission(session, 'candidates:present') &&
    !hasPermission(session, 'fairness:read') &&
    !hasPermission(session, 'privacy:inspect') &&
    !hasPermission(session, 'imports:run') &&
    !hasPermission(session, 'studies:export')
  )
    items.push({ to: '/welkom', label: t('nav.welcome') });
  if (hasPermission(session, 'imports:run')) items.push({ to: '/import', label: t('imports.nav') });
  if (hasPermission(session, 'privacy:inspect')) {
    items.push({ to: '/privacy', label: t('privacyOfficer.nav.lookup') });
    items.push({ to: '/privacy/logboek', label: t('privacyOfficer.nav.log') });
    items.push({ to: '/privacy/register', label: t('privacyOfficer.nav.register') });
  }
  if (hasPermission(session, 'privacy:erase')) {
    items.push({ to: '/privacy/wissen', label: t('reliability.nav.erasure') });
  }
  // Team Jongeren (issue 13): only for who works in Team Jongeren (a member of a youth team, or a senior werkmatcher);
  // other werkmatchers keep the youth sections on their young people's pages (the scope decides, not the menu).
  if (youthTeam) {
    if (hasPermission(session, 'youth:write')) items.push({ to: '/jongeren', label: t('youth.nav.periods') });
    if (hasPermission(session, 'youth:write')) items.push({ to: '/jongeren/overdrachten', label: t('youth.nav.referrals') });
    if (hasPermission(session, 'youth:write') || hasPermission(session, 'youth:approveProvision')) items.push({ to: '/jongeren/maatwerk', label: t('youth.nav.provisions') });
    if (hasPermission(session, 'youth:write')) items.push({ to: '/jongeren/overleg', label: t('youth.nav.reviews') });
    if (hasPermission(session, 'youth:confirmExemption')) items.push({ to: '/jongeren/ontheffingen', label: t('youth.nav.exemptions') });
  }
  // The council letter for beleid (aggregates only) and the seniors of Team Jongeren.
  if (hasPermission(session, 'youth:figures') && (!hasPermission(session, 'youth:write') || youthTeam)) items.push({ to: '/jongeren/raadsopgave', label: t('youth.nav.council') });
  if (hasPermission(session, 'residents:create')) items.push({ to: '/inwoners/nieuw', label: t('nav.newResident') });
  if (hasPermission(session, 'candidates:present')) items.push({ to: '/kandidaten', label: t('employers.nav.candidates'), section: true });
  if (hasPermission(session, 'studies:read')) items.push({ to: '/studies', label: t('studies.nav'), section: true });
  if (hasPermission(session, 'programmes:read')) items.push({ to: '/programmas', label: t('programmes.nav'), section: true });
  if (hasPermission(session, 'fairness:read')) items.push({ to: '/eerlijke-matching', label: t('employers.nav.fairness'), section: true });
  if (hasPermission(session, 'vacancies:read')) items.push({ to: '/vacatures', label: t('employers.nav.vacancies'), section: true });
  if (hasPermission(session, 'employers:read')) items.push({ to: '/werkgevers', label: t('employers.nav.employers'), section: true });
  return items;
}

function focusMain(e: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById('inhoud');
  if (!main) return;
  e.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The page frame: skip link, header with user and language, main navigation, main content and footer. */
export function PageLayout({ session, children, demo }: { session?: Session | null; children: ReactNode; demo?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const showDemo = demo ?? session?.authMethod === 'demo';
  const role = session ? primaryRole(session) : undefined;
  const youthTeam = useYouthTeam(session);

  return (
    <div className="utrecht-page-layout app-layout">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus app-skip-link" href="#inhoud" onClick={focusMain}>
        {t('layout.skipLink')}
      </a>
      <header className="utrecht-page-header app-header">
        {showDemo && (
          <p className="app-demo-banner">
            <strong>{t('layout.demoBanner')}</strong> {t('layout.demoBannerDetail')}
          </p>
        )}
        <div className="utrecht-page-header__content app-header__content">
          <div className="app-header__brand">
            <Link to={session ? landingPath(session) : '/inloggen'} className="app-brand">
              {t('app.name')}
            </Link>
            {session && <span className="app-header__municipality">{session.user.municipality.name}</span>}
          </div>
          <LanguageSwitch />
          <div className="app-header__tools">
            {session && (
              <p className="app-header__user">
                <span className="app-visually-hidden">{t('layout.loggedInAs')} </span>
                <strong>{session.user.displayName}</strong>
                {role && <span className="app-header__role">{t(`roles.${role}`, { defaultValue: role })}</span>}
              </p>
            )}
            {session && (
              <Button appearance="secondary" busy={logout.isPending} onClick={() => logout.mutate()}>
                {t('layout.logout')}
              </Button>
            )}
          </div>
        </div>
        {session && (
          <nav className="utrecht-nav-bar app-nav" aria-label={t('layout.mainNav')}>
            <div className="app-nav__content">
              <ul className="utrecht-nav-list app-nav__list">
                {navItems(session, t, youthTeam).map((item) => (
                  <li className="utrecht-nav-list__item" key={item.to}>
                    <NavLink
                      to={item.to}
                      end={!item.section}
                      className={({ isActive }) => cx('utrecht-nav-list__link', 'app-nav__link', isActive && 'app-nav__link--current')}
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                <NotificationsNavLink session={session} />
              </ul>
            </div>
          </nav>
        )}
      </header>
      <main id="inhoud" className="utrecht-page-body app-main" tabIndex={-1}>
        <div className="utrecht-page-body__content app-main__content">{children}</div>
      </main>
      <footer className="utrecht-page-footer app-footer">
        <div className="utrecht-page-footer__content app-footer__content">
          <p className="utrecht-paragraph">{t('layout.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
