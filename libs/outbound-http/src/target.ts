import { isIP } from 'node:net';
import { OutboundFetchError } from './errors';

// Turns a caller's string into a URL we are willing to request, or a typed refusal.
// WHATWG URL parsing already folds 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1, so the
// address check downstream only ever sees canonical literals.

export interface FetchTarget {
  readonly url: URL;
  /** Host name or IP literal without IPv6 brackets: what DNS resolves and TLS names (SNI). */
  readonly host: string;
  readonly port: number;
  readonly isHttps: boolean;
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

export function parseTarget(input: string | URL, base?: URL): FetchTarget {
  const text = String(input);
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (cause) {
    throw new OutboundFetchError('invalid_url', `"${truncate(text)}" is not a valid web address.`, text, { cause });
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    throw new OutboundFetchError(
      'unsupported_scheme',
      `Only http and https addresses can be fetched; "${url.protocol}" is not allowed.`,
      url.href,
    );
  }
  // Credentials in a URL would be sent to whoever the link points at (and logged along the way).
  if (url.username || url.password) {
    throw new OutboundFetchError('invalid_url', 'Web addresses with a user name or password in them are not accepted.', redact(url));
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (!host) throw new OutboundFetchError('invalid_url', `"${truncate(text)}" has no host name.`, text);
  const isHttps = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : isHttps ? 443 : 80;
  return { url, host, port, isHttps };
}

export function isIpLiteral(host: string): boolean {
  return isIP(host) !== 0;
}

/** Two URLs share an origin when scheme, host and port all match; credentials never cross origins. */
export function sameOrigin(a: FetchTarget, b: FetchTarget): boolean {
  return a.url.origin === b.url.origin;
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function truncate(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
