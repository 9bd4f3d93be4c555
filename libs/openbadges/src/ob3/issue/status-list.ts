/** Entries per list: the Bitstring Status List minimum (16 KiB), for group privacy. */
export const STATUS_LIST_LENGTH = 131_072;

/** Which list and where in it a per-issuer counter value falls. */
export function statusListPosition(counter: number): { listNumber: number; statusListIndex: number } {
  return { listNumber: Math.floor(counter / STATUS_LIST_LENGTH), statusListIndex: counter % STATUS_LIST_LENGTH };
}

/** GZIP + base64url with the multibase `u` prefix, bits set at `revokedIndexes`. */
export async function encodeStatusList(_revokedIndexes: Iterable<number>, _length = STATUS_LIST_LENGTH): Promise<string> {
  throw new Error('not built yet (issue #19)');
}

/** The bits of an `encodedList`; refuses more than `maxBits` once decompressed. */
export async function decodeStatusList(_encodedList: string, _maxBits = 16 * STATUS_LIST_LENGTH): Promise<{ isSet(index: number): boolean; length: number }> {
  throw new Error('not built yet (issue #19)');
}

/** The unsigned BitstringStatusListCredential (statusPurpose revocation) for one list. */
export function buildStatusListCredential(_input: { id: string; issuer: string; validFrom: string | Date; encodedList: string }): Record<string, unknown> {
  throw new Error('not built yet (issue #19)');
}
