import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The largest CSV upload a bulk award takes; a larger one is answered 413 payload_too_large. */
export const CSV_BODY_LIMIT = 50 * 1024 * 1024;

/** Only the bulk award route takes the large limit; any other route keeps the app's limit. */
const BULK_ROUTE = /^\/v2\/badgeclasses\/[^/]+\/bulk-awards\/?(\?.*)?$/;

function tooLarge(): Error {
  return Object.assign(new Error('The request body is larger than this endpoint accepts.'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
}

/**
 * Reads `text/csv` bodies as raw bytes (the bulk award decodes them strictly as UTF-8). The limit
 * is checked on Content-Length first and again while reading, so an oversized upload is refused
 * without being buffered.
 */
export function registerCsvBodyParser(fastify: FastifyInstance, defaultLimit: number): void {
  fastify.addContentTypeParser('text/csv', (request: FastifyRequest, payload, done) => {
    const limit = BULK_ROUTE.test(request.url) && request.method === 'POST' ? CSV_BODY_LIMIT : defaultLimit;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      payload.resume();
      done(tooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer): void => {
      if (finished) return;
      finished = true;
      done(error, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data');
        payload.resume();
        finish(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => finish(null, Buffer.concat(chunks, size)));
    payload.on('error', (error) => finish(error));
  });
}
