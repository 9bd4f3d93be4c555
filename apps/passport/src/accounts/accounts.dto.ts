import type { EmailV2, UserV2 } from '@badges/api-contracts';

import { asLanguage } from './learner-language';

import type { Learner, LearnerIdentifier } from '../generated/prisma/client';

export function toEmailV2(learner: Pick<Learner, 'username'>, identifier: LearnerIdentifier): EmailV2 {
  return { entityId: identifier.id, email: identifier.value, verified: identifier.verifiedAt !== null, primary: identifier.value === learner.username };
}

export function toUserV2(learner: Learner, identifiers: LearnerIdentifier[]): UserV2 {
  return {
    entityId: learner.id,
    entityType: 'BadgeUser',
    username: learner.username,
    name: learner.name,
    emails: identifiers.filter((i) => i.type === 'email').map((i) => toEmailV2(learner, i)),
    identifiers: identifiers.map((i) => ({ entityId: i.id, type: i.type, identifier: i.value, verified: i.verifiedAt !== null })),
    language: asLanguage(learner.language),
  };
}
