import {
  MigrationBackpackItemSchema,
  MigrationCollectionSchema,
  type BadgeStatus,
  type MigrationBackpackItem,
  type MigrationCollection,
} from '@badges/api-contracts';

import type { BadgrBackpackAssertion, BadgrCollection } from '../badgr/badgr-shapes';
import { badgrInstant } from './badgr-dates';
import { checked, problem, refused, type Mapped } from './mapped';

/** Badgr's acceptance in our words (as the passport's own Badgr-compatible API reads it). */
const STATUS: Record<BadgrBackpackAssertion['acceptance'], BadgeStatus> = { Accepted: 'accepted', Unaccepted: 'pending', Rejected: 'declined' };

/** BackpackAssertionSerializerV2 → MigrationBackpackItem. */
export function mapBackpackItem(item: BadgrBackpackAssertion): Mapped<MigrationBackpackItem> {
  const issuedOn = badgrInstant(item.issuedOn);
  if (issuedOn === null) return refused('backpackItem', item.entityId, 'invalid_date', `issuedOn "${item.issuedOn}" is not a date and time.`);
  const expires = item.expires === null ? null : badgrInstant(item.expires);
  if (item.expires !== null && expires === null) return refused('backpackItem', item.entityId, 'invalid_date', `expires "${item.expires}" is not a date and time.`);
  const record: MigrationBackpackItem = {
    sourceId: item.entityId,
    documentId: item.openBadgeId,
    badgeClassDocumentId: item.badgeclassOpenBadgeId,
    status: STATUS[item.acceptance],
    revoked: item.revoked,
    issuedOn,
    expires,
  };
  return checked(MigrationBackpackItemSchema, record, 'backpackItem', item.entityId, []);
}

/**
 * BackpackCollectionSerializerV2 → MigrationCollection. A badge the collection names but the
 * backpack did not list (Badgr never lists a declined one) is left out of it, with a warning.
 */
export function mapCollection(collection: BadgrCollection, itemSourceIds: ReadonlySet<string>): Mapped<MigrationCollection> {
  const missing = collection.assertions.filter((id) => !itemSourceIds.has(id));
  const problems = missing.map((id) =>
    problem('collection', collection.entityId, 'collection_item_missing', `It holds ${id}, which is not among the backpack's badges, and is carried without it.`, 'warning'),
  );
  const record: MigrationCollection = {
    sourceId: collection.entityId,
    name: collection.name,
    description: collection.description,
    published: collection.published,
    shareHash: collection.shareHash === '' ? null : collection.shareHash,
    itemSourceIds: collection.assertions.filter((id) => itemSourceIds.has(id)),
  };
  return checked(MigrationCollectionSchema, record, 'collection', collection.entityId, problems);
}
