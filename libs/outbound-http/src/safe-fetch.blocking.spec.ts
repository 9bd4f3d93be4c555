import { OutboundFetchError } from './errors';
import type { Resolver } from './resolve';
import { safeFetch } from './safe-fetch';
import { countClientSockets, ServerPool, type LocalServer } from './test-support/local-servers';

// Refusals must happen BEFORE any socket is opened. Only 127.0.0.1 test servers ever receive
// traffic; 10.x / 169.254.x are proven refused by counting client sockets (must stay 0).

const pool = new ServerPool();
const savedEnv = process.env['ALLOW_PRIVATE_NETWORK_FETCH'];
let server: LocalServer;

beforeEach(async () => {
  delete process.env['ALLOW_PRIVATE_NETWORK_FETCH']; // prove the secure default, whatever the CI sets
  server = await pool.http((_req, res) => res.end('hello'));
});
afterEach(async () => {
  if (savedEnv === undefined) delete process.env['ALLOW_PRIVATE_NETWORK_FETCH'];
  else process.env['ALLOW_PRIVATE_NETWORK_FETCH'] = savedEnv;
  await pool.closeAll();
});

async function expectRefusedWithoutConnecting(url: string, code: string, options = {}): Promise<OutboundFetchError> {
  const started = Date.now();
  const { sockets, result } = await countClientSockets(() => safeFetch(url, options));
  expect(result.status).toBe('rejected');
  const error = (result as PromiseRejectedResult).reason as OutboundFetchError;
  expect(error).toBeInstanceOf(OutboundFetchError);
  expect(error.code).toBe(code);
  expect(sockets).toBe(0);
  expect(Date.now() - started).toBeLessThan(500);
  return error;
}

describe('safeFetch refuses internal destinations by default', () => {
  it.each<[string, (s: LocalServer) => string]>([
    ['127.0.0.1', (s) => `http://127.0.0.1:${s.port}/`],
    ['localhost (by what it resolves to)', (s) => `http://localhost:${s.port}/`],
    ['[::1]', (s) => `http://[::1]:${s.port}/`],
    ['[::ffff:127.0.0.1]', (s) => `http://[::ffff:127.0.0.1]:${s.port}/`],
    ['2130706433', (s) => `http://2130706433:${s.port}/`],
    ['0x7f000001', (s) => `http://0x7f000001:${s.port}/`],
    ['0x7f.1', (s) => `http://0x7f.1:${s.port}/`],
    ['0177.0.0.1', (s) => `http://0177.0.0.1:${s.port}/`],
    ['10.0.0.1', () => 'http://10.0.0.1/'],
    ['169.254.169.254 (cloud metadata)', () => 'http://169.254.169.254/latest/meta-data/'],
    ['[fe80::1]', () => 'http://[fe80::1]/'],
    ['100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/'],
    ['0.0.0.0', () => 'http://0.0.0.0/'],
  ])('refuses %s with blocked_address and no connection', async (_label, makeUrl) => {
    const url = makeUrl(server);
    const error = await expectRefusedWithoutConnecting(url, 'blocked_address');
    expect(server.connections()).toBe(0);
    expect(error.message).not.toMatch(/\d+\.\d+\.\d+\.\d+.*\d+\.\d+\.\d+\.\d+/); // never echoes a resolved address
  });

  it('refuses a name whose DNS answers mix a public and a private address', async () => {
    const resolver: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ];
    await expectRefusedWithoutConnecting('http://mixed.example/', 'blocked_address', { resolver });
  });

  it('lets loopback through with allowPrivateNetwork or ALLOW_PRIVATE_NETWORK_FETCH=true', async () => {
    const viaOption = await safeFetch(`http://localhost:${server.port}/`, { allowPrivateNetwork: true });
    expect(viaOption.body.toString()).toBe('hello');
    process.env['ALLOW_PRIVATE_NETWORK_FETCH'] = 'true';
    const viaEnv = await safeFetch(`${server.origin}/`);
    expect(viaEnv.status).toBe(200);
    process.env['ALLOW_PRIVATE_NETWORK_FETCH'] = 'yes'; // only the exact string 'true' opens it
    await expectRefusedWithoutConnecting(`${server.origin}/`, 'blocked_address');
  });
});

describe('safeFetch refuses what is not an http(s) URL', () => {
  it.each([
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['gopher://127.0.0.1:70/_stats', 'unsupported_scheme'],
    ['ftp://example.com/x', 'unsupported_scheme'],
    ['data:text/plain,hi', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['not a url', 'invalid_url'],
    ['http://', 'invalid_url'],
    ['http://user:secret@example.com/', 'invalid_url'],
  ])('%s → %s', async (url, code) => {
    const error = await expectRefusedWithoutConnecting(url, code, { allowPrivateNetwork: true });
    expect(error.message).not.toContain('secret');
  });
});

describe('DNS handling', () => {
  it('resolves once and connects to the validated address, keeping the original Host (rebinding defence)', async () => {
    const answers = ['127.0.0.1', '10.0.0.1']; // a rebinding DNS server: safe first, internal after
    const calls: string[] = [];
    const resolver: Resolver = async (name) => {
      calls.push(name);
      return [{ address: answers[Math.min(calls.length - 1, 1)], family: 4 }];
    };
    const response = await safeFetch(`http://rebind.test:${server.port}/x`, {
      resolver,
      addressPolicy: (ip) => ip === '127.0.0.1',
    });
    expect(response.body.toString()).toBe('hello');
    expect(calls).toEqual(['rebind.test']); // Node's own lookup never ran (it would fail on .test)
    expect(server.requests[0].headers.host).toBe(`rebind.test:${server.port}`);
  });

  it('reports a name that does not resolve as dns_failure', async () => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const error = await expectRefusedWithoutConnecting('http://nowhere.invalid/', 'dns_failure', { resolver });
    expect(error.message).toContain('nowhere.invalid');
    await expectRefusedWithoutConnecting('http://empty.invalid/', 'dns_failure', { resolver: async () => [] });
  });
});
