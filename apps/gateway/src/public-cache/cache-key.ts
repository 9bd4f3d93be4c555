import type { IncomingHttpHeaders } from 'node:http';

/** Only anonymous public documents are kept: nothing under it depends on who asks. */
const CACHED_PREFIX = '/public/';
/** Longer Accept/Accept-Language values are answered, just not kept (they would only fill the cache). */
const MAX_VARIANT_HEADER_LENGTH = 256;

/**
 * The entry a request would be answered from: its path and query, and the two headers public
 * documents vary on (Accept picks JSON-LD, HTML or JWS; Accept-Language the page's language). The
 * raw values, not our reading of them: every service negotiates its own way, and a key that is
 * finer than needed only costs a miss. Undefined: never cached.
 */
export function publicCacheKey(method: string, url: string, headers: IncomingHttpHeaders): string | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || !url.startsWith(CACHED_PREFIX)) return undefined;
  const accept = headers.accept ?? '';
  const language = headers['accept-language'] ?? '';
  if (accept.length > MAX_VARIANT_HEADER_LENGTH || language.length > MAX_VARIANT_HEADER_LENGTH) return undefined;
  return `${url}\n${accept}\n${language}`;
}
