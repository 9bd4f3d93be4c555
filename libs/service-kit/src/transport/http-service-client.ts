import { Pool } from 'undici';

import { withTraceHeaders } from '@badges/tracing';

import { ApiError } from '../errors/api-error';
import { ErrorCode } from '../errors/error-codes';
import { InternalHeader } from '../tenancy/internal-headers';
import type { ServiceClient, ServiceRequest, ServiceResponse } from './service-client';

export interface HttpServiceClientOptions {
  /** Most connections kept open to the service; requests beyond them wait for a free one. */
  connections?: number;
  /** How long an idle connection is kept before it is closed. */
  keepAliveTimeoutMs?: number;
}

/**
 * Over HTTP to a service of the distributed stack, on a pool of keep-alive connections (undici
 * Pool): every forwarded request reuses an open socket instead of paying a TCP handshake, and
 * skips fetch's WHATWG streams and Headers objects, which cost more than the hop itself.
 */
export class HttpServiceClient implements ServiceClient {
  private readonly pool: Pool;

  /**
   * Service-to-service calls carry the shared INTERNAL_TOKEN (when configured) like the gateway's
   * forwarded requests do; services behind InternalTokenGuard refuse calls without it.
   */
  constructor(
    readonly service: string,
    baseUrl: string,
    timeoutMs = 30_000,
    private readonly internalToken: string | undefined = process.env.INTERNAL_TOKEN,
    options: HttpServiceClientOptions = {},
  ) {
    // Requests name absolute paths, so only the origin of baseUrl counts (as with new URL(path, base)).
    this.pool = new Pool(new URL(baseUrl).origin, {
      connections: options.connections ?? 64,
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      // The time to the answer's headers, then between its body's chunks: no timer per request.
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async request(request: ServiceRequest): Promise<ServiceResponse> {
    try {
      const response = await this.pool.request({
        method: request.method as 'GET',
        path: request.url,
        // The active span (the gateway's request) becomes the service's parent.
        headers: withTraceHeaders(this.internalToken ? { ...request.headers, [InternalHeader.InternalToken]: this.internalToken } : request.headers),
        body: request.body === undefined || request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      return { status: response.statusCode, headers: response.headers as ServiceResponse['headers'], body };
    } catch {
      throw new ApiError(503, ErrorCode.ServiceUnavailable, `The ${this.service} service is not reachable right now. Try again shortly.`);
    }
  }

  /** Closes the pooled connections (shutdown). */
  close(): Promise<void> {
    return this.pool.close();
  }
}
