import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Deadline } from './deadline';
import { OutboundFetchError } from './errors';
import { flattenResponseHeaders, type HeaderMap } from './headers';
import { describeNetworkError } from './network-errors';
import { readCappedBody } from './read-body';
import { pinnedLookup, type ResolvedAddress } from './resolve';
import type { FetchTarget } from './target';

// One HTTP exchange with one already-validated address: no redirect following, no retries.
// Every way out (answer, error, connect timeout, total deadline, size cap) goes through
// finish(), which clears the timers and destroys the request, so nothing outlives the call;
// only a keepAlive caller's connection whose answer was read to the end goes back to its pool.

/**
 * The keepAlive pools. Their requests are made to the checked IP address itself (Host and SNI
 * name the host), so the agents key their sockets by that address: a kept connection is reused
 * only by a later call whose own DNS answer and address check gave the same address. An idle
 * connection is closed after 4 s, before most servers' keep-alive timeout (Node's is 5 s).
 */
const KEEP_ALIVE_OPTIONS = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 4_000, scheduling: 'lifo' as const };
const keptConnections = { http: new HttpAgent(KEEP_ALIVE_OPTIONS), https: new HttpsAgent(KEEP_ALIVE_OPTIONS) };

export interface HopRequest {
  readonly target: FetchTarget;
  readonly address: ResolvedAddress;
  readonly method: string;
  readonly headers: HeaderMap;
  readonly body?: Buffer;
  readonly connectTimeoutMs: number;
  readonly deadline: Deadline;
  readonly maxBytes: number;
  /** Reuse a kept connection to this address, and keep this one (see keptConnections). */
  readonly keepAlive: boolean;
  /** Whether to read the body; false for a redirect we are about to follow. */
  readonly wantsBody: (status: number, headers: IncomingHttpHeaders) => boolean;
}

export interface HopResponse {
  readonly status: number;
  readonly headers: HeaderMap;
  readonly body: Buffer | null;
}

export function sendHop(hop: HopRequest): Promise<HopResponse> {
  return new Promise<HopResponse>((resolve, reject) => {
    const href = hop.target.url.href;
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    let req: ClientRequest | undefined;
    let res: IncomingMessage | undefined;

    const finish = (outcome: { error: OutboundFetchError } | { value: HopResponse }) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (hop.keepAlive && 'value' in outcome && outcome.value.body !== null) {
        // Read to the end (or bodiless): resuming lets the agent take the socket back.
        res?.resume();
      } else {
        res?.destroy();
        req?.destroy();
      }
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.value);
    };
    const fail = (error: OutboundFetchError) => finish({ error });

    timers.push(setTimeout(() => fail(hop.deadline.error(href)), hop.deadline.remainingMs()));
    try {
      req = startRequest(hop);
    } catch (cause) {
      // Node validates method and header values synchronously.
      fail(new OutboundFetchError('network_error', `The request to ${href} could not be built: ${String(cause)}`, href, { cause }));
      return;
    }
    req.on('error', (cause) => fail(new OutboundFetchError('network_error', describeNetworkError(cause, hop.target), href, { cause })));
    req.on('socket', (socket) => watchConnect(socket, hop, timers, fail));
    req.on('response', (response) => {
      res = response;
      response.on('error', () => undefined); // failures surface through the body pipeline or finish()
      onResponse(response, hop).then((value) => finish({ value }), fail);
    });
    req.end(hop.body);
  });
}

function startRequest(hop: HopRequest): ClientRequest {
  const { target, address } = hop;
  const request = target.isHttps ? httpsRequest : httpRequest;
  const path = `${target.url.pathname}${target.url.search}`;
  if (hop.keepAlive) {
    return request({
      host: address.address,
      port: target.port,
      path,
      method: hop.method,
      headers: { ...hop.headers, host: target.url.host },
      agent: target.isHttps ? keptConnections.https : keptConnections.http,
      // The certificate is checked against the host's name, as without keepAlive.
      ...(target.isHttps && isIP(target.host) === 0 ? { servername: target.host } : {}),
    });
  }
  return request({
    host: target.host,
    port: target.port,
    path,
    method: hop.method,
    headers: hop.headers,
    // A fresh connection per hop: a pooled socket could belong to an address we never checked.
    agent: false,
    lookup: pinnedLookup(target.host, address),
  });
}

/** Bounds connection setup (TCP, and the TLS handshake for https) by connectTimeoutMs. */
function watchConnect(socket: Socket, hop: HopRequest, timers: NodeJS.Timeout[], fail: (e: OutboundFetchError) => void): void {
  // A kept connection handed back by the agent is connected already.
  if (!socket.connecting) return;
  const href = hop.target.url.href;
  const timer = setTimeout(
    () => fail(new OutboundFetchError('connect_timeout', `Could not connect to "${hop.target.host}" within ${hop.connectTimeoutMs} ms.`, href)),
    hop.connectTimeoutMs,
  );
  timers.push(timer);
  socket.once(hop.target.isHttps ? 'secureConnect' : 'connect', () => clearTimeout(timer));
}

async function onResponse(response: IncomingMessage, hop: HopRequest): Promise<HopResponse> {
  const status = response.statusCode ?? 0;
  const headers = flattenResponseHeaders(response.headers);
  if (!hop.wantsBody(status, response.headers)) return { status, headers, body: null };
  const href = hop.target.url.href;
  const tooLarge = () =>
    new OutboundFetchError('too_large', `The response from "${hop.target.host}" is larger than the limit of ${hop.maxBytes} bytes.`, href);
  // Refuse before reading a byte when the server announces more than we would keep.
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > hop.maxBytes) throw tooLarge();
  const noBody = hop.method === 'HEAD' || status === 204 || status === 304;
  const { body, decoded } = noBody
    ? { body: Buffer.alloc(0), decoded: false }
    : await readCappedBody(response, response.headers['content-encoding'], hop.maxBytes, tooLarge).catch((error: unknown) => {
        throw error instanceof OutboundFetchError
          ? new OutboundFetchError(error.code, error.message, href, { cause: error.cause })
          : new OutboundFetchError('network_error', describeNetworkError(error, hop.target), href, { cause: error });
      });
  if (decoded) {
    delete headers['content-encoding'];
    delete headers['content-length'];
  }
  return { status, headers, body };
}
