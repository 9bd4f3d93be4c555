/**
 * Per-process answers to "may this credential still call the API?" (an API client, a person's
 * session), consulted on every authenticated request after the token's signature. A warm entry
 * costs a map lookup; a stale or missing one costs one database read, shared by every request that
 * waits for it. `undefined` from the database means gone for good (revoked, removed, expired,
 * unknown), which the cache remembers for `goneForMs`; one marked gone through this process is
 * refused at once. Entries are only made for keys whose signed token was shown.
 */
const PRUNE_EVERY_WRITES = 1024;

export class StatusCache<T> {
  private readonly fresh = new Map<string, { value: T; until: number }>();
  private readonly gone = new Map<string, number>();
  private readonly reads = new Map<string, Promise<T | undefined>>();
  private writes = 0;

  constructor(
    private readonly load: (key: string) => Promise<T | undefined>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** How long a gone key is remembered: for ever for API clients; a token's lifetime for sessions. */
    private readonly goneForMs = Number.POSITIVE_INFINITY,
  ) {}

  async get(key: string): Promise<T | undefined> {
    if (this.isGone(key)) return undefined;
    const entry = this.fresh.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    return this.read(key);
  }

  /** This process ended the key: refuse its tokens here from now on, without waiting. */
  markGone(key: string): void {
    this.gone.set(key, this.now() + this.goneForMs);
    this.fresh.delete(key);
  }

  /** Marks gone every warm key whose value matches (a removed person's sessions). */
  markGoneWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.fresh) if (matches(entry.value)) this.markGone(key);
  }

  /**
   * Forgets every warm entry whose value matches, without ending its key: the next request reads
   * the database again (an institution suspended or reactivated through this process).
   */
  recheckWhere(matches: (value: T) => boolean): void {
    for (const [key, entry] of this.fresh) if (matches(entry.value)) this.fresh.delete(key);
  }

  private isGone(key: string): boolean {
    const until = this.gone.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.gone.delete(key);
    return false;
  }

  /** Drops what has expired, so keys seen once (a session used for a day) do not pile up. */
  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.fresh) if (entry.until <= now) this.fresh.delete(key);
    for (const [key, until] of this.gone) if (until <= now) this.gone.delete(key);
  }

  private read(key: string): Promise<T | undefined> {
    const pending = this.reads.get(key);
    if (pending) return pending;
    const read = this.load(key)
      .then((value) => {
        if (value === undefined || this.isGone(key)) {
          this.markGone(key);
          return undefined;
        }
        this.fresh.set(key, { value, until: this.now() + this.ttlMs });
        if (++this.writes % PRUNE_EVERY_WRITES === 0) this.prune();
        return value;
      })
      .finally(() => this.reads.delete(key));
    this.reads.set(key, read);
    return read;
  }
}
