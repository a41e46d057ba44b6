import type { ComponentPropsWithRef } from 'react';
import { cx } from './classNames.ts';

export type ButtonAppearance = 'primary' | 'secondary' | 'subtle';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  appearance?: ButtonAppearance;
  /** Shows the button as busy and blocks a second click. */
  busy?: boolean;
  danger?: boolean;
}

export function Button({ appearance = 'secondary', busy, danger, className, type = 'button', disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={busy ? (e) => e.preventDefault() : rest.onClick}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`,
        busy && 'utrecht-button--busy',
        danger && 'utrecht-button--danger',
        disabled && 'utrecht-button--disabled',
        className,
      )}
    />
  );
}
