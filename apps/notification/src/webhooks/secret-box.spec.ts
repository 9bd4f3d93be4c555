import { SecretBox } from './secret-box';

describe('SecretBox (AES-256-GCM under an HKDF-derived key)', () => {
  const box = new SecretBox({ secretsEncryptionKey: 'k'.repeat(40) });

  it('round-trips, with a fresh IV each time', () => {
    const a = box.seal('the secret', 'webhook:i:1');
    const b = box.seal('the secret', 'webhook:i:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('the secret');
    expect(box.open(a, 'webhook:i:1')).toBe('the secret');
  });

  it('refuses another row, another key, or a tampered ciphertext', () => {
    const sealed = box.seal('the secret', 'webhook:i:1');
    expect(() => box.open(sealed, 'webhook:i:2')).toThrow();
    expect(() => new SecretBox({ secretsEncryptionKey: 'x'.repeat(40) }).open(sealed, 'webhook:i:1')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered!!').toString('base64url');
    expect(() => box.open(parts.join('.'), 'webhook:i:1')).toThrow();
    expect(() => box.open('v0.a.b.c', 'webhook:i:1')).toThrow('unrecognised sealed secret');
  });
});
