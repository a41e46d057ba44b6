import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

export interface PaginationProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** The label of the navigation landmark, e.g. "Paginering caseload". */
  label: string;
  /** The list's total (all matches, from the API's envelope) and the page size: shows "Pagina 2 van 7". */
  total?: number;
  pageSize?: number;
}

/**
 * Previous/next navigation for cursor-paginated lists (`next` of the list envelope is the cursor of the next page;
 * the server knows no page numbers, the number of pages follows from `total`).
 */
export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext, label, total, pageSize }: PaginationProps) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  const pages = total !== undefined && pageSize ? Math.max(page, Math.ceil(total / pageSize)) : undefined;
  return (
    <nav className="utrecht-pagination app-pagination" aria-label={label}>
      <Button appearance="secondary" onClick={onPrevious} disabled={!hasPrevious}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </Button>
      <span className="app-pagination__page">
        {pages === undefined ? t('pagination.page', { page }) : t('pagination.pageOf', { page, pages })}
      </span>
      <Button appearance="secondary" onClick={onNext} disabled={!hasNext}>
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </Button>
    </nav>
  );
}
