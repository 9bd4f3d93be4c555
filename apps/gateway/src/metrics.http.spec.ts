import { databaseTargets } from '@badges/persistence';
import { loadConfig, metricValue } from '@badges/service-kit';

import { GatewayConfigSchema } from './config/gateway.config';
import { gatewayUnderTest } from './testing/gateway-under-test';

const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const baseEnv = { SECRETS_ENCRYPTION_KEY: 'secrets-encryption-key-for-tests-0123456789', ADMIN_TOKEN: 'admin-token-for-tests-0123456789', LOG_LEVEL: 'silent' };

/**
 * The gateway's /metrics (decision 0050): its port is the public one, so it serves them only when
 * METRICS_TOKEN is set, and then only to that bearer; a service's /metrics is never forwarded.
 */
describe.each(databaseTargets())('gateway /metrics on $name', (target) => {
  describe('without METRICS_TOKEN', () => {
    const gateway = gatewayUnderTest(target, loadConfig('gateway', GatewayConfigSchema, baseEnv));

    it('answers 404 in the envelope, whoever asks, and forwards nothing to a service', async () => {
      for (const headers of [{}, { authorization: `Bearer ${METRICS_TOKEN}` }, { authorization: 'Bearer admin-token-for-tests-0123456789' }]) {
        const response = await gateway.send({ method: 'GET', url: '/metrics', headers });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ status: { success: false }, error: { code: 'not_found' } });
      }
      for (const url of ['/public/../metrics', '/public/%2e%2e/metrics', '/v2/issuers/../../metrics']) {
        expect((await gateway.send({ method: 'GET', url })).statusCode).toBe(404);
      }
      expect(gateway.issuer.received.filter((request) => request.url.includes('metrics'))).toEqual([]);
    });
  });

  describe('with METRICS_TOKEN', () => {
    const gateway = gatewayUnderTest(target, loadConfig('gateway', GatewayConfigSchema, { ...baseEnv, METRICS_TOKEN }));

    const scrape = async () => {
      const response = await gateway.send({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.statusCode).toBe(200);
      return response.body;
    };

    it('asks for the token, then shows the HTTP figures of the routes it answered and of its outbox', async () => {
      // One registry per process: the storage targets' gateways add up, so the test counts what it adds.
      const before = await scrape();
      expect((await gateway.send({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await gateway.send({ method: 'GET', url: '/public/issuers/some-issuer-id' })).statusCode).toBe(200);

      for (const authorization of [undefined, 'Bearer admin-token-for-tests-0123456789', `Bearer ${METRICS_TOKEN.toUpperCase()}`]) {
        const refused = await gateway.send({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
        expect(refused.statusCode).toBe(401);
        expect(refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
      const text = await scrape();
      const count = (labels: Record<string, string>) => {
        const of = (body: string) => metricValue(body, 'http_request_duration_seconds_count', { service: 'gateway', method: 'GET', status_class: '2xx', ...labels });
        return of(text) - of(before);
      };
      expect(count({ route: '/health' })).toBe(1);
      expect(count({ route: '/public/*' })).toBe(1);
      expect(text).not.toContain('some-issuer-id');
      // The relay of the gateway's outbox runs, so its backlog is read (nothing waits).
      expect(text).toMatch(/^outbox_unpublished_rows\{service="gateway"\} 0$/m);
      expect(text).toMatch(/^outbox_oldest_unpublished_age_seconds\{service="gateway"\} 0$/m);
    });
  });
});
