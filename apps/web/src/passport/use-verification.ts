import { useEffect, useState } from 'react';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { heldCredential } from '../api/passport-api';
import { verifyBadge, type VerifyInput, type VerifyResult } from '../api/verify-api';
import { useI18n } from '../i18n/i18n-context';

/** Whether the badge's id is an address a verifier can fetch (an OB 3.0 credential's may be a `urn:uuid:`). */
export const hasFetchableId = (badge: Pick<BackpackAssertionV2, 'openBadgeId'>) => /^https?:\/\//i.test(badge.openBadgeId);

/**
 * The badge checked live (POST /v2/verify), as an employer would check it: from its address, or,
 * when its id is no address, from the credential the passport keeps. Again when the reader changes
 * language, since the report and the badge's texts come in the page's.
 */
export function useVerification(badge: Pick<BackpackAssertionV2, 'entityId' | 'openBadgeId'>, token: string): { result: VerifyResult | null; error: unknown } {
  const { lang } = useI18n();
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { entityId, openBadgeId } = badge;
  useEffect(() => {
    let current = true;
    setResult(null);
    setError(null);
    const input: Promise<VerifyInput> = hasFetchableId({ openBadgeId }) ? Promise.resolve({ url: openBadgeId }) : heldCredential(token, entityId).then((held) => ({ json: held.credential }));
    input.then(verifyBadge).then(
      (answer) => current && setResult(answer),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [entityId, openBadgeId, token, lang]);
  return { result, error };
}
