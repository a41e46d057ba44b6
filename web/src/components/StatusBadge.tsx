import type { ReactNode } from 'react';
import { cx } from './classNames.ts';

export type BadgeStatus = 'neutral' | 'safe' | 'warning' | 'danger' | 'active' | 'inactive';

export function StatusBadge({ status = 'neutral', children, className }: { status?: BadgeStatus; children: ReactNode; className?: string }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${status}`, 'app-badge', className)}>{children}</span>;
}
