import { useTranslation } from 'react-i18next';
import type { ResidentSort, ResidentSummary } from '../../api/models.ts';
import { AppLink } from '../../components/Links.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/Table.tsx';
import { Unknown } from '../../components/Unknown.tsx';
import { ageBandKey } from '../../format/labels.ts';
import { LastContactCell } from './LastContactCell.tsx';
import { SortableHeaderCell, type SortableColumn } from './SortButton.tsx';

const SORT_NAME: SortableColumn = { ascending: 'name', descending: '-name' };
// Ascending months on benefit = the most recent start date first.
const SORT_MONTHS: SortableColumn = { ascending: '-benefitStart', descending: 'benefitStart' };
// Ascending last contact = the longest ago first: who needs attention.
const SORT_CONTACT: SortableColumn = { ascending: 'lastContact', descending: '-lastContact' };

/** Columns appear only when the server sent that field: what the viewer may not see is absent. */
function present(items: ResidentSummary[], key: keyof ResidentSummary): boolean {
  return items.some((item) => key in item);
}

interface Props {
  items: ResidentSummary[];
  normDays: number;
  sort: ResidentSort;
  onSort: (sort: ResidentSort) => void;
  caption: string;
  captionHidden?: boolean;
}

export function CaseloadTable({ items, normDays, sort, onSort, caption, captionHidden }: Props) {
  const { t } = useTranslation();
  const show = {
    ageBand: present(items, 'ageBand'),
    months: present(items, 'monthsOnBenefit'),
    lastContact: present(items, 'daysSinceContact'),
    status: present(items, 'isNew') || present(items, 'caseStatus'),
  };

  return (
    <Table id="caseload-table" caption={caption} captionHidden={captionHidden} className="app-caseload-table">
      <TableHeader>
        <TableRow>
          <SortableHeaderCell label={t('caseload.columns.name')} column={SORT_NAME} sort={sort} onSort={onSort} />
          <TableHeaderCell>{t('caseload.columns.area')}</TableHeaderCell>
          {show.ageBand && <TableHeaderCell>{t('caseload.columns.ageBand')}</TableHeaderCell>}
          {show.months && (
            <SortableHeaderCell label={t('caseload.columns.months')} column={SORT_MONTHS} sort={sort} onSort={onSort} numeric />
          )}
          {show.lastContact && (
            <SortableHeaderCell label={t('caseload.columns.lastContact')} column={SORT_CONTACT} sort={sort} onSort={onSort} />
          )}
          <TableHeaderCell>{t('caseload.columns.contactPerson')}</TableHeaderCell>
          {show.status && <TableHeaderCell>{t('caseload.columns.status')}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((r) => (
          <TableRow key={r.id}>
            <TableHeaderCell scope="row" className="app-row-header">
              <AppLink to={`/inwoners/${r.id}`}>{r.name}</AppLink>
            </TableHeaderCell>
            <TableCell>{r.area.name}</TableCell>
            {show.ageBand && <TableCell>{r.ageBand ? t(`ageBand.${ageBandKey(r.ageBand)}`) : <Unknown />}</TableCell>}
            {show.months && (
              <TableCell numeric>
                {r.monthsOnBenefit === null || r.monthsOnBenefit === undefined ? <Unknown /> : r.monthsOnBenefit}
              </TableCell>
            )}
            {show.lastContact && (
              <TableCell>
                <LastContactCell resident={r} normDays={normDays} />
              </TableCell>
            )}
            <TableCell>{r.contactPerson ? r.contactPerson.displayName : <span className="app-muted">{t('contactPerson.none')}</span>}</TableCell>
            {show.status && (
              <TableCell>
                <span className="app-badges">
                  {r.isNew && <StatusBadge status="active">{t('caseload.status.new')}</StatusBadge>}
                  {r.caseStatus === 'closed' && <StatusBadge status="inactive">{t('caseload.status.closed')}</StatusBadge>}
                </span>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
