import type { IncomingHttpHeaders } from 'node:http';

// Request headers are ours to control where it matters for safety: framing (Host,
// Content-Length, Transfer-Encoding) comes from Node, Accept-Encoding from us (we must be able
// to decode and cap what we asked for), and credentials never follow a redirect to another origin.

export type HeaderMap = Record<string, string>;

const NOT_FROM_CALLER = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'keep-alive',
  'proxy-connection',
  'expect',
  'accept-encoding',
]);

const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

export const ACCEPT_ENCODING = 'gzip, deflate, br';
export const DEFAULT_USER_AGENT = 'OpenBadgesPlatform/1.0 (+outbound-http)';

export interface HeaderOptions {
  headers?: Record<string, string | undefined>;
  accept?: string;
  userAgent?: string;
  keepAlive?: boolean;
}

export function buildRequestHeaders(options: HeaderOptions): HeaderMap {
  const result: HeaderMap = { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, accept: options.accept ?? '*/*' };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const key = name.toLowerCase();
    if (value !== undefined && !NOT_FROM_CALLER.has(key)) result[key] = value;
  }
  if (options.accept) result.accept = options.accept; // the dedicated option wins over a raw header
  result['accept-encoding'] = ACCEPT_ENCODING;
  // Without keepAlive each hop uses its own connection to its own validated address; say so, so
  // neither side waits on a keep-alive we will never reuse. (No cookie jar exists: Set-Cookie is never replayed.)
  if (!options.keepAlive) result.connection = 'close';
  return result;
}

export function withoutCredentials(headers: HeaderMap): HeaderMap {
  return omit(headers, CREDENTIAL_HEADERS);
}

export function withoutBodyHeaders(headers: HeaderMap): HeaderMap {
  return omit(headers, BODY_HEADERS);
}

function omit(headers: HeaderMap, names: readonly string[]): HeaderMap {
  const copy = { ...headers };
  for (const name of names) delete copy[name];
  return copy;
}

/** Flattens Node's response headers to one string each (repeated headers joined with ", "). */
export function flattenResponseHeaders(headers: IncomingHttpHeaders): HeaderMap {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}
