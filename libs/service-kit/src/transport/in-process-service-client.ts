import type { FastifyInstance } from 'fastify';

import type { ServiceClient, ServiceRequest, ServiceResponse } from './service-client';

/** Dispatches to a service in the same process through Fastify's inject: no socket, same pipeline. */
export class InProcessServiceClient implements ServiceClient {
  constructor(readonly service: string, private readonly fastify: FastifyInstance) {}

  async request(request: ServiceRequest): Promise<ServiceResponse> {
    const response = await this.fastify.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      payload: request.body,
    });
    return { status: response.statusCode, headers: response.headers as ServiceResponse['headers'], body: response.rawPayload };
  }
}
