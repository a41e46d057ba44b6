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
}

/** Previous/next navigation for cursor-paginated lists (the server knows no page numbers). */
export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext, label }: PaginationProps) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="utrecht-pagination app-pagination" aria-label={label}>
      <Button appearance="secondary" onClick={onPrevious} disabled={!hasPrevious}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </Button>
      <span className="app-pagination__page">{t('pagination.page', { page })}</span>
      <Button appearance="secondary" onClick={onNext} disabled={!hasNext}>
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </Button>
    </nav>
  );
}
