import { createEvent, Topic, type EventOf } from '@badges/events';

/** A valid assertion-issued event for tests; `n` varies the ids, `aggregateId` groups them. */
export function sampleIssuedEvent(n: number, aggregateId = `assertion${n}`): EventOf<typeof Topic.AssertionIssued> {
  const base = 'http://localhost:3000/public/assertions';
  return createEvent(Topic.AssertionIssued, {
    institutionId: 'institution1',
    correlationId: `corr-${n}`,
    aggregateId,
    payload: {
      assertionId: `assertion${n}`,
      assertionUrl: `${base}/assertion${n}`,
      badgeClassId: 'badgeclass1',
      badgeClassName: 'Sample badge',
      issuerId: 'issuer1',
      issuerName: 'Sample issuer',
      recipient: { type: 'email', identity: `sha256$${n}`, salt: 'salt', hashed: true },
      issuedOn: new Date().toISOString(),
      notify: false,
      imageUrl: `${base}/assertion${n}/image`,
    },
  });
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
