import { z } from 'zod';

import { envFlag, internalServiceUrl, RedisUrlSchema, SecretsEncryptionKeySchema } from './env-fields';

const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message);

describe('env fields', () => {
  it('internalServiceUrl: optional, an http(s) URL, named with an example when wrong', () => {
    const url = internalServiceUrl('ISSUER_URL', 'http://issuer:3001');
    expect(url.parse(undefined)).toBeUndefined();
    expect(url.parse('http://issuer:3001')).toBe('http://issuer:3001');
    expect(messagesOf(url, 'issuer:3001')).toEqual(['ISSUER_URL must be an http(s) URL, e.g. http://issuer:3001']);
  });

  it('envFlag: true/1 and false/0; unset or blank is the given default; anything else refused', () => {
    for (const whenUnset of [true, false]) {
      const flag = envFlag(whenUnset);
      expect([flag.parse('true'), flag.parse('1'), flag.parse('false'), flag.parse('0')]).toEqual([true, true, false, false]);
      expect([flag.parse(undefined), flag.parse('')]).toEqual([whenUnset, whenUnset]);
      expect(messagesOf(flag, 'yes')).toEqual(['must be true or false']);
    }
  });

  it('SecretsEncryptionKeySchema: required, at least 32 characters', () => {
    expect(SecretsEncryptionKeySchema.parse('k'.repeat(32))).toBe('k'.repeat(32));
    expect(messagesOf(SecretsEncryptionKeySchema, undefined)).toEqual(['SECRETS_ENCRYPTION_KEY is required (at least 32 characters of random text).']);
    expect(messagesOf(SecretsEncryptionKeySchema, 'k'.repeat(31))).toEqual(['SECRETS_ENCRYPTION_KEY must be at least 32 characters long.']);
  });

  it('RedisUrlSchema: redis:// or rediss://; blank or unset is no Redis', () => {
    expect(RedisUrlSchema.parse('rediss://cache:6380')).toBe('rediss://cache:6380');
    expect([RedisUrlSchema.parse(''), RedisUrlSchema.parse(undefined)]).toEqual([undefined, undefined]);
    expect(messagesOf(RedisUrlSchema, 'localhost:6379')).toEqual(['REDIS_URL must start with redis:// or rediss://']);
  });
});
