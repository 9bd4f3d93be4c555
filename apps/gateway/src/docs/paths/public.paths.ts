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
};
