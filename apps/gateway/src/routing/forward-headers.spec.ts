import { buildForwardHeaders, correlationIdFor, INTERNAL_HEADERS, pickResponseHeaders } from './forward-headers';

const hostile = {
  host: 'gateway.example',
  authorization: 'Bearer abc',
  cookie: 'session=1',
  accept: 'application/ld+json',
  'accept-language': 'fr-CA',
  'content-type': 'application/json',
  'idempotency-key': 'k-1',
  'x-institution-id': 'someone-else',
  'x-client-id': 'forged',
  'x-badges-actor': 'staff:forged',
  'x-internal-token': 'guessed',
  'x-correlation-id': 'forged-correlation',
  'x-public-url': 'https://evil.example',
  'x-forwarded-for': '10.0.0.1',
};

describe('buildForwardHeaders', () => {
  it('strips what a caller sends for internal headers and sets the gateway values', () => {
    const headers = buildForwardHeaders(hostile, {
      identity: { institutionId: 'inst-1', clientId: 'client-1', scope: 'award' },
      correlationId: 'corr-1',
      internalToken: 'internal-secret-123',
      publicUrl: 'http://localhost:3000',
    });
    expect(headers).toEqual({
      accept: 'application/ld+json',
      'accept-language': 'fr-CA',
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      'x-institution-id': 'inst-1',
      'x-client-id': 'client-1',
      'x-badges-actor': 'client:client-1',
      'x-correlation-id': 'corr-1',
      'x-internal-token': 'internal-secret-123',
      'x-public-url': 'http://localhost:3000',
    });
  });

  it('passes the caller\'s Authorization on to learner routes only, never cookies or tenancy', () => {
    const learner = buildForwardHeaders(hostile, { passAuthorization: true, correlationId: 'corr-1', publicUrl: 'http://localhost:3000' });
    expect(learner.authorization).toBe('Bearer abc');
    expect(learner).not.toHaveProperty('cookie');
    expect(learner).not.toHaveProperty('x-institution-id');
    expect(learner).not.toHaveProperty('x-client-id');
    expect(learner).not.toHaveProperty('x-badges-actor');
    expect(buildForwardHeaders(hostile, { correlationId: 'corr-1', publicUrl: 'http://localhost:3000' })).not.toHaveProperty('authorization');
  });

  it('sends no tenancy and no internal token on anonymous routes without INTERNAL_TOKEN', () => {
    const headers = buildForwardHeaders(hostile, { correlationId: 'corr-2', publicUrl: 'http://localhost:3000' });
    expect(headers['x-institution-id']).toBeUndefined();
    expect(headers['x-client-id']).toBeUndefined();
    expect(headers['x-internal-token']).toBeUndefined();
    expect(headers['x-correlation-id']).toBe('corr-2');
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(Object.keys(headers).filter((name) => INTERNAL_HEADERS.includes(name)).sort()).toEqual(['x-correlation-id', 'x-public-url']);
  });
});

describe('pickResponseHeaders', () => {
  it('returns only the documented response headers', () => {
    expect(
      pickResponseHeaders({
        'content-type': 'application/ld+json',
        'cache-control': 'public, max-age=60',
        location: '/v2/issuers/abc',
        'set-cookie': ['a=1'],
        'x-institution-id': 'inst-1',
        connection: 'keep-alive',
        'content-length': '10',
      }),
    ).toEqual({ 'content-type': 'application/ld+json', 'cache-control': 'public, max-age=60', location: '/v2/issuers/abc' });
  });

  it('passes through the headers that keep content inert, and Allow', () => {
    const csp = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";
    expect(pickResponseHeaders({ 'content-security-policy': csp, 'x-content-type-options': 'nosniff', allow: 'GET, HEAD' })).toEqual({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      allow: 'GET, HEAD',
    });
  });
});

describe('correlationIdFor', () => {
  it('keeps a sane x-request-id and replaces anything else with a UUID', () => {
    expect(correlationIdFor({ 'x-request-id': 'req-12345678' })).toBe('req-12345678');
    const uuid = /^[0-9a-f-]{36}$/;
    expect(correlationIdFor({})).toMatch(uuid);
    expect(correlationIdFor({ 'x-request-id': 'bad id with spaces' })).toMatch(uuid);
    expect(correlationIdFor({ 'x-request-id': 'x'.repeat(500) })).toMatch(uuid);
    expect(correlationIdFor({ 'x-request-id': 'a\r\nb-12345678' })).toMatch(uuid);
  });
});
