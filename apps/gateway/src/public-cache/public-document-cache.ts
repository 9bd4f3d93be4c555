import { LRUCache } from 'lru-cache';

import type { CachedAnswer } from './cached-answer';

/** One answer as the gateway sent it, ready to be sent again. */
export interface CachedResponse extends CachedAnswer {
  /** What it is made of: an event about any of these drops it. */
  tags: readonly string[];
  /** The service that answered it, and the key its hits are reported under (if it asked). */
  service: string;
  countHitsAs?: string;
}

export interface PublicDocumentCacheOptions {
  maxBytes: number;
  maxAgeMs: number;
}

/** Headers (a dozen, written out), key and bookkeeping, so an entry's size is not only its body. */
const ENTRY_OVERHEAD_BYTES = 1024;

/**
 * Public documents by request (URL and the headers they vary on), bounded in bytes, least recently
 * used first out, each for at most its max age; dropped by tag when an event says what changed.
 *
 * A miss and an event can race: the service may have answered with the old document just before
 * it changed, and the answer may arrive after the event. `generation` counts invalidations, so a
 * miss that started before one is not stored (`put` refuses it): a stale answer is never kept.
 */
export class PublicDocumentCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly keysByTag = new Map<string, Set<string>>();
  private invalidations = 0;

  constructor(private readonly options: PublicDocumentCacheOptions) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.body.length + key.length + ENTRY_OVERHEAD_BYTES,
      ttl: options.maxAgeMs,
      // The age check on read is what matters; no timers per entry.
      ttlAutopurge: false,
      // An entry past its age stays until replaced, evicted or invalidated: `getStale` serves it
      // while one request fetches its successor.
      noDeleteOnStaleGet: true,
      dispose: (entry, key) => this.unindex(key, entry.tags),
    });
  }

  /** Taken before asking the service; hand it back to `put`. */
  get generation(): number {
    return this.invalidations;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  /** The entry even if past its max age (never one an event dropped: those are gone). */
  getStale(key: string): CachedResponse | undefined {
    return this.entries.get(key, { allowStale: true });
  }

  /** Keeps the answer unless something was invalidated since `generation` was read. */
  put(key: string, entry: CachedResponse, generation: number, maxAgeMs = this.options.maxAgeMs): boolean {
    if (generation !== this.invalidations) return false;
    const size = entry.body.length + key.length + ENTRY_OVERHEAD_BYTES;
    // One huge document must not flush everything else out.
    if (size > this.options.maxBytes / 8) return false;
    this.entries.set(key, entry, { ttl: Math.min(maxAgeMs, this.options.maxAgeMs) });
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.keysByTag.set(tag, keys);
    }
    return true;
  }

  /** Drops every entry made of any of `tags`; returns how many went. */
  invalidate(tags: readonly string[]): number {
    this.invalidations += 1;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) if (this.entries.delete(key)) dropped += 1;
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }

  clear(): void {
    this.entries.clear();
  }

  private unindex(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.keysByTag.delete(tag);
    }
  }
}
