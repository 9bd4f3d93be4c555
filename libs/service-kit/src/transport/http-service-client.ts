import { ApiError } from '../errors/api-error';
import { ErrorCode } from '../errors/error-codes';
import { InternalHeader } from '../tenancy/internal-headers';
import type { ServiceClient, ServiceRequest, ServiceResponse } from './service-client';

export class HttpServiceClient implements ServiceClient {
  /**
   * Service-to-service calls carry the shared INTERNAL_TOKEN (when configured) like the gateway's
   * forwarded requests do; services behind InternalTokenGuard refuse calls without it.
   */
  constructor(
    readonly service: string,
    private readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
    private readonly internalToken: string | undefined = process.env.INTERNAL_TOKEN,
  ) {}

  async request(request: ServiceRequest): Promise<ServiceResponse> {
    let response: Response;
    try {
      response = await fetch(new URL(request.url, this.baseUrl), {
        method: request.method,
        headers: this.internalToken ? { ...request.headers, [InternalHeader.InternalToken]: this.internalToken } : request.headers,
        body: request.body === undefined || request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new ApiError(503, ErrorCode.ServiceUnavailable, `The ${this.service} service is not reachable right now. Try again shortly.`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) };
  }
}
