import { useTranslation } from 'react-i18next';
import type { ResidentSort } from '../../api/models.ts';
import { TableHeaderCell } from '../../components/Table.tsx';

/** A sortable column: which server sort means "ascending" and which "descending" for this column. */
export interface SortableColumn {
  ascending: ResidentSort;
  descending: ResidentSort;
}

interface Props {
  label: string;
  column: SortableColumn;
  sort: ResidentSort;
  onSort: (sort: ResidentSort) => void;
  numeric?: boolean;
}

/** A column header with a sort button; aria-sort tells assistive technology the current order. */
export function SortableHeaderCell({ label, column, sort, onSort, numeric }: Props) {
  const { t } = useTranslation();
  const direction = sort === column.ascending ? 'ascending' : sort === column.descending ? 'descending' : undefined;
  const next = direction === 'ascending' ? column.descending : column.ascending;
  const arrow = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <TableHeaderCell aria-sort={direction} numeric={numeric}>
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle utrecht-table__header-cell-button app-sort-button"
        onClick={() => onSort(next)}
      >
        {label}
        <span className="app-visually-hidden">
          {direction ? `, ${t(`caseload.sort.${direction}`)}` : ''}, {t(`caseload.sort.activate`)}
        </span>
        <span className="app-sort-button__icon" aria-hidden="true">
          {arrow}
        </span>
      </button>
    </TableHeaderCell>
  );
}
