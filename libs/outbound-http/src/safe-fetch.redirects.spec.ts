import { OutboundFetchError } from './errors';
import { safeFetch } from './safe-fetch';
import { countClientSockets, ServerPool, type LocalServer } from './test-support/local-servers';

// Redirects are followed by hand so that every hop is re-validated like a fresh URL.

const pool = new ServerPool();
afterEach(() => pool.closeAll());

const local = { allowPrivateNetwork: true };

function redirectingTo(status: number, location: (s: LocalServer) => string) {
  let self: LocalServer | undefined;
  return {
    start: async () => {
      self = await pool.http((_req, res) => {
        res.writeHead(status, { location: location(self!) });
        res.end('moved');
      });
      return self;
    },
  };
}

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

describe('redirects', () => {
  it('follows a chain and returns it, with the final URL', async () => {
    const target = await pool.http((_req, res) => res.end('final'));
    const middle = await redirectingTo(302, () => `${target.origin}/end`).start();
    const first = await redirectingTo(301, () => `${middle.origin}/mid`).start();
    const response = await safeFetch(`${first.origin}/start`, local);
    expect(response.body.toString()).toBe('final');
    expect(response.url).toBe(`${target.origin}/end`);
    expect(response.redirects).toEqual([`${first.origin}/start`, `${middle.origin}/mid`]);
  });

  it('resolves a relative Location against the current URL', async () => {
    const server = await pool.http((req, res) => {
      if (req.url === '/a/b') res.writeHead(302, { location: '../c?x=1' }).end();
      else res.end(`at ${req.url}`);
    });
    const response = await safeFetch(`${server.origin}/a/b`, local);
    expect(response.body.toString()).toBe('at /c?x=1');
  });

  it('turns a POST into a body-less GET on 303', async () => {
    const server = await pool.http((req, res) => {
      if (req.url === '/submit') res.writeHead(303, { location: '/result' }).end();
      else res.end('done');
    });
    const response = await safeFetch(`${server.origin}/submit`, {
      ...local,
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const [post, get] = server.requests;
    expect([post.method, post.body]).toEqual(['POST', '{"a":1}']);
    expect([get.method, get.body, get.headers['content-type']]).toEqual(['GET', '', undefined]);
  });

  it('repeats method and body on 307', async () => {
    const server = await pool.http((req, res) => {
      if (req.url === '/hook') res.writeHead(307, { location: '/hook2' }).end();
      else res.end('ok');
    });
    await safeFetch(`${server.origin}/hook`, { ...local, method: 'POST', body: 'payload' });
    expect(server.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', 'payload'],
      ['POST', 'payload'],
    ]);
  });

  it('stops a redirect loop with too_many_redirects after maxRedirects hops', async () => {
    const loop = await redirectingTo(302, (s) => `${s.origin}/again`).start();
    const error = await failureOf(safeFetch(loop.origin, { ...local, maxRedirects: 3 }));
    expect(error.code).toBe('too_many_redirects');
    expect(loop.requests).toHaveLength(4); // the first request plus 3 followed redirects
  });

  it('treats maxRedirects: 0 as "follow none"', async () => {
    const server = await redirectingTo(302, () => 'http://127.0.0.1:1/').start();
    const error = await failureOf(safeFetch(server.origin, { ...local, maxRedirects: 0 }));
    expect(error.code).toBe('too_many_redirects');
  });

  it('refuses a redirect to a blocked address with redirect_blocked, without connecting to it', async () => {
    // Policy seam: 127.0.0.1 plays "the public internet", 127.0.0.2 plays "internal".
    const server = await redirectingTo(302, (s) => `http://127.0.0.2:${s.port}/admin`).start();
    const { sockets, result } = await countClientSockets(() =>
      safeFetch(server.origin, { addressPolicy: (ip) => ip === '127.0.0.1' }),
    );
    const error = (result as PromiseRejectedResult).reason as OutboundFetchError;
    expect(error.code).toBe('redirect_blocked');
    expect(error.url).toBe(`http://127.0.0.2:${server.port}/admin`);
    expect((error.cause as OutboundFetchError).code).toBe('blocked_address');
    expect(sockets).toBe(1); // only the first hop
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'http://user:pw@127.0.0.1/'])(
    'refuses a redirect to %s with redirect_blocked',
    async (location) => {
      const server = await redirectingTo(302, () => location).start();
      const error = await failureOf(safeFetch(server.origin, local));
      expect(error.code).toBe('redirect_blocked');
    },
  );

  it('refuses a redirect to a name that RESOLVES to a refused address', async () => {
    const server = await redirectingTo(302, (s) => `http://localhost:${s.port}/`).start();
    const error = await failureOf(
      safeFetch(server.origin, { addressPolicy: (ip) => ip === '127.0.0.1', resolver: async () => [{ address: '::1', family: 6 }] }),
    );
    expect(error.code).toBe('redirect_blocked');
  });
});

describe('credentials on redirect', () => {
  const secrets = { authorization: 'Bearer s3cret', cookie: 'sid=1', 'x-trace': 'keep-me' };

  it('drops Authorization and Cookie when the redirect leaves the origin', async () => {
    const other = await pool.http((_req, res) => res.end('other'));
    const first = await redirectingTo(302, () => `${other.origin}/`).start();
    await safeFetch(first.origin, { ...local, headers: secrets });
    expect(first.requests[0].headers.authorization).toBe('Bearer s3cret');
    const forwarded = other.requests[0].headers;
    expect([forwarded.authorization, forwarded.cookie, forwarded['x-trace']]).toEqual([undefined, undefined, 'keep-me']);
  });

  it('keeps them on a same-origin redirect', async () => {
    const server = await pool.http((req, res) => {
      if (req.url === '/') res.writeHead(302, { location: '/next' }).end();
      else res.end('ok');
    });
    await safeFetch(server.origin, { ...local, headers: secrets });
    expect(server.requests[1].headers.authorization).toBe('Bearer s3cret');
  });

  it('ignores Set-Cookie: no cookie is ever sent back', async () => {
    const server = await pool.http((req, res) => {
      if (req.url === '/') res.writeHead(302, { location: '/next', 'set-cookie': 'sid=abc' }).end();
      else res.end('ok');
    });
    await safeFetch(server.origin, local);
    expect(server.requests[1].headers.cookie).toBeUndefined();
  });
});
