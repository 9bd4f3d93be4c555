import { Controller, Get, Module, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';

import { createServiceApp, EMBEDDABLE_PAGE_CSP, HttpServiceClient, IMAGE_CSP, InProcessServiceClient, PAGE_CSP, type ServiceClient } from '@badges/service-kit';

import type { BearerAuth } from '../auth/bearer-auth';
import type { GatewayConfig } from '../config/gateway.config';
import type { ForwardingRoute } from './forwarding-table';
import { ForwardingRoutes } from './forwarding.routes';

@Controller('public')
class ContentController {
  @Get('picture')
  picture(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('image/svg+xml').send('<svg xmlns="http://www.w3.org/2000/svg"/>');
  }

  @Get('page')
  page(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html; charset=utf-8').send('<p>page</p>');
  }

  @Get('embed')
  embed(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html; charset=utf-8').header('content-security-policy', EMBEDDABLE_PAGE_CSP).send('<p>embed</p>');
  }
}

@Module({ controllers: [ContentController] })
class ContentModule {}

const TABLE: ForwardingRoute[] = [{ prefix: '/public', service: 'issuer', access: 'anonymous' }];

/**
 * The services choose the security headers of what they serve; the gateway must hand them on
 * unchanged, whether it reaches the service over HTTP (distributed) or by inject (embedded).
 */
describe.each(['http', 'inject'] as const)('security headers forwarded by %s', (mode) => {
  let service: NestFastifyApplication;
  let gateway: FastifyInstance;

  beforeAll(async () => {
    service = await createServiceApp(ContentModule, { logger: false as never });
    let client: ServiceClient;
    if (mode === 'http') {
      await service.listen(0, '127.0.0.1');
      client = new HttpServiceClient('issuer', await service.getUrl());
    } else {
      client = new InProcessServiceClient('issuer', service.getHttpAdapter().getInstance());
    }
    gateway = Fastify();
    new ForwardingRoutes({} as BearerAuth, { issuer: client }, { PUBLIC_URL: 'http://gw.example' } as GatewayConfig).register(gateway, TABLE);
    await gateway.ready();
  });
  afterAll(async () => {
    await gateway.close();
    await service.close();
  });

  it.each([
    ['/public/picture', IMAGE_CSP],
    ['/public/page', PAGE_CSP],
    ['/public/embed', EMBEDDABLE_PAGE_CSP],
  ])('%s keeps its policy and nosniff', async (url, policy) => {
    const response = await gateway.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(policy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it("passes on the service's 405 with its Allow", async () => {
    const response = await gateway.inject({ method: 'POST', url: '/public/page', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
  });
});
