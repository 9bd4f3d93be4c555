import { parseZonedDateTime } from './datetime';
import { isCompactIri, isKnownTypeValue } from './v2-terms';

/**
 * Predicates for the value types of OB 2.0 properties, named after the reference validator's
 * ValueTypes. Test vectors: conformance/openbadges-validator-core/extracted/test_validation_vectors.json.
 */
export type ValueType =
  | 'TEXT'
  | 'MARKDOWN_TEXT'
  | 'BOOLEAN'
  | 'IRI'
  | 'URL'
  | 'DATA_URI'
  | 'DATA_URI_OR_URL'
  | 'DATETIME'
  | 'EMAIL'
  | 'TELEPHONE'
  | 'URL_AUTHORITY'
  | 'COMPACT_IRI'
  | 'TEXT_OR_NUMBER'
  | 'ANY';

const HTTP_SCHEME = /^https?:\/\//i;
const BLANK_NODE = /^_:b\d+$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 2397: data:[<mediatype>][;param=value]*[;base64],<data>
const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z0-9.+-]+=[^;,]+)*(;base64)?,[^\s]*$/i;
// E.164: + and up to 15 digits, optional ";ext=" as the validator allows.
const E164 = /^\+[1-9]\d{1,14}(;ext=\d+)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$/i;

export function isUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !HTTP_SCHEME.test(value) || /\s/.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** Node identifiers: HTTP(S) URLs, `urn:uuid:` UUIDs, or blank nodes `_:bN`. */
export function isIri(value: unknown): value is string {
  return typeof value === 'string' && (isUrl(value) || URN_UUID.test(value) || BLANK_NODE.test(value));
}

export function isDataUri(value: unknown): value is string {
  return typeof value === 'string' && DATA_URI.test(value);
}

/** The media type a data URI declares ('' when it declares none). */
export function dataUriMediaType(value: string): string {
  const m = /^data:([^;,]*)/i.exec(value);
  return (m?.[1] ?? '').toLowerCase();
}

const CHECKS: Record<ValueType, (v: unknown) => boolean> = {
  TEXT: (v) => typeof v === 'string',
  MARKDOWN_TEXT: (v) => typeof v === 'string',
  // Versions are written both as "1.2" and as 2 in the wild (the spec's own example uses 2).
  TEXT_OR_NUMBER: (v) => typeof v === 'string' || typeof v === 'number',
  BOOLEAN: (v) => typeof v === 'boolean',
  IRI: isIri,
  URL: isUrl,
  DATA_URI: isDataUri,
  DATA_URI_OR_URL: (v) => isDataUri(v) || isUrl(v),
  DATETIME: (v) => parseZonedDateTime(v) !== undefined,
  EMAIL: (v) => typeof v === 'string' && EMAIL.test(v),
  TELEPHONE: (v) => typeof v === 'string' && E164.test(v),
  // allowedOrigins entries are bare host names (with optional port), never URLs or IPs.
  URL_AUTHORITY: (v) => typeof v === 'string' && HOST_NAME.test(v),
  COMPACT_IRI: (v) => typeof v === 'string' && isCompactIri(v),
  ANY: () => true,
};

export function isValueOfType(type: ValueType, value: unknown): boolean {
  return CHECKS[type](value);
}

/** RDF `type` values: each must be a v2 term or an absolute IRI, and there must be at least one. */
export function isValidRdfTypeList(values: unknown[]): boolean {
  return values.length > 0 && values.every((v) => typeof v === 'string' && isKnownTypeValue(v));
}
