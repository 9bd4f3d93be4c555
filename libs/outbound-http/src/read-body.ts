import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { OutboundFetchError } from './errors';

// Reads a response body into memory, never holding more than maxBytes of it. The cap is applied
// twice: to the bytes on the wire, and to the bytes after decompression, so a small gzip that
// inflates to gigabytes (a "zlib bomb") is cut off at the same limit as a plain huge body.

const DECODERS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate, // zlib-wrapped deflate, as RFC 9110 defines it
  br: createBrotliDecompress,
};

export interface BodyResult {
  readonly body: Buffer;
  /** True when the body was decompressed, so Content-Encoding/Length no longer describe it. */
  readonly decoded: boolean;
}

export async function readCappedBody(
  source: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  tooLarge: () => OutboundFetchError,
): Promise<BodyResult> {
  const codings = parseCodings(contentEncoding);
  // An encoding we cannot decode is handed over untouched rather than guessed at.
  const decoders = codings?.reverse().map((coding) => DECODERS[coding]()) ?? [];
  const chunks: Buffer[] = [];
  const wire = byteLimit(maxBytes, tooLarge);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const stages: Array<NodeJS.ReadableStream | NodeJS.ReadWriteStream> = [wire, ...decoders];
  if (decoders.length > 0) stages.push(byteLimit(maxBytes, tooLarge));
  try {
    await pipeline(source, ...(stages as [Transform]), sink);
  } catch (error) {
    if (error instanceof OutboundFetchError) throw error;
    // An empty body labelled gzip is common (e.g. some 204s) and is not an error.
    if (decoders.length > 0 && wire.bytesSeen === 0) return { body: Buffer.alloc(0), decoded: true };
    if (decoders.length > 0 && isZlibError(error)) {
      throw new OutboundFetchError('network_error', 'The response body is damaged and could not be decompressed.', undefined, { cause: error });
    }
    throw error;
  }
  return { body: Buffer.concat(chunks), decoded: decoders.length > 0 };
}

/** The codings to undo, in the order they were applied; null when one of them is unknown. */
function parseCodings(header: string | undefined): string[] | null {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  return codings.every((c) => c in DECODERS) ? codings : null;
}

interface CountingTransform extends Transform {
  bytesSeen: number;
}

function byteLimit(maxBytes: number, tooLarge: () => OutboundFetchError): CountingTransform {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytesSeen += chunk.length;
      if (counter.bytesSeen > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  }) as CountingTransform;
  counter.bytesSeen = 0;
  return counter;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
