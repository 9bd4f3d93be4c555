import { useState } from 'react';

import { useI18n } from '../i18n/i18n-context';

/** Copies `text` to the clipboard and says so (or says to copy by hand when the browser refuses). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }
  return (
    <span className="copy">
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="muted">
        {outcome === 'copied' ? t('passport.share.copied') : outcome === 'failed' ? t('passport.share.copyFailed') : ''}
      </span>
    </span>
  );
}
