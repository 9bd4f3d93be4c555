import { inflateSync } from 'node:zlib';

import { ImageError } from './image-error';
import { DEFAULT_MAX_BAKED_TEXT_BYTES } from './limits';
import { PngChunk } from './png-chunks';

/** The keyword the Open Badges baking spec reserves for PNG text chunks. */
export const OPENBADGES_KEYWORD = 'openbadges';
/** The keyword OB 3.0 reserves for a baked credential (OB 3.0 §5.3.1). */
export const OPENBADGES_CREDENTIAL_KEYWORD = 'openbadgecredential';

const KEYWORD_BYTES = Buffer.from(OPENBADGES_KEYWORD, 'latin1');
/** Text chunk types that can carry the keyword; zTXt is not in the spec but is dropped on re-bake all the same. */
const TEXT_CHUNK_TYPES = new Set(['iTXt', 'tEXt', 'zTXt']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for any iTXt/tEXt/zTXt chunk whose keyword is `openbadges` (keyword then a null separator). */
export function isOpenBadgesTextChunk(chunk: PngChunk): boolean {
  return isTextChunkWithKeyword(chunk, KEYWORD_BYTES);
}

/** The same for any keyword: `openbadgecredential` for OB 3.0. */
export function isTextChunkWithKeyword(chunk: PngChunk, keyword: Buffer): boolean {
  return (
    TEXT_CHUNK_TYPES.has(chunk.type) &&
    chunk.data.length > keyword.length &&
    chunk.data[keyword.length] === 0 &&
    chunk.data.subarray(0, keyword.length).equals(keyword)
  );
}

/**
 * iTXt data as the spec asks: keyword, null, compression flag 0, method 0, empty language tag + null, empty
 * translated keyword + null, then the UTF-8 text.
 */
export function encodeOpenBadgesItxt(payload: string, keyword: Buffer = KEYWORD_BYTES): Buffer {
  return Buffer.concat([keyword, Buffer.from([0, 0, 0, 0, 0]), Buffer.from(payload, 'utf8')]);
}

/**
 * Text of an openbadges iTXt (compressed or not). The inflated size is capped with zlib's own
 * `maxOutputLength`, so a bomb is stopped while inflating rather than after the memory is spent.
 */
export function decodeOpenBadgesItxt(data: Buffer, maxTextBytes = DEFAULT_MAX_BAKED_TEXT_BYTES, keyword: Buffer = KEYWORD_BYTES): string {
  let at = keyword.length + 1;
  if (data.length < at + 2) throw malformed('iTXt is too short for its compression fields');
  const compressed = data[at];
  const method = data[at + 1];
  if (compressed !== 0 && compressed !== 1) throw malformed(`iTXt compression flag ${compressed}`);
  if (compressed === 1 && method !== 0) throw malformed(`iTXt compression method ${method}`);
  at += 2;
  // Skip the language tag and the translated keyword, each null-terminated; we keep neither.
  for (const field of ['language tag', 'translated keyword']) {
    const nul = data.indexOf(0, at);
    if (nul < 0) throw malformed(`iTXt ${field} is not terminated`);
    at = nul + 1;
  }
  const body = data.subarray(at);
  const text = compressed === 1 ? inflateCapped(body, maxTextBytes) : body;
  try {
    return utf8.decode(text);
  } catch {
    throw malformed('iTXt text is not valid UTF-8');
  }
}

/** Text of a legacy (pre-1.0 / Mozilla) openbadges tEXt chunk, which the PNG spec defines as Latin-1. */
export function decodeOpenBadgesText(data: Buffer): string {
  return data.toString('latin1', KEYWORD_BYTES.length + 1);
}

function inflateCapped(body: Buffer, maxTextBytes: number): Buffer {
  try {
    return inflateSync(body, { maxOutputLength: maxTextBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ImageError('decompression_limit', `Compressed iTXt inflates past ${maxTextBytes} bytes.`);
    }
    throw malformed(`iTXt text does not inflate (${(error as Error).message})`);
  }
}

function malformed(why: string): ImageError {
  return new ImageError('png_malformed', `Invalid openbadges text chunk: ${why}.`);
}
