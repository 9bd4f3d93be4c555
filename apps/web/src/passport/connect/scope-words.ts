import type { BadgeConnectScope } from '@badges/api-contracts/types';

import type { MessageKey } from '../../i18n/catalog';

/** Each Badge Connect scope as one sentence the learner understands (the record makes the compiler check every scope has one). */
const SCOPE_WORDS: Record<BadgeConnectScope, MessageKey> = {
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly': 'passport.connect.scope.assertionRead',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create': 'passport.connect.scope.assertionCreate',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly': 'passport.connect.scope.profileRead',
};

/** The sentence for a scope; the platform only grants the scopes above, so another never reaches a page. */
export function scopeWords(scope: string): MessageKey | undefined {
  return (SCOPE_WORDS as Record<string, MessageKey>)[scope];
}
