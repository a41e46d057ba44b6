import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError, setCsrfToken } from '../../api/client.ts';
import { createPortalDemoSession, deletePortalSession, getPortalSession, type PortalSession } from '../../api/portal.api.ts';

// The resident's own session (Mijn Samenplan). Separate from the staff session: a resident never sees staff pages.

export const PORTAL_SESSION_KEY = ['portal-session'] as const;

export function usePortalSessionQuery() {
  return useQuery({
    queryKey: PORTAL_SESSION_KEY,
    queryFn: async (): Promise<PortalSession | null> => {
      try {
        const s = await getPortalSession();
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        // 401: not logged in; 404: a staff session, which is no resident's.
        if (isApiError(e, 401) || isApiError(e, 404)) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export const PortalSessionContext = createContext<PortalSession | null>(null);

export function usePortalSession(): PortalSession {
  const s = useContext(PortalSessionContext);
  if (!s) throw new Error('usePortalSession outside RequirePortalSession');
  return s;
}

export function usePortalDemoLogin() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: createPortalDemoSession,
    onSuccess: (s) => {
      setCsrfToken(s.csrfToken);
      qc.clear();
      qc.setQueryData(PORTAL_SESSION_KEY, s);
      void navigate('/mijn', { replace: true });
    },
  });
}

export function usePortalLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: deletePortalSession,
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(PORTAL_SESSION_KEY, null);
      void navigate('/mijn/inloggen', { replace: true, state: { loggedOut: true } });
    },
  });
}
