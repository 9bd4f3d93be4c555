import type { Configuration } from 'openid-client';

/** How long a provider's discovered configuration (and the signing keys openid-client keeps with it) is reused. */
export const PROVIDER_CACHE_SECONDS = 300;
/** More institutions than a province has: a bound on memory, not a policy. */
const MAX_PROVIDERS = 1_000;

/**
 * Each institution's discovered OpenID Provider, for a few minutes: without it every sign-in start
 * and callback would fetch the provider's discovery document (a request to the provider per
 * anonymous visit), and its keys. Keyed by the settings' version, so an admin's change applies at once.
 */
export class ProviderCache {
  private readonly entries = new Map<string, { provider: Promise<Configuration>; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached provider for this version of the settings, or `discover()`'s (a failure is not kept). */
  get(institutionId: string, version: Date, discover: () => Promise<Configuration>): Promise<Configuration> {
    const key = `${institutionId}:${version.getTime()}`;
    const cached = this.entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.provider;
    const provider = discover();
    this.entries.delete(key);
    this.entries.set(key, { provider, expiresAt: this.now() + PROVIDER_CACHE_SECONDS * 1000 });
    provider.catch(() => this.entries.get(key)?.provider === provider && this.entries.delete(key));
    while (this.entries.size > MAX_PROVIDERS) this.entries.delete(this.entries.keys().next().value as string);
    return provider;
  }
}
