import type { FastifyReply } from 'fastify';

import { ApiError } from '@badges/service-kit';

/** The code of the OB 2.0 URLs of an award made in OB 3.0 only (api-contracts API_ERROR_CODES). */
export const OB3_ONLY = 'ob3_only';

/**
 * The two forms of one award name each other (decision 0048): each JSON answer carries
 * `Link: <other form>; rel="alternate"; type="…"`.
 */
export function linkAlternate(reply: FastifyReply, url: string, type: string): void {
  void reply.header('link', `<${url}>; rel="alternate"; type="${type}"`);
}

/**
 * The 404 of an OB 2.0 URL (document or baked image) of an award made in OB 3.0 only: no 2.0 form
 * was published, and the message and the `Link` header name where its credential is.
 */
export function ob3OnlyError(reply: FastifyReply, credentialUrl: string, type: string): ApiError {
  linkAlternate(reply, credentialUrl, type);
  return new ApiError(404, OB3_ONLY, `This badge was issued as an Open Badges 3.0 credential only, at ${credentialUrl}.`);
}
