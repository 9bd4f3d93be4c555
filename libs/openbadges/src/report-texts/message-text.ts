/*
 * A report sentence as data: a stable message code and the values it names. The sentence itself
 * is rendered from a language's catalogue (en.ts, fr.ts), so the same report can be told in the
 * reader's language. Browser-safe: no Node APIs, nothing that runs but plain functions.
 */

/** A value a sentence names: text shown as given (a URL, a date, a reason), or nested sentences. */
export type ParamValue = string | number | readonly MessageText[];
export type MessageParams = Readonly<Record<string, ParamValue>>;

export interface MessageText {
  /** Stable key into the catalogues (see MESSAGE_PARAMS); never renamed once published. */
  messageCode: MessageCode;
  params: MessageParams;
}

/**
 * Every message code and the params its sentence names. Both catalogues must render each code
 * from exactly these params (catalogs.spec.ts checks it). Params listed in ENUM_PARAMS take one
 * of a few known values that the catalogue words itself (`advice`: a fetcher error code).
 */
export const MESSAGE_PARAMS = {
  INPUT_JSON_NOT_OBJECT: [],
  INPUT_JSON_TOO_DEEP: ['maxDepth'],
  INPUT_JSON_UNPARSEABLE: [],
  INPUT_UNRECOGNISED: [],
  INPUT_IMAGE_UNRECOGNISED: [],
  IMAGE_UNREADABLE: ['kind', 'reason'],
  IMAGE_NOT_BAKED: ['kind'],
  IMAGE_PAYLOAD_UNRECOGNISED: ['kind'],
  JSON_NOT_VERIFIABLE: [],
  TOO_MANY_DOCUMENTS: ['url', 'limit'],
  FETCH_FAILED: ['url', 'reason', 'advice'],
  FETCH_HTTP_STATUS: ['url', 'status'],
  DOCUMENT_NOT_JSON: ['url'],
  DOCUMENT_NOT_OBJECT: ['url'],
  DOCUMENT_TOO_DEEP: ['url', 'maxDepth'],
  DOCUMENT_TOO_LARGE: ['url', 'maxValues'],
  DOCUMENT_LEGACY_UPGRADED: ['url', 'version'],
  DOCUMENT_UNKNOWN_CONTEXT: ['url', 'context'],
  DOCUMENT_NOT_JSONLD: ['url', 'reason'],
  DOCUMENT_ID_DIFFERS: ['url', 'declaredId'],
  DOCUMENT_ID_DIFFERS_AGAIN: ['url', 'declaredId'],
  EMBEDDED_WITHOUT_ID: ['property', 'parent', 'assignedId'],
  LINK_NOT_URL: ['property', 'link'],
  REVOKED: ['issuer', 'date', 'reason'],
  REVOKED_GONE: ['revocation', 'url'],
  REVOKED_LISTED: ['revocation', 'list'],
  REVOCATION_LIST_UNAVAILABLE: ['list'],
  JWS_UNUSABLE: ['reason'],
  JWS_NOT_OBJECT: [],
  JWS_UNDECODABLE: ['reason'],
  JWS_ALGORITHM_REFUSED: ['alg'],
  SIGNATURE_ISSUER_UNAVAILABLE: [],
  SIGNATURE_KEY_NOT_LISTED: ['key'],
  SIGNATURE_KEY_NOT_OWNED: ['key', 'issuer'],
  SIGNATURE_NO_KEYS: [],
  SIGNATURE_INVALID: ['reasons'],
  IMAGE_NOT_DOWNLOADABLE: ['url', 'status'],
  ENDORSEMENT_WITHDRAWN: ['endorsement', 'reason'],
  ENDORSEMENT_LINK_WITHDRAWN: ['endorsement'],
  ENDORSEMENT_LINK_UNAVAILABLE: ['endorsement', 'details'],
  ENDORSEMENT_CLAIMS_OTHER: ['endorsement', 'claim', 'target'],
  ENDORSEMENT_CLAIMS_NOTHING: ['endorsement', 'target'],
  ENDORSEMENT_ENDORSER_UNAVAILABLE: ['endorsement'],
  ENDORSEMENT_OUT_OF_SCOPE: ['endorsement', 'details'],
  ENDORSEMENT_SIGNED_FORM_UNAVAILABLE: ['endorsement', 'reason', 'details'],
  ENDORSEMENT_SIGNED_FORM_UNUSABLE: ['endorsement', 'reason', 'details'],
  ENDORSEMENT_ALGORITHM_REFUSED: ['endorsement', 'alg', 'details'],
  ENDORSEMENT_SIGNED_FORM_DIFFERS: ['endorsement', 'details'],
  ENDORSEMENT_KEY_NOT_LISTED: ['endorsement', 'key', 'endorser', 'details'],
  ENDORSEMENT_KEY_NOT_OWNED: ['endorsement', 'key', 'endorser', 'details'],
  ENDORSEMENT_NO_KEYS: ['endorsement', 'details'],
  ENDORSEMENT_SIGNATURE_INVALID: ['endorsement', 'reasons', 'details'],
  ENDORSEMENT_REVOCATION_LIST_UNAVAILABLE: ['endorsement', 'list', 'details'],
  HOSTED_ID_NOT_URL: [],
  HOSTED_ISSUER_WITHOUT_URL: [],
  HOSTED_OUTSIDE_ORIGINS: ['host', 'allowed'],
  HOSTED_OUTSIDE_PREFIXES: ['allowed'],
  CRITERIA_EMPTY: [],
  BADGE_WITHOUT_IMAGE: [],
  ASSERTION_IMAGE_DATA_URI: [],
  IMAGE_TYPE_REFUSED: ['mediaType'],
  RECIPIENT_NONE_GIVEN: ['type'],
  RECIPIENT_MISMATCH: ['type'],
  PROPERTY_MISSING: ['property'],
  PROPERTY_HAS_NULL: ['property'],
  PROPERTY_TOO_MANY: ['property', 'count'],
  PROPERTY_WRONG_TYPE: ['property', 'value', 'valueType'],
  TYPE_UNKNOWN: ['value'],
  TYPE_NOT_EXPECTED: ['value', 'expected'],
  PROPERTY_NOT_LINK_OR_OBJECT: ['property', 'value'],
  PROPERTY_DATA_URI_REFUSED: ['property'],
  PROPERTY_MUST_EMBED: ['property', 'value'],
  PROPERTY_NOT_IRI: ['property', 'value'],
  NODE_WRONG_CLASS: ['expected'],
  NODE_TYPE_MISSING: [],
  VERIFICATION_MISSING: [],
  ISSUER_NOT_URL: [],
  ISSUED_IN_FUTURE: ['issuedOn'],
  EXPIRES_BEFORE_ISSUED: ['expires', 'issuedOn'],
  EXPIRED: ['expires'],
  IDENTITY_NOT_HASH: ['identity'],
  IDENTITY_LOOKS_HASHED: [],
  IDENTITY_NOT_EMAIL: ['identity'],
  IDENTITY_NOT_URL: [],
  IDENTITY_NOT_TELEPHONE: [],
  COPY_DIFFERS_FROM_HOSTED: ['fields'],
  INTERNAL_FAILURE: [],
  SIGNED_JSON_NEEDS_JWS: [],
  // Open Badges 3.0 (Verifiable Credentials)
  VC_INPUT_NOT_CREDENTIAL: [],
  VC_INPUT_TOO_LARGE: ['maxValues'],
  VC_JWT_UNDECODABLE: ['reason'],
  VC_JWT_NO_CREDENTIAL: [],
  VC_CONTEXT_MISSING: [],
  VC_CONTEXT_FIRST: ['context'],
  VC_CONTEXT_V1: [],
  VC_CONTEXT_NO_OB: [],
  VC_CONTEXT_OLD_OB: ['context'],
  VC_TYPE_MISSING: ['expected'],
  VC_UNKNOWN_CONTEXT: ['context'],
  VC_JSONLD_DROPPED: ['property'],
  VC_JSONLD_UNDEFINED_TYPE: ['type'],
  VC_JSONLD_INVALID: ['reason'],
  VC_SCHEMA_MISMATCH: ['path', 'problem'],
  VC_SCHEMA_NOT_FETCHED: ['schema'],
  VC_SCHEMA_SINGLE_VALUE: ['path'],
  VC_PROOF_MISSING: [],
  VC_PROOF_TOO_MANY: ['count', 'limit'],
  VC_PROOF_UNSUPPORTED: ['type'],
  VC_PROOF_LEGACY: ['type'],
  VC_PROOF_INVALID: ['reason'],
  VC_PROOF_NOT_CHECKED: ['reason'],
  VC_PROOF_NOT_CHECKED_JSONLD: [],
  VC_KEY_NOT_URI: ['method'],
  VC_KEY_SCHEME_REFUSED: ['method', 'scheme'],
  VC_KEY_DID_METHOD_REFUSED: ['method', 'didMethod'],
  VC_KEY_BARE_DID: ['method'],
  VC_KEY_NOT_FOUND: ['method', 'document'],
  VC_KEY_NOT_ASSERTION: ['method', 'controller'],
  VC_KEY_UNUSABLE: ['method'],
  VC_DID_DOCUMENT_MISMATCH: ['did', 'url'],
  VC_JWT_ALGORITHM_REFUSED: ['alg'],
  VC_JWT_NO_KEY: [],
  VC_JWT_CLAIM_MISSING: ['claim'],
  VC_JWT_CLAIM_MISMATCH: ['claim', 'value', 'expected'],
  VC_ISSUER_MISSING: [],
  VC_KEY_NOT_ISSUERS: ['method', 'controller', 'issuer'],
  VC_KEY_EMBEDDED: [],
  VC_KEY_OUTSIDE_ISSUER: ['key', 'issuer'],
  VC_REVOKED_IN_LIST: ['issuer', 'list'],
  VC_SUSPENDED_IN_LIST: ['list'],
  VC_STATUS_UNSUPPORTED: ['type'],
  VC_STATUS_ENTRY_INVALID: ['property'],
  VC_STATUS_TOO_MANY: ['count', 'limit'],
  VC_STATUS_UNAVAILABLE: ['list', 'details'],
  VC_STATUS_LIST_NOT_LIST: [],
  VC_STATUS_LIST_WRONG_ISSUER: ['issuer', 'expected'],
  VC_STATUS_LIST_TOO_LARGE: ['limit'],
  VC_STATUS_LIST_UNDECODABLE: [],
  VC_STATUS_INDEX_OUT_OF_RANGE: ['index', 'length'],
  VC_STATUS_PURPOSE_MISMATCH: ['purpose', 'listPurpose'],
  VC_STATUS_LIST_EXPIRED: ['validUntil'],
  VC_NOT_YET_VALID: ['validFrom'],
  VC_DATE_INVALID: ['property', 'value'],
  VC_ENDORSEMENT_PROBLEM: ['endorsement', 'details'],
  VC_ENDORSEMENT_REVOKED: ['endorsement'],
  VC_ENDORSEMENT_TOO_MANY: ['count', 'limit'],
  VC_ENDORSEMENT_OTHER_SUBJECT: ['endorsement', 'subject', 'target'],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof MESSAGE_PARAMS;

/** Params whose value is a code the catalogue words itself, not text shown as given. */
export const ENUM_PARAMS: Readonly<Record<string, readonly string[]>> = {
  advice: ['', 'blocked_address', 'redirect_blocked', 'unsupported_scheme', 'dns_failure', 'connect_timeout', 'timeout', 'network_error', 'too_large', 'too_many_redirects'],
  valueType: ['TEXT', 'MARKDOWN_TEXT', 'BOOLEAN', 'IRI', 'URL', 'DATETIME', 'EMAIL', 'TELEPHONE', 'URL_AUTHORITY', 'COMPACT_IRI'],
};

/** Params holding nested sentences (rendered in the same language, joined by a space). */
export const NESTED_PARAMS: readonly string[] = ['revocation', 'details'];

export function text<C extends MessageCode>(messageCode: C, params: Record<(typeof MESSAGE_PARAMS)[C][number], ParamValue>): MessageText {
  return { messageCode, params };
}

/** The sentences of already-made messages, to nest in another one (messages made before codes had none: skipped). */
export function textsOf(messages: readonly { messageCode?: MessageCode; params?: MessageParams }[]): MessageText[] {
  return messages.flatMap((m) => (m.messageCode ? [{ messageCode: m.messageCode, params: m.params ?? {} }] : []));
}
