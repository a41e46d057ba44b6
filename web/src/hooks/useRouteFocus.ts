import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

const MAX_FRAMES = 90;

/**
 * After navigating to another page, move focus to the new page's h1, so keyboard and screen reader users start
 * at the new content instead of somewhere in the old page. Not on the first load. Pages that still load show a
 * heading marked data-loading; we wait (up to ~1.5 s) for the real one, then fall back to main.
 */
export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    let frames = 0;
    let id = 0;
    const tryFocus = () => {
      const heading = document.querySelector<HTMLElement>('h1.app-page-title:not([data-loading])');
      if (heading) {
        heading.focus();
        return;
      }
      if (++frames >= MAX_FRAMES) {
        document.getElementById('inhoud')?.focus();
        return;
      }
      id = window.requestAnimationFrame(tryFocus);
    };
    id = window.requestAnimationFrame(tryFocus);
    return () => window.cancelAnimationFrame(id);
  }, [pathname]);
}
