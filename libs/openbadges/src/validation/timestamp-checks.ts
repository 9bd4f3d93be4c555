import { parseZonedDateTime } from './datetime';
import { error, TaskCode, type ValidationMessage } from './messages';
import type { JsonNode } from './present-values';
import { text, type MessageText } from '../report-texts/message-text';

/**
 * Clocks of issuer and verifier are never perfectly in sync; without some slack a badge verified
 * right after issuing could be reported as "issued in the future".
 */
export const CLOCK_SKEW_MS = 60_000;

/**
 * ASSERTION_TIMESTAMP_CHECKS: not issued in the future, not expired, not expiring before issue.
 * Unparseable dates are skipped here: VALIDATE_PROPERTY already reports them.
 */
export function assertionTimestampChecks(assertion: JsonNode, now: Date): ValidationMessage[] {
  const label = typeof assertion.id === 'string' ? assertion.id : undefined;
  const issuedOn = parseZonedDateTime(assertion.issuedOn);
  const expires = parseZonedDateTime(assertion.expires);
  const messages: ValidationMessage[] = [];
  const fail = (message: MessageText, property: string) =>
    messages.push(error(TaskCode.ASSERTION_TIMESTAMP_CHECKS, message, label, property));

  if (issuedOn !== undefined && issuedOn > now.getTime() + CLOCK_SKEW_MS) {
    fail(text('ISSUED_IN_FUTURE', { issuedOn: assertion.issuedOn as string }), 'issuedOn');
  }
  if (expires !== undefined) {
    if (issuedOn !== undefined && expires < issuedOn) {
      fail(text('EXPIRES_BEFORE_ISSUED', { expires: assertion.expires as string, issuedOn: assertion.issuedOn as string }), 'expires');
    } else if (expires < now.getTime()) {
      fail(text('EXPIRED', { expires: assertion.expires as string }), 'expires');
    }
  }
  return messages;
}

/**
 * The first instant after `now` at which assertionTimestampChecks could answer differently for
 * this node (an issuedOn in the future comes within the skew, an expiry passes); Infinity when
 * none will. What a cache of verification results must not outlive.
 */
export function nextTimestampChange(node: JsonNode, now: number): number {
  const issuedOn = parseZonedDateTime(node.issuedOn);
  const expires = parseZonedDateTime(node.expires);
  let next = Infinity;
  if (issuedOn !== undefined && issuedOn - CLOCK_SKEW_MS > now) next = Math.min(next, issuedOn - CLOCK_SKEW_MS);
  if (expires !== undefined && expires >= now) next = Math.min(next, expires + 1);
  return next;
}
