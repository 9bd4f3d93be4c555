import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

import { verifyBadge, type VerifyInput, type VerifyResult } from '../api/verify-api';
import { readAsDataUri } from '../console/badge-classes/image-data-uri';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { usePageTitle } from '../shell/use-page-title';
import { VerifyForm } from './VerifyForm';
import { VerifyReport } from './VerifyReport';

/**
 * Public: anyone checks a badge. `/verify?url=<assertion URL>` (the public badge pages' verify
 * button) verifies that link as soon as the page opens.
 */
export function VerifyPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('verify.title'));
  const [params] = useSearchParams();
  const linkedUrl = params.get('url') ?? '';
  const [expectedRecipient, setExpectedRecipient] = useState('');
  const [outcome, setOutcome] = useState<{ result: VerifyResult; imagePreview?: string; recipient?: string; input: VerifyInput; lang: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLElement>(null);

  async function verify(input: VerifyInput, recipient = expectedRecipient) {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const result = await verifyBadge(input, recipient);
      // A data: URI, not a blob: URL: a blob: URL has this origin, so "open image in new tab" on a
      // hostile SVG someone sent the visitor would run its script here; a data: URI is opaque.
      const imagePreview = 'image' in input ? await readAsDataUri(input.image) : undefined;
      setOutcome({ result, imagePreview, recipient: recipient.trim() || undefined, input, lang });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (linkedUrl) void verify({ url: linkedUrl });
    // Only when the linked URL changes: the expected recipient is read at that moment.
  }, [linkedUrl]);

  // The report is told in the page's language: switching language asks for it again in the new one.
  useEffect(() => {
    if (outcome && outcome.lang !== lang && !busy) void verify(outcome.input, outcome.recipient ?? '');
  }, [lang]);

  // Move focus to the verdict, so keyboard and screen-reader users land on the answer.
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
      <VerifyForm busy={busy} initialUrl={linkedUrl} expectedRecipient={expectedRecipient} onExpectedRecipientChange={setExpectedRecipient} onVerify={verify} />
      <div aria-live="polite">{busy && <p className="notice">{t('verify.verifying')}</p>}</div>
      <ErrorMessage error={error} />
      {outcome && (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="verify-result" className="verify-result">
          <h2 id="verify-result">{t('verify.resultHeading')}</h2>
          <VerifyReport result={outcome.result} imagePreview={outcome.imagePreview} expectedRecipient={outcome.recipient} />
        </section>
      )}
    </>
  );
}
