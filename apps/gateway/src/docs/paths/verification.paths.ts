import { error, json, op, rateLimited, type PathItems } from './operations';

/** Anyone may verify a badge (design.md §3): employers and admissions offices have no account. */
export const VERIFICATION_PATHS: PathItems = {
  '/v2/verify': {
    post: op(['Verification'], 'Verify any Open Badge 2.0 (or 1.x, upgraded) or OB 3.0 credential: by URL, JSON, compact JWS / VC-JWT or baked PNG/SVG image', {
      description:
        'No authentication. JSON `{url}`, `{json}` (object, JSON text or compact JWS) with optional `expected_recipient` (email, URL, telephone, another URI such as a DID for an `id` recipient, `{type, identity}` or a list); ' +
        'multipart/form-data with an `image` file; or a raw `image/png` / `image/svg+xml` body (`?expected_recipient=`). ' +
        'An OB 3.0 credential may also be the body itself (`application/vc+ld+json`, or `application/json` when it is a Verifiable Credential) or its VC-JWT as text ' +
        '(`text/plain`, `application/vc+jwt`); its report has `openBadgesVersion: "3.0"` and its own steps. ' +
        'An invalid badge is a 200 whose `report.valid` is false; report message codes are listed in docs/verification.md. ' +
        'The report’s sentences (`messages[].message`, `steps[].title`, endorsement `problems`) are in the language `Accept-Language` asks for: English (default) or French, ' +
        'said in `Content-Language`; each message also carries its `messageCode` and `params`. `report.badgeEdition` holds the badge’s texts in that language when its issuer publishes a translation.',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { type: 'object', properties: { url: { type: 'string' }, json: {}, expected_recipient: {} } } },
          'multipart/form-data': { schema: { type: 'object', properties: { image: { type: 'string', format: 'binary' }, url: { type: 'string' }, json: { type: 'string' }, expected_recipient: { type: 'string' } } } },
          'image/png': { schema: { type: 'string', format: 'binary' } },
          'image/svg+xml': { schema: { type: 'string', format: 'binary' } },
          'application/vc+ld+json': { schema: { type: 'object' } },
          'text/plain': { schema: { type: 'string', description: 'A compact VC-JWT (or JWS, URL or JSON text)' } },
        },
      },
      responses: {
        '200': {
          description: 'The reference validator’s shape: `{report: {valid, errorCount, warningCount, messages, steps, verificationId, badgeEdition?}, graph, input}`',
          content: json({ type: 'object', properties: { report: { type: 'object' }, graph: { type: 'array', items: { type: 'object' } }, input: { type: 'object' } } }),
        },
        '400': error('`validation_failed`, `invalid_json` or `invalid_image`: the request itself is malformed (`error.field` says where).'),
        '413': error('`payload_too_large`: over 2 MB.'),
        '415': error('`unsupported_media_type`: not JSON, a credential, text, multipart, PNG or SVG.'),
        '429': rateLimited('too many verifications from this IP.'),
        '503': error('`service_unavailable`: the verification service is not reachable.'),
      },
    }),
  },
  '/v2/verify/image': {
    get: op(['Verification'], 'A badge’s image, fetched by the platform for the verify page (http:// issuers, other hosts)', {
      description:
        'No authentication. Fetched like badge documents (public addresses only, every redirect checked, a deadline) and served inert ' +
        '(`Content-Security-Policy: sandbox`); only PNG, SVG, JPEG, GIF and WebP up to 2 MiB.',
      parameters: [{ name: 'url', in: 'query', required: true, schema: { type: 'string', format: 'uri' }, description: 'The http(s) address of the image.' }],
      responses: {
        '200': { description: 'The image, as its server sent it', content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string', format: 'binary' } } } },
        '400': error('`validation_failed`: `url` is missing or not an http(s) address.'),
        '403': error('`forbidden`: the address (or a redirect) leads to a private or loopback network.'),
        '422': error('`invalid_image`: not an image, larger than 2 MiB, or its server did not answer with one.'),
        '503': error('`service_unavailable`: the verification service is not reachable.'),
      },
    }),
  },
};
