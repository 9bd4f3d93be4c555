import { createSalt } from './create-salt';
import { hashIdentity, parseHashedIdentity } from './hash-identity';
import { identityMatches } from './identity-matches';
import { normalizeIdentity } from './normalize-identity';

describe('recipient identity', () => {
  // sha256("nobody@example.org" + "deadsea"), the validator's fixture recipient.
  const FIXTURE = 'sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942';

  it('hashes as <alg>$hex(identity + salt)', () => {
    expect(hashIdentity('nobody@example.org', 'deadsea', 'sha256')).toBe(FIXTURE);
    expect(hashIdentity('a', undefined, 'md5')).toBe('md5$0cc175b9c0f1b6a831c399e269772661');
  });

  it('creates distinct hex salts', () => {
    expect(createSalt()).toMatch(/^[0-9a-f]{32}$/);
    expect(createSalt()).not.toBe(createSalt());
  });

  it('normalises emails only by case and whitespace', () => {
    expect(normalizeIdentity('email', '  Bob@Example.ORG ')).toBe('bob@example.org');
    expect(normalizeIdentity('url', ' https://Example.org/Me ')).toBe('https://Example.org/Me');
  });

  it('matches hashed (sha256/md5, salted or not, any hex case) and plaintext identities', () => {
    expect(identityMatches({ type: 'email', hashed: true, salt: 'deadsea', identity: FIXTURE }, 'Nobody@example.org')).toBe(true);
    expect(identityMatches({ type: 'email', hashed: true, salt: 'deadsea', identity: FIXTURE.toUpperCase().replace('SHA256', 'sha256') }, 'nobody@example.org')).toBe(true);
    expect(identityMatches({ type: 'email', hashed: true, identity: hashIdentity('nobody@example.org', undefined, 'md5') }, 'nobody@example.org')).toBe(true);
    expect(identityMatches({ type: 'email', hashed: false, identity: 'nobody@example.org' }, 'NOBODY@example.org')).toBe(true);
    expect(identityMatches({ type: 'email', hashed: true, salt: 'deadsea', identity: FIXTURE }, 'somebody@example.org')).toBe(false);
    expect(identityMatches({ type: 'email', hashed: true, identity: 'sha1$abc' }, 'nobody@example.org')).toBe(false);
  });

  it('parses only well-formed hashes', () => {
    expect(parseHashedIdentity('MD5$' + 'A'.repeat(32))).toEqual({ algorithm: 'md5', hex: 'a'.repeat(32) });
    expect(parseHashedIdentity('sha256$abc')).toBeUndefined();
  });
});
