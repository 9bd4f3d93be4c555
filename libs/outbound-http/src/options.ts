import { defaultAddressPolicy, type AddressPolicy } from './address-policy';
import { systemResolver, type Resolver } from './resolve';

export interface SafeFetchOptions {
  /** Default GET. */
  method?: string;
  /** Framing headers (Host, Content-Length, ...) and Accept-Encoding are ignored: they are ours. */
  headers?: Record<string, string | undefined>;
  body?: string | Uint8Array;
  /** Total deadline for the whole fetch, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Deadline for establishing each connection (TCP plus TLS handshake). Default 5 s, never beyond timeoutMs. */
  connectTimeoutMs?: number;
  /** Largest body we keep, after decompression. Default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5; 0 refuses any redirect. */
  maxRedirects?: number;
  /** Value of the Accept header. Default "*\/*". */
  accept?: string;
  /** Let private and loopback targets through. Default: env ALLOW_PRIVATE_NETWORK_FETCH === 'true'. */
  allowPrivateNetwork?: boolean;
  userAgent?: string;
  /** Replaces the address check entirely (true = may connect). For tests and special deployments. */
  addressPolicy?: AddressPolicy;
  /** Replaces system DNS. For tests (e.g. simulating rebinding) and special deployments. */
  resolver?: Resolver;
  /**
   * Reuse connections between calls (callers that POST often to the same receivers: webhooks).
   * Still safe against DNS rebinding: every call resolves and checks its address first, and a kept
   * connection is only reused for that same checked address. Default false: one connection per request.
   */
  keepAlive?: boolean;
}

export interface Settings {
  readonly method: string;
  readonly body?: Buffer;
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly policy: AddressPolicy;
  readonly resolver: Resolver;
  readonly keepAlive: boolean;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export function resolveSettings(options: SafeFetchOptions): Settings {
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  // Read the environment per call, not at import, so a process (or test) can change it.
  const allowPrivate = options.allowPrivateNetwork ?? process.env['ALLOW_PRIVATE_NETWORK_FETCH'] === 'true';
  return {
    method: (options.method ?? 'GET').toUpperCase(),
    body: options.body === undefined ? undefined : Buffer.from(options.body),
    timeoutMs,
    connectTimeoutMs: Math.min(positive(options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS, 'connectTimeoutMs'), timeoutMs),
    maxBytes: nonNegative(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    maxRedirects: nonNegative(options.maxRedirects, DEFAULT_MAX_REDIRECTS, 'maxRedirects'),
    policy: options.addressPolicy ?? defaultAddressPolicy(allowPrivate),
    resolver: options.resolver ?? systemResolver,
    keepAlive: options.keepAlive ?? false,
  };
}

// Bad limits are a programming error in the caller, not a failure of the remote server: throw
// a plain RangeError so it shows up in development instead of as a misleading fetch error.
function positive(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) throw new RangeError(`${name} must be a positive number`);
  return result;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return result;
}
