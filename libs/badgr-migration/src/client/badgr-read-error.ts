/**
 * What stops a read: the source cannot be signed in to, cannot be reached (after retries), or
 * answers something that is not Badgr. A broken item never throws: it becomes a problem.
 */
export const BADGR_READ_ERROR_CODES = ['sign_in_failed', 'unreachable', 'unexpected_response'] as const;
export type BadgrReadErrorCode = (typeof BADGR_READ_ERROR_CODES)[number];

export class BadgrReadError extends Error {
  override readonly name = 'BadgrReadError';

  constructor(
    readonly code: BadgrReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
