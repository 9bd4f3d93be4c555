import type { RecipientProfile } from '../../validation/recipient-checks';
import type { MessageText } from '../../report-texts/message-text';
import type { FetchDocument } from '../../verification/types';

/** A credential as given: the JSON object, its JSON text, or the compact VC-JWT. */
export type CredentialInput = Record<string, unknown> | string;

/** Where the input came from, for the report's `input` echo (image bytes are never echoed). */
export type CredentialSource = { type: 'json' | 'jws' } | { type: 'url'; url: string } | { type: 'png' | 'svg' };

export interface RevocationDetails {
  reason?: string;
  /** When it was revoked (an ISO date or date-time). */
  date?: string;
}

export interface VerifyCredentialOptions {
  /** Every network access goes through here (SSRF-safe and cached in the service), as for 2.0. */
  fetchDocument: FetchDocument;
  now?: Date;
  /** Identifiers of the person the badge is expected to belong to (VERIFY_RECIPIENT_IDENTIFIER). */
  recipientProfile?: RecipientProfile;
  /**
   * Hosts (`host` or `host:port`, as the DID names them) whose did:web documents are read over
   * plain http instead of https: only this platform's own http PUBLIC_URL (development, tests).
   */
  didWebHttpHosts?: readonly string[];
  /**
   * A status list says only "revoked". For a credential of this platform the service can tell why:
   * it looks the revocation up in the issuer's data by the credential's id.
   */
  revocationDetails?: (credentialId: string) => Promise<RevocationDetails | undefined>;
  /** Cap on documents fetched for one verification (keys, DID documents, status lists). */
  maxDocuments?: number;
  source?: CredentialSource;
}

/** One finding of a check, before it is tied to the credential it is about. */
export interface Finding {
  code: string;
  level: 'ERROR' | 'WARNING';
  text: MessageText;
  property?: string;
}

export const failure = (code: string, text: MessageText, property?: string): Finding => ({ code, level: 'ERROR', text, ...(property ? { property } : {}) });
export const caution = (code: string, text: MessageText, property?: string): Finding => ({ code, level: 'WARNING', text, ...(property ? { property } : {}) });
