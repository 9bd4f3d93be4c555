import { MigrationBadgeClassSchema, type MigrationBadgeClass, type MigrationImage, type MigrationItemProblem } from '@badges/api-contracts';

import type { BadgrBadgeClass } from '../badgr/badgr-shapes';
import { badgrInstant } from './badgr-dates';
import { extensionsWarning } from './extensions';
import { checked, refused, type Mapped } from './mapped';

const DURATIONS = ['days', 'weeks', 'months', 'years'] as const;
type Duration = (typeof DURATIONS)[number];

/** BadgeClassSerializerV2 → MigrationBadgeClass; the image was fetched by the caller. */
export function mapBadgeClass(badgeClass: BadgrBadgeClass, image: MigrationImage | null, imageProblems: MigrationItemProblem[] = []): Mapped<MigrationBadgeClass> {
  const id = badgeClass.entityId;
  const problems = [...imageProblems, ...extensionsWarning('badgeClass', id, badgeClass.extensions)];
  if (badgeClass.issuer === null) return refused('badgeClass', id, 'issuer_missing', 'It names no issuer.', problems);
  const createdAt = badgrInstant(badgeClass.createdAt);
  if (createdAt === null) return refused('badgeClass', id, 'invalid_date', `createdAt "${badgeClass.createdAt}" is not a date and time.`, problems);
  const { amount, duration } = badgeClass.expires ?? { amount: null, duration: null };
  if (amount !== null && !isDuration(duration)) return refused('badgeClass', id, 'unexpected_shape', `expires.duration "${duration}" is not days, weeks, months or years.`, problems);
  const record: MigrationBadgeClass = {
    sourceId: id,
    documentId: badgeClass.openBadgeId,
    issuerSourceId: badgeClass.issuer,
    name: badgeClass.name,
    description: badgeClass.description ?? '',
    image,
    criteriaUrl: badgeClass.criteriaUrl,
    criteriaNarrative: badgeClass.criteriaNarrative,
    tags: badgeClass.tags,
    alignments: badgeClass.alignments,
    expires: amount !== null && isDuration(duration) ? { amount, duration } : null,
    createdAt,
  };
  return checked(MigrationBadgeClassSchema, record, 'badgeClass', id, problems);
}

function isDuration(value: string | null): value is Duration {
  return (DURATIONS as readonly (string | null)[]).includes(value);
}
