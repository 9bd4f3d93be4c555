import { Body, Controller, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createServiceApp } from './create-service-app';

@Controller()
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return { received: body };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('createServiceApp', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createServiceApp(EchoModule, { bodyLimit: 1024, logger: false as never });
  });
  afterAll(() => app.close());

  const inject = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': contentType } });

  it('answers malformed JSON with 400 invalid_json in the envelope', async () => {
    const response = await inject('{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: { success: false }, result: [], error: { code: 'invalid_json' } });
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const response = await inject(JSON.stringify({ text: 'x'.repeat(2048) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('answers an unknown content type with 415', async () => {
    const response = await inject('<xml/>', 'application/xml');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('unsupported_media_type');
  });

  it('parses form-encoded bodies (OAuth2 token requests)', async () => {
    const response = await inject('grant_type=client_credentials&client_id=abc', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ received: { grant_type: 'client_credentials', client_id: 'abc' } });
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});
