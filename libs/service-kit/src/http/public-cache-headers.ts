import type { FastifyReply } from 'fastify';

/**
 * How a service lets the gateway keep one of its public responses (docs/caching.md). These are
 * internal response headers: the gateway reads them and never passes them on.
 * - Tags name what the document is made of; an event that changes any of them drops it.
 * - Max age bounds an entry that no event can drop (or drops late), in seconds.
 * - Count hits: the gateway reports how often it answered from the entry, to the same service
 *   (`POST /internal/cache-hits`), so counters such as a share's views stay true.
 */
export const PublicCacheHeader = {
  Tags: 'x-badges-cache-tags',
  MaxAge: 'x-badges-cache-max-age',
  CountHits: 'x-badges-cache-count-hits',
  /** On the answer to a change: the tags it made stale, dropped by the gateway before it answers. */
  Stale: 'x-badges-cache-stale',
} as const;

/** Where the gateway reports hits of entries that asked for it: `{ hits: { [key]: count } }`. */
export const CACHE_HITS_PATH = '/internal/cache-hits';

/** One name per kind of thing a public document can be made of. */
export const cacheTag = {
  issuer: (id: string) => `issuer:${id}`,
  badgeClass: (id: string) => `badgeclass:${id}`,
  assertion: (id: string) => `assertion:${id}`,
  /** An issuer's RevocationList: it changes whenever one of its signed assertions is revoked. */
  revocations: (issuerId: string) => `revocations:${issuerId}`,
  endorsement: (id: string) => `endorsement:${id}`,
  share: (id: string) => `share:${id}`,
} as const;

export interface PublicCacheMark {
  tags: readonly string[];
  maxAgeSeconds?: number;
  countHitsAs?: string;
}

/** Marks a response as one the gateway may keep and answer again until one of its tags changes. */
export function markPublicCacheable(reply: FastifyReply, mark: PublicCacheMark): FastifyReply {
  void reply.header(PublicCacheHeader.Tags, mark.tags.join(' '));
  if (mark.maxAgeSeconds !== undefined) void reply.header(PublicCacheHeader.MaxAge, String(mark.maxAgeSeconds));
  if (mark.countHitsAs !== undefined) void reply.header(PublicCacheHeader.CountHits, mark.countHitsAs);
  return reply;
}

/**
 * On the answer to a change (a revocation, an edit): the gateway that forwarded it drops what the
 * tags name before it answers, so whoever made the change reads it back at once through that
 * gateway. Every other gateway hears it from the change's event, as usual (docs/caching.md).
 */
export function markPublicCacheStale(reply: FastifyReply, tags: readonly string[]): void {
  void reply.header(PublicCacheHeader.Stale, tags.join(' '));
}
