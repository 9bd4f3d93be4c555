import type { ValidationMessage } from '../validation/messages';
import type { RecipientProfile } from '../validation/recipient-checks';
import type { VerificationStep } from './report-steps';

/**
 * One HTTP answer. The pipeline never does I/O itself: the caller injects the fetcher, so the
 * gateway can plug in its SSRF-safe client (design.md §5) and a cache, and tests can serve files.
 */
export interface FetchedDocument {
  status: number;
  contentType?: string;
  body: string;
}
/**
 * `accept` is set only to ask for another representation than the JSON-LD default: the compact
 * JWS of a signed endorsement (`application/jose`), as signed documents are negotiated here.
 */
export interface FetchOptions {
  accept?: string;
}
export type FetchDocument = (url: string, options?: FetchOptions) => Promise<FetchedDocument>;

/**
 * What to verify. A plain string is auto-detected (URL, JSON text or compact JWS) and a plain
 * object is taken as the badge JSON, matching the gateway's `{url}` / `{json}` inputs.
 */
export type VerifyInput =
  | string
  | { url: string }
  | { json: string | Record<string, unknown> }
  | { jws: string }
  | { image: Uint8Array; contentType?: string }
  | Record<string, unknown>;

export interface VerifyOptions {
  fetchDocument: FetchDocument;
  now?: Date;
  /** Identifiers of the person the badge is expected to belong to (VERIFY_RECIPIENT_IDENTIFIER). */
  recipientProfile?: RecipientProfile;
  /** Check that hosted badge images can be downloaded (IMAGE_VALIDATION). Default true. */
  checkImages?: boolean;
  /** Cap on documents fetched for one verification, so a hostile badge cannot fan out. */
  maxDocuments?: number;
}

export type InputType = 'url' | 'json' | 'jws' | 'png' | 'svg' | 'unknown';

export interface VerificationReport {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  messages: ValidationMessage[];
  /** '2.0', or the version a legacy badge was upgraded from. */
  openBadgesVersion?: string;
  /** Each check by name and how it went (issue #5: every check is a named step). */
  steps?: VerificationStep[];
  /** Each endorsement found on the badge (its Issuer, BadgeClass or Assertion) and its own verdict. */
  endorsements?: EndorsementCheck[];
}

export interface EndorsementCheck {
  /** The Endorsement's id (its hosted URL). */
  id: string;
  /** The document that lists it, which its claim must name. */
  target: string;
  status: 'valid' | 'revoked' | 'unavailable' | 'invalid';
  endorser?: { id: string; name?: string };
  comment?: string;
  issuedOn?: string;
  /** Why it is not valid, in plain language (also in `messages`, as warnings). */
  problems: string[];
}

/** Same shape as the 1EdTech reference validator's output. */
export interface VerificationResult {
  report: VerificationReport;
  graph: Record<string, unknown>[];
  input: { value?: string; input_type: InputType };
}
