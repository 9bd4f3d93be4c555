import { randomUUID } from 'node:crypto';

import { Topic, type EventOf } from '@badges/events';
import type { EventSubscriber, Subscription } from '@badges/messaging';
import { cacheTag } from '@badges/service-kit';

import type { PublicCache } from './public-cache';

/** The events that change public documents (issue #14), and nothing else. */
export const INVALIDATING_TOPICS = [
  Topic.AssertionRevoked,
  Topic.AssertionUpdated,
  // A migration run that overwrote an award (decision 0044); a first import had nothing cached.
  Topic.AssertionImported,
  Topic.BadgeClassUpdated,
  Topic.IssuerUpdated,
  Topic.EndorsementIssued,
  Topic.EndorsementRevoked,
  Topic.EndorsementListed,
] as const;
type InvalidatingTopic = (typeof INVALIDATING_TOPICS)[number];

const TARGET_TAG = { Assertion: cacheTag.assertion, BadgeClass: cacheTag.badgeClass, Issuer: cacheTag.issuer } as const;

/** What an event makes stale, in the tags the services put on their documents (service-kit cacheTag). */
export function tagsOf(event: EventOf<InvalidatingTopic>): string[] {
  switch (event.type) {
    case Topic.AssertionRevoked:
      return [cacheTag.assertion(event.payload.assertionId), cacheTag.revocations(event.payload.issuerId)];
    case Topic.AssertionUpdated:
    case Topic.AssertionImported:
      return [cacheTag.assertion(event.payload.assertionId)];
    case Topic.BadgeClassUpdated:
      return [cacheTag.badgeClass(event.payload.badgeClassId)];
    case Topic.IssuerUpdated:
      return [cacheTag.issuer(event.payload.issuerId)];
    case Topic.EndorsementIssued:
    case Topic.EndorsementRevoked:
      // The Endorsement document itself. The endorsed document changes only once its owner has
      // recorded this (it then says so with endorsement.listed): dropping it now could re-cache
      // the list from before.
      return [cacheTag.endorsement(event.payload.endorsementId)];
    case Topic.EndorsementListed:
      return [cacheTag.endorsement(event.payload.endorsementId), TARGET_TAG[event.payload.target.type](event.payload.target.entityId)];
  }
}

/**
 * Every gateway instance hears every such event: its group is its own (a consumer group per
 * instance on Kafka), and starts at the newest event, since a cache that starts empty has nothing
 * to catch up on.
 */
export function subscribeInvalidations(subscriber: EventSubscriber, cache: PublicCache): Promise<Subscription> {
  return subscriber.subscribe({
    group: `gateway-cache-${randomUUID()}`,
    topics: INVALIDATING_TOPICS,
    startAt: 'latest',
    handler: async (event) => void cache.invalidate(tagsOf(event)),
  });
}
