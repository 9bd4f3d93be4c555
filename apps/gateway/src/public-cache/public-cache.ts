import { createHash } from 'node:crypto';

import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';

import { PublicCacheHeader, type ServiceResponse } from '@badges/service-kit';

import { correlationIdFor, withServiceVary } from '../routing/forward-headers';
import { publicCacheKey } from './cache-key';
import type { CacheHitReporter } from './cache-hit-reporter';
import type { CachedResponse, PublicDocumentCache } from './public-document-cache';

/** A request that missed: where its answer goes, and the generation it started in. */
export interface CacheMiss {
  key: string;
  generation: number;
}

/** Statuses worth keeping: a document, or a revoked one's 410 stub. Errors are never kept. */
const KEPT_STATUSES = new Set([200, 410]);
/** Sent with a 304 (RFC 9110 §15.4.5); the rest describes a body there is none of. */
const NOT_MODIFIED_HEADERS = ['cache-control', 'vary', 'content-location', 'expires'];

/**
 * The gateway's answers from memory for public documents (docs/caching.md): a hit touches no
 * service and no database; a conditional GET whose ETag still matches gets a 304.
 */
export class PublicCache {
  constructor(private readonly store: PublicDocumentCache, private readonly hits: CacheHitReporter) {}

  /** Answers from the cache when it can; true when it did (the request is then done). */
  answer(request: FastifyRequest, reply: FastifyReply): boolean {
    const key = publicCacheKey(request.method, request.url, request.headers);
    const entry = key === undefined ? undefined : this.store.get(key);
    if (!entry) return false;
    if (entry.countHitsAs !== undefined) this.hits.count(entry.service, entry.countHitsAs);
    this.send(request, reply, entry, 'HIT');
    return true;
  }

  /** Before a request goes to its service: undefined when its answer would never be kept. */
  miss(request: FastifyRequest): CacheMiss | undefined {
    const key = publicCacheKey(request.method, request.url, request.headers);
    return key === undefined ? undefined : { key, generation: this.store.generation };
  }

  /**
   * Keeps the service's answer if the service marked it as a public document (service-kit
   * markPublicCacheable) and nothing changed meanwhile; returns the entry to answer with.
   */
  keep(miss: CacheMiss, service: string, response: ServiceResponse, headers: Record<string, string | string[]>): CachedResponse | undefined {
    const tags = headerValue(response.headers[PublicCacheHeader.Tags]);
    if (tags === undefined || !KEPT_STATUSES.has(response.status)) return undefined;
    const entry: CachedResponse = {
      status: response.status,
      headers,
      body: response.body,
      // The service's own ETag when it has one (images), else one of the bytes.
      etag: headerValue(response.headers.etag) ?? `"${createHash('sha1').update(response.body).digest('base64url')}"`,
      tags: tags.split(' ').filter(Boolean),
      service,
      countHitsAs: headerValue(response.headers[PublicCacheHeader.CountHits]),
    };
    const maxAgeSeconds = Number(headerValue(response.headers[PublicCacheHeader.MaxAge]));
    // Not kept when something changed while it was on its way; this caller still gets it, as without a cache.
    this.store.put(miss.key, entry, miss.generation, Number.isFinite(maxAgeSeconds) && maxAgeSeconds > 0 ? maxAgeSeconds * 1000 : undefined);
    return entry;
  }

  /** A 304 when the caller's ETag matches, else the entry; `outcome` says whether it came from memory. */
  send(request: FastifyRequest, reply: FastifyReply, entry: CachedResponse, outcome: 'HIT' | 'MISS', correlationId = correlationIdFor(request.headers)): void {
    void reply.header('etag', entry.etag).header('x-cache', outcome).header('x-correlation-id', correlationId);
    // If-None-Match alone decides (RFC 9110 §13.1.2): the cache is part of the origin, kept current
    // by events, so a request's `Cache-Control: no-cache` (fetch() adds it to every conditional
    // request; browsers to a reload) neither bypasses it nor turns a match into a full answer.
    if (entry.status === 200 && fresh({ 'if-none-match': request.headers['if-none-match'] }, { etag: entry.etag })) {
      const unchanged = Object.fromEntries(NOT_MODIFIED_HEADERS.filter((name) => entry.headers[name] !== undefined).map((name) => [name, entry.headers[name]]));
      void reply.code(304).headers(withServiceVary(reply, unchanged)).send();
      return;
    }
    void reply.code(entry.status).headers(withServiceVary(reply, entry.headers)).send(entry.body);
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
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
