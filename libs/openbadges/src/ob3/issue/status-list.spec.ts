import { gunzipSync, gzipSync } from 'node:zlib';

import { buildStatusListCredential, decodeStatusList, encodeStatusList, STATUS_LIST_LENGTH, StatusListError, statusListPosition } from './status-list';
import { expectNoTermDropped, ISSUER_DID, STATUS_LIST_URL } from './testing/ob3-fixtures';

/** The raw bytes behind an encodedList, read without the code under test. */
function rawBytes(encodedList: string): Buffer {
  return gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
}

function encodeRaw(bytes: Buffer): string {
  return `u${gzipSync(bytes).toString('base64url')}`;
}

describe('status list', () => {
  it('places a counter in its list: 131,072 entries per list', () => {
    expect(statusListPosition(0)).toEqual({ listNumber: 0, statusListIndex: 0 });
    expect(statusListPosition(STATUS_LIST_LENGTH - 1)).toEqual({ listNumber: 0, statusListIndex: 131_071 });
    expect(statusListPosition(STATUS_LIST_LENGTH)).toEqual({ listNumber: 1, statusListIndex: 0 });
    expect(statusListPosition(3 * STATUS_LIST_LENGTH + 42)).toEqual({ listNumber: 3, statusListIndex: 42 });
  });

  it('encodes GZIP + base64url with the multibase u prefix, 16 KiB for an empty list', async () => {
    const encoded = await encodeStatusList([]);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const bytes = rawBytes(encoded);
    expect(bytes.length).toBe(16 * 1024);
    expect(bytes.every((byte) => byte === 0)).toBe(true);
  });

  it('puts index 0 at the left-most bit, as the Bitstring Status List spec says', async () => {
    const bytes = rawBytes(await encodeStatusList([0, 7, 8, 131_071]));
    expect(bytes[0]).toBe(0b1000_0001); // indexes 0 and 7
    expect(bytes[1]).toBe(0b1000_0000); // index 8
    expect(bytes[bytes.length - 1]).toBe(0b0000_0001); // the last index
    expect(bytes.subarray(2, bytes.length - 1).every((byte) => byte === 0)).toBe(true);
  });

  it('reads bits in the same order from a list it did not write', async () => {
    const bytes = Buffer.alloc(16 * 1024);
    bytes[0] = 0b0100_0000; // index 1
    bytes[12] = 0b0000_0100; // index 12*8 + 5 = 101
    const list = await decodeStatusList(encodeRaw(bytes));
    expect(list.length).toBe(STATUS_LIST_LENGTH);
    const set = [...Array(list.length).keys()].filter((i) => list.isSet(i));
    expect(set).toEqual([1, 101]);
  });

  it('decodes the spec example (an empty list of 131,072 entries)', async () => {
    // Bitstring Status List v1.0, example "BitstringStatusListCredential".
    const list = await decodeStatusList('uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA');
    expect(list.length).toBe(131_072);
    expect(list.isSet(0) || list.isSet(94_567) || list.isSet(131_071)).toBe(false);
  });

  it('round-trips the revoked indexes', async () => {
    const revoked = [3, 17, 94_567, 131_071];
    const list = await decodeStatusList(await encodeStatusList(revoked));
    expect(revoked.every((i) => list.isSet(i))).toBe(true);
    expect([0, 2, 4, 16, 18, 94_566, 131_070].some((i) => list.isSet(i))).toBe(false);
  });

  it('refuses a decompression bomb before spending the memory', async () => {
    const bomb = encodeRaw(Buffer.alloc(64 * 1024 * 1024)); // ~64 KiB of GZIP, 64 MiB inflated
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(decodeStatusList(bomb)).rejects.toMatchObject({ name: 'StatusListError', code: 'status_list_too_large' });
    // The cap is the caller's: one list of 131,072 entries passes at exactly its size, and not one bit less.
    const list = await encodeStatusList([1]);
    await expect(decodeStatusList(list, STATUS_LIST_LENGTH)).resolves.toMatchObject({ length: STATUS_LIST_LENGTH });
    await expect(decodeStatusList(list, STATUS_LIST_LENGTH - 8)).rejects.toMatchObject({ code: 'status_list_too_large' });
  });

  it.each([
    ['no multibase prefix', gzipSync(Buffer.alloc(16)).toString('base64url')],
    ['a base64 (not base64url) body', `u${gzipSync(Buffer.alloc(16)).toString('base64')}+/`],
    ['a body that is not GZIP', `u${Buffer.from('not gzip at all').toString('base64url')}`],
    ['an empty list', encodeRaw(Buffer.alloc(0))],
    ['an empty string', ''],
  ])('refuses %s as malformed', async (_what, encodedList) => {
    await expect(decodeStatusList(encodedList)).rejects.toMatchObject({ name: 'StatusListError', code: 'status_list_malformed' });
  });

  it('refuses an index outside the list it read', async () => {
    const list = await decodeStatusList(encodeRaw(Buffer.alloc(2)));
    expect(list.length).toBe(16);
    expect(() => list.isSet(16)).toThrow(StatusListError);
    expect(() => list.isSet(-1)).toThrow(expect.objectContaining({ code: 'status_index_out_of_range' }));
  });

  it('refuses to encode an index outside the list', async () => {
    await expect(encodeStatusList([STATUS_LIST_LENGTH])).rejects.toThrow(RangeError);
    await expect(encodeStatusList([-1])).rejects.toThrow(RangeError);
    await expect(encodeStatusList([0], 12)).rejects.toThrow(RangeError);
  });

  it('builds the BitstringStatusListCredential, which expands in safe mode', async () => {
    const encodedList = await encodeStatusList([94_567]);
    const credential = buildStatusListCredential({ id: STATUS_LIST_URL, issuer: ISSUER_DID, validFrom: new Date('2024-05-02T08:00:00.000Z'), encodedList });
    expect(credential).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: STATUS_LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: ISSUER_DID,
      validFrom: '2024-05-02T08:00:00Z',
      credentialSubject: { id: `${STATUS_LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
    });
    await expectNoTermDropped(credential);
  });
});
