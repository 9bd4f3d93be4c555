import { createContext, useCallback, useContext, useEffect, useState } from 'react';

import { ApiRequestError } from '../api/client';

interface ConsoleSession {
  token: string;
  /** Forgets the token: staff see the sign-in form again. */
  signOut(): void;
}

export const ConsoleSessionContext = createContext<ConsoleSession | undefined>(undefined);

/** The signed-in staff member's session; every console page below ConsoleRoutes has one. */
export function useConsoleSession(): ConsoleSession {
  const session = useContext(ConsoleSessionContext);
  if (!session) throw new Error('useConsoleSession outside the console');
  return session;
}

/**
 * Loads what a console page shows, and again on `reload()`. An expired token (401) signs the tab
 * out rather than showing an error no one can act on.
 */
export function useConsoleData<T>(load: (token: string) => Promise<T>) {
  const { token, signOut } = useConsoleSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load(token));
      setError(null);
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.status === 401) signOut();
      else setError(caught);
    }
  }, [load, token, signOut]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
