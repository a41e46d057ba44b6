import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorSummaryItem {
  /** The id of the field to jump to. */
  fieldId: string;
  label: string;
  message: string;
}

/**
 * The list of problems at the top of a form, each linking to its field. It takes focus when it appears,
 * so keyboard and screen reader users learn at once what to fix. Give each form on a page its own `id` (the id
 * of the title) when more than one form can show errors at the same time.
 */
export function ErrorSummary({ items, title, id = 'error-summary-title' }: { items: ErrorSummaryItem[]; title?: string; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const key = items.map((i) => `${i.fieldId}:${i.message}`).join('|');

  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);

  if (items.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error app-alert app-error-summary">
      <span className="utrecht-alert__icon app-alert__icon" aria-hidden="true">
        ×
      </span>
      <div className="utrecht-alert__content">
        <h2 className="utrecht-heading-3 app-error-summary__title" id={id}>
          {title ?? t('form.errorSummaryTitle')}
        </h2>
        <ul className="utrecht-unordered-list app-error-summary__list">
          {items.map((item) => (
            <li key={item.fieldId + item.message}>
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${item.fieldId}`}
                onClick={(e) => {
                  const el = document.getElementById(item.fieldId);
                  if (!el) return;
                  e.preventDefault();
                  el.focus();
                  el.scrollIntoView({ block: 'center' });
                }}
              >
                {item.label}: {item.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
