import { JOSE_MEDIA_TYPE, type FetchedDocument, type FetchOptions } from '@badges/openbadges';
import { safeFetch, type AddressPolicy } from '@badges/outbound-http';
import type { ServiceClient } from '@badges/service-kit';

import { cacheTtlSeconds } from './cache-control';
import { countCacheLookup } from './cache-metrics';
import type { ResponseCache } from './response-cache';

/** What verification asks for: JSON-LD first, JSON otherwise (hosted badges serve both). */
const ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
/** Our public documents the endorsement service serves; every other `/public/` path is the issuer's. */
const ENDORSEMENT_PATHS = ['/public/endorsements/', '/public/endorsers/'];
/** Only these answers are worth reusing: a document, or its revoked (410) stub. */
const CACHEABLE_STATUSES = new Set([200, 404, 410]);

export interface DocumentFetcherOptions {
  cache: ResponseCache;
  /** Our own public address: documents under `${publicUrl}/public/` come from our services. */
  publicUrl: string;
  /** The issuer's ServiceClient, when this deployment has one. */
  issuer?: ServiceClient;
  /** The endorsement service's, which hosts `/public/endorsements/` and `/public/endorsers/`. */
  endorsement?: ServiceClient;
  cacheTtlSeconds: number;
  timeoutMs: number;
  maxBytes: number;
  allowPrivateNetwork: boolean;
  addressPolicy?: AddressPolicy;
  /** Replaces the network (safeFetch) for tests that serve fixtures by URL; the cache still applies. */
  transport?: (url: string, options?: FetchOptions) => Promise<FetchedDocument>;
}

/**
 * The one fetch function every verification uses (design.md §5): SSRF-safe safeFetch for the
 * internet, with a short shared cache honouring Cache-Control. Badges this platform issued are
 * read from the issuer service over its internal client rather than over the network: the same
 * document the gateway would serve, without sending our own traffic out and back in (and it works
 * when PUBLIC_URL is a loopback address, as in the embedded default).
 */
export class DocumentFetcher {
  private readonly ownPrefix: string;
  /**
   * Bumped by every `forget`: a fetch that started before it may hold the document as it was
   * before the revocation, so its answer is used once but not cached.
   */
  private forgetting = 0;
  /** Fetches under way, by cache key: concurrent misses of one document share one. */
  private readonly inFlight = new Map<string, Promise<FetchedDocument>>();
  private readonly pendingForgets = new Set<NodeJS.Timeout>();

  constructor(private readonly options: DocumentFetcherOptions) {
    this.ownPrefix = `${options.publicUrl}/public/`;
  }

  /** `options.accept` asks for another representation (a signed endorsement's JWS); it is cached apart. */
  readonly fetch = async (url: string, options: FetchOptions = {}): Promise<FetchedDocument> => {
    const accept = options.accept ?? ACCEPT;
    const cacheKey = options.accept ? `${url} ${options.accept}` : url;
    const cached = await this.options.cache.get(cacheKey);
    countCacheLookup(cached !== undefined);
    if (cached) return cached;
    // When a cached document expires under load, every verification in flight misses it at once:
    // they share one fetch instead of each asking the origin (or the issuer's database).
    let shared = this.inFlight.get(cacheKey);
    if (!shared) {
      shared = this.fetchAndCache(url, accept, cacheKey).finally(() => {
        if (this.inFlight.get(cacheKey) === shared) this.inFlight.delete(cacheKey);
      });
      this.inFlight.set(cacheKey, shared);
    }
    return shared;
  };

  private async fetchAndCache(url: string, accept: string, cacheKey: string): Promise<FetchedDocument> {
    const generation = this.forgetting;
    const { document, cacheControl } = (await this.fetchOwn(url, accept)) ?? (await this.fetchRemote(url, accept));
    if (CACHEABLE_STATUSES.has(document.status) && generation === this.forgetting) {
      await this.options.cache.set(cacheKey, document, cacheTtlSeconds(cacheControl, this.options.cacheTtlSeconds));
    }
    return document;
  }

  /**
   * Drops `url` (in every representation asked for) from the cache, so the next verification
   * reads it afresh: a revocation event names the assertion (docs/decisions/0012). The shared
   * (Redis) cache is cleared again once a fetch could have timed out, in case another instance
   * was fetching the old document when the event arrived and cached it afterwards.
   */
  async forget(url: string): Promise<void> {
    this.forgetting += 1;
    const keys = [url, `${url} ${JOSE_MEDIA_TYPE}`];
    // A fetch begun before the event may carry the old document: later readers do not join it.
    for (const key of keys) this.inFlight.delete(key);
    await this.options.cache.delete(keys);
    if (this.options.cache.kind !== 'redis') return;
    const again = setTimeout(() => {
      this.pendingForgets.delete(again);
      void this.options.cache.delete(keys);
    }, this.options.timeoutMs);
    again.unref();
    this.pendingForgets.add(again);
  }

  /** Stops the delayed second clearings (shutdown). */
  close(): void {
    for (const timer of this.pendingForgets) clearTimeout(timer);
    this.pendingForgets.clear();
  }

  private async fetchRemote(url: string, accept: string): Promise<{ document: FetchedDocument; cacheControl?: string }> {
    if (this.options.transport) return { document: await this.options.transport(url, { accept }) };
    const response = await safeFetch(url, {
      accept,
      timeoutMs: this.options.timeoutMs,
      maxBytes: this.options.maxBytes,
      allowPrivateNetwork: this.options.allowPrivateNetwork,
      addressPolicy: this.options.addressPolicy,
    });
    return {
      document: { status: response.status, contentType: response.headers['content-type'], body: response.body.toString('utf8') },
      cacheControl: response.headers['cache-control'],
    };
  }

  /** undefined when `url` is not one of our public documents (or no client of its service is known). */
  private async fetchOwn(url: string, accept: string): Promise<{ document: FetchedDocument; cacheControl?: string } | undefined> {
    if (!url.startsWith(this.ownPrefix)) return undefined;
    // Normalise as an HTTP client would (`..`, `%2e`), then make sure it is still a public path.
    const parsed = new URL(url);
    const path = parsed.pathname.slice(new URL(this.options.publicUrl).pathname.replace(/\/$/, '').length);
    if (!parsed.href.startsWith(this.ownPrefix) || !path.startsWith('/public/')) return undefined;
    const owner = ENDORSEMENT_PATHS.some((prefix) => path.startsWith(prefix)) ? this.options.endorsement : this.options.issuer;
    if (!owner) return undefined;
    const response = await owner.request({
      method: 'GET',
      url: `${path}${parsed.search}`,
      headers: { accept, 'x-public-url': this.options.publicUrl },
    });
    if (response.body.length > this.options.maxBytes) throw new Error(`the document is larger than ${this.options.maxBytes} bytes`);
    const header = (name: string) => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    return {
      document: { status: response.status, contentType: header('content-type'), body: response.body.toString('utf8') },
      cacheControl: header('cache-control'),
    };
  }
}
