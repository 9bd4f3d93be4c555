import { createHash } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

import type { FetchedDocument } from '@badges/openbadges';

import type { ResponseCache } from './response-cache';

const KEY_PREFIX = 'badges:verify:doc:';

/**
 * The shared cache of the distributed mode: every verification instance reuses what one of them
 * fetched. Redis being slow or down must never fail a verification, so errors are a cache miss
 * (commands fail fast instead of queueing while disconnected).
 */
export class RedisResponseCache implements ResponseCache {
  readonly kind = 'redis';
  private readonly logger = new Logger(RedisResponseCache.name);
  private lastWarning = 0;

  private constructor(private readonly redis: Redis) {}

  static async connect(url: string): Promise<RedisResponseCache> {
    // Auto-pipelining: the GETs one verification issues together (VerificationMemo re-reads its
    // documents at once) leave in one write instead of a syscall each.
    const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, enableAutoPipelining: true });
    redis.on('error', () => undefined); // reported per command below; avoids unhandled 'error' events
    await redis.connect();
    return new RedisResponseCache(redis);
  }

  async get(url: string): Promise<FetchedDocument | undefined> {
    try {
      const raw = await this.redis.get(keyOf(url));
      return raw ? (JSON.parse(raw) as FetchedDocument) : undefined;
    } catch (error) {
      this.warn(error);
      return undefined;
    }
  }

  async set(url: string, document: FetchedDocument, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    try {
      await this.redis.set(keyOf(url), JSON.stringify(document), 'EX', ttlSeconds);
    } catch (error) {
      this.warn(error);
    }
  }

  async delete(urls: readonly string[]): Promise<void> {
    if (urls.length === 0) return;
    try {
      await this.redis.del(...urls.map(keyOf));
    } catch (error) {
      this.warn(error);
    }
  }

  async ping(): Promise<boolean> {
    return this.redis.ping().then((answer) => answer === 'PONG', () => false);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`response cache unavailable, fetching without it: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Hashed: URLs can be long, and keys need not be readable. */
function keyOf(url: string): string {
  return KEY_PREFIX + createHash('sha256').update(url).digest('base64url');
}
