import { error, json, op, rateLimited, type PathItems } from './operations';

/** Anyone may verify a badge (design.md §3): employers and admissions offices have no account. */
export const VERIFICATION_PATHS: PathItems = {
  '/v2/verify': {
    post: op(['Verification'], 'Verify any Open Badge 2.0 (or 1.x, upgraded): by URL, JSON, compact JWS or baked PNG/SVG image', {
      description:
        'No authentication. JSON `{url}`, `{json}` (object, JSON text or compact JWS) with optional `expected_recipient` (email, URL, telephone, `{type, identity}` or a list); ' +
        'multipart/form-data with an `image` file; or a raw `image/png` / `image/svg+xml` body (`?expected_recipient=`). ' +
        'An invalid badge is a 200 whose `report.valid` is false; report message codes are listed in docs/verification.md.',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', properties: { url: { type: 'string' }, json: {}, expected_recipient: {} } } },
          'multipart/form-data': { schema: { type: 'object', properties: { image: { type: 'string', format: 'binary' }, url: { type: 'string' }, json: { type: 'string' }, expected_recipient: { type: 'string' } } } },
          'image/png': { schema: { type: 'string', format: 'binary' } },
          'image/svg+xml': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        '200': {
          description: 'The reference validator’s shape: `{report: {valid, errorCount, warningCount, messages, steps, verificationId}, graph, input}`',
          content: json({ type: 'object', properties: { report: { type: 'object' }, graph: { type: 'array', items: { type: 'object' } }, input: { type: 'object' } } }),
        },
        '400': error('`validation_failed`, `invalid_json` or `invalid_image`: the request itself is malformed (`error.field` says where).'),
        '413': error('`payload_too_large`: over 2 MB.'),
        '415': error('`unsupported_media_type`: not JSON, multipart, PNG or SVG.'),
        '429': rateLimited('too many verifications from this IP.'),
        '503': error('`service_unavailable`: the verification service is not reachable.'),
      },
    }),
  },
};
