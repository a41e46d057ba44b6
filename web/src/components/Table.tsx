import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from './classNames.ts';

/**
 * A table in a scrollable, labelled region: on a narrow phone the table scrolls sideways and keyboard users
 * can scroll it because the region is focusable.
 */
export function Table({ caption, captionHidden, id, children, className }: {
  caption: ReactNode;
  captionHidden?: boolean;
  id: string;
  children: ReactNode;
  className?: string;
}) {
  const captionId = `${id}-caption`;
  return (
    <div className="utrecht-table-container app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table id={id} className={cx('utrecht-table', 'utrecht-table--html-table', 'app-table', className)}>
        <caption id={captionId} className={cx('utrecht-table__caption', captionHidden && 'app-visually-hidden')}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

export function TableHeader({ children }: { children: ReactNode }) {
  return <thead className="utrecht-table__header">{children}</thead>;
}

export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className="utrecht-table__body">{children}</tbody>;
}

export function TableRow({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr {...rest} className={cx('utrecht-table__row', className)} />;
}

export function TableHeaderCell({ className, scope = 'col', numeric, ...rest }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      {...rest}
      scope={scope}
      className={cx('utrecht-table__header-cell', numeric && 'utrecht-table__header-cell--numeric-column', className)}
    />
  );
}

export function TableCell({ className, numeric, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td {...rest} className={cx('utrecht-table__cell', numeric && 'utrecht-table__cell--numeric-data', className)} />
  );
}
