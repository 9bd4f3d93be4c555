// Builders for the specs: tiny, valid images made in code, so every hostile variant is one explicit edit away.
import { deflateSync } from 'node:zlib';

import { ImageError, ImageErrorCode } from './image-error';
import { PNG_SIGNATURE, encodePngChunk } from './png-chunks';

export { CONFORMANCE_DIR } from '../testing/conformance-dir';

export const chunk = encodePngChunk;

export function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 0; // greyscale
  return chunk('IHDR', data);
}

/**
 * A valid greyscale PNG. `extra` chunks go between IHDR and IDAT. Pixel data is real for small images; for
 * header-only tests (`pixels: false`) IDAT holds an empty stream, since nothing here decodes pixels anyway.
 */
export function makePng(options: { width?: number; height?: number; extra?: Buffer[]; pixels?: boolean } = {}): Buffer {
  const { width = 4, height = 3, extra = [], pixels = true } = options;
  const raw = pixels ? Buffer.alloc((width + 1) * height, 0x80) : Buffer.alloc(0);
  if (pixels) for (let row = 0; row < height; row++) raw[row * (width + 1)] = 0; // filter type None
  return Buffer.concat([PNG_SIGNATURE, ihdr(width, height), ...extra, chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Raw iTXt data for keyword `openbadges` (or another), optionally compressed, with optional language tag. */
export function itxtData(text: Buffer | string, options: { compressed?: boolean; language?: string; keyword?: string } = {}): Buffer {
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return Buffer.concat([
    Buffer.from(`${options.keyword ?? 'openbadges'}\0`, 'latin1'),
    Buffer.from([options.compressed ? 1 : 0, 0]),
    Buffer.from(`${options.language ?? ''}\0\0`, 'latin1'),
    options.compressed ? deflateSync(body) : body,
  ]);
}

export function textData(text: string, keyword = 'openbadges'): Buffer {
  return Buffer.from(`${keyword}\0${text}`, 'latin1');
}

/** Chunk types in order, for asserting layout. */
export function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = PNG_SIGNATURE.length; at + 8 <= png.length; at += 12 + png.readUInt32BE(at)) {
    types.push(png.toString('latin1', at + 4, at + 8));
  }
  return types;
}

/**
 * Runs `fn`, expecting an ImageError with `code`, and returns how long it took: hostile input must be refused
 * fast, not after the damage is done.
 */
export function expectImageError(fn: () => unknown, code: ImageErrorCode): number {
  const started = performance.now();
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  const elapsed = performance.now() - started;
  expect(thrown).toBeInstanceOf(ImageError);
  expect((thrown as ImageError).code).toBe(code);
  return elapsed;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgDoc(inner = '<rect width="10" height="10"/>', rootAttributes = 'width="64" height="64"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG_NS}" ${rootAttributes}>\n  ${inner}\n</svg>\n`;
}
