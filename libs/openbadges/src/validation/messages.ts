import type { MessageCode, MessageParams, MessageText } from '../report-texts/message-text';
import { renderText } from '../report-texts/render';

/**
 * Message codes are the reference validator's task names (openbadges-validator-core), so reports
 * can be compared with it and clients can key on them. They are a public contract: never rename.
 */
export const TaskCode = {
  DETECT_INPUT_TYPE: 'DETECT_INPUT_TYPE',
  REPORT_MESSAGE: 'REPORT_MESSAGE',
  FETCH_HTTP_NODE: 'FETCH_HTTP_NODE',
  JSONLD_COMPACT_DATA: 'JSONLD_COMPACT_DATA',
  DETECT_AND_VALIDATE_NODE_CLASS: 'DETECT_AND_VALIDATE_NODE_CLASS',
  VALIDATE_PROPERTY: 'VALIDATE_PROPERTY',
  VALIDATE_RDF_TYPE_PROPERTY: 'VALIDATE_RDF_TYPE_PROPERTY',
  IDENTITY_OBJECT_PROPERTY_DEPENDENCIES: 'IDENTITY_OBJECT_PROPERTY_DEPENDENCIES',
  CRITERIA_PROPERTY_DEPENDENCIES: 'CRITERIA_PROPERTY_DEPENDENCIES',
  ISSUER_PROPERTY_DEPENDENCIES: 'ISSUER_PROPERTY_DEPENDENCIES',
  IMAGE_VALIDATION: 'IMAGE_VALIDATION',
  ASSERTION_TIMESTAMP_CHECKS: 'ASSERTION_TIMESTAMP_CHECKS',
  ASSERTION_VERIFICATION_DEPENDENCIES: 'ASSERTION_VERIFICATION_DEPENDENCIES',
  HOSTED_ID_IN_VERIFICATION_SCOPE: 'HOSTED_ID_IN_VERIFICATION_SCOPE',
  VERIFY_RECIPIENT_IDENTIFIER: 'VERIFY_RECIPIENT_IDENTIFIER',
  /** Not in the released validator: hosted URL answers 410 Gone (name from its PR #246). */
  PROCESS_410_GONE: 'PROCESS_410_GONE',
  /** Ours: a hosted document that says `"revoked": true`. */
  ASSERTION_NOT_REVOKED: 'ASSERTION_NOT_REVOKED',
  VERIFY_JWS: 'VERIFY_JWS',
  VERIFY_KEY_OWNERSHIP: 'VERIFY_KEY_OWNERSHIP',
  VERIFY_SIGNED_ASSERTION_NOT_REVOKED: 'VERIFY_SIGNED_ASSERTION_NOT_REVOKED',
  /**
   * Ours: a linked Endorsement that was withdrawn (410 / `revoked`), could not be fetched, vouches
   * for another document, or is hosted outside its endorser's policy. Warnings: a third party's
   * endorsement going away does not make the badge itself invalid (validator PR #246).
   */
  ENDORSEMENT_REVOKED: 'ENDORSEMENT_REVOKED',
  ENDORSEMENT_UNAVAILABLE: 'ENDORSEMENT_UNAVAILABLE',
  ENDORSEMENT_CLAIM_MISMATCH: 'ENDORSEMENT_CLAIM_MISMATCH',
  ENDORSEMENT_NOT_VERIFIED: 'ENDORSEMENT_NOT_VERIFIED',
  /** Ours: a signed endorsement whose signed form is missing, unreadable, not the same endorsement, or whose signature fails. */
  ENDORSEMENT_SIGNATURE_INVALID: 'ENDORSEMENT_SIGNATURE_INVALID',
  /** Ours: a signed endorsement's key is not listed by its endorser Profile, or does not name it as `owner`. */
  ENDORSEMENT_KEY_NOT_OWNED: 'ENDORSEMENT_KEY_NOT_OWNED',
  /** Ours: pasted badge JSON (or JSON baked in an image) that differs from the copy hosted at its id. A warning: the hosted copy is the one checked. */
  HOSTED_COPY_DIFFERS: 'HOSTED_COPY_DIFFERS',
} as const;
export type TaskCodeName = (typeof TaskCode)[keyof typeof TaskCode];

export type MessageLevel = 'ERROR' | 'WARNING';

export interface ValidationMessage {
  /** Stable machine code (a TaskCode, or any validator task name). */
  code: string;
  level: MessageLevel;
  /** Id of the node concerned (or a path such as `<id> > alignment[0]` for embedded nodes). */
  node?: string;
  property?: string;
  /** Plain-language explanation a non-expert can act on, in the language the report was asked in (English by default). */
  message: string;
  /** Which sentence `message` is (report-texts/message-text.ts), so it can be told in another language. */
  messageCode?: MessageCode;
  params?: MessageParams;
}

export function error(code: string, text: MessageText, node?: string, property?: string): ValidationMessage {
  return stripUndefined({ code, level: 'ERROR', node, property, message: renderText(text), ...text });
}

export function warning(code: string, text: MessageText, node?: string, property?: string): ValidationMessage {
  return stripUndefined({ code, level: 'WARNING', node, property, message: renderText(text), ...text });
}

function stripUndefined(m: ValidationMessage): ValidationMessage {
  if (m.node === undefined) delete m.node;
  if (m.property === undefined) delete m.property;
  return m;
}
