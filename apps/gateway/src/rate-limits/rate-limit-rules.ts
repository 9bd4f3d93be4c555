import { createHash } from 'node:crypto';

import type { FastifyRequest } from 'fastify';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

import { basicCredentials } from '../auth/basic-credentials';
import { FailureCeiling } from './failure-ceiling';
import type { LimiterStore } from './limiter-store';
import type { RateLimitConfig } from './rate-limit.config';
import { SignInBackoff, type SignInBackoffPolicy } from './sign-in-backoff';

/** Failures learned from the answer (the gateway cannot tell a wrong password until the service says so). */
export interface FailureThrottle {
  waitMs(account: string, ip: string): Promise<number>;
  fail(account: string, ip: string): Promise<void>;
  succeed(account: string, ip: string): Promise<void>;
}

/** Only requests answered with `failedStatus` count; a 2xx answer resets. */
export interface FailureRule {
  throttle: FailureThrottle;
  account: AccountOf;
  failedStatus: number;
  message: string;
}

export interface RateLimitRule {
  /** GET only for a browser's navigations that make the gateway call out (single sign-on). */
  method: 'POST' | 'GET';
  /** POST: as limitedPath() writes it; GET: the route pattern Fastify matched (ruleLookupPath). */
  path: string;
  /** Every request from one client IP. */
  perIp: RateLimiterAbstract;
  /** Every request naming one account (an address, a confirmation token), from anywhere. */
  perAccount?: { limiter: RateLimiterAbstract; account: AccountOf };
  /** Failed attempts; a route that takes two kinds of credentials picks the rule by its parsed body. */
  failures?: FailureRule | ((request: FastifyRequest) => FailureRule | undefined);
}

/** The account a request names, hashed (counters in Redis carry no addresses), or undefined if none. */
type AccountOf = (request: FastifyRequest) => string | undefined;

/** The limited routes (docs/security.md lists them with their defaults). */
export function rateLimitRules(config: RateLimitConfig, store: LimiterStore): RateLimitRule[] {
  const perAccount = (name: string, limit: RateLimitConfig['RATE_LIMIT_SIGNUP_PER_EMAIL'], account: AccountOf) => ({ limiter: store.window(name, limit), account });
  const clientFailures = new FailureCeiling(store.window('oauth-token:client-failures', config.RATE_LIMIT_OAUTH_TOKEN_FAILURES_PER_CLIENT));
  const signIn = new SignInBackoff(store, signInPolicy(config));
  // People of institutions have their own counters (SignInBackoff's name): the same address may be a learner's too.
  const staffSignIn = new SignInBackoff(store, signInPolicy(config), 'staff-sign-in');
  const username = (request: FastifyRequest) => hashed(bodyField(request, 'username'));
  const passwordFailures: FailureRule = { throttle: signIn, account: username, failedStatus: 401, message: 'Too many failed sign-in attempts for this account.' };
  const clientFailureRule: FailureRule = {
    throttle: clientFailures,
    account: (request: FastifyRequest) => hashed(bodyField(request, 'client_id') ?? basicCredentials(header(request, 'authorization')).client_id),
    failedStatus: 401,
    message: 'Too many failed token requests for this client.',
  };
  // A person's wrong password is RFC 6749's `invalid_grant` (400) at /o/token, `invalid_credentials` (401) on the web.
  const staffFailures = (failedStatus: number): FailureRule => ({ throttle: staffSignIn, account: username, failedStatus, message: 'Too many failed sign-in attempts for this account.' });
  const tokenIp = store.window('oauth-token:ip', config.RATE_LIMIT_OAUTH_TOKEN_PER_IP);
  const ssoIp = store.window('sso:ip', config.RATE_LIMIT_SSO_PER_IP);
  const badgeConnectAuthorizeIp = store.window('badge-connect-authorize:ip', config.RATE_LIMIT_BADGE_CONNECT_AUTHORIZE_PER_IP);
  /** A route that takes an emailed link's token: per IP, and per token (guessing one is hopeless, trying one many times is abuse). */
  const oneTimeTokenRule = (path: string, name: string): RateLimitRule => ({
    method: 'POST',
    path,
    perIp: store.window(`${name}:ip`, config.RATE_LIMIT_CONFIRM_EMAIL_PER_IP),
    perAccount: perAccount(`${name}:token`, config.RATE_LIMIT_CONFIRM_EMAIL_PER_TOKEN, (request) => hashed(bodyField(request, 'token'))),
  });
  /** A route that sends an email to the address it names: per IP, and per address. */
  const emailSendingRule = (path: string, name: string): RateLimitRule => ({
    method: 'POST',
    path,
    perIp: store.window(`${name}:ip`, config.RATE_LIMIT_EMAIL_RESEND_PER_IP),
    perAccount: perAccount(`${name}:email`, config.RATE_LIMIT_EMAIL_RESEND_PER_EMAIL, (request) => hashed(bodyField(request, 'email'))),
  });
  const learnerSignIn = { perIp: store.window('sign-in:ip', config.RATE_LIMIT_SIGN_IN_PER_IP), failures: passwordFailures };
  // The web app's sign-in routes check the same secrets as the API's, so they share those counters:
  // alternating between the two must not double anyone's budget. A refresh token is 256 random
  // bits: guessing one is hopeless, so refreshes only count against the IP.
  return [
    {
      method: 'POST',
      path: '/o/token',
      perIp: tokenIp,
      failures: (request) => {
        const grant = bodyField(request, 'grant_type');
        if (grant === 'password') return staffFailures(400);
        return grant === 'refresh_token' ? undefined : clientFailureRule;
      },
    },
    {
      method: 'POST',
      path: '/web/session/staff',
      perIp: tokenIp,
      failures: (request) => (bodyField(request, 'username') !== undefined || bodyField(request, 'password') !== undefined ? staffFailures(401) : clientFailureRule),
    },
    { method: 'POST', path: '/v2/auth/token', ...learnerSignIn },
    { method: 'POST', path: '/web/session/learner', ...learnerSignIn },
    {
      // Merging proves the other account's password: a guess there is a sign-in guess, on the same back-off.
      method: 'POST',
      path: '/v2/users/self/merge',
      perIp: store.window('merge:ip', config.RATE_LIMIT_SIGN_IN_PER_IP),
      failures: passwordFailures,
    },
    {
      method: 'POST',
      path: '/v2/auth/signup',
      perIp: store.window('signup:ip', config.RATE_LIMIT_SIGNUP_PER_IP),
      perAccount: perAccount('signup:email', config.RATE_LIMIT_SIGNUP_PER_EMAIL, (request) => hashed(bodyField(request, 'email'))),
    },
    oneTimeTokenRule('/v2/auth/confirm-email', 'confirm-email'),
    // Adding an address, or posting an unverified one again, (re-)sends its confirmation link.
    emailSendingRule('/v2/users/self/emails', 'email-resend'),
    // Staff self-service (issue #16): a one-time link's token, and reset requests, which send email.
    oneTimeTokenRule('/v2/staff/invitations/accept', 'staff-invitation'),
    oneTimeTokenRule('/v2/staff/password-reset/confirm', 'staff-reset-confirm'),
    emailSendingRule('/v2/staff/password-reset', 'staff-reset'),
    // The consent page's look-up of a request and the learner's answer share one budget.
    { method: 'GET', path: '/o/badgeconnect/consent', perIp: badgeConnectAuthorizeIp },
    { method: 'POST', path: '/o/badgeconnect/authorize', perIp: badgeConnectAuthorizeIp },
    { method: 'POST', path: '/o/badgeconnect/token', perIp: store.window('badge-connect-token:ip', config.RATE_LIMIT_BADGE_CONNECT_TOKEN_PER_IP) },
    { method: 'POST', path: '/v2/verify', perIp: store.window('verify:ip', config.RATE_LIMIT_VERIFY_PER_IP) },
    // GET rules name the route Fastify matched: the forwarded verifier's reads (its image proxy,
    // GET /v2/verify/image, makes the verification service fetch from another host) match this one.
    { method: 'GET', path: '/v2/verify/*', perIp: store.window('verify-reads:ip', config.RATE_LIMIT_VERIFY_READS_PER_IP) },
    {
      // Per learner: their bearer token (the web app's cookie is one by now), hashed like any account key.
      method: 'POST',
      path: '/v2/backpack/badgr-imports',
      perIp: store.window('badgr-import:ip', config.RATE_LIMIT_BADGR_IMPORT_PER_IP),
      perAccount: perAccount('badgr-import:learner', config.RATE_LIMIT_BADGR_IMPORT_PER_LEARNER, (request) => hashed(header(request, 'authorization'))),
    },
    // One budget for both halves of a sign-in: an attempt is a start and a callback.
    { method: 'GET', path: '/web/sso/start', perIp: ssoIp },
    { method: 'GET', path: '/web/sso/callback', perIp: ssoIp },
  ];
}

function signInPolicy(config: RateLimitConfig): SignInBackoffPolicy {
  return {
    freeFailures: config.RATE_LIMIT_SIGN_IN_FREE_FAILURES,
    backoffSeconds: config.RATE_LIMIT_SIGN_IN_BACKOFF_SECONDS,
    maxBackoffSeconds: config.RATE_LIMIT_SIGN_IN_BACKOFF_MAX_SECONDS,
    failureMemorySeconds: config.RATE_LIMIT_SIGN_IN_FAILURE_MEMORY_SECONDS,
    perUsername: config.RATE_LIMIT_SIGN_IN_FAILURES_PER_USERNAME,
  };
}

function bodyField(request: FastifyRequest, name: string): string | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Buffer.isBuffer(body)) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Addresses and usernames are compared as the passport stores them: trimmed, lower-case. */
function hashed(value: string | undefined): string | undefined {
  const normalised = value?.trim().toLowerCase();
  return normalised ? createHash('sha256').update(normalised).digest('base64url').slice(0, 32) : undefined;
}
