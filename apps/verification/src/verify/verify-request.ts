import { isVerifiableCredential, jsonBudgetProblem, JsonTooDeepError, MAX_BADGE_JSON_DEPTH, MAX_BADGE_JSON_VALUES, parseJsonWithinLimits, type RecipientProfile, type VerifyInput } from '@badges/openbadges';
import { ApiError, ErrorCode } from '@badges/service-kit';

import { parseExpectedRecipient } from './expected-recipient';
import { parseMultipart } from './multipart';

/** A verify request reduced to what the pipeline needs. */
export interface VerifyRequest {
  input: VerifyInput;
  recipientProfile?: RecipientProfile;
}

const INPUT_FIELDS = ['url', 'json', 'jws', 'assertion'] as const;
/** A compact JWS/VC-JWT (or a URL, or JSON text) sent as the body itself (OB 3.0 §5.2: a VC-JWT is served as text). */
const TEXT_TYPES = new Set(['text/plain', 'application/vc+jwt', 'application/jwt', 'application/jose']);
/** An OB 3.0 credential sent as the body itself. */
const CREDENTIAL_TYPES = new Set(['application/vc+ld+json', 'application/ld+json', 'application/vc']);
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Reads `POST /v2/verify` in any of its forms (design.md §3): JSON `{url}`, `{json}` (an object,
 * a JSON string or a compact JWS), `{jws}`; multipart with an `image` file (or the same text
 * fields); a raw `image/png` / `image/svg+xml` body; and for OB 3.0 the credential itself as the
 * body (`application/vc+ld+json`, or `application/json` when it is a Verifiable Credential) or its
 * VC-JWT as text (`text/plain`, `application/vc+jwt`). Exactly one input; a bad request is a 400
 * that says which field, never a report.
 */
export function readVerifyRequest(body: unknown, contentType: string, query: Record<string, unknown>): VerifyRequest {
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'image/png' || type === 'image/svg+xml') {
    return { input: { image: asImage(body as Buffer) }, recipientProfile: parseExpectedRecipient(query.expected_recipient) };
  }
  if (type === 'multipart/form-data') return fromMultipart(body as Buffer, contentType);
  if (TEXT_TYPES.has(type)) return { input: { json: checkedJson(textInput(body), 'body') }, recipientProfile: parseExpectedRecipient(query.expected_recipient) };
  if (CREDENTIAL_TYPES.has(type)) return { input: { json: checkedCredential(checkedJson(checkedText(body, 'body'), 'body')) }, recipientProfile: parseExpectedRecipient(query.expected_recipient) };
  if (type === 'application/json') {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw ApiError.validation('The body must be a JSON object such as {"url": "https://..."}.');
    const fields = body as Record<string, unknown>;
    // A Verifiable Credential posted as the body itself (none of our fields): the credential is the input.
    if (!INPUT_FIELDS.some((name) => fields[name] !== undefined) && isVerifiableCredential(fields)) {
      return { input: { json: checkedJson(fields, 'body') }, recipientProfile: parseExpectedRecipient(query.expected_recipient) };
    }
    return fromFields(fields);
  }
  throw unsupported();
}

function unsupported(): ApiError {
  return new ApiError(
    415,
    ErrorCode.UnsupportedMediaType,
    'Send JSON ({url} or {json}), multipart/form-data with an image, a raw image/png or image/svg+xml body, an OB 3.0 credential (application/vc+ld+json) or its compact VC-JWT as text.',
  );
}

/** A text body is a compact JWS / VC-JWT (or a URL, or JSON text); any other text is not something we verify. */
function textInput(body: unknown): string {
  const text = checkedText(body, 'body');
  if (!COMPACT_JWS.test(text) && !/^https?:\/\//i.test(text) && !text.startsWith('{')) throw unsupported();
  return text;
}

function fromMultipart(body: Buffer, contentType: string): VerifyRequest {
  const fields: Record<string, unknown> = {};
  let image: Buffer | undefined;
  for (const part of parseMultipart(body, contentType)) {
    if (part.name === 'image') image = part.data;
    else fields[part.name] = part.data.toString('utf8');
  }
  if (!image) return fromFields(fields);
  if (INPUT_FIELDS.some((name) => fields[name] !== undefined)) throw ApiError.validation('Give either an image or one of url/json, not both.', 'image');
  return { input: { image: asImage(image) }, recipientProfile: parseExpectedRecipient(fields.expected_recipient) };
}

function fromFields(fields: Record<string, unknown>): VerifyRequest {
  const given = INPUT_FIELDS.filter((name) => fields[name] !== undefined && fields[name] !== '');
  if (given.length !== 1) {
    throw ApiError.validation(
      given.length === 0 ? 'Nothing to verify: give one of url, json (object, JSON text or compact JWS) or an image.' : `Give only one input; got ${given.join(', ')}.`,
      given[1] ?? 'url',
    );
  }
  const field = given[0];
  const value = fields[field];
  const recipientProfile = parseExpectedRecipient(fields.expected_recipient);
  if (field === 'url') {
    if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim()) || value.length > 2048) {
      throw ApiError.validation('url must be an http(s) URL of at most 2048 characters.', 'url');
    }
    return { input: { url: value.trim() }, recipientProfile };
  }
  if (field === 'jws' && typeof value !== 'string') throw ApiError.validation('jws must be a compact JWS string.', 'jws');
  return { input: { json: checkedJson(value, field) }, recipientProfile };
}

/** `json`/`assertion`/`jws` may be an object or text; JSON text is parsed here so a typo is a 400. */
function checkedJson(value: unknown, field: string): string | Record<string, unknown> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('{')) return text; // a compact JWS or URL: the pipeline detects which
    let parsed: unknown;
    try {
      parsed = parseJsonWithinLimits(text);
    } catch (error) {
      if (error instanceof JsonTooDeepError) throw ApiError.validation(`${field} is nested more than ${MAX_BADGE_JSON_DEPTH} levels deep; no badge is.`, field);
      throw new ApiError(400, ErrorCode.InvalidJson, `${field} is not valid JSON.`, field);
    }
    return checkedJson(parsed, field);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw ApiError.validation(`${field} must be a JSON object, JSON text or a compact JWS.`, field);
  const overBudget = jsonBudgetProblem(value);
  if (overBudget === 'depth') throw ApiError.validation(`${field} is nested more than ${MAX_BADGE_JSON_DEPTH} levels deep; no badge is.`, field);
  if (overBudget === 'values') throw ApiError.validation(`${field} holds more than ${MAX_BADGE_JSON_VALUES} values; no badge is that large.`, field);
  return value as Record<string, unknown>;
}

/** A text body: not empty. */
function checkedText(body: unknown, field: string): string {
  const text = typeof body === 'string' ? body.trim() : Buffer.isBuffer(body) ? body.toString('utf8').trim() : '';
  if (!text) throw ApiError.validation('The body is empty: send the credential, its compact VC-JWT or a badge URL.', field);
  return text;
}

function checkedCredential(value: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof value === 'string') throw ApiError.validation('An application/vc+ld+json body must be the credential as a JSON object.', 'body');
  return value;
}

/** Only PNG and SVG carry baked badges (decided from the bytes, not the declared type). */
function asImage(bytes: Buffer | undefined): Uint8Array {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new ApiError(400, ErrorCode.InvalidImage, 'The image is empty.', 'image');
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  const isSvg = head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--') || head.startsWith('<!DOCTYPE');
  if (!isPng && !isSvg) throw new ApiError(400, ErrorCode.InvalidImage, 'Only PNG and SVG images can carry a baked badge; this file is neither.', 'image');
  return bytes;
}
