import { Body, Controller, Get, Module, Param, Post, Res } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

import { createServiceApp } from './create-service-app';

@Controller()
class EchoController {
  @Post('echo')
  echo(@Body() body: unknown): unknown {
    return { received: body };
  }

  @Get('items/:id')
  item(@Param('id') id: string): unknown {
    return { id };
  }

  @Get('picture')
  picture(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('image/svg+xml').send('<svg xmlns="http://www.w3.org/2000/svg"/>');
  }

  @Get('page')
  page(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html; charset=utf-8').send('<!doctype html><title>t</title>');
  }

  @Get('own-policy')
  ownPolicy(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html').header('content-security-policy', "default-src 'self'").send('<p>app</p>');
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

  describe('hostile input at the edge', () => {
    it('answers JSON nested deeper than 64 levels with 400 validation_failed, before parsing it', async () => {
      const response = await inject(`${'['.repeat(65)}${']'.repeat(65)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect((await inject(`${'['.repeat(64)}${']'.repeat(64)}`)).statusCode).toBe(201);
    });

    it('still refuses prototype poisoning as Fastify does', async () => {
      const response = await inject('{"__proto__":{"admin":true}}');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_json');
    });

    it.each([
      ['a NUL', '{"items":[{"name":"ok"},{"name":"a\\u0000b"}]}', 'items.1.name'],
      ['a lone high surrogate', '{"narrative":"x\\ud800"}', 'narrative'],
      ['a lone low surrogate in a key', '{"ok":{"\\udc00":1}}', 'ok.\ufffd'],
    ])('refuses %s in a JSON body with 400 naming the field', async (_what, payload, field) => {
      const response = await inject(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', field });
    });

    it('keeps a well-formed surrogate pair (an emoji)', async () => {
      const response = await inject(JSON.stringify({ name: 'Badge \u{1F3C5}' }));
      expect(response.statusCode).toBe(201);
    });

    it('refuses a NUL in a form body, a query parameter and a path parameter', async () => {
      const form = await inject('grant_type=client_credentials&client_id=a%00b', 'application/x-www-form-urlencoded');
      expect(form.json().error).toMatchObject({ code: 'validation_failed', field: 'client_id' });
      const query = await app.inject({ method: 'GET', url: '/items/1?search=%00' });
      expect(query.json().error).toMatchObject({ code: 'validation_failed', field: 'search' });
      const path = await app.inject({ method: 'GET', url: '/items/a%00b' });
      expect(path.json().error).toMatchObject({ code: 'validation_failed', field: 'id' });
    });

    it('refuses a form body with more than 1000 fields', async () => {
      const response = await inject(`a=1${'&'.repeat(1000)}`, 'application/x-www-form-urlencoded');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });

    it('answers a known path with the wrong method 405 method_not_allowed, with Allow', async () => {
      const response = await app.inject({ method: 'DELETE', url: '/items/7' });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.json().error.code).toBe('method_not_allowed');
      const options = await app.inject({ method: 'OPTIONS', url: '/echo' });
      expect(options.statusCode).toBe(405);
      expect(options.headers.allow).toBe('POST');
    });

    it('answers an undecodable URL and an over-long path segment in the envelope', async () => {
      const bad = await app.inject({ method: 'GET', url: '/items/%ff%fe' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ status: { success: false }, error: { code: 'bad_request' } });
      const long = await app.inject({ method: 'GET', url: `/items/${'a'.repeat(10_000)}` });
      expect(long.statusCode).toBe(414);
      expect(long.json().error.code).toBe('uri_too_long');
    });
  });

  describe('headers that keep content inert', () => {
    it('says nosniff on every answer, errors included', async () => {
      expect((await app.inject({ method: 'GET', url: '/items/1' })).headers['x-content-type-options']).toBe('nosniff');
      expect((await app.inject({ method: 'GET', url: '/nowhere' })).headers['x-content-type-options']).toBe('nosniff');
    });

    it('gives images the sandboxing policy and pages the no-script policy', async () => {
      expect((await app.inject({ method: 'GET', url: '/picture' })).headers['content-security-policy']).toBe(
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
      );
      const page = (await app.inject({ method: 'GET', url: '/page' })).headers['content-security-policy'];
      expect(page).toContain("default-src 'none'");
      expect(page).toContain("frame-ancestors 'none'");
      expect(page).not.toContain('script');
    });

    it('keeps a policy the route set itself', async () => {
      expect((await app.inject({ method: 'GET', url: '/own-policy' })).headers['content-security-policy']).toBe("default-src 'self'");
    });
  });
});
