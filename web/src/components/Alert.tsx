import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './classNames.ts';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

export interface AlertProps {
  type?: AlertType;
  title?: ReactNode;
  children?: ReactNode;
  /** 'alert' interrupts screen readers (errors after an action); 'status' is polite; none for static notes. */
  live?: 'alert' | 'status';
  className?: string;
  id?: string;
}

const ICONS: Record<AlertType, string> = { info: 'i', ok: '✓', warning: '!', error: '×' };

export function Alert({ type = 'info', title, children, live, className, id }: AlertProps) {
  const { t } = useTranslation();
  return (
    <div id={id} className={cx('utrecht-alert', `utrecht-alert--${type}`, 'app-alert', className)} role={live}>
      <span className="utrecht-alert__icon app-alert__icon" aria-hidden="true">
        {ICONS[type]}
      </span>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title ? (
            <p className="utrecht-paragraph app-alert__title">
              <span className="app-visually-hidden">{t(`alert.${type}`)}: </span>
              {title}
            </p>
          ) : (
            <span className="app-visually-hidden">{t(`alert.${type}`)}: </span>
          )}
          {children}
        </div>
      </div>
    </div>
  );
}
