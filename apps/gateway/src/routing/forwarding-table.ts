/**
 * Which service owns which public routes. Each entry forwards `prefix` and everything under it.
 * Fastify picks the most specific prefix, so `/public/endorsements` can later go to another
 * service than `/public`. Adding a service is one line here plus its client in `services`.
 */
export interface ForwardingRoute {
  prefix: string;
  service: string;
  /**
   * `client`: a valid access token is required and the caller's tenancy is passed on.
   * `learner`: the passport authenticates its own learner tokens (decision 0014), so the
   * caller's Authorization header is passed on, and nothing else of the caller's identity.
   */
  access: 'client' | 'anonymous' | 'learner';
}

export const FORWARDING_TABLE: readonly ForwardingRoute[] = [
  { prefix: '/v2/issuers', service: 'issuer', access: 'client' },
  { prefix: '/v2/badgeclasses', service: 'issuer', access: 'client' },
  { prefix: '/v2/assertions', service: 'issuer', access: 'client' },
  // Bulk award jobs (design.md §3); the issuer owns the queue.
  { prefix: '/v2/bulk-awards', service: 'issuer', access: 'client' },
  { prefix: '/v2/webhooks', service: 'notification', access: 'client' },
  { prefix: '/v2/notifications', service: 'notification', access: 'client' },
  // Anyone may verify a badge (design.md §3): employers and admissions offices have no account.
  { prefix: '/v2/verify', service: 'verification', access: 'anonymous' },
  // Endorsements (issue #7): the workflow, and the hosted Endorsement and endorser Profile documents.
  { prefix: '/v2/endorsers', service: 'endorsement', access: 'client' },
  { prefix: '/v2/endorsement-requests', service: 'endorsement', access: 'client' },
  { prefix: '/v2/endorsements', service: 'endorsement', access: 'client' },
  { prefix: '/public/endorsements', service: 'endorsement', access: 'anonymous' },
  { prefix: '/public/endorsers', service: 'endorsement', access: 'anonymous' },
  { prefix: '/public', service: 'issuer', access: 'anonymous' },
  // The learner's passport (issue #6): Badgr v2 learner and backpack paths, and public share pages.
  { prefix: '/v2/auth', service: 'passport', access: 'learner' },
  { prefix: '/v2/users', service: 'passport', access: 'learner' },
  { prefix: '/v2/backpack', service: 'passport', access: 'learner' },
  { prefix: '/public/passport', service: 'passport', access: 'anonymous' },
  // Badge Connect 2.1: discovery, OAuth2 (code + PKCE, dynamic registration) and resources; the
  // passport checks its own tokens, so the Authorization header is passed on.
  { prefix: '/.well-known/badgeconnect.json', service: 'passport', access: 'anonymous' },
  { prefix: '/o/badgeconnect', service: 'passport', access: 'learner' },
  { prefix: '/bcv1', service: 'passport', access: 'learner' },
  // The Open Badges 3.0 API (discovery, credentials, profile) for learners' wallets, on Badge Connect's OAuth2.
  { prefix: '/ims/ob/v3p0', service: 'passport', access: 'learner' },
];

/**
 * Routes that take a larger body than the gateway's global limit (2 MB). Each is forwarded by the
 * table entry whose prefix it starts with; the owning service enforces the same limit again.
 */
export interface LargeBodyRoute {
  method: 'POST';
  url: string;
  bodyLimit: number;
}

export const LARGE_BODY_ROUTES: readonly LargeBodyRoute[] = [
  // Bulk award CSV uploads (the issuer takes text/csv up to 50 MB on this route).
  { method: 'POST', url: '/v2/badgeclasses/:entityId/bulk-awards', bodyLimit: 50 * 1024 * 1024 },
];

/** Methods forwarded as they are; HEAD comes with GET (Fastify exposes it automatically). */
export const FORWARDED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
