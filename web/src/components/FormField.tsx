import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './classNames.ts';

export interface FieldProps {
  /** Also the id of the control; error summaries link to it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  /** Marks the field as optional in the label: "(niet verplicht)". */
  optional?: boolean;
  /** Tells assistive technology the field must be filled in (aria-required; no browser validation). */
  required?: boolean;
}

/** The ids that describe a control: its description and its error message. */
export function describedBy(field: Pick<FieldProps, 'id' | 'description' | 'error'>): string | undefined {
  const ids = [field.description ? `${field.id}-description` : null, field.error ? `${field.id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** NL Design System form field: label, description and inline error message around one control. */
export function FormField({
  id,
  label,
  description,
  error,
  optional,
  type = 'text',
  children,
}: FieldProps & { type?: 'text' | 'checkbox'; children: ReactNode }) {
  const { t } = useTranslation();
  const labelNode = (
    <label className={cx('utrecht-form-label', type === 'checkbox' && 'utrecht-form-label--checkbox')} htmlFor={id}>
      {label}
      {optional && <span className="app-optional"> {t('form.optional')}</span>}
    </label>
  );
  return (
    <div
      className={cx(
        'utrecht-form-field',
        `utrecht-form-field--${type}`,
        'utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
        'app-form-field',
      )}
    >
      {type === 'checkbox' ? (
        <>
          <div className="utrecht-form-field__input">{children}</div>
          <div className="utrecht-form-field__label">{labelNode}</div>
        </>
      ) : (
        <div className="utrecht-form-field__label">{labelNode}</div>
      )}
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message app-field-error" id={`${id}-error`}>
          <span className="app-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </div>
      )}
      {type !== 'checkbox' && <div className="utrecht-form-field__input">{children}</div>}
    </div>
  );
}
