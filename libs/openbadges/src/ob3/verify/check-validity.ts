import { text } from '../../report-texts/message-text';
import { parseZonedDateTime } from '../../validation/datetime';
import type { JsonNode } from '../../validation/present-values';
import { CLOCK_SKEW_MS } from '../../validation/timestamp-checks';
import { Ob3Code } from './codes';
import { failure, type Finding } from './types';

/** The credential's start and end, in VC 2.0 names or (VC 1.1) issuanceDate / expirationDate. */
export function validityProperties(credential: JsonNode): { from: 'validFrom' | 'issuanceDate'; until: 'validUntil' | 'expirationDate' } {
  return {
    from: credential.validFrom !== undefined || credential.issuanceDate === undefined ? 'validFrom' : 'issuanceDate',
    until: credential.validUntil !== undefined || credential.expirationDate === undefined ? 'validUntil' : 'expirationDate',
  };
}

/**
 * IssuanceProbe and ExpirationProbe: not valid before `validFrom`, expired after `validUntil` (with
 * the same clock skew as 2.0's timestamps), and never ending before it starts.
 */
export function checkValidity(credential: JsonNode, now: Date): Finding[] {
  const names = validityProperties(credential);
  const findings: Finding[] = [];
  const read = (property: string, code: string): number | undefined => {
    const value = credential[property];
    if (value === undefined) return undefined;
    const ms = parseZonedDateTime(value);
    if (ms === undefined) findings.push(failure(code, text('VC_DATE_INVALID', { property, value: String(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 80) }), property));
    return ms;
  };
  const from = read(names.from, Ob3Code.ISSUANCE);
  const until = read(names.until, Ob3Code.EXPIRATION);
  if (from !== undefined && from > now.getTime() + CLOCK_SKEW_MS) findings.push(failure(Ob3Code.ISSUANCE, text('VC_NOT_YET_VALID', { validFrom: String(credential[names.from]) }), names.from));
  if (until !== undefined) {
    if (from !== undefined && until < from) findings.push(failure(Ob3Code.EXPIRATION, text('EXPIRES_BEFORE_ISSUED', { expires: String(credential[names.until]), issuedOn: String(credential[names.from]) }), names.until));
    else if (until < now.getTime()) findings.push(failure(Ob3Code.EXPIRATION, text('EXPIRED', { expires: String(credential[names.until]) }), names.until));
  }
  return findings;
}

/**
 * The first instant after `now` at which checkValidity could answer differently (a start comes, an
 * end passes); Infinity when none will. What a memo of verification results must not outlive.
 */
export function nextValidityChange(credential: JsonNode, now: number): number {
  const names = validityProperties(credential);
  const from = parseZonedDateTime(credential[names.from]);
  const until = parseZonedDateTime(credential[names.until]);
  let next = Infinity;
  if (from !== undefined && from - CLOCK_SKEW_MS > now) next = Math.min(next, from - CLOCK_SKEW_MS);
  if (until !== undefined && until >= now) next = Math.min(next, until + 1);
  return next;
}
