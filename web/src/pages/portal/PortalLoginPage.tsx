import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { PORTAL_OIDC_LOGIN_URL, getPortalLoginOptions } from '../../api/portal.api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Heading } from '../../components/Heading.tsx';
import { AppLink, ExternalButtonLink } from '../../components/Links.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { PortalFrame } from './PortalLayout.tsx';
import { usePortalDemoLogin, usePortalSessionQuery } from './portalSession.ts';

export function PortalLoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.login.title'));
  const location = useLocation();
  const loggedOut = Boolean((location.state as { loggedOut?: boolean } | null)?.loggedOut);
  const session = usePortalSessionQuery();
  const options = useQuery({ queryKey: ['portal-login-options'], queryFn: getPortalLoginOptions, staleTime: 60_000 });
  const demo = usePortalDemoLogin();
  const errorText = useErrorText();
  if (session.data) return <Navigate to="/mijn" replace />;
  return (
    <PortalFrame demo={options.data?.demoLogin ?? false}>
      <Heading level={1}>{t('portal.login.title')}</Heading>
      <Paragraph lead>{t('portal.login.intro')}</Paragraph>
      {loggedOut && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('portal.login.loggedOut')}</p>
        </Alert>
      )}
      {options.isPending && <LoadingState />}
      {options.error && <ErrorState error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && !options.data.demoLogin && !options.data.oidc && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('portal.login.noMethods')}</p>
        </Alert>
      )}
      {options.data?.oidc && (
        <section className="portal-card" aria-labelledby="portal-digid">
          <Heading level={2} id="portal-digid">
            {t('portal.login.digidHeading')}
          </Heading>
          <Paragraph>{t('portal.login.digidText')}</Paragraph>
          <ExternalButtonLink href={PORTAL_OIDC_LOGIN_URL} className="portal-button">
            {t('portal.login.digidButton')}
          </ExternalButtonLink>
        </section>
      )}
      {options.data?.demoLogin && (
        <section className="portal-card" aria-labelledby="portal-demo">
          <Heading level={2} id="portal-demo">
            {t('portal.login.demoHeading')}
          </Heading>
          <Paragraph>{t('portal.login.demoText')}</Paragraph>
          {demo.error && (
            <Alert type="error" live="alert" title={t('portal.login.demoFailed')}>
              <p className="utrecht-paragraph">{errorText(demo.error)}</p>
            </Alert>
          )}
          <ul className="portal-stack">
            {options.data.demoResidents.map((r) => (
              <li key={r.username}>
                <Button
                  appearance="primary"
                  className="portal-button"
                  busy={demo.isPending && demo.variables === r.username}
                  onClick={() => demo.mutate(r.username)}
                >
                  {t('portal.login.demoAs', { name: r.displayName })}
                </Button>
                <span className="portal-muted"> {r.municipalityName}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Paragraph small>
        {t('portal.login.staff')} <AppLink to="/inloggen">{t('portal.login.staffLink')}</AppLink>
      </Paragraph>
    </PortalFrame>
  );
}
