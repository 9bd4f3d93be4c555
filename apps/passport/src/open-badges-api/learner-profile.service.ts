import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import type { OpenBadgesProfile, OpenBadgesProfileBody } from '@badges/api-contracts';
import { normalizeIdentity } from '@badges/openbadges';
import { ApiError } from '@badges/service-kit';

import { AccountsService } from '../accounts/accounts.service';
import type { LearnerScope } from '../common/learner-scope';
import type { Learner, LearnerIdentifier } from '../generated/prisma/client';
import { PassportPrismaService } from '../prisma/passport-prisma.service';

const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** The Profile's contact points and the identifier type each must be. */
const CONTACT_FIELDS = [
  ['email', 'email'],
  ['url', 'url'],
  ['phone', 'telephone'],
] as const;

/**
 * The learner as an OB 3.0 `Profile` for their wallet (getProfile, putProfile). The wallet may
 * rename them; an address it names must be one the learner already confirmed in the passport,
 * since only a confirmation proves an address is theirs. What else a Profile can say is not kept.
 */
@Injectable()
export class LearnerProfileService {
  constructor(private readonly accounts: AccountsService, private readonly prisma: PassportPrismaService) {}

  async get(scope: LearnerScope): Promise<OpenBadgesProfile> {
    const { learner, identifiers } = await this.accounts.profile(scope);
    return toProfile(learner, identifiers);
  }

  async put(scope: LearnerScope, body: OpenBadgesProfileBody): Promise<OpenBadgesProfile> {
    const { learner, identifiers } = await this.accounts.profile(scope);
    for (const [field, type] of CONTACT_FIELDS) {
      const value = body[field];
      if (value === undefined) continue;
      const normal = normalizeIdentity(type, value);
      if (!identifiers.some((i) => i.type === type && i.verifiedAt && i.value === normal)) {
        throw ApiError.validation(`${field} must be one of your confirmed ${type === 'telephone' ? 'telephone numbers' : `${type === 'url' ? 'web' : 'email'} addresses`}: add it in your passport and confirm it there first.`, field);
      }
    }
    if (body.name !== undefined && body.name !== learner.name) await this.prisma.learner.update({ where: { id: learner.id }, data: { name: body.name } });
    return this.get(scope);
  }
}

function toProfile(learner: Learner, identifiers: LearnerIdentifier[]): OpenBadgesProfile {
  const confirmed = identifiers.filter((i) => i.verifiedAt);
  const first = (type: string) => confirmed.find((i) => i.type === type)?.value;
  const email = confirmed.find((i) => i.type === 'email' && i.value === learner.username)?.value ?? first('email');
  const url = first('url');
  const phone = first('telephone');
  return {
    '@context': [OB3_CONTEXT],
    type: ['Profile'],
    id: learnerUrn(learner.id),
    name: learner.name,
    ...(email ? { email } : {}),
    ...(url ? { url } : {}),
    ...(phone ? { phone } : {}),
  };
}

/**
 * The Profile's `id` (OB 3.0 requires one): a `urn:uuid:` made from the learner's id, the same
 * for every wallet and every call, which gives away neither the internal id nor anything else.
 */
function learnerUrn(learnerId: string): string {
  const hex = createHash('sha256').update(`badge-passport-learner:${learnerId}`).digest('hex');
  // RFC 9562 UUIDv8 (custom): version nibble 8, variant bits 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
