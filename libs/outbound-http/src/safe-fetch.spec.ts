import { OUTBOUND_ERROR_CODES, OutboundFetchError, isBlockedAddress, safeFetch } from './index';
import { countClientSockets, ServerPool } from './test-support/local-servers';

// The happy path through the public barrel (./index): what a service sees.

const pool = new ServerPool();
afterEach(() => pool.closeAll());

const local = { allowPrivateNetwork: true };

describe('safeFetch', () => {
  it('returns status, headers, body, final url and an empty redirect chain, over one connection', async () => {
    const server = await pool.http((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/ld+json', 'x-multi': ['a', 'b'] });
      res.end('{"id":"x"}');
    });
    const { sockets, result } = await countClientSockets(() => safeFetch(`${server.origin}/assertion?id=1`, local));
    expect(sockets).toBe(1);
    const response = (result as PromiseFulfilledResult<Awaited<ReturnType<typeof safeFetch>>>).value;
    expect(response.status).toBe(201);
    expect(response.headers['content-type']).toBe('application/ld+json');
    expect(response.headers['x-multi']).toBe('a, b');
    expect(response.body.toString()).toBe('{"id":"x"}');
    expect(response.url).toBe(`${server.origin}/assertion?id=1`);
    expect(response.redirects).toEqual([]);
  });

  it('sends method, body, Accept and User-Agent, and keeps framing headers its own', async () => {
    const server = await pool.http((_req, res) => res.end());
    await safeFetch(server.origin, {
      ...local,
      method: 'put',
      body: 'data',
      accept: 'application/json',
      userAgent: 'BadgeVerifier/2',
      headers: { host: 'evil.example', 'content-length': '999', 'x-custom': '1' },
    });
    const [request] = server.requests;
    expect(request.method).toBe('PUT');
    expect(request.body).toBe('data');
    expect(request.headers.host).toBe(`127.0.0.1:${server.port}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toBe('BadgeVerifier/2');
    expect(request.headers['x-custom']).toBe('1');
  });

  it('returns non-2xx answers as responses, not errors', async () => {
    const server = await pool.http((_req, res) => res.writeHead(404).end('gone'));
    const response = await safeFetch(server.origin, local);
    expect([response.status, response.body.toString()]).toEqual([404, 'gone']);
  });

  it('handles HEAD and 204 without a body', async () => {
    const server = await pool.http((req, res) => res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'content-encoding': 'gzip' }).end());
    expect((await safeFetch(server.origin, { ...local, method: 'HEAD' })).body.length).toBe(0);
    expect((await safeFetch(server.origin, local)).status).toBe(204);
  });

  it('rejects invalid limits as a programming error', async () => {
    await expect(safeFetch('http://example.com', { timeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(safeFetch('http://example.com', { maxRedirects: -1 })).rejects.toThrow(RangeError);
  });

  it('exports the error codes and the address check', () => {
    expect(OUTBOUND_ERROR_CODES).toContain('blocked_address');
    expect(new OutboundFetchError('timeout', 'slow')).toBeInstanceOf(Error);
    expect(isBlockedAddress('169.254.169.254')).toBe(true);
  });
});
