import { useEffect } from 'react';

/** Each page names itself in the tab title: the first thing a screen reader announces on navigation. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Open Badges`;
  }, [title]);
}
