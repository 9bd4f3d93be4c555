import { gunzipSync } from 'node:zlib';

import { toIsoUtc } from '../../builders/iso-date';
import { VC_V2_CONTEXT_URL } from './credential-contexts';

/** Entries per list: the Bitstring Status List minimum (16 KiB), for group privacy. */
export const STATUS_LIST_LENGTH = 131_072;

/** Multibase prefix of base64url without padding, which `encodedList` must carry. */
const MULTIBASE_BASE64URL = 'u';
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export type StatusListErrorCode = 'status_list_malformed' | 'status_list_too_large' | 'status_index_out_of_range';

/**
 * An `encodedList` (or an index into it) was refused. `code` is stable for callers (a verifier reports
 * it); `message` is for humans and logs.
 */
export class StatusListError extends Error {
  override readonly name = 'StatusListError';

  constructor(
    readonly code: StatusListErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Which list and where in it a per-issuer counter value falls. */
export function statusListPosition(counter: number): { listNumber: number; statusListIndex: number } {
  return { listNumber: Math.floor(counter / STATUS_LIST_LENGTH), statusListIndex: counter % STATUS_LIST_LENGTH };
}

/**
 * GZIP + base64url with the multibase `u` prefix, bits set at `revokedIndexes`. Bit order is the
 * Bitstring Status List one: index 0 is the left-most (most significant) bit of the first byte, which
 * is @digitalbazaar/bitstring's default (`leftToRightIndexing`).
 */
export async function encodeStatusList(revokedIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): Promise<string> {
  if (!Number.isSafeInteger(length) || length <= 0 || length % 8 !== 0) throw new RangeError(`A status list length must be a positive multiple of 8, not ${length}.`);
  const { Bitstring } = await import('@digitalbazaar/bitstring');
  const bits = new Bitstring({ length });
  for (const index of revokedIndexes) {
    if (!Number.isSafeInteger(index) || index < 0 || index >= length) throw new RangeError(`Status index ${index} is outside the list (0 … ${length - 1}).`);
    bits.set(index, true);
  }
  return MULTIBASE_BASE64URL + (await bits.encodeBits());
}

/**
 * The bits of an `encodedList`; refuses more than `maxBits` once decompressed. An `encodedList` comes
 * from whoever hosts the status list, so it is decompressed here with zlib's own output cap rather
 * than with @digitalbazaar/bitstring's unbounded `decodeBits`: a few KiB of GZIP that would inflate to
 * gigabytes stops at the cap instead of after the memory is spent.
 */
export async function decodeStatusList(encodedList: string, maxBits = 16 * STATUS_LIST_LENGTH): Promise<{ isSet(index: number): boolean; length: number }> {
  if (typeof encodedList !== 'string' || !encodedList.startsWith(MULTIBASE_BASE64URL)) {
    throw new StatusListError('status_list_malformed', 'The encodedList is not multibase base64url (it must start with "u").');
  }
  const base64url = encodedList.slice(MULTIBASE_BASE64URL.length);
  if (!BASE64URL.test(base64url)) throw new StatusListError('status_list_malformed', 'The encodedList has characters outside base64url.');
  const maxBytes = Math.ceil(maxBits / 8);
  let bytes: Buffer;
  try {
    bytes = gunzipSync(Buffer.from(base64url, 'base64url'), { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new StatusListError('status_list_too_large', `The encodedList decompresses past ${maxBytes} bytes (${maxBits} entries), the most this server reads.`);
    }
    throw new StatusListError('status_list_malformed', `The encodedList is not GZIP data (${(error as Error).message}).`);
  }
  if (bytes.length === 0) throw new StatusListError('status_list_malformed', 'The encodedList decompresses to an empty list.');
  const { Bitstring } = await import('@digitalbazaar/bitstring');
  // A copy: Bitstring reads `buffer.buffer` from offset 0, which a Buffer view need not start at.
  const bits = new Bitstring({ buffer: new Uint8Array(bytes) });
  return {
    length: bits.length,
    isSet(index: number): boolean {
      if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length) {
        throw new StatusListError('status_index_out_of_range', `Status index ${index} is outside the list (0 … ${bits.length - 1}).`);
      }
      return bits.get(index);
    },
  };
}

/** The unsigned BitstringStatusListCredential (statusPurpose revocation) for one list. */
export function buildStatusListCredential(input: { id: string; issuer: string; validFrom: string | Date; encodedList: string }): Record<string, unknown> {
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id: input.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: toIsoUtc(input.validFrom, 'validFrom'),
    credentialSubject: {
      id: `${input.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: input.encodedList,
    },
  };
}
