import { Controller, Get, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createServiceApp, type ServiceAppOptions } from '../http/create-service-app';
import { FrontDoor } from '../http/front-door';
import { UNMATCHED_ROUTE } from './http-metrics';
import { metricSamples, metricValue } from './metric-samples';
import type { MetricsOptions } from './metrics-route';

@Controller()
class ItemsController {
  @Get('items/:id')
  item(@Param('id') id: string): unknown {
    return { id };
  }

  @Get('broken')
  broken(): unknown {
    throw new Error('a bug');
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

const TOKEN = 'a-metrics-token-of-some-length';

/**
 * The shared part of the metrics (decision 0050), on apps built by createServiceApp as every
 * service is: the HTTP hook, the one registry, and who may read GET /metrics.
 */
describe('metrics of an app built by createServiceApp', () => {
  const apps: NestFastifyApplication[] = [];
  const start = async (metrics: MetricsOptions, options: ServiceAppOptions = {}) => {
    const app = await createServiceApp(ItemsModule, { logger: false as never, metrics, ...options });
    apps.push(app);
    return app;
  };
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  const scrape = async (app: NestFastifyApplication, token?: string) => {
    const response = await app.inject({ method: 'GET', url: '/metrics', headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('times every answer by route pattern and status class, never by the raw path', async () => {
    const app = await start({ service: 'items' });
    for (const id of ['first-id', 'second-id']) expect((await app.inject({ method: 'GET', url: `/items/${id}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/nowhere/third-id' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/broken' })).statusCode).toBe(500);

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    const count = (labels: Record<string, string>) => metricValue(text, 'http_request_duration_seconds_count', { service: 'items', ...labels });
    expect(count({ method: 'GET', route: '/items/:id', status_class: '2xx' })).toBe(2);
    expect(count({ route: UNMATCHED_ROUTE, status_class: '4xx' })).toBe(1);
    expect(count({ route: '/broken', status_class: '5xx' })).toBe(1);
    expect(metricValue(text, 'http_request_duration_seconds_bucket', { route: '/items/:id', le: '+Inf' })).toBe(2);
    // No id, and no unmatched path, ever becomes a label value.
    const values = metricSamples(text).flatMap((sample) => Object.values(sample.labels));
    expect(values.filter((value) => /first-id|second-id|third-id|nowhere/.test(value))).toEqual([]);
    // Node's own figures come with them, once for the process.
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('one registry per process: a second app adds its own service label to the same answer', async () => {
    const first = await start({ service: 'one' });
    const second = await start({ service: 'two' });
    await first.inject({ method: 'GET', url: '/items/a' });
    await second.inject({ method: 'GET', url: '/items/b' });
    const text = await scrape(first);
    expect(metricValue(text, 'http_request_duration_seconds_count', { service: 'one', route: '/items/:id' })).toBe(1);
    expect(metricValue(text, 'http_request_duration_seconds_count', { service: 'two', route: '/items/:id' })).toBe(1);
  });

  it('asks for the bearer token when METRICS_TOKEN is set, with the platform error body', async () => {
    const app = await start({ service: 'guarded', token: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect({ authorization, status: response.statusCode }).toEqual({ authorization, status: 401 });
      expect(response.json()).toMatchObject({ status: { success: false }, error: { code: 'unauthorized' } });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
    expect(metricValue(await scrape(app, TOKEN), 'http_request_duration_seconds_count', { service: 'guarded', route: '/metrics', status_class: '4xx' })).toBe(5);
  });

  it('on a public port, serves nothing without a token (404 as any unknown path), and asks for it with one', async () => {
    const open = await start({ service: 'edge', publicPort: true });
    const absent = await open.inject({ method: 'GET', url: '/metrics' });
    expect(absent.statusCode).toBe(404);
    expect(absent.json()).toMatchObject({ error: { code: 'not_found' } });

    const guarded = await start({ service: 'edge', token: TOKEN, publicPort: true });
    expect((await guarded.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect(await scrape(guarded, TOKEN)).toContain('http_request_duration_seconds');
  });

  it("times what the front door answers before Fastify, under the answer's route name", async () => {
    const frontDoor = new FrontDoor();
    const app = await start({ service: 'door' }, { frontDoor });
    frontDoor.use((request, response) => {
      if (request.url !== '/ping') return false;
      response.writeHead(204).end();
      return true;
    }, '/ping');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpAdapter().getInstance().server.address() as { port: number };
    expect((await fetch(`http://127.0.0.1:${address.port}/ping`)).status).toBe(204);
    expect((await fetch(`http://127.0.0.1:${address.port}/items/x`)).status).toBe(200);
    const text = await scrape(app);
    expect(metricValue(text, 'http_request_duration_seconds_count', { service: 'door', route: '/ping', status_class: '2xx' })).toBe(1);
    expect(metricValue(text, 'http_request_duration_seconds_count', { service: 'door', route: '/items/:id' })).toBe(1);
  });
});
