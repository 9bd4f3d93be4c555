import type { Configuration } from 'openid-client';

import { PROVIDER_CACHE_SECONDS, ProviderCache } from './provider-cache';

describe('ProviderCache', () => {
  const provider = (name: string) => ({ name }) as unknown as Configuration;
  let clock: number;
  let cache: ProviderCache;
  beforeEach(() => {
    clock = 0;
    cache = new ProviderCache(() => clock);
  });

  it('discovers once per version of the settings, until the entry expires', async () => {
    const discover = jest.fn(async () => provider('first'));
    const version = new Date(1);
    await cache.get('inst', version, discover);
    await cache.get('inst', version, discover);
    expect(discover).toHaveBeenCalledTimes(1);
    await cache.get('inst', new Date(2), discover);
    expect(discover).toHaveBeenCalledTimes(2);
    clock += PROVIDER_CACHE_SECONDS * 1000;
    await cache.get('inst', version, discover);
    expect(discover).toHaveBeenCalledTimes(3);
  });

  it('keeps no failure: the next sign-in asks the provider again', async () => {
    await expect(cache.get('inst', new Date(1), async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((resolve) => setImmediate(resolve));
    await expect(cache.get('inst', new Date(1), async () => provider('back'))).resolves.toEqual({ name: 'back' });
  });
});
