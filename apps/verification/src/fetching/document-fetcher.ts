import type { FetchedDocument } from '@badges/openbadges';
import { safeFetch, type AddressPolicy } from '@badges/outbound-http';
import type { ServiceClient } from '@badges/service-kit';

import { cacheTtlSeconds } from './cache-control';
import type { ResponseCache } from './response-cache';

/** What verification asks for: JSON-LD first, JSON otherwise (hosted badges serve both). */
const ACCEPT = 'application/ld+json, application/json;q=0.9, */*;q=0.1';
/** Only these answers are worth reusing: a document, or its revoked (410) stub. */
const CACHEABLE_STATUSES = new Set([200, 404, 410]);

export interface DocumentFetcherOptions {
  cache: ResponseCache;
  /** Our own public address: documents under `${publicUrl}/public/` come from the issuer service. */
  publicUrl: string;
  /** The issuer's ServiceClient, when this deployment has one. */
  issuer?: ServiceClient;
  cacheTtlSeconds: number;
  timeoutMs: number;
  maxBytes: number;
  allowPrivateNetwork: boolean;
  addressPolicy?: AddressPolicy;
  /** Replaces the network (safeFetch) for tests that serve fixtures by URL; the cache still applies. */
  transport?: (url: string) => Promise<FetchedDocument>;
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

  constructor(private readonly options: DocumentFetcherOptions) {
    this.ownPrefix = `${options.publicUrl}/public/`;
  }

  readonly fetch = async (url: string): Promise<FetchedDocument> => {
    const cached = await this.options.cache.get(url);
    if (cached) return cached;
    const { document, cacheControl } = (await this.fetchOwn(url)) ?? (await this.fetchRemote(url));
    if (CACHEABLE_STATUSES.has(document.status)) {
      await this.options.cache.set(url, document, cacheTtlSeconds(cacheControl, this.options.cacheTtlSeconds));
    }
    return document;
  };

  private async fetchRemote(url: string): Promise<{ document: FetchedDocument; cacheControl?: string }> {
    if (this.options.transport) return { document: await this.options.transport(url) };
    const response = await safeFetch(url, {
      accept: ACCEPT,
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

  /** undefined when `url` is not one of our public documents (or there is no issuer client). */
  private async fetchOwn(url: string): Promise<{ document: FetchedDocument; cacheControl?: string } | undefined> {
    if (!this.options.issuer || !url.startsWith(this.ownPrefix)) return undefined;
    // Normalise as an HTTP client would (`..`, `%2e`), then make sure it is still a public path.
    const parsed = new URL(url);
    const path = parsed.pathname.slice(new URL(this.options.publicUrl).pathname.replace(/\/$/, '').length);
    if (!parsed.href.startsWith(this.ownPrefix) || !path.startsWith('/public/')) return undefined;
    const response = await this.options.issuer.request({
      method: 'GET',
      url: `${path}${parsed.search}`,
      headers: { accept: ACCEPT, 'x-public-url': this.options.publicUrl },
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
