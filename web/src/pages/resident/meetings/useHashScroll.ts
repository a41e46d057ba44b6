import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

const MAX_FRAMES = 120;

/**
 * A link such as /inwoners/…#gesprekken (from the Werklijst) should land at that section. The sections load after
 * the page itself, so the browser cannot scroll there on its own: wait until nothing is loading, then scroll.
 */
export function useHashScroll(ready: boolean): void {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    if (!ready || !hash || hash.length < 2) return;
    let frames = 0;
    let id = 0;
    const tryScroll = () => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      const loading = document.querySelector('main .app-loading');
      if (target && (!loading || frames >= MAX_FRAMES)) {
        target.scrollIntoView({ block: 'start' });
        return;
      }
      if (++frames < MAX_FRAMES * 2) id = window.requestAnimationFrame(tryScroll);
    };
    id = window.requestAnimationFrame(tryScroll);
    return () => window.cancelAnimationFrame(id);
  }, [ready, hash, pathname]);
}
