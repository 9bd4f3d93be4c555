import { ApiError } from '@badges/service-kit';

import { checkWebhookUrl, type HostLookup } from './webhook-url';

const dns: Record<string, string[]> = { 'hooks.example.org': ['93.184.216.34'], 'sneaky.example.org': ['93.184.216.34', '10.0.0.5'], 'v6.example.org': ['::1'] };
const lookup: HostLookup = async (host) => {
  if (dns[host]) return dns[host];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};

async function refusal(url: string, allowPrivate = false): Promise<{ field?: string; message: string } | null> {
  try {
    await checkWebhookUrl(url, allowPrivate, lookup);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('checkWebhookUrl', () => {
  it('accepts public http(s) URLs and normalises them', async () => {
    await expect(checkWebhookUrl('https://HOOKS.example.org/in', false, lookup)).resolves.toBe('https://hooks.example.org/in');
    await expect(checkWebhookUrl('http://93.184.216.34:8080/x', false, lookup)).resolves.toBe('http://93.184.216.34:8080/x');
  });

  it.each([
    'http://127.0.0.1/x',
    'http://2130706433/x',
    'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x',
    'http://10.0.0.1/x',
    'http://192.168.1.1/x',
    'http://169.254.169.254/latest/meta-data',
    'http://localhost:3000/x',
    'http://api.localhost/x',
    'http://sneaky.example.org/x',
    'http://v6.example.org/x',
  ])('refuses %s (a non-public address) with field url', async (url) => {
    expect(await refusal(url)).toEqual({ field: 'url', message: expect.stringContaining('non-public') });
  });

  it('lets private addresses through when ALLOW_PRIVATE_NETWORK_FETCH is on', async () => {
    expect(await refusal('http://127.0.0.1:9999/x', true)).toBeNull();
    expect(await refusal('http://localhost/x', true)).toBeNull();
  });

  it.each(['ftp://hooks.example.org/x', 'file:///etc/passwd', 'not a url', 'https://u:p@hooks.example.org/', 'https://nowhere.invalid/'])(
    'refuses %s',
    async (url) => {
      expect((await refusal(url, true))?.field ?? (await refusal(url))?.field).toBe('url');
    },
  );
});
