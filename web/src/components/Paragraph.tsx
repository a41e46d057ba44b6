import type { HTMLAttributes } from 'react';
import { cx } from './classNames.ts';

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  lead?: boolean;
  small?: boolean;
}

export function Paragraph({ lead, small, className, ...rest }: ParagraphProps) {
  return (
    <p
      {...rest}
      className={cx('utrecht-paragraph', lead && 'utrecht-paragraph--lead', small && 'utrecht-paragraph--small', className)}
    />
  );
}
