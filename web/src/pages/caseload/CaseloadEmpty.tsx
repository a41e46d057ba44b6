import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.tsx';
import { Paragraph } from '../../components/Paragraph.tsx';
import { hasActiveFilters, type CaseloadParams } from './caseloadParams.ts';

/** An empty list says why and what to do next. */
export function CaseloadEmpty({ params, onShowAll, onClear }: { params: CaseloadParams; onShowAll: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  const filtered = hasActiveFilters(params);
  return (
    <div className="app-empty">
      <Paragraph>
        <strong>{filtered ? t('caseload.empty.filteredTitle') : t('caseload.empty.title')}</strong>
      </Paragraph>
      <Paragraph>
        {filtered
          ? t('caseload.empty.filteredText')
          : params.mine
            ? t('caseload.empty.mineText')
            : t('caseload.empty.text')}
      </Paragraph>
      <div className="app-button-row">
        {filtered && (
          <Button appearance="secondary" onClick={onClear}>
            {t('caseload.filters.clear')}
          </Button>
        )}
        {params.mine && (
          <Button appearance="secondary" onClick={onShowAll}>
            {t('caseload.empty.showAll')}
          </Button>
        )}
      </div>
    </div>
  );
}
