import { decodeProtectedHeader } from 'jose';
import { parseJsonWithinLimits } from '../../json/bounded-json';
import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { text, type MessageText } from '../../report-texts/message-text';

export type DecodedJws = { ok: true; alg: string; payload: JsonNode } | { ok: false; reason: MessageText };

/**
 * Read header and payload WITHOUT trusting them: we need the payload to find the issuer and its
 * key before the signature can be checked. Nothing from here is believed until VERIFY_JWS passes.
 */
export function decodeJwsUnverified(jws: string): DecodedJws {
  try {
    const header = decodeProtectedHeader(jws);
    const payloadPart = jws.split('.')[1] ?? '';
    const payload: unknown = parseJsonWithinLimits(Buffer.from(payloadPart, 'base64url').toString('utf8'));
    if (!isJsonNode(payload)) return { ok: false, reason: text('JWS_NOT_OBJECT', {}) };
    return { ok: true, alg: String(header.alg), payload };
  } catch (err) {
    return { ok: false, reason: text('JWS_UNDECODABLE', { reason: (err as Error).message }) };
  }
}
