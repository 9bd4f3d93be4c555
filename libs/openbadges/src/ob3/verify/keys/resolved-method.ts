import type { MessageText } from '../../../report-texts/message-text';
import type { JsonNode } from '../../../validation/present-values';

/** A verification method found where its id points, with the document of the controller that lists it. */
export interface ResolvedMethod {
  /** The method's id, as the proof (or the JWT's kid) names it. */
  id: string;
  controller: string;
  /** An Ed25519 key as a multibase `z6Mk…`. */
  publicKeyMultibase?: string;
  /** A JWK (Ed25519, or RSA / P-256 for a VC-JWT). */
  publicKeyJwk?: JsonNode;
  controllerDocument: JsonNode;
}

export type Resolution = { ok: true; method: ResolvedMethod } | { ok: false; problem: MessageText };
