import type { BadgeConnectScope, OpenBadgesApiScope } from '@badges/api-contracts/types';

import type { MessageKey } from '../../i18n/catalog';

/**
 * Each scope the passport grants, Badge Connect's and the Open Badges 3.0 API's, as one sentence
 * the learner understands (the record makes the compiler check every scope has one).
 */
const SCOPE_WORDS: Record<BadgeConnectScope | OpenBadgesApiScope, MessageKey> = {
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly': 'passport.connect.scope.assertionRead',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create': 'passport.connect.scope.assertionCreate',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly': 'passport.connect.scope.profileRead',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly': 'passport.connect.scope.credentialRead',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert': 'passport.connect.scope.credentialUpsert',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly': 'passport.connect.scope.profileRead3',
  'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update': 'passport.connect.scope.profileUpdate',
};

/** The sentence for a scope; the platform only grants the scopes above, so another never reaches a page. */
export function scopeWords(scope: string): MessageKey | undefined {
  return (SCOPE_WORDS as Record<string, MessageKey>)[scope];
}
