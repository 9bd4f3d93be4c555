/**
 * How long this process trusts that a client is not revoked before asking the database again.
 * With several gateway replicas and no message between them, a revocation shows everywhere
 * within this (plus one database read): well inside the 5 s issue #16 asks for (decision 0026).
 */
export const CLIENT_STATUS_TTL_MS = 1_000;

/**
 * Per-process answers to "may this client still call the API?", consulted on every authenticated
 * request after the token's signature. A warm entry costs a map lookup; a stale or missing one
 * costs one database read, shared by every request that waits for it. Revocation is final, so a
 * revoked client is remembered for good, and one revoked through this process is refused at once.
 * Entries are only made for clients whose signed token was shown, so they are bounded by the
 * number of clients.
 */
export class ClientStatusCache {
  private readonly activeUntil = new Map<string, number>();
  private readonly revoked = new Set<string>();
  private readonly reads = new Map<string, Promise<boolean>>();

  constructor(
    /** The database's answer: the client exists and is not revoked. */
    private readonly load: (clientId: string) => Promise<boolean>,
    private readonly ttlMs = CLIENT_STATUS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async isActive(clientId: string): Promise<boolean> {
    if (this.revoked.has(clientId)) return false;
    const until = this.activeUntil.get(clientId);
    if (until !== undefined && until > this.now()) return true;
    return this.read(clientId);
  }

  /** This process revoked the client: refuse its tokens here from now on, without waiting. */
  markRevoked(clientId: string): void {
    this.revoked.add(clientId);
    this.activeUntil.delete(clientId);
  }

  private read(clientId: string): Promise<boolean> {
    const pending = this.reads.get(clientId);
    if (pending) return pending;
    const read = this.load(clientId)
      .then((active) => {
        if (active && !this.revoked.has(clientId)) this.activeUntil.set(clientId, this.now() + this.ttlMs);
        else this.markRevoked(clientId);
        return active && !this.revoked.has(clientId);
      })
      .finally(() => this.reads.delete(clientId));
    this.reads.set(clientId, read);
    return read;
  }
}
