import { SecretSealer } from './secret-sealer';

describe('SecretSealer', () => {
  const sealer = new SecretSealer('a-master-key-of-at-least-32-characters', 'test/purpose/v1');

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = sealer.seal('-----BEGIN PRIVATE KEY-----abc', 'row:1');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealer.open(sealed, 'row:1')).toBe('-----BEGIN PRIVATE KEY-----abc');
  });

  it('refuses another row, another purpose, another master key, or a tampered byte', () => {
    const sealed = sealer.seal('secret', 'row:1');
    expect(() => sealer.open(sealed, 'row:2')).toThrow();
    expect(() => new SecretSealer('a-master-key-of-at-least-32-characters', 'other/purpose').open(sealed, 'row:1')).toThrow();
    expect(() => new SecretSealer('another-master-key-of-32-characters!!', 'test/purpose/v1').open(sealed, 'row:1')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => sealer.open(parts.join('.'), 'row:1')).toThrow();
  });
});
