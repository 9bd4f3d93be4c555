import { consoleAdmin, type ConsoleAdmin } from '../api/people-api';
import { useConsoleData } from './console-session';

/**
 * Whether the signed-in person (or API client) is an institution admin, for the admin pages and
 * their nav links: null while it is being asked.
 */
export function useConsoleAdmin(): { session: ConsoleAdmin | null; error: unknown } {
  const { data, error } = useConsoleData(consoleAdmin);
  return { session: data, error };
}
