import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ApiError } from '../errors/api-error';
import { HttpServiceClient } from './http-service-client';

/** The distributed transport against a real HTTP server that counts its connections. */
describe('HttpServiceClient', () => {
  let server: Server;
  let base: string;
  const sockets = new Set<Socket>();
  let connections = 0;
  let delayMs = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () =>
        setTimeout(() => {
          const echo = { method: req.method, url: req.url, token: req.headers['x-internal-token'] ?? null, type: req.headers['content-type'] ?? null, body: Buffer.concat(chunks).toString('utf8') };
          res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end(JSON.stringify(echo));
        }, delayMs),
      );
    });
    server.on('connection', (socket: Socket) => {
      connections += 1;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    connections = 0;
    delayMs = 0;
  });

  it('passes method, path, headers, body and the internal token, and returns status, headers and bytes', async () => {
    const client = new HttpServiceClient('echo', base, 2000, 'internal-token-of-16+chars');
    try {
      const response = await client.request({ method: 'POST', url: '/v2/verify?x=1', headers: { 'content-type': 'application/json' }, body: '{"url":"https://a.example/b"}' });
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
      expect(JSON.parse(response.body.toString('utf8'))).toEqual({ method: 'POST', url: '/v2/verify?x=1', token: 'internal-token-of-16+chars', type: 'application/json', body: '{"url":"https://a.example/b"}' });
    } finally {
      await client.close();
    }
  });

  it('keeps its connections open: many requests, in turn and at once, reuse a few sockets', async () => {
    const client = new HttpServiceClient('echo', base, 2000, undefined, { connections: 4 });
    try {
      for (let i = 0; i < 20; i++) await client.request({ method: 'GET', url: `/doc/${i}`, headers: {} });
      // One socket, or two when the next request is sent before the pool has seen the first free.
      expect(connections).toBeLessThanOrEqual(2);
      delayMs = 5;
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => client.request({ method: 'GET', url: `/doc/${i}`, headers: {} })));
      expect(answers.every((answer) => answer.status === 201)).toBe(true);
      expect(connections).toBeLessThanOrEqual(4);
    } finally {
      await client.close();
    }
  });

  it('answers 503 service_unavailable when the service is down or too slow', async () => {
    const down = new HttpServiceClient('gone', 'http://127.0.0.1:1', 500);
    const slow = new HttpServiceClient('slow', base, 100);
    try {
      await expect(down.request({ method: 'GET', url: '/', headers: {} })).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
      // undici checks its timeouts on a coarse timer (about half a second): well past it.
      delayMs = 2000;
      const failure = await slow.request({ method: 'GET', url: '/', headers: {} }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject({ status: 503 });
    } finally {
      await Promise.all([down.close(), slow.close()]);
    }
  });
});
