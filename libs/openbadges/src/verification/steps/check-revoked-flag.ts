import { error, TaskCode } from '../../validation/messages';
import { revocationDetails, revocationText } from '../revocation-message';
import type { VerificationContext } from '../verification-context';

/**
 * A hosted Assertion or Endorsement whose document says `"revoked": true` (spec example
 * "revoked hosted assertion") is no longer valid, whatever else it contains.
 */
export function checkRevokedFlag(ctx: VerificationContext): void {
  const input = ctx.nodes.keys().next().value;
  for (const [id, node] of ctx.nodes) {
    if (node.revoked !== true) continue;
    // A withdrawn endorsement of the badge is checkEndorsements' business, not a revoked badge.
    if (id !== input && ctx.classes.get(id) === 'Endorsement') continue;
    ctx.report(error(TaskCode.ASSERTION_NOT_REVOKED, revocationText(ctx, revocationDetails(node)), id, 'revoked'));
  }
}
