import { createEvent } from './create-event';
import type { EventOf } from './envelope';
import { InvalidEventError } from './invalid-event.error';
import { parseEvent } from './parse-event';
import { deadLetterTopic, Topic } from './topics';

const issuedPayload = (): EventOf<typeof Topic.AssertionIssued>['payload'] => ({
  assertionId: 'aaaaaaaaaaaaaaaaaaaaaa',
  assertionUrl: 'http://localhost:3000/public/assertions/aaaaaaaaaaaaaaaaaaaaaa',
  badgeClassId: 'bbbbbbbbbbbbbbbbbbbbbb',
  badgeClassName: 'Welding I',
  issuerId: 'cccccccccccccccccccccc',
  issuerName: 'Faculty of Trades',
  recipient: { type: 'email', identity: 'sha256$abc', salt: 's4lt', hashed: true },
  issuedOn: '2025-01-02T03:04:05.000Z',
  notify: false,
  imageUrl: 'http://localhost:3000/public/assertions/aaaaaaaaaaaaaaaaaaaaaa/image',
});

const issued = () =>
  createEvent(Topic.AssertionIssued, {
    institutionId: 'inst-1',
    correlationId: 'corr-1',
    aggregateId: 'aaaaaaaaaaaaaaaaaaaaaa',
    payload: issuedPayload(),
  });

function reasonOf(raw: unknown): string {
  try {
    parseEvent(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as InvalidEventError).reason;
  }
  throw new Error('expected parseEvent to throw');
}

describe('createEvent', () => {
  it('fills eventId and occurredAt and keeps the envelope fields', () => {
    const event = issued();
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(event).toMatchObject({ type: 'badges.assertion.issued.v1', institutionId: 'inst-1', aggregateId: 'aaaaaaaaaaaaaaaaaaaaaa' });
  });

  it('drops fields outside the contract so stray personal data is never published', () => {
    const payload = { ...issuedPayload(), recipientName: 'Ada Lovelace' } as ReturnType<typeof issuedPayload>;
    const event = createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload });
    expect(event.payload).not.toHaveProperty('recipientName');
  });

  it('refuses the plaintext identity unless the recipient is to be notified', () => {
    const payload = issuedPayload();
    payload.recipient.plaintextIdentity = 'ada@example.org';
    expect(() => createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload })).toThrow(
      /plaintextIdentity is only allowed when notify is true/,
    );
    payload.notify = true;
    expect(createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload }).payload.recipient.plaintextIdentity).toBe(
      'ada@example.org',
    );
  });

  it('carries an OB 3.0 award\'s credential URL with its format, both or neither (decision 0048)', () => {
    const credentialUrl = 'http://localhost:3000/public/credentials/aaaaaaaaaaaaaaaaaaaaaa';
    const event = createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload: { ...issuedPayload(), credentialUrl, credentialFormat: 'jwt' } });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).payload).toMatchObject({ credentialUrl, credentialFormat: 'jwt' });
    expect(() => createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload: { ...issuedPayload(), credentialUrl } })).toThrow(/travel together/);
    const badFormat = { ...issuedPayload(), credentialUrl, credentialFormat: 'cbor' } as unknown as ReturnType<typeof issuedPayload>;
    expect(() => createEvent(Topic.AssertionIssued, { institutionId: 'i', correlationId: 'c', aggregateId: 'a', payload: badFormat })).toThrow();
  });
});

describe('parseEvent', () => {
  it('round-trips a JSON string or Buffer into a typed event that narrows on type', () => {
    const event = issued();
    for (const raw of [JSON.stringify(event), Buffer.from(JSON.stringify(event)), event]) {
      const parsed = parseEvent(raw);
      expect(parsed).toEqual(event);
      if (parsed.type === Topic.AssertionIssued) expect(parsed.payload.badgeClassName).toBe('Welding I');
      else throw new Error('did not narrow');
    }
  });

  it('validates each reserved and published contract by its type', () => {
    const revoked = createEvent(Topic.AssertionRevoked, {
      institutionId: 'i',
      correlationId: 'c',
      aggregateId: 'a',
      payload: {
        assertionId: 'a',
        assertionUrl: 'https://badges.example/public/assertions/a',
        badgeClassId: 'b',
        issuerId: 'c',
        revocationReason: 'issued in error',
        revokedAt: '2025-01-02T03:04:05Z',
      },
    });
    expect(parseEvent(JSON.stringify(revoked)).type).toBe(Topic.AssertionRevoked);
    expect(reasonOf({ ...revoked, payload: { ...revoked.payload, revokedAt: 'yesterday' } })).toBe('payload');
    const updated = { ...revoked, type: Topic.BadgeClassUpdated, payload: { badgeClassId: 'b', issuerId: 'c', name: 'n', imageChanged: 'yes' } };
    expect(reasonOf(updated)).toBe('payload');
  });

  it('carries the actor when there is one, and still parses envelopes from before it existed', () => {
    const withActor = createEvent(Topic.AssertionIssued, {
      institutionId: 'inst-1',
      correlationId: 'corr-1',
      actor: { type: 'client', id: 'client-1' },
      aggregateId: 'aaaaaaaaaaaaaaaaaaaaaa',
      payload: issuedPayload(),
    });
    expect(parseEvent(JSON.stringify(withActor)).actor).toEqual({ type: 'client', id: 'client-1' });
    const before = JSON.parse(JSON.stringify(issued()));
    expect(before).not.toHaveProperty('actor');
    expect(parseEvent(before)).not.toHaveProperty('actor');
  });

  it.each([
    ['not JSON', 'not-json', '{nope'],
    ['an actor of an unknown type', 'envelope', { ...issued(), actor: { type: 'robot', id: 'r1' } }],
    ['an actor without an id', 'envelope', { ...issued(), actor: { type: 'staff', id: '' } }],
    ['an actor as text', 'envelope', { ...issued(), actor: 'client:abc' }],
    ['no eventId', 'envelope', { ...issued(), eventId: undefined }],
    ['eventId not a UUID', 'envelope', { ...issued(), eventId: '42' }],
    ['occurredAt not ISO', 'envelope', { ...issued(), occurredAt: 'Tuesday' }],
    ['empty aggregateId', 'envelope', { ...issued(), aggregateId: '' }],
    ['an unknown type', 'unknown-type', { ...issued(), type: 'badges.assertion.issued.v9' }],
    ['a DLQ topic as type', 'unknown-type', { ...issued(), type: deadLetterTopic(Topic.AssertionIssued) }],
    ['a payload missing a field', 'payload', { ...issued(), payload: { ...issuedPayload(), imageUrl: undefined } }],
    ['a non-http url', 'payload', { ...issued(), payload: { ...issuedPayload(), assertionUrl: 'file:///etc/passwd' } }],
  ])('rejects %s with reason %s', (_label, reason, raw) => {
    expect(reasonOf(raw)).toBe(reason);
  });

  it('names the failing path in the error', () => {
    expect(() => parseEvent({ ...issued(), payload: { ...issuedPayload(), recipient: { type: 'fax', identity: 'x', hashed: false } } })).toThrow(
      /payload\.recipient\.type/,
    );
  });
});
