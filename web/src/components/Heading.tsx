import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './classNames.ts';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4;
  children: ReactNode;
}

/** NL Design System heading. The h1 is focusable from script (route changes move focus to it). */
export function Heading({ level, className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag
      {...rest}
      className={cx(`utrecht-heading-${level}`, level === 1 && 'app-page-title', className)}
      tabIndex={level === 1 ? -1 : rest.tabIndex}
    >
      {children}
    </Tag>
  );
}
