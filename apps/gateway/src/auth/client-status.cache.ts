import { StatusCache } from './status-cache';

/**
 * How long this process trusts that a client is not revoked before asking the database again.
 * With several gateway replicas and no message between them, a revocation shows everywhere
 * within this (plus one database read): well inside the 5 s issue #16 asks for (decision 0026).
 */
export const CLIENT_STATUS_TTL_MS = 1_000;

/** What an unrevoked client's status says on each request: its institution, and whether that is suspended. */
export interface ClientStatus {
  institutionId: string;
  /** Reversible, unlike a revocation: read again with every other status (decision 0032). */
  institutionSuspended: boolean;
}

/**
 * "May this API client still call the API?", per process (StatusCache). Revocation is final, so a
 * revoked (or unknown) client is remembered for good, and one revoked through this process is
 * refused at once. Its institution's suspension is part of the status, so it is refused (and,
 * reactivated, served again) on the same terms. Entries are bounded by the number of clients.
 */
export class ClientStatusCache {
  private readonly cache: StatusCache<ClientStatus>;

  constructor(
    /** The database's answer: the unrevoked client's status, or undefined when it is revoked or unknown. */
    load: (clientId: string) => Promise<ClientStatus | undefined>,
    ttlMs = CLIENT_STATUS_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.cache = new StatusCache(load, ttlMs, now);
  }

  /** The client's status, or undefined when it is revoked (or was never a client). */
  status(clientId: string): Promise<ClientStatus | undefined> {
    return this.cache.get(clientId);
  }

  /** This process revoked the client: refuse its tokens here from now on, without waiting. */
  markRevoked(clientId: string): void {
    this.cache.markGone(clientId);
  }

  /** This process suspended or reactivated the institution: its clients' next requests read the database. */
  recheckInstitution(institutionId: string): void {
    this.cache.recheckWhere((status) => status.institutionId === institutionId);
  }
}
