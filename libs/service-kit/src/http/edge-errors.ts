import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { errorBody } from '../errors/error-body';
import { ErrorCode } from '../errors/error-codes';
import { sendErrorResponse } from '../errors/to-error-response';

/**
 * Fastify's router errors (a URL that does not decode, a path segment over maxParamLength) are
 * answered before any route or error handler runs; this renders them in the envelope too.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  sendErrorResponse(reply.header('x-content-type-options', 'nosniff'), error);
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: ErrorCode.HeadersTooLarge, message: 'The request line and headers are larger than this server accepts (16 KiB).' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: ErrorCode.RequestTimeout, message: 'The request took too long to arrive.' },
};

/**
 * Requests Node's HTTP parser refuses (headers or query over 16 KiB, malformed request lines)
 * never reach Fastify: the answer is written to the socket here, in the envelope, and the
 * connection closed, as Node itself does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, code: ErrorCode.BadRequest, message: 'The request could not be read as HTTP.' };
  const body = JSON.stringify(errorBody(known.code, known.message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
