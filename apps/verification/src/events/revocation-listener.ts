import { Topic } from '@badges/events';
import type { EventSubscriber, Subscription } from '@badges/messaging';

import type { DocumentFetcher } from '../fetching/document-fetcher';

/**
 * A revoked assertion or endorsement of this platform must verify as revoked at once, not when its
 * cached document expires: the events name the document (and an OB 3.0 award's status list), which is dropped from the response cache
 * (and with it every reused verification result that read it: VerificationMemo re-reads its
 * documents through the cache). One delivery per group is enough: the cache it clears is the
 * shared one (Redis) when there are several instances. Idempotent, as redelivery requires.
 */
export async function listenForRevocations(subscriber: EventSubscriber, fetcher: DocumentFetcher): Promise<Subscription> {
  return subscriber.subscribe({
    group: 'verification',
    topics: [Topic.AssertionRevoked, Topic.EndorsementRevoked],
    handler: async (event) => {
      const urls = event.type === Topic.AssertionRevoked ? [event.payload.assertionUrl, event.payload.statusListUrl] : [event.payload.endorsementUrl];
      for (const url of urls) if (url) await fetcher.forget(url);
    },
  });
}
