import { decodeProtectedHeader } from 'jose';

import { JsonTooDeepError, parseJsonWithinLimits } from '../../json/bounded-json';
import { text } from '../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { jsonBudgetProblem, MAX_BADGE_JSON_DEPTH, MAX_BADGE_JSON_VALUES } from '../../verification/json-depth';
import { Ob3Code } from './codes';
import { MAX_JWT_CHARS } from './limits';
import { failure, type CredentialInput, type Finding } from './types';

/** The W3C Verifiable Credentials contexts: 2.0 (current) and 1.1 (OB 3.0 credentials issued before VC 2.0). */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A compact VC-JWT, decoded but not yet believed: nothing in it counts until its signature checks out. */
export interface CredentialJwt {
  token: string;
  header: JsonNode;
  payload: JsonNode;
  /** True when the credential is the payload's `vc` claim (VC 1.1 JWT), false when it is the payload. */
  inVcClaim: boolean;
}

export type ReadCredential = { ok: true; credential: JsonNode; jwt?: CredentialJwt } | { ok: false; finding: Finding };

/** DETECT_INPUT_TYPE for OB 3.0: the credential object, from an object, JSON text or a compact VC-JWT. */
export function readCredentialInput(input: CredentialInput): ReadCredential {
  if (typeof input !== 'string') return fromObject(input);
  const value = input.trim();
  if (value.startsWith('{')) {
    try {
      return fromObject(parseJsonWithinLimits(value));
    } catch (error) {
      return refuse(error instanceof JsonTooDeepError ? text('INPUT_JSON_TOO_DEEP', { maxDepth: error.maxDepth }) : text('INPUT_JSON_UNPARSEABLE', {}));
    }
  }
  if (value.length <= MAX_JWT_CHARS && COMPACT_JWT.test(value)) return fromJwt(value);
  return refuse(text('INPUT_UNRECOGNISED', {}));
}

/**
 * Whether untrusted input is an OB 3.0 credential rather than a 2.0 badge, without verifying it:
 * a Verifiable Credential object (its type or first context says so), its JSON text, or a compact
 * JWT whose payload holds one. Used to route a verification; 2.0 input is left to the 2.0 pipeline.
 */
export function isCredentialInput(input: unknown): input is CredentialInput {
  if (isJsonNode(input)) return isVerifiableCredential(input);
  if (typeof input !== 'string') return false;
  const read = readCredentialInput(input);
  return read.ok && isVerifiableCredential(read.credential);
}

/** A Verifiable Credential by its own say-so: `VerifiableCredential` in its type, or a VC context first. */
export function isVerifiableCredential(node: JsonNode): boolean {
  const [first] = asArray(node['@context']);
  return asArray(node.type).includes('VerifiableCredential') || first === VC_V2_CONTEXT || first === VC_V1_CONTEXT;
}

function fromObject(value: unknown): ReadCredential {
  if (!isJsonNode(value)) return refuse(text('VC_INPUT_NOT_CREDENTIAL', {}));
  const overBudget = jsonBudgetProblem(value);
  if (overBudget) return refuse(overBudget === 'depth' ? text('INPUT_JSON_TOO_DEEP', { maxDepth: MAX_BADGE_JSON_DEPTH }) : text('VC_INPUT_TOO_LARGE', { maxValues: MAX_BADGE_JSON_VALUES }));
  return { ok: true, credential: value };
}

function fromJwt(token: string): ReadCredential {
  let header: JsonNode;
  let payload: unknown;
  try {
    header = decodeProtectedHeader(token) as JsonNode;
    payload = parseJsonWithinLimits(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  } catch (error) {
    return refuse(text('VC_JWT_UNDECODABLE', { reason: (error as Error).message }));
  }
  if (!isJsonNode(payload)) return refuse(text('VC_JWT_NO_CREDENTIAL', {}));
  const inVcClaim = isJsonNode(payload.vc);
  const credential = inVcClaim ? (payload.vc as JsonNode) : payload;
  if (!inVcClaim && credential['@context'] === undefined) return refuse(text('VC_JWT_NO_CREDENTIAL', {}));
  const read = fromObject(credential);
  return read.ok ? { ...read, jwt: { token, header, payload, inVcClaim } } : read;
}

function refuse(reason: Parameters<typeof failure>[1]): ReadCredential {
  return { ok: false, finding: failure(Ob3Code.DETECT_INPUT_TYPE, reason) };
}
