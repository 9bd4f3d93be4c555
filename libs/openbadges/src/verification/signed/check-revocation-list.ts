import { error, TaskCode } from '../../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { isUrl } from '../../validation/value-types';
import { loadNode } from '../load-node';
import { revocationDetails, revocationText } from '../revocation-message';
import type { VerificationContext } from '../verification-context';
import { text } from '../../report-texts/message-text';

/**
 * VERIFY_SIGNED_ASSERTION_NOT_REVOKED: a signed badge stays cryptographically valid forever, so
 * revocation can only be learned from the issuer's RevocationList.
 */
export async function checkRevocationList(assertion: JsonNode, issuer: JsonNode, ctx: VerificationContext): Promise<void> {
  const listRef = revocationListUrl(issuer);
  if (!listRef) return;
  const list = await loadNode(listRef, ctx);
  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  if (!list) {
    ctx.report(error(TaskCode.VERIFY_SIGNED_ASSERTION_NOT_REVOKED, text('REVOCATION_LIST_UNAVAILABLE', { list: listRef }), label));
    return;
  }
  ctx.addNode(list, 'RevocationList');
  const entry = revocationEntryFor(list, assertion);
  if (entry === undefined) return;
  ctx.report(error(TaskCode.VERIFY_SIGNED_ASSERTION_NOT_REVOKED, text('REVOKED_LISTED', { revocation: [revocationText(ctx, revocationDetails(entry))], list: listRef }), label));
}

/** The URL of a Profile's RevocationList, if it names one. */
export function revocationListUrl(profile: JsonNode): string | undefined {
  const listRef = isJsonNode(profile.revocationList) ? profile.revocationList.id : profile.revocationList;
  return isUrl(listRef) ? listRef : undefined;
}

/**
 * The list's entry for `document` (a signed assertion or endorsement), if it is revoked. Entries
 * are bare ids or objects with `id` (or a legacy `uid`) and an optional reason.
 */
export function revocationEntryFor(list: JsonNode, document: JsonNode): unknown {
  return asArray<unknown>(list.revokedAssertions).find((entry) => {
    const entryId = isJsonNode(entry) ? entry.id : entry;
    const matchesUid = isJsonNode(entry) && entry.uid !== undefined && entry.uid === document.uid;
    return entryId === document.id || matchesUid;
  });
}
