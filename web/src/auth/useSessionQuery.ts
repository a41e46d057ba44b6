import { useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../api/client.ts';
import { getSession } from '../api/session.api.ts';
import i18n from '../i18n/index.ts';
import { setMunicipalityTerms } from '../i18n/terms.ts';
import { SESSION_QUERY_KEY } from './session.ts';

export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async () => {
      const session = await getSession();
      setCsrfToken(session?.csrfToken ?? null);
      setMunicipalityTerms(i18n, session?.user.municipality.terms);
      return session;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}
