import { ApiError } from '@badges/service-kit';

import type { ExpectedRecipient, VerificationAnswer } from './verification.client';

const RECIPIENT_CODE = 'VERIFY_RECIPIENT_IDENTIFIER';
export const IMPORT_FAILED = 'import_failed';
export const RECIPIENT_MISMATCH = 'recipient_mismatch';

/** The learner's confirmed identifiers, as the verifier compares them; none is the learner's error to fix first. */
export function expectedRecipients(identifiers: readonly { type: string; value: string }[]): ExpectedRecipient[] {
  if (identifiers.length === 0) throw new ApiError(400, RECIPIENT_MISMATCH, 'Verify an email address first: an imported badge must have been issued to one of your verified identifiers.');
  return identifiers.map((i) => ({ type: i.type, identity: i.value }) as ExpectedRecipient);
}

/** A failed verification as the learner's 400: someone else's badge, or the verifier's reasons. */
export function refuseInvalid(answer: VerificationAnswer): void {
  if (answer.report.valid) return;
  const errors = answer.report.messages.filter((m) => m.level === 'ERROR');
  const reasons = (errors.length > 0 ? errors : answer.report.messages).map((m) => m.message);
  if (errors.length > 0 && errors.every((m) => m.code === RECIPIENT_CODE)) {
    throw new ApiError(400, RECIPIENT_MISMATCH, `This badge was issued to someone else: ${reasons.join(' ')}`, undefined, { import: reasons });
  }
  throw new ApiError(400, IMPORT_FAILED, `This badge could not be verified: ${reasons.join(' ')}`, undefined, { import: reasons });
}

/** Said when the verifier passed a badge whose recipient is none of the learner's identifiers after all. */
export const SOMEONE_ELSES = 'This badge was issued to someone else: its recipient is none of your verified identifiers. Add and verify that address first.';
