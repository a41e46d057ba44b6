import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http.ts';

const KNOWN = [0, 400, 401, 403, 404, 409, 412, 422, 428, 429, 500, 502, 503];

/** A helpful sentence for an error: our own text for known statuses, else the server's (Dutch) detail. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (KNOWN.includes(error.status)) return t(`errors.status.${error.status}`);
      return error.problem.detail ?? error.problem.title;
    }
    return t('errors.unknown');
  };
}
