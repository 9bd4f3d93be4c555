import type { AssertionVerification } from '../model/verification-object';
import type { VerificationInput } from './inputs';

/**
 * We emit the spec's class names HostedBadge / SignedBadge. The v2 context also defines the
 * aliases `hosted` / `signed` for the same IRIs, so both forms mean the same thing to verifiers.
 */
export function buildVerification(input: VerificationInput): AssertionVerification {
  if (input.type === 'signed') {
    if (!input.creator) throw new TypeError('Signed verification needs the creator key URL.');
    return { type: 'SignedBadge', creator: input.creator };
  }
  return { type: 'HostedBadge' };
}
