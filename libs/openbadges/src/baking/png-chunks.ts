import { crc32 } from 'node:zlib';

import { ImageError } from './image-error';
import { DEFAULT_MAX_PNG_CHUNK_BYTES, DEFAULT_MAX_PNG_CHUNKS, PNG_SPEC_MAX_CHUNK_LENGTH, PngLimits } from './limits';

/** The 8-byte signature every PNG starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** length (4) + type (4) before the data, CRC (4) after it. */
const CHUNK_OVERHEAD = 12;

/** One chunk, by reference into the source buffer (no copies: chunks are only sliced when needed). */
export interface PngChunk {
  /** Four ASCII letters, e.g. `IHDR`, `iTXt`. */
  type: string;
  /** Offset of the chunk's length field; the chunk's raw bytes are [start, end). */
  start: number;
  end: number;
  /** The chunk data (a view into the source buffer). */
  data: Buffer;
}

export function hasPngSignature(bytes: Buffer): boolean {
  return bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/**
 * Walks every chunk from the signature to IEND, trusting nothing: each declared length is checked against the PNG
 * maximum, our cap and the bytes actually present before anything is sliced, each CRC is verified, and the chunk
 * count is capped. Bytes after IEND are ignored (some tools append junk; we never carry it forward).
 */
export function readPngChunks(png: Buffer, limits: PngLimits = {}): PngChunk[] {
  if (!hasPngSignature(png)) {
    throw new ImageError('not_a_png', 'The data does not start with the PNG signature.');
  }
  const maxChunks = limits.maxChunks ?? DEFAULT_MAX_PNG_CHUNKS;
  const maxChunkBytes = Math.min(limits.maxChunkBytes ?? DEFAULT_MAX_PNG_CHUNK_BYTES, PNG_SPEC_MAX_CHUNK_LENGTH);

  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (chunks.length >= maxChunks) {
      throw new ImageError('png_too_many_chunks', `The PNG has more than ${maxChunks} chunks.`);
    }
    if (png.length - offset < CHUNK_OVERHEAD) {
      throw new ImageError('png_truncated', `The PNG ends at byte ${png.length}, before its IEND chunk.`);
    }
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    // Checked before the bounds check so that a hostile 0xFFFFFFFF length is reported as what it is.
    if (length > maxChunkBytes) {
      throw new ImageError('png_chunk_too_large', `Chunk ${printable(type)} declares ${length} bytes (cap ${maxChunkBytes}).`);
    }
    const dataStart = offset + 8;
    const end = dataStart + length + 4;
    if (end > png.length) {
      throw new ImageError(
        'png_truncated',
        `Chunk ${printable(type)} at byte ${offset} declares ${length} bytes (+4 CRC) but only ${png.length - dataStart} remain.`,
      );
    }
    if (!/^[A-Za-z]{4}$/.test(type)) {
      throw new ImageError('png_malformed', `Invalid chunk type ${printable(type)} at byte ${offset}.`);
    }
    const expectedCrc = png.readUInt32BE(dataStart + length);
    if (crc32(png.subarray(offset + 4, dataStart + length)) !== expectedCrc) {
      throw new ImageError('png_bad_crc', `Chunk ${type} at byte ${offset} has a bad CRC.`);
    }
    if (chunks.length === 0 && (type !== 'IHDR' || length !== 13)) {
      throw new ImageError('png_malformed', 'The first chunk of a PNG must be a 13-byte IHDR.');
    }
    chunks.push({ type, start: offset, end, data: png.subarray(dataStart, dataStart + length) });
    if (type === 'IEND') return chunks;
    offset = end;
  }
}

/** Serialises one chunk with its length and CRC. */
export function encodePngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(CHUNK_OVERHEAD + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** Width and height from an IHDR chunk (already length-checked by readPngChunks). */
export function readIhdrSize(ihdr: PngChunk): { width: number; height: number } {
  const width = ihdr.data.readUInt32BE(0);
  const height = ihdr.data.readUInt32BE(4);
  // The PNG spec allows 1..2^31-1 for both; zero is a broken or hostile header.
  if (width === 0 || height === 0 || width > PNG_SPEC_MAX_CHUNK_LENGTH || height > PNG_SPEC_MAX_CHUNK_LENGTH) {
    throw new ImageError('png_malformed', `Invalid PNG dimensions ${width}x${height}.`);
  }
  return { width, height };
}

/** Chunk types come from hostile bytes: keep error messages printable. */
function printable(type: string): string {
  return JSON.stringify(type.replace(/[^\x20-\x7e]/g, '?'));
}
