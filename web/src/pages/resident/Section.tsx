import type { ReactNode } from 'react';
import { Heading } from '../../components/Heading.tsx';

/** A section of the resident page with its own h2; the id is its anchor (a link with #id opens the tab that holds it). */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="app-section" aria-labelledby={`${id}-heading`} id={id}>
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
