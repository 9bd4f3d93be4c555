import type { FastifyReply } from 'fastify';

export interface EventStream {
  /** True once the client has gone away: stop producing. */
  readonly closed: boolean;
  send(event: string, data: unknown): void;
  /** A comment line keeps idle proxies from closing the connection. */
  keepAlive(): void;
  end(): void;
}

/**
 * Takes over a Fastify reply as a Server-Sent Events stream (`text/event-stream`), so progress
 * can be pushed to a page. Proxies are told not to buffer (`x-accel-buffering: no`).
 */
export function openEventStream(reply: FastifyReply, headers: Record<string, string> = {}): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...headers,
  });
  let closed = false;
  raw.on('close', () => (closed = true));
  return {
    get closed() {
      return closed;
    },
    send: (event, data) => void raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    keepAlive: () => void raw.write(': keep-alive\n\n'),
    end: () => raw.end(),
  };
}

export interface ProgressReading {
  data: unknown;
  /** True once the work is over: a final `complete` event is sent and the stream ends. */
  finished: boolean;
}

/**
 * Streams the state of long-running work by polling `read` (the state lives in a database or
 * another service, so any process can serve the stream): a `progress` event whenever it changes,
 * `complete` at the end, keep-alive comments while nothing changes. `read` returning undefined
 * (the work is gone) ends the stream.
 */
export async function streamProgress(
  reply: FastifyReply,
  read: () => Promise<ProgressReading | undefined>,
  options: { pollMs?: number; heartbeatMs?: number } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const stream = openEventStream(reply);
  let last = '';
  let lastWrite = Date.now();
  try {
    while (!stream.closed) {
      const reading = await read();
      if (!reading) break;
      const key = JSON.stringify(reading.data);
      if (key !== last) {
        stream.send('progress', reading.data);
        last = key;
        lastWrite = Date.now();
      }
      if (reading.finished) {
        stream.send('complete', reading.data);
        break;
      }
      if (Date.now() - lastWrite >= heartbeatMs) {
        stream.keepAlive();
        lastWrite = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } finally {
    stream.end();
  }
}
