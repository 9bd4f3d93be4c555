import type { RecipientProfile } from '../validation/recipient-checks';

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
