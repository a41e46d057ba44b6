import { useTranslation } from 'react-i18next';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { useErrorText } from '../hooks/useErrorText.ts';

/** An error in place of content that could not load, with a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert type="error" title={title ?? t('errors.loadFailed')} live="alert">
      <p className="utrecht-paragraph">{text(error)}</p>
      {onRetry && (
        <Button appearance="secondary" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
