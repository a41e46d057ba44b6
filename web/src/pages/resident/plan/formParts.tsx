import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ErrorSummary.tsx';
import { useErrorText } from '../../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../../hooks/useFieldErrors.ts';
import type { PlanText } from './planText.ts';

/** Field errors of a plan form: the server's (invalidParams, 400) under the form's own checks. */
export function formErrors(error: unknown, local: Record<string, string>) {
  const server = fieldErrorsOf(error);
  const errors: Record<string, string> = { ...server, ...local };
  const other = error && Object.keys(server).length === 0 ? error : null;
  return { errors, other };
}

/**
 * The top of a plan form: the error summary (with an id of its own: several plan forms can be open at once)
 * and a failure that belongs to no field.
 */
export function FormProblems({
  formId,
  errors,
  other,
  fieldOf,
  failedTitle,
  text,
}: {
  formId: string;
  errors: Record<string, string>;
  other: unknown;
  fieldOf: (name: string) => { fieldId: string; label: string };
  failedTitle: string;
  text: PlanText;
}) {
  const errorText = useErrorText();
  const items: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({ ...fieldOf(name), message }));
  return (
    <>
      <ErrorSummary items={items} id={`${formId}-error-summary`} title={text.t('form.errorSummaryTitle')} />
      {other !== null && other !== undefined && (
        <Alert type="error" live="alert" title={failedTitle}>
          <p className="utrecht-paragraph">{errorText(other)}</p>
        </Alert>
      )}
    </>
  );
}

/**
 * Focus an element once React has rendered it (e.g. the toggle of a form that just closed, or a form that opens
 * after a save): tries for a few frames, as an update from a network answer may render after the next frame.
 */
export function focusLater(id: string, frames = 20): void {
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (frames > 0) focusLater(id, frames - 1);
  });
}

/** The end of a plan form: the "nothing changed" notice, then submit and cancel. */
export function FormActions({ unchanged, busy, submitLabel, onCancel }: { unchanged: boolean; busy: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {unchanged && (
        <p className="utrecht-paragraph app-field-error" role="alert">
          {t('plan.form.unchanged')}
        </p>
      )}
      <div className="app-button-row">
        <Button type="submit" appearance="primary" busy={busy}>
          {submitLabel}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
}
