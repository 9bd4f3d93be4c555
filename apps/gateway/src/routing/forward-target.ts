/** Only used to parse relative URLs; never contacted. */
const PARSE_BASE = 'http://gateway.invalid';

/**
 * The path+query to forward, or undefined when the request must not be forwarded.
 *
 * The URL is normalised exactly as the HTTP client will normalise it (WHATWG: `..`, `%2e%2e` and
 * `\` are resolved), and must still be under the route's prefix. Otherwise
 * `/public/../internal/institutions/x` would match `/public/*` here and then reach the service's
 * internal routes, carrying the gateway's internal token.
 */
export function forwardTarget(rawUrl: string, prefix: string): string | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl, PARSE_BASE);
  } catch {
    return undefined;
  }
  if (url.origin !== PARSE_BASE) return undefined;
  const path = url.pathname;
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return undefined;
  return `${path}${url.search}`;
}
