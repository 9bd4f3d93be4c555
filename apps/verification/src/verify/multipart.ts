import { ApiError, ErrorCode } from '@badges/service-kit';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

const MAX_PARTS = 10;
const MAX_HEADER_BYTES = 4096;

/**
 * A small multipart/form-data reader for the verify form (an `image` file plus a few text
 * fields). The body is already in memory and size-capped by Fastify, so this only has to split
 * it; anything malformed is a 400, never an exception further down.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!token || token.length > 200) throw malformed('the Content-Type has no boundary');
  const delimiter = Buffer.from(`--${token}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) throw malformed('the boundary does not occur in the body');
  while (parts.length <= MAX_PARTS) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts; // closing delimiter
    cursor = skipCrlf(body, cursor);
    const headerEnd = body.indexOf('\r\n\r\n', cursor);
    if (headerEnd < 0 || headerEnd - cursor > MAX_HEADER_BYTES) throw malformed('a part has no header block');
    const headers = parseHeaders(body.subarray(cursor, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) throw malformed('the body ends before its closing boundary');
    parts.push({ ...headers, data: body.subarray(headerEnd + 4, next) });
    cursor = next + 2;
  }
  throw malformed(`more than ${MAX_PARTS} parts`);
}

function parseHeaders(block: string): Omit<MultipartPart, 'data'> {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') {
      name = /\bname="([^"]*)"/i.exec(value)?.[1];
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    } else if (key === 'content-type') {
      contentType = value.toLowerCase();
    }
  }
  if (!name) throw malformed('a part has no name');
  return { name, filename, contentType };
}

function skipCrlf(body: Buffer, at: number): number {
  return body[at] === 0x0d && body[at + 1] === 0x0a ? at + 2 : at;
}

function malformed(why: string): ApiError {
  return new ApiError(400, ErrorCode.ValidationFailed, `The multipart body could not be read: ${why}.`);
}
