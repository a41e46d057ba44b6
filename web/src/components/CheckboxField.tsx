import type { InputHTMLAttributes } from 'react';
import { FormField, describedBy, type FieldProps } from './FormField.tsx';

export interface CheckboxFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'children'> {}

export function CheckboxField({ id, label, description, error, ...input }: CheckboxFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error} type="checkbox">
      <input
        {...input}
        id={id}
        name={input.name ?? id}
        type="checkbox"
        aria-describedby={describedBy({ id, description, error })}
        aria-invalid={error ? true : undefined}
        className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
      />
    </FormField>
  );
}
