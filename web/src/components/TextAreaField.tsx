import type { TextareaHTMLAttributes } from 'react';
import { cx } from './classNames.ts';
import { FormField, describedBy, type FieldProps } from './FormField.tsx';

export interface TextAreaFieldProps extends FieldProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {}

export function TextAreaField({ id, label, description, error, optional, required, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error} optional={optional}>
      <textarea
        {...textarea}
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        aria-describedby={describedBy({ id, description, error })}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
      />
    </FormField>
  );
}
