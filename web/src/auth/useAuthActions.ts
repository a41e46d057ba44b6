import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/models.ts';
import { createDemoSession, deleteSession } from '../api/session.api.ts';
import { SESSION_QUERY_KEY, landingPath } from './session.ts';

/** Demo login: one click on a demo user starts a session and opens that user's landing page. */
export function useDemoLogin(returnTo?: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (username: string) => createDemoSession(username),
    onSuccess: (session: Session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_QUERY_KEY[0] });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_QUERY_KEY, session);
      navigate(returnTo && returnTo !== '/' ? returnTo : landingPath(session), { replace: true });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: deleteSession,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      navigate('/inloggen', { replace: true, state: { loggedOut: true } });
    },
  });
}
