import { useCallback, useEffect, useState } from 'react';

import type { BackpackAssertionV2, CollectionV2, ShareV2, UserV2 } from '@badges/api-contracts/types';

import { ApiRequestError } from '../api/client';
import * as passport from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';

export interface PassportData {
  learner: UserV2;
  badges: BackpackAssertionV2[];
  collections: CollectionV2[];
  shares: ShareV2[];
}

/**
 * Everything the passport page shows, loaded together and reloaded after each change, and when the
 * reader changes language (badges come with their texts in the page's language).
 */
export function usePassport(token: string, onSignedOut: () => void) {
  const { lang } = useI18n();
  const [data, setData] = useState<PassportData | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [learner, badges, collections, shares] = await Promise.all([passport.self(token), passport.badges(token), passport.collections(token), passport.shares(token)]);
      setData({ learner, badges, collections, shares });
      setError(null);
    } catch (caught) {
      // An expired or signed-out token: back to the sign-in form.
      if (caught instanceof ApiRequestError && caught.status === 401) onSignedOut();
      else setError(caught);
    }
    // `lang` is sent by every request (api/client.ts): a new language is a new answer.
  }, [token, onSignedOut, lang]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}
