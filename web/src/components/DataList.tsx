import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

export interface DataItem {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** A description list of label-value pairs. Items with an undefined value are left out (not shown, not greyed). */
export function DataList({ items, className }: { items: (DataItem | null | false)[]; className?: string }) {
  const shown = items.filter((i): i is DataItem => Boolean(i) && (i as DataItem).value !== undefined);
  return (
    <dl className={cx('utrecht-data-list', 'app-data-list', className)}>
      {shown.map((item) => (
        <div className="utrecht-data-list__item app-data-list__item" key={item.key}>
          <dt className="utrecht-data-list__item-key">{item.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
