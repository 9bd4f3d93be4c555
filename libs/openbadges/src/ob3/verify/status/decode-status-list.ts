import { gunzipSync } from 'node:zlib';

import { text, type MessageText } from '../../../report-texts/message-text';
import { MAX_STATUS_LIST_BYTES } from '../limits';
import { digitalBazaar } from '../proof/digital-bazaar';

/** Every GZIP stream starts with 1f 8b 08, which base64 writes `H4sI`. */
const GZIP_BASE64 = 'H4sI';

export interface StatusBits {
  length: number;
  isSet(index: number): boolean;
}

/**
 * A status list's `encodedList`: multibase base64url (`u…`; StatusList2021 lists omit the `u`) of a
 * GZIP stream of the bits, index 0 the left-most bit (`@digitalbazaar/bitstring`). The list is
 * attacker-controlled: it is inflated with zlib's own output cap, so a decompression bomb stops
 * while inflating, before the memory is spent.
 */
export async function decodeStatusBits(encodedList: string, maxBytes = MAX_STATUS_LIST_BYTES): Promise<{ ok: true; bits: StatusBits } | { ok: false; problem: MessageText }> {
  const base64 = encodedList.startsWith(`u${GZIP_BASE64}`) ? encodedList.slice(1) : encodedList;
  if (!base64.startsWith(GZIP_BASE64) || !/^[A-Za-z0-9_-]+={0,2}$/.test(base64)) return { ok: false, problem: text('VC_STATUS_LIST_UNDECODABLE', {}) };
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(base64, 'base64url'), { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    return { ok: false, problem: tooLarge ? text('VC_STATUS_LIST_TOO_LARGE', { limit: maxBytes }) : text('VC_STATUS_LIST_UNDECODABLE', {}) };
  }
  if (bytes.length === 0) return { ok: false, problem: text('VC_STATUS_LIST_UNDECODABLE', {}) };
  const { Bitstring } = await digitalBazaar();
  // A copy: Bitstring reads the whole ArrayBuffer under the view, which for a Buffer may be a shared pool.
  const bitstring = new Bitstring({ buffer: new Uint8Array(bytes) });
  return { ok: true, bits: { length: bitstring.length, isSet: (index) => bitstring.get(index) } };
}
