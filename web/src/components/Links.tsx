import type { AnchorHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router-dom';
import { cx } from './classNames.ts';
import type { ButtonAppearance } from './Button.tsx';

/** An in-app link styled as an NL Design System link. */
export function AppLink({ className, ...rest }: LinkProps) {
  return <Link {...rest} className={cx('utrecht-link', 'utrecht-link--html-a', className)} />;
}

/** An in-app link that looks like a button (for navigation, not for actions). */
export function ButtonLink({ className, appearance = 'primary', ...rest }: LinkProps & { appearance?: ButtonAppearance }) {
  return (
    <Link
      {...rest}
      className={cx(
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        `utrecht-button-link--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`,
        className,
      )}
    />
  );
}

/** A link that leaves the single-page app (full page navigation), such as the OIDC login. */
export function ExternalButtonLink({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      {...rest}
      className={cx('utrecht-button-link', 'utrecht-button-link--html-a', 'utrecht-button-link--primary-action', className)}
    />
  );
}
