import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revealBsn } from '../../api/residents.api.ts';
import { Button } from '../../components/Button.tsx';
import { useErrorText } from '../../hooks/useErrorText.ts';

/** The BSN stays masked until the user asks for it; asking is logged (the user is told so). */
export function BsnReveal({ residentId, masked, canReveal }: { residentId: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [shown, setShown] = useState(false);
  const reveal = useMutation({ mutationFn: () => revealBsn(residentId) });

  const onToggle = () => {
    if (shown) {
      setShown(false);
      return;
    }
    if (reveal.data) {
      setShown(true);
      return;
    }
    reveal.mutate(undefined, { onSuccess: () => setShown(true) });
  };

  return (
    <span className="app-bsn">
      <span className="app-bsn__value" aria-live="polite">
        {shown && reveal.data ? (
          <span className="app-mono">{reveal.data}</span>
        ) : (
          <>
            <span className="app-mono" aria-hidden="true">
              {masked}
            </span>
            <span className="app-visually-hidden">{t('resident.bsnMaskedSr', { last: masked.replace(/\D/g, '') })}</span>
          </>
        )}
      </span>
      {canReveal && (
        <Button appearance="subtle" className="app-bsn__button" busy={reveal.isPending} onClick={onToggle} aria-describedby="bsn-logged">
          {shown ? t('resident.hideBsn') : t('resident.showBsn')}
        </Button>
      )}
      {canReveal && (
        <span id="bsn-logged" className="app-cell-note">
          {t('resident.bsnLogged')}
        </span>
      )}
      {reveal.error && (
        <span className="app-field-error" role="alert">
          {errorText(reveal.error)}
        </span>
      )}
    </span>
  );
}
