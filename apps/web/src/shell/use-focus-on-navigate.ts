import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** How long a new page may take to show its heading (it may wait for its data): about two seconds of frames. */
const MAX_FRAMES = 120;

/**
 * After a route change (not the first load), focus moves to the new page's main heading, so a
 * keyboard or screen reader user starts reading the new page instead of from a link that is gone
 * or from the top of the document. A change of the query only (filters, ?lang=) keeps focus.
 */
export function useFocusHeadingOnNavigate(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    let frames = 0;
    let handle = 0;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) {
        if ((frames += 1) < MAX_FRAMES) handle = requestAnimationFrame(focusHeading);
        return;
      }
      // Focusable by script only: a heading is not a stop on the Tab order.
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
    };
    handle = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(handle);
  }, [pathname]);
}
