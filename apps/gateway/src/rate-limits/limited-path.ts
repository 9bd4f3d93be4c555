/** Only used to parse relative URLs; never contacted. */
const PARSE_BASE = 'http://gateway.invalid';

/**
 * The path a limit is looked up by. A service's router would treat `/v2/auth/%74oken`,
 * `/v2/auth//token/` or `/v2/auth/./token` as the sign-in route, so the limit must too: the path is
 * resolved as WHATWG does, percent-decoded, lower-cased, with repeated and trailing slashes folded.
 * Over-matching is harmless (a limit applies); under-matching would be a bypass.
 */
export function limitedPath(rawUrl: string): string {
  let path: string;
  try {
    path = new URL(rawUrl, PARSE_BASE).pathname;
  } catch {
    path = rawUrl.split('?')[0];
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // Left encoded: a path that does not decode cannot reach a service's route either.
  }
  return path.toLowerCase().replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
}
