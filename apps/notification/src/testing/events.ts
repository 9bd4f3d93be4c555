import { createEvent, Topic, type EventOf } from '@badges/events';

const BASE = 'https://badges.example.org/public/assertions';

export function issuedEvent(
  institutionId: string,
  assertionId: string,
  options: { notify?: boolean; email?: string; badgeName?: string; issuerName?: string; recipientType?: 'email' | 'url' } = {},
): EventOf<typeof Topic.AssertionIssued> {
  const notify = options.notify ?? true;
  return createEvent(Topic.AssertionIssued, {
    institutionId,
    correlationId: `corr-${assertionId}`,
    aggregateId: assertionId,
    payload: {
      assertionId,
      assertionUrl: `${BASE}/${assertionId}`,
      badgeClassId: 'badgeclass1',
      badgeClassName: options.badgeName ?? 'Lab Safety',
      issuerId: 'issuer1',
      issuerName: options.issuerName ?? 'Faculty of Science',
      recipient: {
        type: options.recipientType ?? 'email',
        identity: 'sha256$0f1e2d',
        salt: 'salt',
        hashed: true,
        ...(notify ? { plaintextIdentity: options.email ?? 'learner@example.org' } : {}),
      },
      issuedOn: new Date().toISOString(),
      notify,
      imageUrl: `${BASE}/${assertionId}/image`,
    },
  });
}

export function revokedEvent(institutionId: string, assertionId: string): EventOf<typeof Topic.AssertionRevoked> {
  return createEvent(Topic.AssertionRevoked, {
    institutionId,
    correlationId: `corr-revoke-${assertionId}`,
    aggregateId: assertionId,
    payload: {
      assertionId,
      assertionUrl: `${BASE}/${assertionId}`,
      badgeClassId: 'badgeclass1',
      issuerId: 'issuer1',
      revocationReason: 'issued in error',
      revokedAt: new Date().toISOString(),
    },
  });
}

export function badgeClassUpdatedEvent(institutionId: string, badgeClassId = 'badgeclass1'): EventOf<typeof Topic.BadgeClassUpdated> {
  return createEvent(Topic.BadgeClassUpdated, {
    institutionId,
    correlationId: `corr-update-${badgeClassId}`,
    aggregateId: badgeClassId,
    payload: { badgeClassId, issuerId: 'issuer1', name: 'Lab Safety II', imageChanged: false },
  });
}

export async function waitFor<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
