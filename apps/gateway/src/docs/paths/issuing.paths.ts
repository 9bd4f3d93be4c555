import { ES256_SIGNED_BADGES_WARNING, queryParameters } from '@badges/api-contracts';

import { body, clientOp, error, idParam, noContent, ok, queryParam, type PathItems } from './operations';

/** The institution API of the issuer service: issuers, their keys, badge classes, awards and bulk awards. */
export const ISSUING_PATHS: PathItems = {
  '/v2/institutions/self': {
    get: clientOp('Institutions', 'The caller’s institution', { '200': ok('The institution', 'Institution') }),
  },
  '/v2/issuers': {
    get: clientOp('Issuers', 'List the institution’s issuers', { '200': ok('Issuers', 'Issuer') }),
    post: clientOp('Issuers', 'Create an issuer', { '201': ok('Created', 'Issuer') }, { requestBody: body('IssuerCreateBody') }),
  },
  '/v2/issuers/{entityId}': {
    get: clientOp('Issuers', 'Get an issuer', { '200': ok('The issuer', 'Issuer') }, { parameters: [idParam()] }),
    put: clientOp('Issuers', 'Replace an issuer', { '200': ok('Updated', 'Issuer') }, { parameters: [idParam()], requestBody: body('IssuerUpdateBody') }),
    delete: clientOp('Issuers', 'Delete an issuer without assertions', { '204': noContent('Deleted') }, { parameters: [idParam()] }),
  },
  '/v2/issuers/{entityId}/keys': {
    get: clientOp('Issuers', 'The issuer’s signing keys, oldest first (public halves only); empty until its first signed badge', { '200': ok('Keys', 'SigningKey') }, { parameters: [idParam()] }),
  },
  '/v2/issuers/{entityId}/keys/rotate': {
    post: clientOp('Issuers', 'Retire the active signing key of the algorithm’s family (RS256/ES256, or the Ed25519 DID key) and make a new one; retired keys stay published, so earlier signed badges and credentials keep verifying', { '201': ok('Keys after the rotation (the new active key last)', 'SigningKey') }, {
      description: `\`algorithm\`: RS256 (the default), ES256, or Ed25519 (the issuer's DID key, for OB 3.0 Data Integrity proofs and status lists). ${ES256_SIGNED_BADGES_WARNING}`,
      parameters: [idParam()],
      requestBody: body('IssuerRotateSigningKeyBody', false),
    }),
  },
  '/v2/issuers/{entityId}/badgeclasses': {
    get: clientOp('Badge classes', 'List an issuer’s badge classes', { '200': ok('Badge classes', 'BadgeClass') }, { parameters: [idParam()] }),
    post: clientOp('Badge classes', 'Create a badge class', { '201': ok('Created', 'BadgeClass') }, { parameters: [idParam()], requestBody: body('BadgeClassCreateBody') }),
  },
  '/v2/issuers/{entityId}/assertions': {
    get: clientOp('Assertions', 'List an issuer’s assertions', { '200': ok('Assertions', 'Assertion') }, { parameters: [idParam(), ...assertionListParams()] }),
  },
  '/v2/issuers/{entityId}/stats': {
    get: clientOp('Dashboards', 'The issuer’s dashboard: awards made, accepted, shared and revoked over time (every badge class of the issuer)', { '200': ok('The counts', 'AwardStats') }, {
      parameters: [idParam(), ...queryParameters('StatsQuery')],
    }),
  },
  '/v2/badgeclasses': {
    get: clientOp('Badge classes', 'List all badge classes of the institution', { '200': ok('Badge classes', 'BadgeClass') }),
  },
  '/v2/badgeclasses/{entityId}': {
    get: clientOp('Badge classes', 'Get a badge class', { '200': ok('The badge class', 'BadgeClass') }, { parameters: [idParam()] }),
    put: clientOp('Badge classes', 'Update a badge class (issued assertions are not changed)', { '200': ok('Updated', 'BadgeClass') }, { parameters: [idParam()], requestBody: body('BadgeClassUpdateBody') }),
    delete: clientOp('Badge classes', 'Delete a badge class without assertions', { '204': noContent('Deleted') }, { parameters: [idParam()] }),
  },
  '/v2/badgeclasses/{entityId}/assertions': {
    get: clientOp('Assertions', 'List a badge class’s assertions, newest first', { '200': ok('Assertions', 'Assertion') }, { parameters: [idParam(), ...assertionListParams()] }),
    post: clientOp('Assertions', 'Award the badge class to one recipient', { '201': ok('Awarded', 'Assertion') }, { parameters: [idParam()], requestBody: body('AssertionCreateBody') }),
  },
  '/v2/badgeclasses/{entityId}/assertions.csv': {
    get: clientOp('Assertions', 'Export a badge class’s assertions as CSV, with the list’s filters; names and reasons formula-neutralised', {
      '200': { description: 'CSV: assertion_id, recipient_name, recipient_type, recipient, issued_on, expires, status, revocation_reason, assertion_url', content: { 'text/csv': { schema: { type: 'string' } } } },
    }, { parameters: [idParam(), ...assertionListParams().filter((param) => param.name !== 'num' && param.name !== 'cursor')] }),
  },
  '/v2/badgeclasses/{entityId}/stats': {
    get: clientOp('Dashboards', 'The badge class’s dashboard: awards made, accepted, shared and revoked over time', { '200': ok('The counts', 'AwardStats') }, {
      parameters: [idParam(), ...queryParameters('StatsQuery')],
    }),
  },
  '/v2/badgeclasses/{entityId}/issue': {
    post: clientOp('Assertions', 'Batch award (Badgr): up to 100, all or nothing', { '201': ok('Awarded', 'Assertion') }, { parameters: [idParam()], requestBody: body('BatchIssueBody') }),
  },
  '/v2/assertions/{entityId}': {
    get: clientOp('Assertions', 'Get an assertion', { '200': ok('The assertion', 'Assertion') }, { parameters: [idParam()] }),
    put: clientOp(
      'Assertions',
      'Change an assertion’s evidence, narrative or expiry (Badgr); a signed one is signed again; 400 `already_revoked` when revoked',
      { '200': ok('Updated', 'Assertion') },
      { parameters: [idParam()], requestBody: body('AssertionUpdateBody') },
    ),
    delete: clientOp('Assertions', 'Revoke an assertion', { '200': ok('Revoked', 'Assertion') }, { parameters: [idParam()], requestBody: body('RevokeBody') }),
  },
  '/v2/assertions/revoke': {
    post: clientOp('Assertions', 'Revoke several assertions (Badgr)', { '200': ok('One result per assertion, in order', 'BatchRevokeResult') }, { requestBody: body('BatchRevokeBody') }),
  },
  ...bulkAwardPaths(),
};

/** The assertion lists' query (AssertionListQuerySchema); `q` and `status` are ours, for the console (issue #17). */
function assertionListParams() {
  return [
    queryParam('recipient', { type: 'string' }, 'Only this recipient (email or identity, exact; may repeat).'),
    queryParam('q', { type: 'string', maxLength: 200 }, 'Search: the recipient’s name (substring, any case), an exact email or identity, or part of an unhashed identity. Part of a hashed email finds nothing: only its keyed hash is stored.'),
    queryParam('status', { type: 'string', enum: ['active', 'revoked', 'expired'] }, 'Only awards in this state; replaces include_revoked and include_expired.'),
    queryParam('include_revoked', { type: 'string', enum: ['true', 'false'] }),
    queryParam('include_expired', { type: 'string', enum: ['true', 'false'] }),
    queryParam('num', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
    queryParam('cursor', { type: 'string' }, 'From pagination.nextResults.'),
  ];
}

/** Bulk awards (docs/api.md#bulk-awards): a job the issuer's queue works through. */
function bulkAwardPaths(): PathItems {
  const tag = 'Bulk awards';
  const jobId = idParam('jobId');
  return {
    '/v2/badgeclasses/{entityId}/bulk-awards': {
      post: clientOp(tag, 'Start a bulk award (one row per recipient); repeat with the same Idempotency-Key to get the same job', {
        '202': ok('The new job (its URL in Location)', 'BulkAwardJob'),
        '200': ok('The job this Idempotency-Key started before', 'BulkAwardJob'),
        '409': error('`idempotency_key_reused`: the key started a bulk award of another badge class.'),
        '413': error('`payload_too_large`: the body is over 50 MB.'),
        '415': error('`unsupported_media_type`: send `text/csv` or `application/json`.'),
      }, {
        parameters: [idParam(), { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: { type: 'string', description: 'A header line with an `email` column (or `identity` and `type`); optional `name`, `narrative`, `evidence_url`, `evidence_narrative`, `expires`, `notify`.' } },
            'application/json': { schema: { type: 'object', required: ['rows'], properties: { rows: { type: 'array', items: { type: 'object' }, description: 'One object per row, with the CSV’s column names as keys.' } } } },
          },
        },
      }),
    },
    '/v2/bulk-awards/{jobId}': {
      get: clientOp(tag, 'A bulk award job: its progress, and its row errors with their line numbers (the first 100)', { '200': ok('The job', 'BulkAwardJob') }, {
        parameters: [
          jobId,
          queryParam('errors', { type: 'string', enum: ['all'] }, 'Every row error.'),
          queryParam('errorsLimit', { type: 'integer', minimum: 1, maximum: 10000, default: 100 }),
          queryParam('errorsAfter', { type: 'integer', minimum: 0 }, 'Only errors after this line.'),
        ],
      }),
    },
    '/v2/bulk-awards/{jobId}/result.csv': {
      get: clientOp(tag, 'The result file: every row with its assertion or its error', {
        '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
      }, { parameters: [jobId] }),
    },
    '/v2/bulk-awards/{jobId}/events': {
      get: clientOp(tag, 'Progress as server-sent events: `progress` on every change, then `complete`', {
        '200': { description: 'An event stream of BulkAwardJob snapshots', content: { 'text/event-stream': { schema: { type: 'string' } } } },
      }, { parameters: [jobId] }),
    },
  };
}
