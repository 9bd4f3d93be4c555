import { error, TaskCode } from '../../validation/messages';
import { revocationDetails, revocationSentence } from '../revocation-message';
import type { VerificationContext } from '../verification-context';

/**
 * A hosted Assertion or Endorsement whose document says `"revoked": true` (spec example
 * "revoked hosted assertion") is no longer valid, whatever else it contains.
 */
export function checkRevokedFlag(ctx: VerificationContext): void {
  for (const [id, node] of ctx.nodes) {
    if (node.revoked !== true) continue;
    ctx.report(error(TaskCode.ASSERTION_NOT_REVOKED, revocationSentence(ctx, revocationDetails(node)), id, 'revoked'));
  }
}
