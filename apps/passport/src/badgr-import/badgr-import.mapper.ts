import type {
  BadgeStatus,
  BadgrCollectionOutcome,
  BadgrImportOutcome,
  BadgrImportProgress,
  BadgrImportReason,
  BadgrImportStatus,
  BadgrImportV2,
  MigrationItemProblem,
} from '@badges/api-contracts';

import type { BadgrImportWith } from './badgr-import.repository';

/**
 * An import as the API shows it. The CHECK constraints of migration 0012 keep the text columns to
 * the contract's values, so they are narrowed here, where rows leave the database.
 */
export function toBadgrImportV2(run: BadgrImportWith, statuses: ReadonlyMap<string, BadgeStatus>, withItems: boolean): BadgrImportV2 {
  return {
    entityId: run.id,
    badgrOrigin: run.badgrOrigin,
    status: run.status as BadgrImportStatus,
    progress: progressOf(run),
    problems: run.problems as MigrationItemProblem[],
    items: withItems
      ? run.items.map((item) => ({
          sourceId: item.sourceId,
          openBadgeId: item.documentId,
          badgrAcceptance: item.badgrAcceptance as BadgeStatus,
          revoked: item.revoked,
          outcome: item.outcome as BadgrImportOutcome,
          reason: item.reason as BadgrImportReason | null,
          message: item.message,
          assertion: item.assertionId,
          status: item.assertionId ? (statuses.get(item.assertionId) ?? null) : null,
        }))
      : [],
    collections: run.collections.map((collection) => ({
      sourceId: collection.sourceId,
      name: collection.name,
      outcome: collection.outcome as BadgrCollectionOutcome,
      collection: collection.collectionId,
      badges: collection.badges,
      leftOut: collection.leftOut,
    })),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function progressOf(run: BadgrImportWith): BadgrImportProgress {
  const count = (outcome: BadgrImportOutcome) => run.items.filter((item) => item.outcome === outcome).length;
  return {
    total: run.items.length,
    imported: count('imported'),
    alreadyInPassport: count('already_in_passport'),
    skipped: count('skipped'),
    failed: count('failed'),
    pending: count('pending'),
  };
}
