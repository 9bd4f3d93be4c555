import { parseZonedDateTime } from '../../../validation/datetime';
import type { JsonNode } from '../../../validation/present-values';

/**
 * `@digitalbazaar/vc` refuses to check the proof of a credential that is not valid at `now`. The
 * dates are a step of their own here (check-validity.ts), so that a badge that expired is reported
 * as expired and not also as unsigned: the library is asked about an instant inside the
 * credential's own validity (its start), or about now when it states none.
 */
export function instantWithinValidity(credential: JsonNode, now: Date): Date {
  const from = parseZonedDateTime(credential.validFrom ?? credential.issuanceDate);
  return from === undefined ? now : new Date(from);
}
