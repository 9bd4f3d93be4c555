import type { KeyboardEvent } from 'react';

/** A keydown handler for a form that opens in place (an editor, a confirmation): Escape closes it like Cancel. */
export function closeOnEscape(close: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };
}
