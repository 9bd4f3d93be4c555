import { OutboundFetchError, safeFetch, type SafeFetchResponse } from '@badges/outbound-http';

import { BadgrReadError } from './badgr-read-error';

/** Where the Badgr server is and how patiently to talk to it. */
export interface BadgrConnectionOptions {
  /** Badgr's API origin, e.g. `https://api.badgr.io`. */
  readonly baseUrl: string;
  /** Deadline of each request. Default 30 s (a page of 500 assertions is a few hundred kB). */
  readonly timeoutMs?: number;
  /** Attempts after the first for a request that failed on the network, with 429 or with 5xx. Default 3. */
  readonly retries?: number;
  /** Lets the reader reach a Badgr on a private or loopback address (a closed deployment, tests). */
  readonly allowPrivateNetwork?: boolean;
}

export interface BadgrRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly accept?: string;
  readonly maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 3;
const MAX_PAGE_BYTES = 32 * 1024 * 1024;
const RETRY_BASE_MS = 250;

/** Plain HTTP to one Badgr origin: bounded, retried, never following a link off that origin. */
export class BadgrConnection {
  readonly origin: string;

  constructor(readonly options: BadgrConnectionOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  /**
   * A path, or a link Badgr gave us (a next page). Links are put back on the configured origin:
   * Badgr builds them from the request it saw, which behind a proxy can say http:// or an inner
   * host, and the bearer token must only ever go to the origin the operator named.
   */
  url(pathOrLink: string): string {
    const parsed = new URL(pathOrLink, this.origin);
    return `${this.origin}${parsed.pathname}${parsed.search}`;
  }

  async send(pathOrLink: string, request: BadgrRequest = {}): Promise<SafeFetchResponse> {
    return this.fetchWithRetries(this.url(pathOrLink), request);
  }

  /** Any URL (images live on a media origin): no credentials are sent with these. */
  async fetchPublic(url: string, maxBytes: number): Promise<SafeFetchResponse> {
    return this.fetchWithRetries(url, { maxBytes, accept: 'image/png,image/svg+xml,*/*;q=0.5' });
  }

  private async fetchWithRetries(url: string, request: BadgrRequest): Promise<SafeFetchResponse> {
    const retries = this.options.retries ?? DEFAULT_RETRIES;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await safeFetch(url, {
          method: request.method ?? 'GET',
          headers: request.headers,
          body: request.body,
          accept: request.accept ?? 'application/json',
          timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxBytes: request.maxBytes ?? MAX_PAGE_BYTES,
          allowPrivateNetwork: this.options.allowPrivateNetwork,
        });
        if (!isRetryable(response.status) || attempt >= retries) return response;
      } catch (error) {
        if (!(error instanceof OutboundFetchError) || !isTransient(error) || attempt >= retries) {
          throw new BadgrReadError('unreachable', `${url} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }
      await sleep(RETRY_BASE_MS * 2 ** attempt);
    }
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function isTransient(error: OutboundFetchError): boolean {
  return error.code === 'timeout' || error.code === 'connect_timeout' || error.code === 'network_error' || error.code === 'dns_failure';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
