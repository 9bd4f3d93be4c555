import type { MigrationImage } from '@badges/api-contracts';

import type { BadgrConnection } from '../client/badgr-connection';
import { BadgrReadError } from '../client/badgr-read-error';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The first bytes an SVG document may start with, after an optional BOM and blanks. */
const SVG_START = /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i;

export type ImageRead = { image: MigrationImage } | { unreadable: string };

/**
 * An image Badgr links to, fetched into data so the writer never reaches the source. Whatever the
 * Content-Type says, the bytes decide: a PNG or an SVG document, else it is unreadable.
 */
export async function readBadgrImage(connection: BadgrConnection, url: string, maxBytes: number): Promise<ImageRead> {
  try {
    const response = await connection.fetchPublic(url, maxBytes);
    if (response.status !== 200) return { unreadable: `${url} answered HTTP ${response.status}.` };
    const contentType = sniff(response.body);
    if (contentType === null) return { unreadable: `${url} is neither a PNG nor an SVG image.` };
    return { image: { contentType, base64: response.body.toString('base64') } };
  } catch (error) {
    if (error instanceof BadgrReadError) return { unreadable: error.message };
    throw error;
  }
}

function sniff(bytes: Buffer): MigrationImage['contentType'] | null {
  if (bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (SVG_START.test(bytes.subarray(0, 4096).toString('utf8'))) return 'image/svg+xml';
  return null;
}
