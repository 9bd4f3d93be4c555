/**
 * Badgr API v2 response envelope, and our error body.
 *
 * Badgr (`entity/serializers.py`, `BaseSerializerV2.response_envelope`) wraps every v2
 * response, single objects included, as
 *   `{ "status": { "success": true, "description": "ok" }, "result": [ ... ] }`
 * and every error as
 *   `{ "status": { "success": false, "description": "bad request" }, "result": [],
 *      "fieldErrors": {...}, "validationErrors": [...] }`.
 * We keep all of that (Badgr clients read `result`, `fieldErrors`, `validationErrors`)
 * and add `error: { code, message, field? }` with a stable machine code.
 */
import { z } from 'zod';

export const V2StatusSchema = z.object({
  success: z.boolean(),
  description: z.string().describe('Badgr\'s description of the outcome: "ok", "bad request", …'),
});
export type V2Status = z.output<typeof V2StatusSchema>;

/** Badgr cursor pagination info (`pagination` key, present on cursor-paginated lists only). */
export const V2PaginationSchema = z.object({
  nextResults: z.string().nullish(),
  previousResults: z.string().nullish(),
});
export type V2Pagination = z.output<typeof V2PaginationSchema>;

/** `status` of every successful v2 answer (OpenAPI component `Status`). */
export const V2SuccessStatusSchema = z.object({
  success: z.literal(true),
  description: z.string().meta({ example: 'ok' }),
});

/** `{status, result: [item, …], pagination?}`: the envelope of a successful v2 answer. */
export function v2SuccessEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    status: V2SuccessStatusSchema,
    result: z.array(item).describe('Always a list, even for a single object.'),
    pagination: V2PaginationSchema.optional(),
  });
}
export type V2SuccessEnvelope<T> = z.output<ReturnType<typeof v2SuccessEnvelopeSchema<z.ZodType<T>>>>;

/** Stable error codes of the institution API. Never rename one; add new ones instead. */
export const API_ERROR_CODES = {
  validation_failed: { status: 400, description: 'bad request' },
  invalid_json: { status: 400, description: 'bad request' },
  invalid_image: { status: 400, description: 'bad request' },
  unsupported_grant_type: { status: 400, description: 'bad request' },
  invalid_client: { status: 401, description: 'invalid client credentials' },
  unauthorized: { status: 401, description: 'no valid auth token found' },
  bad_request: { status: 400, description: 'bad request' },
  already_revoked: { status: 400, description: 'bad request' },
  /** Endorsing a revoked assertion, or an institution endorsing its own entity. */
  target_revoked: { status: 400, description: 'bad request' },
  self_endorsement: { status: 400, description: 'bad request' },
  /** DELETE of an issuer or badge class that still has assertions (Badgr: 400, ProtectedError). */
  in_use: { status: 400, description: 'bad request' },
  /** Badgr answers 404 (not 403) when the caller lacks privileges on an entity. */
  forbidden: { status: 404, description: 'entity not found or insufficient privileges' },
  not_found: { status: 404, description: 'entity not found or insufficient privileges' },
  /** The OB 2.0 form of an award made in OB 3.0 only (decision 0048): its credential is at the `Link` header's URL, also in the message. */
  ob3_only: { status: 404, description: 'entity not found or insufficient privileges' },
  method_not_allowed: { status: 405, description: 'miscellaneous error' },
  conflict: { status: 409, description: 'miscellaneous error' },
  /** Approving before PUT /v2/endorsers/self: an Endorsement needs its endorser's Profile. */
  endorser_profile_required: { status: 409, description: 'miscellaneous error' },
  /** The client took too long to send its request (the server's request timeout). */
  request_timeout: { status: 408, description: 'miscellaneous error' },
  payload_too_large: { status: 413, description: 'miscellaneous error' },
  /** A path segment longer than the router takes (100 characters). */
  uri_too_long: { status: 414, description: 'miscellaneous error' },
  unsupported_media_type: { status: 415, description: 'miscellaneous error' },
  rate_limited: { status: 429, description: 'miscellaneous error' },
  /** The request line and headers together exceed the server's limit (16 KiB). */
  headers_too_large: { status: 431, description: 'miscellaneous error' },
  internal_error: { status: 500, description: 'miscellaneous error' },
  service_unavailable: { status: 503, description: 'miscellaneous error' },
  /** Passport: a learner sign-in with an unknown username or a wrong password (never says which). */
  invalid_credentials: { status: 401, description: 'invalid username or password' },
  /** Passport: an email confirmation token that is unknown, used or expired. */
  invalid_confirmation: { status: 400, description: 'bad request' },
  /** Passport: a public share link that its owner revoked, or whose badge was revoked. */
  gone: { status: 410, description: 'entity no longer available' },
  /** Passport import: the verifier found the badge invalid; `fieldErrors.import` lists its reasons. */
  import_failed: { status: 400, description: 'bad request' },
  /** Passport import: the badge's recipient is none of the learner's verified identifiers. */
  recipient_mismatch: { status: 400, description: 'bad request' },
  /** Badge Connect (OAuth2): an authorization code or refresh token that is invalid, used, expired, or fails PKCE. */
  invalid_grant: { status: 400, description: 'bad request' },
  /** Badge Connect: a scope the client did not register. */
  invalid_scope: { status: 400, description: 'bad request' },
  /** The caller's institution is suspended by the province's operator: no sign-in, no API call (its public badges stay verifiable). */
  institution_suspended: { status: 403, description: 'insufficient privileges' },
  /** Badge Connect: the access token lacks the scope the route needs. */
  insufficient_scope: { status: 403, description: 'insufficient scope' },
  /** SSO settings whose issuer does not answer OpenID Connect discovery (in time, or at all). */
  sso_discovery_failed: { status: 422, description: 'miscellaneous error' },
  /** A password sign-in of a person whose institution signs its people in only through its SSO. */
  sso_required: { status: 403, description: 'miscellaneous error' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

/** Every code, sorted: the `error.code` enum of the OpenAPI `ErrorEnvelope`. */
export const DOCUMENTED_ERROR_CODES = (Object.keys(API_ERROR_CODES) as ApiErrorCode[]).sort();

export const ApiErrorSchema = z.object({
  // Typed as a string: a client must survive a code added after it was built (codes are only ever
  // added); the documented list is the enum.
  code: z.string().meta({ enum: DOCUMENTED_ERROR_CODES, description: 'Stable machine code; branch on it.' }),
  message: z.string().describe('Plain-language explanation.'),
  field: z.string().optional().describe('Dotted path of the offending field, e.g. `recipient.identity`, `alignments.0.targetUrl`.'),
});
export type ApiError = z.output<typeof ApiErrorSchema>;

export const V2ErrorEnvelopeSchema = z
  .object({
    status: z.object({ success: z.literal(false), description: z.string().meta({ example: 'bad request' }) }),
    result: z.array(z.never()).max(0).describe('Always `[]`; Badgr sends it on errors too.'),
    error: ApiErrorSchema,
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Messages per dotted field path (Badgr nests DRF errors; we flatten to dotted keys).'),
    validationErrors: z.array(z.string()).optional().describe('Errors that belong to no single field (Badgr `non_field_errors`).'),
  })
  .describe('Every 4xx/5xx answer. Branch on `error.code`; it is stable (codes are only ever added).');
export type V2ErrorEnvelope = z.output<typeof V2ErrorEnvelopeSchema>;

export type V2Envelope<T> = V2SuccessEnvelope<T> | V2ErrorEnvelope;

/** `{status:{success:true, description}, result:[...]}`; a single object becomes a one-item list. */
export function successEnvelope<T>(result: T | readonly T[], description = 'ok'): V2SuccessEnvelope<T> {
  const list: T[] = Array.isArray(result) ? [...(result as readonly T[])] : [result as T];
  return { status: { success: true, description }, result: list };
}

export interface ErrorEnvelopeInput {
  code: ApiErrorCode | (string & {});
  message: string;
  field?: string;
  /** Defaults to the Badgr description of `code` ('bad request', 'no valid auth token found', …). */
  description?: string;
  fieldErrors?: Record<string, string[]>;
  validationErrors?: string[];
}

/** Badgr's `status.description` for a code; 'miscellaneous error' for codes we do not know. */
export function describeErrorCode(code: string): string {
  return (API_ERROR_CODES as Record<string, { description: string }>)[code]?.description ?? 'miscellaneous error';
}

/** HTTP status for a code; 400 for codes we do not know. */
export function httpStatusForErrorCode(code: string): number {
  return (API_ERROR_CODES as Record<string, { status: number }>)[code]?.status ?? 400;
}

export function errorEnvelope(input: ErrorEnvelopeInput): V2ErrorEnvelope {
  const error: ApiError = { code: input.code, message: input.message };
  if (input.field !== undefined) error.field = input.field;
  const body: V2ErrorEnvelope = {
    status: { success: false, description: input.description ?? describeErrorCode(input.code) },
    result: [],
    error,
  };
  if (input.fieldErrors !== undefined) body.fieldErrors = input.fieldErrors;
  if (input.validationErrors !== undefined) body.validationErrors = input.validationErrors;
  return body;
}

export interface FormattedZodError {
  code: 'validation_failed';
  /** The first issue, prefixed by its field: `recipient.identity: Enter a valid email address.` */
  message: string;
  /** Dotted path of the first field issue; absent when the only issues are about the whole body. */
  field?: string;
  fieldErrors: Record<string, string[]>;
  /** Issues about the whole body (empty path). */
  validationErrors: string[];
}

/** `['alignments', 0, 'targetUrl']` -> `alignments.0.targetUrl`. */
export function dottedPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => (typeof key === 'symbol' ? key.description ?? '' : String(key))).join('.');
}

/** Turn a ZodError into our validation error shape, with dotted field paths. */
export function formatZodError(err: z.ZodError): FormattedZodError {
  const fieldErrors: Record<string, string[]> = {};
  const validationErrors: string[] = [];
  let field: string | undefined;
  let message: string | undefined;

  for (const issue of err.issues) {
    const path = dottedPath(issue.path);
    if (path === '') {
      validationErrors.push(issue.message);
      message ??= issue.message;
      continue;
    }
    (fieldErrors[path] ??= []).push(issue.message);
    if (field === undefined) {
      field = path;
      // A field issue is more actionable than a body-level one: it wins the headline.
      message = `${path}: ${issue.message}`;
    }
  }

  const formatted: FormattedZodError = {
    code: 'validation_failed',
    message: message ?? 'Invalid request body.',
    fieldErrors,
    validationErrors,
  };
  if (field !== undefined) formatted.field = field;
  return formatted;
}

/** The full 400 body for a ZodError. */
export function validationErrorEnvelope(err: z.ZodError): V2ErrorEnvelope {
  const formatted = formatZodError(err);
  return errorEnvelope({
    code: formatted.code,
    message: formatted.message,
    field: formatted.field,
    fieldErrors: formatted.fieldErrors,
    validationErrors: formatted.validationErrors,
  });
}

/**
 * Per-parse messages in Badgr's wording for the generic cases ("This field is required.").
 * Messages set on a schema take precedence over this map.
 */
export const badgrErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'This field is required.';
    if (issue.input === null) return 'This field may not be null.';
    switch (issue.expected) {
      case 'string':
        return 'Not a valid string.';
      case 'boolean':
        return 'Must be a valid boolean.';
      case 'number':
      case 'int':
        return 'A valid integer is required.';
      case 'array':
        return `Expected a list of items but got type "${jsonTypeOf(issue.input)}".`;
      case 'object':
        return `Invalid data. Expected a dictionary, but got ${jsonTypeOf(issue.input)}.`;
      default:
        return undefined;
    }
  }
  if (issue.code === 'invalid_value') return `Must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  return undefined;
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'dict';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; error: V2ErrorEnvelope; zodError: z.ZodError };

/**
 * Validate a request part against a contract: the parsed value (unknown fields stripped,
 * defaults applied), or the ready-to-send 400 body. The one validation path: controllers call it
 * through service-kit's `parseWith`, the contract tests through `testing/fixtures`, so both see
 * the same body. An absent body (Fastify's `undefined`, or JSON `null`) is read as `{}`, so the
 * caller hears which fields are required rather than that the body is missing.
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input ?? {}, { error: badgrErrorMap });
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: validationErrorEnvelope(result.error), zodError: result.error };
}
