/** A percentage as the API gives it (one decimal): "33,3%" in Dutch, "33.3%" in English. */
export function formatPct(value: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
}
