import { useEffect, useState } from 'react';

import { verifyBadge, type VerifyResult } from '../api/verify-api';

/** The badge checked live with its issuer (POST /v2/verify), as an employer would check it. */
export function useVerification(url: string | undefined): { result: VerifyResult | null; error: unknown } {
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
  }, [url]);
  return { result, error };
}
