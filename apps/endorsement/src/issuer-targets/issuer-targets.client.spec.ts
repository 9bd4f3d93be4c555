import { ApiError, tenantScope, type ServiceClient, type ServiceRequest } from '@badges/service-kit';

import { loadEndorsementConfig } from '../config/endorsement.config';
import { IssuerTargetsClient } from './issuer-targets.client';

const config = loadEndorsementConfig({ INTERNAL_TOKEN: 'internal-token-0123456789', SECRETS_ENCRYPTION_KEY: 'x'.repeat(32) });
const scope = tenantScope('inst-a');

function clientAnswering(answer: (request: ServiceRequest) => Promise<{ status: number; body: unknown }>): { client: ServiceClient; seen: ServiceRequest[] } {
  const seen: ServiceRequest[] = [];
  const client: ServiceClient = {
    service: 'issuer',
    request: async (request) => {
      seen.push(request);
      const { status, body } = await answer(request);
      return { status, headers: {}, body: Buffer.from(JSON.stringify(body)) };
    },
  };
  return { client, seen };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('IssuerTargetsClient', () => {
  it('asks the issuer as the requester, with the internal token, and returns the public id', async () => {
    const { client, seen } = clientAnswering(async () => ({ status: 200, body: { result: [{ openBadgeId: 'https://b.example/public/badges/b1', name: 'Robotics' }] } }));
    const target = await new IssuerTargetsClient(client, config).resolve(scope, 'BadgeClass', 'b1', 'corr-1');
    expect(target).toEqual({ type: 'BadgeClass', entityId: 'b1', url: 'https://b.example/public/badges/b1', name: 'Robotics' });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/v2/badgeclasses/b1',
      headers: { 'x-institution-id': 'inst-a', 'x-internal-token': 'internal-token-0123456789', 'x-correlation-id': 'corr-1' },
    });
  });

  it('finds the requester\'s contact email through the target\'s issuer', async () => {
    const { client, seen } = clientAnswering(async (request) =>
      request.url === '/v2/assertions/a1'
        ? { status: 200, body: { result: [{ openBadgeId: 'https://b.example/public/assertions/a1', issuer: 'i1' }] } }
        : { status: 200, body: { result: [{ openBadgeId: 'https://b.example/public/issuers/i1', email: 'faculty@college.example' }] } },
    );
    const target = await new IssuerTargetsClient(client, config).resolve(scope, 'Assertion', 'a1', 'c');
    expect(target.issuerEmail).toBe('faculty@college.example');
    expect(seen.map((r) => r.url)).toEqual(['/v2/assertions/a1', '/v2/issuers/i1']);
  });

  it('404 from the issuer is a 404 on target.entityId; a revoked assertion is 400 target_revoked', async () => {
    const missing = await failure(new IssuerTargetsClient(clientAnswering(async () => ({ status: 404, body: {} })).client, config).resolve(scope, 'Issuer', 'i1', 'c'));
    expect(missing).toMatchObject({ status: 404, code: 'not_found', field: 'target.entityId' });
    const revoked = clientAnswering(async () => ({ status: 200, body: { result: [{ openBadgeId: 'https://b.example/public/assertions/a1', revoked: true }] } }));
    expect(await failure(new IssuerTargetsClient(revoked.client, config).resolve(scope, 'Assertion', 'a1', 'c'))).toMatchObject({ status: 400, code: 'target_revoked' });
  });

  it('an unreachable or failing issuer is 503 service_unavailable', async () => {
    const down = clientAnswering(async () => Promise.reject(new Error('ECONNREFUSED')));
    expect(await failure(new IssuerTargetsClient(down.client, config).resolve(scope, 'Issuer', 'i1', 'c'))).toMatchObject({ status: 503, code: 'service_unavailable' });
    const broken = clientAnswering(async () => ({ status: 500, body: {} }));
    expect(await failure(new IssuerTargetsClient(broken.client, config).resolve(scope, 'Issuer', 'i1', 'c'))).toMatchObject({ status: 503, code: 'service_unavailable' });
  });
});
