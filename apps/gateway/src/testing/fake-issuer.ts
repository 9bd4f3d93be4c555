import Fastify, { type FastifyInstance } from 'fastify';

import type { IssuerInstitutionCounts } from '@badges/api-contracts';
import { InProcessServiceClient, type ServiceClient, type ServiceRequest, type ServiceResponse } from '@badges/service-kit';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * A stand-in issuer service: a real Fastify instance that records what reached it, reached through
 * the same InProcessServiceClient the embedded runner uses. Flip `unreachable` to make the client
 * throw as a dead HTTP service would, `healthy`/`provisioning` to make those routes fail.
 */
export class FakeIssuer {
  readonly received: ReceivedRequest[] = [];
  readonly provisioned: { id: string; name: string; headers: Record<string, string | string[] | undefined> }[] = [];
  reply: FakeReply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
  healthy = true;
  provisioning: 'ok' | 'fail' = 'ok';
  /** What GET /internal/institutions/counts answers (the operator's list); 'fail' answers 500. */
  counts: IssuerInstitutionCounts | 'fail' = { institutions: [] };
  readonly countRequests: { headers: Record<string, string | string[] | undefined> }[] = [];
  unreachable = false;
  /** How long each answer to a recorded request takes, so requests can overlap. */
  replyDelayMs = 0;
  readonly fastify: FastifyInstance;
  readonly client: ServiceClient;

  constructor() {
    this.fastify = Fastify();
    this.fastify.removeAllContentTypeParsers();
    this.fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    this.fastify.get('/health', async (_request, reply) => reply.code(this.healthy ? 200 : 503).send({ status: this.healthy ? 'ok' : 'down' }));
    this.fastify.put<{ Params: { id: string } }>('/internal/institutions/:id', async (request, reply) => {
      if (this.provisioning === 'fail') return reply.code(500).send({ error: 'boom' });
      const { name } = JSON.parse((request.body as Buffer).toString('utf8')) as { name: string };
      this.provisioned.push({ id: request.params.id, name, headers: request.headers });
      return reply.code(200).send({ id: request.params.id, name });
    });
    this.fastify.get('/internal/institutions/counts', async (request, reply) => {
      this.countRequests.push({ headers: request.headers });
      return this.counts === 'fail' ? reply.code(500).send({ error: 'boom' }) : reply.code(200).send(this.counts);
    });
    this.fastify.all('/*', async (request, reply) => {
      this.received.push({ method: request.method, url: request.url, headers: request.headers, body: (request.body as Buffer | undefined) ?? Buffer.alloc(0) });
      if (this.replyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.replyDelayMs));
      return reply.code(this.reply.status).headers(this.reply.headers ?? {}).send(this.reply.body ?? '');
    });
    const inner = new InProcessServiceClient('issuer', this.fastify);
    this.client = {
      service: 'issuer',
      request: (request: ServiceRequest): Promise<ServiceResponse> =>
        this.unreachable ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:3001')) : inner.request(request),
    };
  }

  get last(): ReceivedRequest {
    const last = this.received.at(-1);
    if (!last) throw new Error('the fake issuer received nothing');
    return last;
  }

  reset(): void {
    this.received.length = 0;
    this.provisioned.length = 0;
    this.reply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
    this.healthy = true;
    this.provisioning = 'ok';
    this.counts = { institutions: [] };
    this.countRequests.length = 0;
    this.unreachable = false;
    this.replyDelayMs = 0;
  }
}
