import { useEffect, useState } from 'react';

import { verifyBadge, type VerifyResult } from '../api/verify-api';
import { useI18n } from '../i18n/i18n-context';

/**
 * The badge checked live with its issuer (POST /v2/verify), as an employer would check it; again
 * when the reader changes language, since the report and the badge's texts come in the page's.
 */
export function useVerification(url: string | undefined): { result: VerifyResult | null; error: unknown } {
  const { lang } = useI18n();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!url) return;
    let current = true;
    setResult(null);
    setError(null);
    verifyBadge({ url }).then(
      (answer) => current && setResult(answer),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [url, lang]);
  return { result, error };
}
