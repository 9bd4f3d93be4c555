import { useCallback, useEffect, useState } from 'react';

import type { BackpackAssertionV2, CollectionV2, ShareV2, UserV2 } from '@badges/api-contracts/types';

import { ApiRequestError } from '../api/client';
import * as passport from '../api/passport-api';

export interface PassportData {
  learner: UserV2;
  badges: BackpackAssertionV2[];
  collections: CollectionV2[];
  shares: ShareV2[];
}

/** Everything the passport page shows, loaded together and reloaded after each change. */
export function usePassport(token: string, onSignedOut: () => void) {
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
  }, [token, onSignedOut]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}
