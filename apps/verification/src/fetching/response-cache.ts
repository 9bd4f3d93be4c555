import type { FetchedDocument } from '@badges/openbadges';

/** Fetched documents by URL, for a short time (seconds). Redis when shared, a Map in-process. */
export interface ResponseCache {
  readonly kind: 'redis' | 'memory';
  get(url: string): Promise<FetchedDocument | undefined>;
  set(url: string, document: FetchedDocument, ttlSeconds: number): Promise<void>;
  /** Drops what is kept for these keys (a revocation event named the document). */
  delete(urls: readonly string[]): Promise<void>;
  /** Health: true when the cache answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The embedded default: one Map per process, bounded in entries and in bytes so a stream of
 * distinct (or large) documents cannot grow it without limit; the oldest entry goes first (a Map
 * keeps insertion order).
 */
export class MemoryResponseCache implements ResponseCache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, { document: FetchedDocument; expiresAt: number; size: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly now: () => number = Date.now,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  async get(url: string): Promise<FetchedDocument | undefined> {
    const entry = this.entries.get(url);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.document;
    this.remove(url);
    return undefined;
  }

  async set(url: string, document: FetchedDocument, ttlSeconds: number): Promise<void> {
    const size = url.length + document.body.length;
    if (ttlSeconds <= 0 || size > this.maxBytes / 16) return;
    this.remove(url);
    this.entries.set(url, { document, expiresAt: this.now() + ttlSeconds * 1000, size });
    this.bytes += size;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) this.remove(this.entries.keys().next().value as string);
  }

  async delete(urls: readonly string[]): Promise<void> {
    for (const url of urls) this.remove(url);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(url: string): void {
    const entry = this.entries.get(url);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(url);
  }
}
