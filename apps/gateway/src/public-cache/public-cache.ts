import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { PublicCacheHeader, type ServiceResponse } from '@badges/service-kit';

import { correlationIdFor } from '../routing/forward-headers';
import { cachedAnswerHeaders, writeCachedAnswer } from './cached-answer';
import { publicCacheKey } from './cache-key';
import type { CacheHitReporter } from './cache-hit-reporter';
import type { CachedResponse, PublicDocumentCache } from './public-document-cache';

/**
 * A request that missed: where its answer goes, the generation it started in, and, when another
 * request for the same entry is already on its way to the service, that request's outcome.
 */
export interface CacheMiss {
  key: string;
  generation: number;
  /** Set when this request asks the service; settled (`keep` or `giveUp`) by it. */
  flight?: Flight;
  /** Set when another request already asks: its kept entry, or undefined if it kept nothing. */
  joined?: Promise<CachedResponse | undefined>;
}

interface Flight {
  promise: Promise<CachedResponse | undefined>;
  settle(entry: CachedResponse | undefined): void;
}

/** Statuses worth keeping: a document, or a revoked one's 410 stub. Errors are never kept. */
const KEPT_STATUSES = new Set([200, 410]);

/**
 * The gateway's answers from memory for public documents (docs/caching.md): a hit touches no
 * service and no database; a conditional GET whose ETag still matches gets a 304. Hits are
 * written straight to Node's response (the FrontDoor, or a hijacked Fastify reply), so both ways
 * in answer byte for byte alike.
 */
export class PublicCache {
  /** One request per entry goes to the service at a time; the others wait for its answer. */
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly store: PublicDocumentCache, private readonly hits: CacheHitReporter) {}

  /** Answers from the cache when it can; true when it did (the response is then ended). */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const entry = this.find(request);
    if (entry) this.send(request, response, entry, 'HIT', correlationIdFor(request.headers));
    return entry !== undefined;
  }

  /**
   * The entry this request would be answered from, if there is one. An entry past its max age is
   * still given while another request is fetching its successor: at each expiry one reader waits
   * for the service, not every reader (a share page, kept 1 s, is read thousands of times a
   * second). Entries an event or a change made stale are gone, so this never serves those.
   */
  find(request: IncomingMessage): CachedResponse | undefined {
    const key = publicCacheKey(request.method ?? '', request.url ?? '', request.headers);
    if (key === undefined) return undefined;
    return this.store.get(key) ?? (this.flights.has(key) ? this.store.getStale(key) : undefined);
  }

  /** Before a request goes to its service: undefined when its answer would never be kept. */
  miss(request: IncomingMessage): CacheMiss | undefined {
    const key = publicCacheKey(request.method ?? '', request.url ?? '', request.headers);
    if (key === undefined) return undefined;
    const generation = this.store.generation;
    const inFlight = this.flights.get(key);
    if (inFlight) return { key, generation, joined: inFlight.promise };
    const flight = newFlight();
    this.flights.set(key, flight);
    return { key, generation, flight };
  }

  /**
   * Keeps the service's answer if the service marked it as a public document (service-kit
   * markPublicCacheable) and nothing changed meanwhile; returns the entry to answer with.
   */
  keep(miss: CacheMiss, service: string, response: ServiceResponse, headers: Record<string, string | string[]>): CachedResponse | undefined {
    const tags = headerValue(response.headers[PublicCacheHeader.Tags]);
    if (tags === undefined || !KEPT_STATUSES.has(response.status)) {
      this.giveUp(miss);
      return undefined;
    }
    // The service's own ETag when it has one (images), else one of the bytes.
    const etag = headerValue(response.headers.etag) ?? `"${createHash('sha1').update(response.body).digest('base64url')}"`;
    const entry: CachedResponse = {
      status: response.status,
      body: response.body,
      etag,
      answerHeaders: cachedAnswerHeaders(headers, etag, response.body.length),
      tags: tags.split(' ').filter(Boolean),
      service,
      countHitsAs: headerValue(response.headers[PublicCacheHeader.CountHits]),
    };
    const maxAgeSeconds = Number(headerValue(response.headers[PublicCacheHeader.MaxAge]));
    // Not kept when something changed while it was on its way; this caller still gets it, as without a cache.
    const kept = this.store.put(miss.key, entry, miss.generation, Number.isFinite(maxAgeSeconds) && maxAgeSeconds > 0 ? maxAgeSeconds * 1000 : undefined);
    // Those who waited started after this request did, and nothing changed since it started (or it
    // would not have been kept): the entry is as fresh for them as for it.
    this.settle(miss, kept ? entry : undefined);
    return entry;
  }

  /** The service could not be asked, or its answer is not kept: those waiting ask for themselves. */
  giveUp(miss: CacheMiss): void {
    this.settle(miss, undefined);
  }

  /** A 304 when the caller's ETag matches, else the entry; `outcome` says whether it came from memory. */
  send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, outcome: 'HIT' | 'MISS', correlationId: string): void {
    if (outcome === 'HIT' && entry.countHitsAs !== undefined) this.hits.count(entry.service, entry.countHitsAs);
    writeCachedAnswer(request, response, entry, outcome, correlationId);
  }

  /** A service's answer to a change names what it made stale: dropped here before the caller reads it back. */
  dropStale(response: ServiceResponse): void {
    const stale = headerValue(response.headers[PublicCacheHeader.Stale]);
    if (stale) this.store.invalidate(stale.split(' ').filter(Boolean));
  }

  /** Drops what the tags name; called for each event that changes public documents. */
  invalidate(tags: readonly string[]): number {
    return this.store.invalidate(tags);
  }

  async close(): Promise<void> {
    await this.hits.close();
    this.store.clear();
  }

  private settle(miss: CacheMiss, entry: CachedResponse | undefined): void {
    if (!miss.flight) return;
    if (this.flights.get(miss.key) === miss.flight) this.flights.delete(miss.key);
    miss.flight.settle(entry);
    miss.flight = undefined;
  }
}

function newFlight(): Flight {
  let settle!: (entry: CachedResponse | undefined) => void;
  const promise = new Promise<CachedResponse | undefined>((resolve) => (settle = resolve));
  return { promise, settle };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
