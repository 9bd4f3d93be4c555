/**
 * How the gateway reaches the service that owns a resource. Distributed deployments use HTTP;
 * the embedded runner hands requests straight to the service's Fastify instance. Callers cannot
 * tell the two apart, which is what keeps the domain code identical in both modes.
 */
export interface ServiceRequest {
  method: string;
  /** Path and query string, e.g. `/v2/issuers?limit=10`. */
  url: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ServiceClient {
  readonly service: string;
  request(request: ServiceRequest): Promise<ServiceResponse>;
}
