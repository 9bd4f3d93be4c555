import {
  AssertionCreateBodySchema,
  AssertionUpdateBodySchema,
  BatchIssueBodySchema,
  BatchRevokeBodySchema,
  RevokeBodySchema,
  recipientIdentityProblem,
} from './assertions.contract';
import { expectInvalid, expectValid } from './testing/fixtures';

// Shape of Badgr's v2 award tests (apps/issuer/tests/test_v2_api.py, test_assertion.py).
const badgrAward = {
  issuer: 'ignoredIssuerEntityId',
  recipient: { identity: 'test@example.com', type: 'email', hashed: true },
  narrative: 'Did something *awesome*.',
  evidence: [{ url: 'http://example.com/evidence', narrative: 'The work itself.' }, { narrative: 'Peer review.' }],
  issuedOn: '2019-01-01T00:00:00Z',
  expires: '2030-01-01T00:00:00+02:00',
  notify: true,
  extensions: { 'extensions:RecipientProfile': { name: 'Test' } },
};

describe('AssertionCreateBodySchema', () => {
  it('accepts a Badgr v2 award payload, normalises dates to UTC and strips unknown fields', () => {
    expect(expectValid(AssertionCreateBodySchema, badgrAward)).toEqual({
      recipient: { identity: 'test@example.com', type: 'email', hashed: true },
      narrative: 'Did something *awesome*.',
      evidence: badgrAward.evidence,
      issuedOn: '2019-01-01T00:00:00.000Z',
      expires: '2029-12-31T22:00:00.000Z',
      notify: true,
      allowDuplicateAwards: true,
    });
  });

  it('accepts the minimal Badgr award and applies Badgr defaults', () => {
    expect(expectValid(AssertionCreateBodySchema, { recipient: { identity: 'learner@example.org' } })).toEqual({
      recipient: { identity: 'learner@example.org', type: 'email', hashed: true },
      notify: false,
      allowDuplicateAwards: true,
    });
  });

  it.each([
    ['url', 'https://example.org/people/1', false],
    ['id', 'urn:uuid:0b8a5f0e-3c3e-4a53-9a5e-3b6f0e6d1b2a', false],
    ['id', 'did:example:123456', false],
    ['telephone', '+15551234567', true],
    ['email', 'o.brien+badges@example.co.uk', true],
  ])('accepts a %s identity %s (hashed by default: %s)', (type, identity, hashed) => {
    expect(expectValid(AssertionCreateBodySchema, { recipient: { identity, type } }).recipient).toEqual({ identity, type, hashed });
  });

  it('keeps an explicit hashed flag and reads Badgr human booleans for notify', () => {
    const body = expectValid(AssertionCreateBodySchema, {
      recipient: { identity: 'https://example.org/me', type: 'url', hashed: true },
      notify: 'on',
    });
    expect(body.recipient.hashed).toBe(true);
    expect(body.notify).toBe(true);
    expect(expectValid(AssertionCreateBodySchema, { ...badgrAward, notify: 0 }).notify).toBe(false);
  });

  it.each([
    ['recipient', { recipient: undefined }, 'This field is required.'],
    ['recipient', { recipient: 'test@example.com' }, 'Invalid data. Expected a dictionary, but got str.'],
    ['recipient.identity', { recipient: { identity: 'not-an-email', type: 'email' } }, 'Enter a valid email address.'],
    ['recipient.identity', { recipient: { identity: '' } }, 'This field may not be blank.'],
    ['recipient.identity', { recipient: { identity: 'example.org/me', type: 'url' } }, 'Enter a valid URL.'],
    ['recipient.identity', { recipient: { identity: '555-1234', type: 'telephone' } }, expect.stringContaining('E.164')],
    ['recipient.identity', { recipient: { identity: 'not an iri', type: 'id' } }, expect.stringContaining('IRI')],
    ['recipient.type', { recipient: { identity: 'a@b.co', type: 'twitter' } }, 'Must be one of: "email", "url", "telephone", "id".'],
    ['recipient.hashed', { recipient: { identity: 'a@b.co', hashed: 'maybe' } }, 'Must be a valid boolean.'],
    ['issuedOn', { issuedOn: '2019-01-01T00:00:00' }, expect.stringContaining('timezone')],
    ['issuedOn', { issuedOn: '2019-01-01' }, expect.stringContaining('timezone')],
    ['issuedOn', { issuedOn: 'yesterday' }, expect.stringContaining('ISO 8601')],
    ['issuedOn', { issuedOn: '2019-02-30T00:00:00Z' }, expect.stringContaining('ISO 8601')],
    ['issuedOn', { issuedOn: 1546300800 }, 'Expected an ISO 8601 date-time string.'],
    ['issuedOn', { issuedOn: '2999-01-01T00:00:00Z', expires: null }, 'Only issuedOn dates in the past are acceptable.'],
    ['issuedOn', { issuedOn: '1500-01-01T00:00:00Z' }, expect.stringContaining('Gregorian')],
    ['expires', { expires: '2030-01-01T00:00:00' }, expect.stringContaining('timezone')],
    ['expires', { expires: '2018-12-31T23:59:59Z' }, 'expires must be after issuedOn.'],
    ['expires', { issuedOn: undefined, expires: '2001-01-01T00:00:00Z' }, 'expires must be in the future.'],
    ['evidence.1', { evidence: [{ url: 'http://example.com/e' }, {}] }, 'Either url or narrative is required.'],
    ['evidence.0.url', { evidence: [{ url: 'javascript:alert(1)' }] }, 'Enter a valid URL.'],
    ['evidence', { evidence: 'http://example.com/e' }, 'Expected a list of items but got type "str".'],
    ['narrative', { narrative: 42 }, 'Not a valid string.'],
    ['narrative', { narrative: 'look ![x](http://t.example/p.gif)' }, 'Images not supported in markdown.'],
    ['notify', { notify: 'sure' }, 'Must be a valid boolean.'],
  ])('rejects a bad %s', (field, patch, message) => {
    const error = expectInvalid(AssertionCreateBodySchema, { ...badgrAward, ...patch });
    expect(error.error.field).toBe(field);
    expect(error.fieldErrors?.[field]).toEqual([message]);
  });

  it('tolerates a minute of clock skew on issuedOn', () => {
    const soon = new Date(Date.now() + 30_000).toISOString();
    expect(expectValid(AssertionCreateBodySchema, { ...badgrAward, issuedOn: soon }).issuedOn).toBe(soon);
  });
});

describe('recipientIdentityProblem', () => {
  it('validates per type', () => {
    expect(recipientIdentityProblem('telephone', '+442071838750')).toBeUndefined();
    expect(recipientIdentityProblem('telephone', '+0123')).toBeDefined();
    expect(recipientIdentityProblem('id', 'mailto:a@b.co')).toBeUndefined();
  });
});

describe('AssertionUpdateBodySchema', () => {
  it('accepts a partial update and ignores badgeclass changes', () => {
    expect(expectValid(AssertionUpdateBodySchema, { narrative: 'Updated', badgeclass: 'other' })).toEqual({ narrative: 'Updated' });
  });

  it('takes exactly evidence, narrative and expires: an award read back whole keeps only those', () => {
    expect(expectValid(AssertionUpdateBodySchema, { ...badgrAward, expires: null })).toEqual({ narrative: badgrAward.narrative, evidence: badgrAward.evidence, expires: null });
    expect(expectValid(AssertionUpdateBodySchema, { evidence: [], narrative: '' })).toEqual({ evidence: [], narrative: '' });
    expect(expectValid(AssertionUpdateBodySchema, { expires: '2031-01-01T00:00:00+01:00' })).toEqual({ expires: '2030-12-31T23:00:00.000Z' });
  });

  it('refuses a body that changes nothing it can change, and bad values', () => {
    expect(expectInvalid(AssertionUpdateBodySchema, { recipient: { identity: 'new@example.org' }, issuedOn: '2020-01-01T00:00:00Z' }).validationErrors?.[0]).toMatch(/evidence, narrative or expires/);
    expect(expectInvalid(AssertionUpdateBodySchema, { evidence: [{}] }).error.field).toBe('evidence.0');
    expect(expectInvalid(AssertionUpdateBodySchema, { expires: '2031-01-01' }).error.field).toBe('expires');
  });
});

describe('BatchIssueBodySchema', () => {
  it('accepts a Badgr batch and defaults create_notification to false', () => {
    const body = expectValid(BatchIssueBodySchema, {
      assertions: [{ recipient: { identity: 'a@example.com' } }, { recipient: { identity: 'b@example.com' }, narrative: 'Great' }],
    });
    expect(body.create_notification).toBe(false);
    expect(body.assertions).toHaveLength(2);
    expect(body.assertions[1]).toMatchObject({ narrative: 'Great', recipient: { hashed: true } });
  });

  it('points errors into the list', () => {
    const error = expectInvalid(BatchIssueBodySchema, {
      assertions: [{ recipient: { identity: 'a@example.com' } }, { recipient: { identity: 'nope' } }],
      create_notification: true,
    });
    expect(error.error.field).toBe('assertions.1.recipient.identity');
  });

  it.each([
    [{ assertions: [] }, 'Send at least one assertion.'],
    [{ assertions: Array.from({ length: 101 }, (_, i) => ({ recipient: { identity: `r${i}@example.com` } })) }, 'Send at most 100 assertions per batch.'],
    [{}, 'This field is required.'],
  ])('enforces 1..100 assertions', (input, message) => {
    expect(expectInvalid(BatchIssueBodySchema, input).fieldErrors).toEqual({ assertions: [message] });
  });
});

describe('RevokeBodySchema', () => {
  it('accepts a Badgr revocation', () => {
    expect(expectValid(RevokeBodySchema, { revocation_reason: '  Issued in error  ' })).toEqual({ revocation_reason: 'Issued in error' });
  });

  it.each([
    [{}, 'This field is required.'],
    [{ revocation_reason: '   ' }, 'This field is required.'],
    [{ revocation_reason: 'x'.repeat(1025) }, 'Ensure this field has no more than 1024 characters.'],
    [{ revocationReason: 'camelCase is the batch endpoint' }, 'This field is required.'],
  ])('rejects %j', (input, message) => {
    const error = expectInvalid(RevokeBodySchema, input);
    expect(error.error.field).toBe('revocation_reason');
    expect(error.fieldErrors).toEqual({ revocation_reason: [message] });
  });
});

describe('BatchRevokeBodySchema', () => {
  it('accepts Badgr batch revocations', () => {
    expect(expectValid(BatchRevokeBodySchema, [{ entityId: 'abc', revocationReason: 'dup' }])).toHaveLength(1);
    expect(expectInvalid(BatchRevokeBodySchema, [{ entityId: 'abc' }]).error.field).toBe('0.revocationReason');
  });
});
