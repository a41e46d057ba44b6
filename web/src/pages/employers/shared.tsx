import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../../components/ErrorSummary.tsx';
import { Heading } from '../../components/Heading.tsx';
import { formatDate, formatShortDate } from '../../format/dates.ts';
import { useErrorText } from '../../hooks/useErrorText.ts';
import { fieldErrorsOf } from '../../hooks/useFieldErrors.ts';
import { localeOf } from '../../i18n/index.ts';

// Shared by the employer advisor's pages (werkgevers, vacatures, kandidaten, plaatsingen).

/** A section with its own h2 (anchor target). */
export function Section({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      {actions}
      {children}
    </section>
  );
}

/** Numbers and dates in the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return {
    locale,
    number: (n: number, digits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    money: (n: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(n),
    date: (d: string) => formatDate(d, locale),
    shortDate: (d: string) => formatShortDate(d, locale),
  };
}

/**
 * Field errors of a form: the form's own checks over the server's invalidParams (names like "schedule.0.from" are
 * shortened to their first part, so they land on the field). `other` is a failure that belongs to no field.
 */
export function formErrors(error: unknown, local: Record<string, string>) {
  const server: Record<string, string> = {};
  for (const [name, reason] of Object.entries(fieldErrorsOf(error))) {
    const key = name.split('.')[0] ?? name;
    if (!(key in server)) server[key] = reason;
  }
  const errors: Record<string, string> = { ...server, ...local };
  const other = error && Object.keys(server).length === 0 ? error : null;
  return { errors, other };
}

/** Error summary plus a general failure alert at the top of a form. */
export function FormProblems({
  formId,
  errors,
  other,
  fields,
  failedTitle,
}: {
  formId: string;
  errors: Record<string, string>;
  other: unknown;
  /** name → { id of the control, label } */
  fields: Record<string, { id: string; label: string }>;
  failedTitle: string;
}) {
  const errorText = useErrorText();
  const items: ErrorSummaryItem[] = Object.entries(errors).map(([name, message]) => ({
    fieldId: fields[name]?.id ?? `${formId}-${name}`,
    label: fields[name]?.label ?? name,
    message,
  }));
  return (
    <>
      <ErrorSummary items={items} id={`${formId}-errors-title`} />
      {other !== null && other !== undefined && (
        <Alert type="error" live="alert" title={failedTitle}>
          <p className="utrecht-paragraph">{problemText(other, errorText)}</p>
        </Alert>
      )}
    </>
  );
}

/** The server's own Dutch detail when it explains a refusal (409), else our text for the status. */
export function problemText(error: unknown, errorText: (e: unknown) => string): string {
  if (error instanceof ApiError && error.status === 409 && error.problem.detail) return error.problem.detail;
  return errorText(error);
}

/** Focus an element once React rendered it. */
export function focusLater(id: string, frames = 20): void {
  window.requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (frames > 0) focusLater(id, frames - 1);
  });
}

/** A trimmed optional text: undefined when empty. */
export function opt(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

/** "12,5" or "12.5" → 12.5; undefined when not a number. */
export function parseDecimal(value: string): number | undefined {
  const v = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return undefined;
  return Number(v);
}

export const POSTCODE = /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/;

/** "3511 ab" → "3511AB". */
export function normalisePostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Intention agreements (with a pledge) first, then by start of the period. */
export function sortAgreements<T extends { kind: string; periodStart: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.kind === b.kind ? a.periodStart.localeCompare(b.periodStart) : a.kind === 'intention' ? -1 : 1));
}

/** "3584CX" → "3584 CX". */
export function formatPostcode(postcode: string): string {
  return postcode.replace(/^(\d{4})\s?([A-Za-z]{2})$/, '$1 $2');
}
