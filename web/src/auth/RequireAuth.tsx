import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '../api/models.ts';
import { LoadingPage } from '../pages/LoadingPage.tsx';
import { ErrorPage } from '../pages/ErrorPage.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { SessionContext, hasPermission } from './session.ts';
import { useSessionQuery } from './useSessionQuery.ts';

/** Renders its children only with a session (else: to the login page) and, if asked, a permission. */
export function RequireAuth({ children, permission }: { children: ReactNode; permission?: Permission }) {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();

  if (isPending) return <LoadingPage />;
  if (error) return <ErrorPage error={error} onRetry={() => void refetch()} />;
  if (!session) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate to="/inloggen" replace state={{ returnTo }} />;
  }
  return (
    <SessionContext.Provider value={session}>
      {permission && !hasPermission(session, permission) ? <ForbiddenPage /> : children}
    </SessionContext.Provider>
  );
}
