import type { SelectHTMLAttributes } from 'react';
import { cx } from './classNames.ts';
import { FormField, describedBy, type FieldProps } from './FormField.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  options: SelectOption[];
  /** A first option with an empty value, such as "Alle wijken" or "Kies een werkmatcher". */
  emptyOption?: string;
}

export function SelectField({ id, label, description, error, optional, required, options, emptyOption, ...select }: SelectFieldProps) {
  return (
    <FormField id={id} label={label} description={description} error={error} optional={optional}>
      <select
        {...select}
        id={id}
        name={select.name ?? id}
        aria-describedby={describedBy({ id, description, error })}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}
