import type { FastifyInstance } from 'fastify';

import type { ImsxCodeMinorValue, ImsxStatusInfo, V2ErrorEnvelope } from '@badges/api-contracts';

export const OPEN_BADGES_API_PREFIX = '/ims/ob/v3p0';

/** getCredentials' query parameters: a mistake in one of them is OB 3.0's `invalid_query_parameter`. */
const QUERY_FIELDS = new Set(['limit', 'offset', 'since']);

/** The OB 3.0 `imsx_codeMinorFieldValue` that says what an HTTP error status means. */
function codeMinorFor(status: number, field: string | undefined): ImsxCodeMinorValue {
  if (status === 400) return field && QUERY_FIELDS.has(field) ? 'invalid_query_parameter' : 'invalid_data';
  if (status === 401) return 'unauthorizedrequest';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 405) return 'not_allowed';
  if (status === 406) return 'not_acceptable';
  if (status === 429 || status === 503) return 'server_busy';
  return status >= 500 ? 'internal_server_error' : 'invalid_data';
}

/**
 * An error of the platform (its envelope) said as OB 3.0's `Imsx_StatusInfo`: the message as
 * `imsx_description`, and the platform's stable error code as the code minor field's name, beside
 * the OB 3.0 code minor value, so a wallet can act on either.
 */
export function imsxStatusInfo(status: number, error: V2ErrorEnvelope['error']): ImsxStatusInfo {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: error.message,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: error.code, imsx_codeMinorFieldValue: codeMinorFor(status, error.field) }] },
  };
}

/**
 * Every error under `/ims/ob/v3p0` leaves as `Imsx_StatusInfo` (OB 3.0 §6), whoever raised it: a
 * guard (no token, a missing scope), validation, the route itself, or the edge before any route
 * (a body that is not JSON, too large, an unknown path or method). They all reach the wire as the
 * platform's one error envelope first (service-kit), so this hook translates that envelope, in one
 * place, instead of a second error path per source. A 401 also says how to authenticate (RFC 6750 §3).
 * The passport registers it for its own errors, the gateway for those it answers itself; a forwarded
 * answer (a Buffer) passes the gateway untouched.
 */
export function registerImsxErrors(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode < 400 || !inOpenBadgesApi(request.url) || typeof payload !== 'string') return payload;
    let envelope: Partial<V2ErrorEnvelope>;
    try {
      envelope = JSON.parse(payload) as Partial<V2ErrorEnvelope>;
    } catch {
      return payload;
    }
    if (!envelope.error?.code) return payload;
    if (reply.statusCode === 401) void reply.header('www-authenticate', 'Bearer realm="passport"');
    if (reply.statusCode === 403 && envelope.error.code === 'insufficient_scope') void reply.header('www-authenticate', 'Bearer realm="passport", error="insufficient_scope"');
    void reply.type('application/json; charset=utf-8');
    return JSON.stringify(imsxStatusInfo(reply.statusCode, envelope.error));
  });
}

function inOpenBadgesApi(url: string): boolean {
  return url === OPEN_BADGES_API_PREFIX || url.startsWith(`${OPEN_BADGES_API_PREFIX}/`) || url.startsWith(`${OPEN_BADGES_API_PREFIX}?`);
}
