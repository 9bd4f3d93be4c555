/**
 * Which service owns which public routes. Each entry forwards `prefix` and everything under it.
 * Fastify picks the most specific prefix, so `/public/endorsements` can later go to another
 * service than `/public`. Adding a service is one line here plus its client in `services`.
 */
export interface ForwardingRoute {
  prefix: string;
  service: string;
  /** `client`: a valid access token is required and the caller's tenancy is passed on. */
  access: 'client' | 'anonymous';
}

export const FORWARDING_TABLE: readonly ForwardingRoute[] = [
  { prefix: '/v2/issuers', service: 'issuer', access: 'client' },
  { prefix: '/v2/badgeclasses', service: 'issuer', access: 'client' },
  { prefix: '/v2/assertions', service: 'issuer', access: 'client' },
  // Bulk award jobs (design.md §3); the issuer owns the queue.
  { prefix: '/v2/bulk-awards', service: 'issuer', access: 'client' },
  { prefix: '/v2/webhooks', service: 'notification', access: 'client' },
  { prefix: '/v2/notifications', service: 'notification', access: 'client' },
  { prefix: '/public', service: 'issuer', access: 'anonymous' },
];

/** Methods forwarded as they are; HEAD comes with GET (Fastify exposes it automatically). */
export const FORWARDED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
