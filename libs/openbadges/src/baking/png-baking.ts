import { ImageError } from './image-error';
import { PngLimits } from './limits';
import { PNG_SIGNATURE, encodePngChunk, readPngChunks } from './png-chunks';
import { decodeOpenBadgesItxt, decodeOpenBadgesText, encodeOpenBadgesItxt, isOpenBadgesTextChunk } from './png-text';

/**
 * Bakes `payload` (a hosted assertion URL, the assertion JSON or a compact JWS) into an uncompressed
 * `iTXt openbadges` chunk placed right after IHDR: the spec wants it before IDAT, and "first after IHDR" is
 * always valid whatever ancillary chunks follow. Every existing openbadges chunk (iTXt, legacy tEXt, zTXt) is
 * dropped so a re-baked image never carries two competing assertions. The input is fully validated first.
 */
export function bakePng(png: Buffer, payload: string, limits?: PngLimits): Buffer {
  if (payload.length === 0 || payload.includes('\0')) {
    throw new ImageError('invalid_payload', 'A PNG baking payload must be a non-empty string without NUL characters.');
  }
  const chunks = readPngChunks(png, limits);
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of chunks) {
    if (isOpenBadgesTextChunk(chunk)) continue;
    parts.push(png.subarray(chunk.start, chunk.end));
    if (chunk.type === 'IHDR') parts.push(encodePngChunk('iTXt', encodeOpenBadgesItxt(payload)));
  }
  return Buffer.concat(parts);
}

/**
 * The baked payload, or null when the PNG carries none. iTXt (compressed or not) wins over the legacy tEXt
 * form when both exist, since iTXt is what current bakers write; within a type the first chunk wins, like the
 * reference bakeries. Throws ImageError for anything structurally wrong (see readPngChunks).
 */
export function unbakePng(png: Buffer, limits?: PngLimits): string | null {
  let legacy: Buffer | undefined;
  for (const chunk of readPngChunks(png, limits)) {
    if (!isOpenBadgesTextChunk(chunk)) continue;
    if (chunk.type === 'iTXt') return decodeOpenBadgesItxt(chunk.data, limits?.maxTextBytes);
    if (chunk.type === 'tEXt') legacy ??= chunk.data;
  }
  return legacy ? decodeOpenBadgesText(legacy) : null;
}
