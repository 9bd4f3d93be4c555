import { useCallback, useEffect, useState } from 'react';

/**
 * Data a page shows, loaded on mount and again on `reload()` (after each change, so the page shows
 * what the platform now holds rather than a guess). `load` must be stable (useCallback).
 */
export function useLoaded<T>(load: () => Promise<T>, initial: T) {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
