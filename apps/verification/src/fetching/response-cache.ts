import type { FetchedDocument } from '@badges/openbadges';

/** Fetched documents by URL, for a short time (seconds). Redis when shared, a Map in-process. */
export interface ResponseCache {
  readonly kind: 'redis' | 'memory';
  get(url: string): Promise<FetchedDocument | undefined>;
  set(url: string, document: FetchedDocument, ttlSeconds: number): Promise<void>;
  /** Health: true when the cache answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The embedded default: one Map per process, bounded so a stream of distinct URLs cannot grow it
 * without limit (oldest entry goes first; Map keeps insertion order).
 */
export class MemoryResponseCache implements ResponseCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, { document: FetchedDocument; expiresAt: number }>();

  constructor(
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(url: string): Promise<FetchedDocument | undefined> {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.document;
    this.entries.delete(url);
    return undefined;
  }

  async set(url: string, document: FetchedDocument, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    this.entries.delete(url);
    this.entries.set(url, { document, expiresAt: this.now() + ttlSeconds * 1000 });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
