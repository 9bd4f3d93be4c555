import { deflateSync } from 'node:zlib';

export { hashIdentity } from '@badges/openbadges';

/** A tiny valid greyscale PNG; `extra` chunks go between IHDR and IDAT (baked badges, hostile chunks). */
export function makeBadgeTestPng(extra: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(4, 4);
  header[8] = 8;
  const raw = Buffer.alloc(5 * 4, 0);
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), ...extra, pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An `iTXt` chunk with keyword `openbadges`, compressed or not: how badges are baked into PNGs. */
export function openBadgesItxt(text: Buffer | string, compressed = false): Buffer {
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const head = Buffer.concat([Buffer.from('openbadges\0', 'latin1'), Buffer.from([compressed ? 1 : 0, 0, 0, 0])]);
  return pngChunk('iTXt', Buffer.concat([head, compressed ? deflateSync(body) : body]));
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
