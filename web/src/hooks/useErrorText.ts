import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

const KNOWN = [0, 400, 401, 403, 404, 409, 412, 428, 429, 500, 502, 503];

/** A helpful sentence for an error: our own text for known statuses, else the server's (Dutch) detail. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      // Validation errors are 400 with the refused fields in invalidParams.
      if (error.status === 400 && error.invalidParams.length > 0) return t('errors.invalidFields');
      if (KNOWN.includes(error.status)) return t(`errors.status.${error.status}`);
      return error.detail || error.title;
    }
    return t('errors.unknown');
  };
}
