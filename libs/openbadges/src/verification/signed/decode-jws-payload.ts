import { decodeProtectedHeader } from 'jose';
import { parseJsonWithinLimits } from '../../json/bounded-json';
import { isJsonNode, type JsonNode } from '../../validation/present-values';

export type DecodedJws = { ok: true; alg: string; payload: JsonNode } | { ok: false; reason: string };

/**
 * Read header and payload WITHOUT trusting them: we need the payload to find the issuer and its
 * key before the signature can be checked. Nothing from here is believed until VERIFY_JWS passes.
 */
export function decodeJwsUnverified(jws: string): DecodedJws {
  try {
    const header = decodeProtectedHeader(jws);
    const payloadPart = jws.split('.')[1] ?? '';
    const payload: unknown = parseJsonWithinLimits(Buffer.from(payloadPart, 'base64url').toString('utf8'));
    if (!isJsonNode(payload)) return { ok: false, reason: 'the signed content is not a JSON object' };
    return { ok: true, alg: String(header.alg), payload };
  } catch (err) {
    return { ok: false, reason: `it could not be decoded (${(err as Error).message})` };
  }
}
