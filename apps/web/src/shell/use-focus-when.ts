import { useEffect, useRef } from 'react';

/**
 * A ref for an element that takes focus when `shown` turns true (not on the first render): the
 * control that replaces the one just used (a share link after "Create a share link", the Edit
 * button after its form closes), so keyboard users carry on from there.
 */
export function useFocusWhen<T extends HTMLElement>(shown: boolean) {
  const ref = useRef<T>(null);
  const before = useRef(shown);
  useEffect(() => {
    if (shown && !before.current) ref.current?.focus();
    before.current = shown;
  }, [shown]);
  return ref;
}
