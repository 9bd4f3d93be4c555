import { StatusCache } from './status-cache';

/**
 * How long this process trusts that a client is not revoked before asking the database again.
 * With several gateway replicas and no message between them, a revocation shows everywhere
 * within this (plus one database read): well inside the 5 s issue #16 asks for (decision 0026).
 */
export const CLIENT_STATUS_TTL_MS = 1_000;

/**
 * "May this API client still call the API?", per process (StatusCache). Revocation is final, so a
 * revoked (or unknown) client is remembered for good, and one revoked through this process is
 * refused at once. Entries are bounded by the number of clients.
 */
export class ClientStatusCache {
  private readonly cache: StatusCache<true>;

  constructor(
    /** The database's answer: the client exists and is not revoked. */
    load: (clientId: string) => Promise<boolean>,
    ttlMs = CLIENT_STATUS_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.cache = new StatusCache(async (clientId) => ((await load(clientId)) ? true : undefined), ttlMs, now);
  }

  async isActive(clientId: string): Promise<boolean> {
    return (await this.cache.get(clientId)) === true;
  }

  /** This process revoked the client: refuse its tokens here from now on, without waiting. */
  markRevoked(clientId: string): void {
    this.cache.markGone(clientId);
  }
}
