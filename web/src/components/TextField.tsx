import type { InputHTMLAttributes } from 'react';
import { cx } from './classNames.ts';
import { FormField, describedBy, type FieldProps } from './FormField.tsx';

export interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children' | 'size'> {
  /** A CSS width class for short values, e.g. postcode or house number. */
  size?: 'sm' | 'md' | 'lg';
  inputClassName?: string;
}

export function TextField({ id, label, description, error, optional, required, size, inputClassName, type = 'text', ...input }: TextFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error} optional={optional}>
      <input
        {...input}
        id={id}
        name={input.name ?? id}
        type={type}
        aria-describedby={describedBy({ id, description, error })}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={cx(
          'utrecht-textbox',
          'utrecht-textbox--html-input',
          error && 'utrecht-textbox--invalid',
          size && `app-input--${size}`,
          inputClassName,
        )}
      />
    </FormField>
  );
}
