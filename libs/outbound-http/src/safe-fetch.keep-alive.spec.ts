import { OutboundFetchError } from './errors';
import { safeFetch } from './safe-fetch';
import { ServerPool } from './test-support/local-servers';

// keepAlive (webhooks): calls to the same checked address share one connection, and a kept
// connection never lets a call skip its own address check.

const pool = new ServerPool();
afterEach(() => pool.closeAll());

const keptLocal = { allowPrivateNetwork: true, keepAlive: true };

describe('safeFetch with keepAlive', () => {
  it('sends sequential calls to one address over one connection, each answer whole', async () => {
    const server = await pool.http((_req, res, body) => res.end(`echo ${body}`));
    const answers = [];
    for (const n of [1, 2, 3]) answers.push((await safeFetch(`${server.origin}/hook`, { ...keptLocal, method: 'POST', body: `n${n}` })).body.toString());
    expect(answers).toEqual(['echo n1', 'echo n2', 'echo n3']);
    expect(server.connections()).toBe(1);
    expect(server.requests.map((request) => request.headers.host)).toEqual(Array(3).fill(`127.0.0.1:${server.port}`));
  });

  it('opens a connection per call without it', async () => {
    const server = await pool.http((_req, res) => res.end('ok'));
    for (let n = 0; n < 3; n++) await safeFetch(server.origin, { allowPrivateNetwork: true });
    expect(server.connections()).toBe(3);
  });

  it('still refuses the address when this call does not allow it, though a kept connection to it is open', async () => {
    const server = await pool.http((_req, res) => res.end('ok'));
    await safeFetch(server.origin, keptLocal);
    const refused = await safeFetch(server.origin, { keepAlive: true, allowPrivateNetwork: false }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OutboundFetchError);
    expect((refused as OutboundFetchError).code).toBe('blocked_address');
    expect(server.requests).toHaveLength(1);
  });

  it('works with a server that closes each connection after its answer', async () => {
    const server = await pool.http((_req, res) => res.writeHead(200, { connection: 'close' }).end('bye'));
    const bodies = [];
    for (let n = 0; n < 3; n++) bodies.push((await safeFetch(server.origin, keptLocal)).body.toString());
    expect(bodies).toEqual(['bye', 'bye', 'bye']);
    expect(server.connections()).toBe(3);
  });

  it('closes the connection of a call that failed, and the next call opens a new one', async () => {
    let calls = 0;
    const server = await pool.http((_req, res) => (++calls === 1 ? res.writeHead(200, { 'content-length': '100000' }).end('x'.repeat(100_000)) : res.end('small')));
    const tooLarge = await safeFetch(server.origin, { ...keptLocal, maxBytes: 10 }).catch((error: unknown) => error);
    expect((tooLarge as OutboundFetchError).code).toBe('too_large');
    expect((await safeFetch(server.origin, keptLocal)).body.toString()).toBe('small');
    expect(server.connections()).toBe(2);
  });
});
