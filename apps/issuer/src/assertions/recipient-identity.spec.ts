import { identityMatches } from '@badges/openbadges';

import { TEST_CONFIG } from '../testing/fixtures';
import { RecipientIdentity } from './recipient-identity';

describe('RecipientIdentity', () => {
  const recipients = new RecipientIdentity(TEST_CONFIG);

  it('hashes with a fresh salt per assertion, so the same person yields different identities but one lookup', () => {
    const a = recipients.toStored({ type: 'email', identity: ' Learner@Example.org ', hashed: true });
    const b = recipients.toStored({ type: 'email', identity: 'learner@example.org', hashed: true });
    expect(a.identity).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(a.identity).not.toBe(b.identity);
    expect(a.salt).not.toBe(b.salt);
    expect(a.lookup).toBe(b.lookup);
    expect(identityMatches({ type: 'email', identity: a.identity, hashed: true, salt: a.salt ?? undefined }, 'LEARNER@example.org')).toBe(true);
  });

  it('keeps unhashed identities in plain (normalised) form', () => {
    expect(recipients.toStored({ type: 'url', identity: 'https://example.org/Me', hashed: false })).toMatchObject({ identity: 'https://example.org/Me', hashed: false, salt: null });
  });

  it('finds a recipient by any spelling of the email', () => {
    const stored = recipients.toStored({ type: 'email', identity: 'learner@example.org', hashed: true });
    expect(recipients.lookupsFor('LEARNER@example.org')).toContain(stored.lookup);
    expect(new RecipientIdentity({ ...TEST_CONFIG, recipientLookupSecret: 'another-secret-0123456789' }).lookupsFor('learner@example.org')).not.toContain(stored.lookup);
  });
});
