import { useEffect, useRef } from 'react';

/**
 * A success message, announced politely by screen readers. With `takeFocus`, focus moves to it
 * when it appears: for actions that remove the control that was used (an answered badge's
 * buttons), so keyboard users are not left at the top of the document.
 */
export function Notice({ text, takeFocus = false }: { text: string | null; takeFocus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (takeFocus && text) ref.current?.focus();
  }, [takeFocus, text]);
  return (
    <p ref={ref} className="notice" role="status" hidden={!text} tabIndex={takeFocus ? -1 : undefined}>
      {text}
    </p>
  );
}
