import type { ServerResponse } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { OutboundFetchError } from './errors';
import { safeFetch } from './safe-fetch';
import { countClientSockets, ServerPool } from './test-support/local-servers';

// Size, time and connection limits, each against a real misbehaving server on 127.0.0.1.

const pool = new ServerPool();
afterEach(() => pool.closeAll());

const MiB = 1024 * 1024;
const local = { allowPrivateNetwork: true };

async function failureOf(promise: Promise<unknown>): Promise<OutboundFetchError> {
  const error = await promise.then(
    () => {
      throw new Error('expected safeFetch to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundFetchError);
  return error as OutboundFetchError;
}

/** Writes `total` bytes in 64 KiB chunks, honouring backpressure, until done or the client leaves. */
function stream(res: ServerResponse, total: number, written: { bytes: number }): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const pump = () => {
    while (written.bytes < total && !res.destroyed) {
      written.bytes += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

describe('size limits', () => {
  it('cuts a 100 MB streamed response at maxBytes, quickly and without reading it all', async () => {
    const written = { bytes: 0 };
    const server = await pool.http((_req, res) => stream(res, 100 * MiB, written));
    const started = Date.now();
    const error = await failureOf(safeFetch(server.origin, { ...local, maxBytes: 1 * MiB }));
    expect(error.code).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(written.bytes).toBeLessThan(20 * MiB); // the server was stopped long before 100 MB
  });

  it('refuses a Content-Length over maxBytes before reading the body', async () => {
    const server = await pool.http((_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * MiB) });
      res.write('x'); // and then nothing: a reader that waited for the body would hang
    });
    const started = Date.now();
    const error = await failureOf(safeFetch(server.origin, { ...local, maxBytes: MiB, timeoutMs: 5000 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(`${MiB} bytes`);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('accepts a body of exactly maxBytes', async () => {
    const server = await pool.http((_req, res) => res.end(Buffer.alloc(1000, 0x62)));
    const response = await safeFetch(server.origin, { ...local, maxBytes: 1000 });
    expect(response.body.length).toBe(1000);
  });

  it('applies the cap to DECOMPRESSED bytes: a gzip bomb is cut off', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB)); // ~64 KB on the wire, 64 MiB inflated
    expect(bomb.length).toBeLessThan(MiB);
    const server = await pool.http((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const started = Date.now();
    const error = await failureOf(safeFetch(server.origin, { ...local, maxBytes: MiB }));
    expect(error.code).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decodes %s and drops the encoding headers', async (encoding, compress) => {
    const server = await pool.http((_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding });
      res.end(compress(Buffer.from('{"ok":true}')));
    });
    const response = await safeFetch(server.origin, local);
    expect(response.body.toString()).toBe('{"ok":true}');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(server.requests[0].headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('reports a corrupt compressed body as network_error', async () => {
    const server = await pool.http((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('this is not gzip');
    });
    const error = await failureOf(safeFetch(server.origin, local));
    expect(error.code).toBe('network_error');
  });
});

describe('time limits', () => {
  it('cuts a slow-drip server at the total deadline', async () => {
    const server = await pool.http((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write('.'), 20); // forever, one byte at a time
      res.on('close', () => clearInterval(drip));
    });
    const started = Date.now();
    const error = await failureOf(safeFetch(server.origin, { ...local, timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1000);
  });

  it('times out a server that never answers', async () => {
    const server = await pool.http(() => undefined);
    const error = await failureOf(safeFetch(server.origin, { ...local, timeoutMs: 200 }));
    expect(error.code).toBe('timeout');
  });

  it('does not apply connectTimeoutMs once connected: a slow but timely answer succeeds', async () => {
    const server = await pool.http((_req, res) => {
      const later = setTimeout(() => res.end('late but fine'), 300);
      res.on('close', () => clearTimeout(later));
    });
    const response = await safeFetch(server.origin, { ...local, connectTimeoutMs: 100, timeoutMs: 2000 });
    expect(response.body.toString()).toBe('late but fine');
  });

  it('reports connect_timeout when the connection (here the TLS handshake) cannot be set up', async () => {
    const silent = await pool.silentTcp();
    const started = Date.now();
    const error = await failureOf(safeFetch(`https://127.0.0.1:${silent.port}/`, { ...local, connectTimeoutMs: 200, timeoutMs: 5000 }));
    expect(error.code).toBe('connect_timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('connection failures', () => {
  it('reports a refused connection as network_error, after exactly one connection attempt', async () => {
    const server = await pool.http(() => undefined);
    const port = server.port;
    await pool.closeAll(); // nothing listens on the port any more
    const { sockets, result } = await countClientSockets(() => safeFetch(`http://127.0.0.1:${port}/`, local));
    expect(sockets).toBe(1);
    const error = (result as PromiseRejectedResult).reason as OutboundFetchError;
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('refused');
  });

  it('reports TLS to a plain HTTP server as network_error', async () => {
    const server = await pool.http((_req, res) => res.end('plain'));
    const error = await failureOf(safeFetch(`https://127.0.0.1:${server.port}/`, local));
    expect(error.code).toBe('network_error');
  });
});
