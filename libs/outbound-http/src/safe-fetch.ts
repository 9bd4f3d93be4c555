import type { IncomingHttpHeaders } from 'node:http';
import { Deadline } from './deadline';
import { OutboundFetchError } from './errors';
import { buildRequestHeaders, withoutBodyHeaders, withoutCredentials, type HeaderMap } from './headers';
import { resolveSettings, type SafeFetchOptions } from './options';
import { resolveAllowed } from './resolve';
import { sendHop } from './send-hop';
import { parseTarget, sameOrigin } from './target';

export interface SafeFetchResponse {
  readonly status: number;
  /** Lower-case names; Content-Encoding/Length are removed when the body was decompressed. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The URL that produced this response, after redirects. */
  readonly url: string;
  /** Every URL that answered with a redirect, in the order they were visited (empty if none). */
  readonly redirects: readonly string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * The one way to fetch a URL someone gave us. Refuses non-http(s) schemes and private,
 * loopback and link-local destinations (also after redirects and whatever DNS says), and
 * bounds time, size and redirects. Rejects only with OutboundFetchError (or RangeError for
 * invalid options).
 */
export async function safeFetch(url: string | URL, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const settings = resolveSettings(options);
  const deadline = new Deadline(settings.timeoutMs);
  let target = parseTarget(url);
  let method = settings.method;
  let body = settings.body;
  let headers: HeaderMap = buildRequestHeaders(options);
  const redirects: string[] = [];

  // Bounded: one pass per allowed redirect, plus the first request.
  for (let hop = 0; hop <= settings.maxRedirects; hop++) {
    const address = await refuseAsRedirect(hop > 0, () =>
      deadline.race(resolveAllowed(target, settings.policy, settings.resolver), target.url.href),
    );
    const response = await sendHop({
      target,
      address,
      method,
      headers,
      body,
      connectTimeoutMs: Math.min(settings.connectTimeoutMs, deadline.remainingMs()),
      deadline,
      maxBytes: settings.maxBytes,
      keepAlive: settings.keepAlive,
      wantsBody: (status, head) => !isFollowable(status, head),
    });
    const location = response.headers['location'];
    if (response.body !== null || location === undefined) {
      return { status: response.status, headers: response.headers, body: response.body ?? Buffer.alloc(0), url: target.url.href, redirects };
    }
    if (redirects.length >= settings.maxRedirects) {
      throw new OutboundFetchError('too_many_redirects', `${redirects[0] ?? target.url.href} redirected more than ${settings.maxRedirects} times.`, target.url.href);
    }
    const next = refuseAsRedirectSync(() => parseTarget(location, target.url));
    redirects.push(target.url.href);
    if (!sameOrigin(target, next)) headers = withoutCredentials(headers);
    // 301/302/303 turn into a body-less GET (what browsers do); 307/308 repeat the request as is.
    if (response.status <= 303 && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
      headers = withoutBodyHeaders(headers);
    }
    target = next;
  }
  throw new OutboundFetchError('too_many_redirects', `${url} redirected too many times.`, target.url.href);
}

function isFollowable(status: number, headers: IncomingHttpHeaders): boolean {
  return REDIRECT_STATUSES.has(status) && typeof headers.location === 'string';
}

// A redirect to a refused scheme or address is reported as redirect_blocked: the URL the caller
// gave was fine, the server it pointed at tried to send us somewhere we do not go.
async function refuseAsRedirect<T>(isRedirect: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isRedirect ? asRedirectBlocked(error) : error;
  }
}

function refuseAsRedirectSync<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asRedirectBlocked(error);
  }
}

const REFUSALS = new Set(['unsupported_scheme', 'invalid_url', 'blocked_address']);

/** Keeps the refused destination as `url`, so logs show where the server tried to send us. */
function asRedirectBlocked(error: unknown): unknown {
  if (!(error instanceof OutboundFetchError) || !REFUSALS.has(error.code)) return error;
  return new OutboundFetchError('redirect_blocked', `A redirect was refused: ${error.message}`, error.url, { cause: error });
}
