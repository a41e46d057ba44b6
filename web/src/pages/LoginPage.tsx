import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { DemoUser } from '../api/models.ts';
import { OIDC_LOGIN_URL, getLoginOptions } from '../api/session.api.ts';
import { landingPath } from '../auth/session.ts';
import { useDemoLogin } from '../auth/useAuthActions.ts';
import { useSessionQuery } from '../auth/useSessionQuery.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Heading } from '../components/Heading.tsx';
import { ExternalButtonLink } from '../components/Links.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PageLayout } from '../components/PageLayout.tsx';
import { Paragraph } from '../components/Paragraph.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useErrorText } from '../hooks/useErrorText.ts';
import { DemoUserPicker } from './login/DemoUserPicker.tsx';

interface LoginState {
  returnTo?: string;
  loggedOut?: boolean;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const session = useSessionQuery();
  const options = useQuery({ queryKey: ['login-options'], queryFn: getLoginOptions, staleTime: 60_000 });
  const demoLogin = useDemoLogin(state.returnTo);
  const errorText = useErrorText();

  if (session.data) return <Navigate to={state.returnTo ?? landingPath(session.data)} replace />;

  const demoUsers: DemoUser[] = options.data?.demoUsers ?? [];
  return (
    <PageLayout demo={options.data?.demoLogin ?? false}>
      <Heading level={1}>{t('login.title')}</Heading>
      <Paragraph lead>{t('login.intro')}</Paragraph>
      {state.loggedOut && (
        <Alert type="ok" live="status">
          <p className="utrecht-paragraph">{t('login.loggedOut')}</p>
        </Alert>
      )}
      {state.returnTo && !state.loggedOut && (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('login.needLogin')}</p>
        </Alert>
      )}
      {options.isPending && <LoadingState />}
      {options.error && <ErrorState error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && !options.data.demoLogin && !options.data.oidc && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('login.noMethods')}</p>
        </Alert>
      )}
      {options.data?.oidc && (
        <section className="app-section" aria-labelledby="login-oidc">
          <Heading level={2} id="login-oidc">
            {t('login.oidcHeading')}
          </Heading>
          <Paragraph>{t('login.oidcText')}</Paragraph>
          <ExternalButtonLink href={OIDC_LOGIN_URL}>{t('login.oidcButton')}</ExternalButtonLink>
        </section>
      )}
      {options.data?.demoLogin && (
        <section className="app-section app-demo-login" aria-labelledby="login-demo">
          <Heading level={2} id="login-demo">
            {t('login.demoHeading')}
          </Heading>
          <Paragraph>{t('login.demoText')}</Paragraph>
          {demoLogin.error && (
            <Alert type="error" live="alert" title={t('login.demoFailed')}>
              <p className="utrecht-paragraph">{errorText(demoLogin.error)}</p>
            </Alert>
          )}
          <DemoUserPicker
            users={demoUsers}
            busyUser={demoLogin.isPending ? demoLogin.variables : undefined}
            onPick={(username) => demoLogin.mutate(username)}
          />
        </section>
      )}
    </PageLayout>
  );
}
