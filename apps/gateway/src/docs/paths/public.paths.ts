import { error, idParam, op, ref, type Operation, type PathItems } from './operations';

const TAG = 'Public documents';

/** A public OB 2.0 document: JSON-LD, or an HTML page for browsers. No authentication. */
export function publicDoc(summary: string, parameters = [idParam('id')]): Operation {
  return op([TAG], summary, {
    parameters,
    description: 'JSON-LD for `Accept: application/ld+json` or `application/json` (labelled `application/json` when the client ranks it above `application/ld+json`, as OB 2.0 asks; `Vary: Accept`), HTML for browsers. No authentication.',
    responses: {
      '200': {
        description: 'The document',
        content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') }, 'application/json': { schema: ref('OpenBadgesDocument') }, 'text/html': { schema: { type: 'string' } } },
      },
      '404': error('`not_found`'),
      '503': error('`service_unavailable`'),
    },
  });
}

function publicImage(summary: string): Operation {
  return op([TAG], summary, {
    parameters: [idParam('id')],
    responses: {
      '200': { description: 'PNG or SVG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string' } } } },
      '404': error('`not_found`'),
      '503': error('`service_unavailable`'),
    },
  });
}

/** An OB 3.0 public JSON document (decision 0048). No authentication. */
function publicJson(summary: string, mediaType: string, parameters: Record<string, unknown>[] = [idParam('id')]): Operation {
  return op([TAG], summary, {
    parameters,
    responses: {
      '200': { description: 'The document', content: { [mediaType]: { schema: { type: 'object' } } } },
      '404': error('`not_found`'),
      '503': error('`service_unavailable`'),
    },
  });
}

/** An award's OB 3.0 credential: as stored at award time, or the award's page for browsers. */
const credentialOp = op([TAG], 'OB 3.0 OpenBadgeCredential of an award (its `id` is this URL); a revoked one still answers, its status list says it is revoked', {
  parameters: [idParam('id')],
  description: 'The stored credential: JSON with a Data Integrity proof (`application/vc+ld+json`) or a compact VC-JWT (`application/vc+jwt`), as the issuer’s `credentialProof` made it; HTML for browsers. `Link: <OB 2.0 assertion>; rel="alternate"` when the award has that form. No authentication.',
  responses: {
    '200': {
      description: 'The credential',
      content: { 'application/vc+ld+json': { schema: { type: 'object' } }, 'application/vc+jwt': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } },
    },
    '404': error('`not_found`: no such award, or it has no OB 3.0 form'),
    '503': error('`service_unavailable`'),
  },
});

/** The issuer's public documents and images: the URLs printed in every badge. */
export const PUBLIC_PATHS: PathItems = {
  '/public/issuers/{id}': { get: publicDoc('OB 2.0 Issuer Profile') },
  '/public/issuers/{id}/image': { get: publicImage('The issuer’s image') },
  '/public/issuers/{id}/keys/{keyId}': { get: publicDoc('CryptographicKey of a signing issuer', [idParam('id'), idParam('keyId')]) },
  '/public/issuers/{id}/revocations': { get: publicDoc('RevocationList of an issuer') },
  '/public/badges/{id}': { get: publicDoc('OB 2.0 BadgeClass') },
  '/public/badges/{id}/image': { get: publicImage('The badge class’s image') },
  '/public/assertions/{id}': { get: publicDoc('OB 2.0 Assertion (its `id` is this URL)') },
  '/public/assertions/{id}/image': { get: publicImage('The badge image with the assertion baked in') },
  '/public/credentials/{id}': { get: credentialOp },
  '/public/credentials/{id}/image': { get: publicImage('The badge image with the OB 3.0 credential baked in') },
  '/public/issuers/{id}/did.json': { get: publicJson('DID document of the issuer’s did:web DID: its Ed25519 keys, retired ones too', 'application/did+ld+json') },
  '/public/issuers/{id}/jwks.json': { get: publicJson('JWKS of the issuer’s RS256/ES256 keys, retired ones too (VC-JWT `kid`s)', 'application/jwk-set+json') },
  '/public/issuers/{id}/jwks/{keyId}': { get: publicJson('One RS256/ES256 key of the issuer as a JWK: the `kid` of the VC-JWTs it signed', 'application/jwk+json', [idParam('id'), idParam('keyId')]) },
  '/public/issuers/{id}/status/{listNumber}': {
    get: publicJson('Signed BitstringStatusListCredential (revocation) of the issuer’s list', 'application/vc+ld+json', [idParam('id'), { name: 'listNumber', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } }]),
  },
};
