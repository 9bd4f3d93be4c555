import { useCallback, useState } from 'react';

/**
 * A bearer token kept in the browser. Learners stay signed in across visits (localStorage);
 * staff tokens live only as long as the tab (sessionStorage), since they act for a whole institution.
 */
export function useStoredToken(key: string, storage: 'local' | 'session'): [string | null, (token: string | null) => void] {
  const [token, setTokenState] = useState<string | null>(() => {
    try {
      return storageFor(storage).getItem(key);
    } catch {
      return null;
    }
  });
  const setToken = useCallback(
    (next: string | null) => {
      try {
        if (next) storageFor(storage).setItem(key, next);
        else storageFor(storage).removeItem(key);
      } catch {
        // storage disabled: the token lives in memory for this page only
      }
      setTokenState(next);
    },
    [key, storage],
  );
  return [token, setToken];
}

function storageFor(kind: 'local' | 'session'): Storage {
  return kind === 'local' ? localStorage : sessionStorage;
}
