import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import { ErrorCode, errorBody } from '@badges/service-kit';

import { clientKey } from './client-key';
import { limitedPath } from './limited-path';
import { memoryLimiterStore, redisLimiterStore, type LimiterStore } from './limiter-store';
import type { RateLimitConfig } from './rate-limit.config';
import { rateLimitRules, type FailureRule, type RateLimitRule } from './rate-limit-rules';

const logger = new Logger('RateLimits');

/** What preHandler learned, for onResponse to count the answer against. */
interface Pending {
  rule: RateLimitRule;
  /** The client as counted (clientKey). */
  ip: string;
  /** The failure rule this request counts under, and the account it names. */
  failures?: FailureRule;
  failureAccount?: string;
}

/**
 * Limits the abuse-prone routes (rateLimitRules) for Nest and forwarded routes alike, with Fastify
 * hooks: per-IP counts before the body is read, per-account counts once it is parsed, and
 * failures (a wrong password, a wrong client secret) from the status of the answer.
 * The IP is Fastify's `request.ip`, which honours X-Forwarded-For only as far as TRUST_PROXY says
 * (IPv6 is counted per /64, see clientKey).
 */
export async function registerRateLimits(fastify: FastifyInstance, config: RateLimitConfig): Promise<LimiterStore> {
  const store = config.REDIS_URL ? await redisLimiterStore(config.REDIS_URL, config.RATE_LIMIT_PREFIX) : memoryLimiterStore(config.RATE_LIMIT_PREFIX);
  const ruleList = rateLimitRules(config, store);
  const rules = new Map(ruleList.map((rule) => [`${rule.method} ${rule.path}`, rule]));
  // Most requests are reads no rule limits: they skip resolving the path (limitedPath).
  const limitedMethods = new Set<string>(ruleList.map((rule) => rule.method));
  const pending = new WeakMap<FastifyRequest, Pending>();

  fastify.addHook('onRequest', async (request, reply) => {
    if (!limitedMethods.has(request.method)) return;
    const rule = rules.get(`${request.method} ${ruleLookupPath(request)}`);
    if (!rule) return;
    const ip = clientKey(request.ip);
    pending.set(request, { rule, ip });
    const wait = await consumeWait(rule.perIp, ip);
    if (wait > 0) return tooMany(reply, wait, 'Too many requests from your network to this endpoint.');
  });

  fastify.addHook('preHandler', async (request, reply) => {
    const state = pending.get(request);
    if (!state) return;
    const { rule } = state;
    const account = rule.perAccount?.account(request);
    if (rule.perAccount && account) {
      const wait = await consumeWait(rule.perAccount.limiter, account);
      if (wait > 0) return tooMany(reply, wait, 'Too many requests for this account.');
    }
    const failures = typeof rule.failures === 'function' ? rule.failures(request) : rule.failures;
    const failureAccount = failures?.account(request);
    if (!failures || !failureAccount) return;
    const wait = await guarded(() => failures.throttle.waitMs(failureAccount, state.ip));
    // Refused here, the 429 is not the service's verdict, so only a forwarded answer is counted.
    if (wait > 0) return tooMany(reply, wait, failures.message);
    state.failures = failures;
    state.failureAccount = failureAccount;
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const state = pending.get(request);
    const failures = state?.failures;
    if (!failures || !state.failureAccount) return;
    const { failureAccount: account, ip } = state;
    if (reply.statusCode === failures.failedStatus) await guarded(() => failures.throttle.fail(account, ip));
    else if (reply.statusCode < 300) await guarded(() => failures.throttle.succeed(account, ip));
  });

  fastify.addHook('onClose', async () => store.close());
  // Redis is worth a line at start; memory is what one process without REDIS_URL always uses, and
  // `npm start` prints one ready line only (issue #20).
  if (store.kind === 'redis') logger.log('Rate limits on Redis (shared by every gateway instance)');
  else logger.debug('Rate limits on this process (memory)');
  return store;
}

/** 0 if the request may go on, else the milliseconds until it may. */
async function consumeWait(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(refusal.msBeforeNext, 1);
    logUnexpected(refusal);
    return 0;
  }
}

/**
 * With Redis down the in-memory twin answers, so an error here is a bug: it is logged and the
 * request goes on (a broken limiter must not take sign-in down with it).
 */
async function guarded<T extends number | void>(operation: () => Promise<T>): Promise<T | 0> {
  try {
    return await operation();
  } catch (error) {
    logUnexpected(error);
    return 0;
  }
}

function logUnexpected(error: unknown): void {
  logger.error(`Rate limiter failed, request let through: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

function tooMany(reply: FastifyReply, waitMs: number, reason: string): FastifyReply {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .header('cache-control', 'no-store')
    .send(errorBody(ErrorCode.RateLimited, `${reason} Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`));
}

/**
 * POST rules name paths that may be forwarded through a wildcard route, so the URL itself is
 * resolved (limitedPath). The GET rules name the gateway's own exact routes: the route Fastify
 * matched says it at no cost, which keeps the read path (nearly every request is a GET) free of
 * URL parsing.
 */
function ruleLookupPath(request: FastifyRequest): string | undefined {
  return request.method === 'GET' ? request.routeOptions.url : limitedPath(request.url);
}
