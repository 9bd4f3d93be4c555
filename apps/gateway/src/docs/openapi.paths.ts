import { envelopeOf } from './openapi.components';

type Operation = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('ErrorEnvelope')) });
const ok = (description: string, schemaName: string) => ({ description, content: json(envelopeOf(schemaName)) });
const body = (schemaName: string, required = true) => ({ required, content: json(ref(schemaName)) });
/** The gateway's rate limits (rate-limits/rate-limit-rules.ts) answer this on the routes they cover. */
const rateLimited = (description: string) => ({
  ...error(`\`rate_limited\`: ${description}`),
  headers: { 'Retry-After': { description: 'Whole seconds until a new attempt may succeed.', schema: { type: 'integer', minimum: 1 } } },
});
const idParam = (name = 'entityId') => ({ name, in: 'path', required: true, schema: { type: 'string' } });

const CLIENT = [{ clientToken: ['rw:issuer'] }];
const ADMIN = [{ adminToken: [] }];

/** Answers every authenticated route can give besides its own. */
const authErrors = {
  '400': error('`validation_failed` or `invalid_json`: the body or query is invalid.'),
  '401': error('`unauthorized`: missing, invalid or expired access token.'),
  '404': error('`not_found`: no such entity in the caller’s institution (never another institution’s data).'),
  '413': error('`payload_too_large`: the body is over the limit (2 MB).'),
  '503': error('`service_unavailable`: the owning service is not reachable.'),
};

function op(tags: string[], summary: string, extra: Operation): Operation {
  return { tags, summary, ...extra };
}

function clientOp(tag: string, summary: string, responses: Record<string, unknown>, extra: Operation = {}): Operation {
  return op([tag], summary, { security: CLIENT, ...extra, responses: { ...responses, ...authErrors } });
}

/** Envelope of plain objects, for the notification routes (their shapes are listed in docs/api.md). */
const okList = (description: string) => ({
  description,
  content: json({ type: 'object', properties: { status: { type: 'object' }, result: { type: 'array', items: { type: 'object' } } } }),
});
const inlineBody = (properties: Record<string, unknown>, required: string[]) => ({ required: true, content: json({ type: 'object', properties, required }) });
const conflict = { '409': error('`conflict`: the delivery is still queued.') };

const publicDoc = (summary: string) =>
  op(['Public documents'], summary, {
    parameters: [idParam('id')],
    description: 'JSON-LD for `Accept: application/ld+json` or `application/json`, HTML for browsers. No authentication.',
    responses: {
      '200': {
        description: 'The document',
        content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') }, 'application/json': { schema: ref('OpenBadgesDocument') }, 'text/html': { schema: { type: 'string' } } },
      },
      '404': error('`not_found`'),
      '503': error('`service_unavailable`'),
    },
  });

/** Endorsement service routes (docs/api.md#endorsements-endorsement-service, decision 0013). */
function endorsementPaths(): Record<string, Record<string, Operation>> {
  const tag = 'Endorsements';
  const onlyParties = { '404': error('`not_found`: not a party to it; `forbidden`: a party, but only the endorser may answer.') };
  const answered = { '409': error('`conflict`: already answered; `endorser_profile_required`: publish your endorser Profile first.') };
  const roleQuery = { name: 'role', in: 'query', required: false, schema: { type: 'string', enum: ['requester', 'endorser'], default: 'requester' } };
  return {
    '/v2/endorsers': {
      get: clientOp(tag, 'Other institutions\' published endorser Profiles, by name (`institution`: the id a request names as `endorser`)', { '200': okList('Profiles') }),
    },
    '/v2/endorsers/self': {
      get: clientOp(tag, 'Your endorser Profile', { '200': okList('The Profile (`openBadgeId`: its public URL)') }),
      put: clientOp(tag, 'Publish or update your endorser Profile (needed before anyone can ask you); `verification: "signed"` signs your Endorsements with your own key', { '200': okList('The Profile') }, { requestBody: body('EndorserProfileBody') }),
    },
    '/v2/endorsers/self/keys': {
      get: clientOp(tag, 'Your endorser signing keys, oldest first (public halves only)', { '200': okList('Keys') }),
    },
    '/v2/endorsers/self/keys/rotate': {
      post: clientOp(tag, 'Retire your active signing key and make a new one (`algorithm`: RS256 default, or ES256); retired keys stay published', { '201': okList('Keys after the rotation') }, {
        requestBody: { ...inlineBody({ algorithm: { type: 'string', enum: ['RS256', 'ES256'], default: 'RS256' } }, []), required: false },
      }),
    },
    '/v2/endorsement-requests': {
      post: clientOp(tag, 'Ask an institution to endorse your issuer, badge class or assertion', {
        '201': okList('The pending request'),
        '400': error('`validation_failed`, `self_endorsement` or `target_revoked`.'),
      }, { requestBody: body('EndorsementRequestCreateBody') }),
      get: clientOp(tag, 'Requests you made (`role=requester`) or received (`role=endorser`)', { '200': okList('Requests') }, { parameters: [roleQuery] }),
    },
    '/v2/endorsement-requests/{entityId}': {
      get: clientOp(tag, 'One request (either party)', { '200': okList('The request') }, { parameters: [idParam()] }),
    },
    '/v2/endorsement-requests/{entityId}/approve': {
      post: clientOp(tag, 'Approve (endorser only): issues the Endorsement, `comment` is its endorsementComment', { '201': okList('The Endorsement'), ...answered, ...onlyParties }, {
        parameters: [idParam()], requestBody: body('EndorsementApproveBody', false),
      }),
    },
    '/v2/endorsement-requests/{entityId}/decline': {
      post: clientOp(tag, 'Decline (endorser only)', { '200': okList('The declined request'), ...answered, ...onlyParties }, { parameters: [idParam()], requestBody: body('EndorsementReasonBody', false) }),
    },
    '/v2/endorsements': {
      get: clientOp(tag, 'Endorsements of your entities (`role=requester`) or made by you (`role=endorser`)', { '200': okList('Endorsements') }, { parameters: [roleQuery] }),
    },
    '/v2/endorsements/{entityId}': {
      get: clientOp(tag, 'One endorsement (either party)', { '200': okList('The Endorsement') }, { parameters: [idParam()] }),
      delete: clientOp(tag, 'Withdraw (either party): revokes it; 400 `already_revoked` the second time', { '200': okList('The revoked Endorsement') }, {
        parameters: [idParam()], requestBody: body('EndorsementReasonBody', false),
      }),
    },
    '/public/endorsements/{id}': {
      get: op(['Public documents'], 'An OB 2.0 Endorsement (JSON-LD); a signed one’s compact JWS for `?format=jws` or `Accept: application/jose`; 410 with `revoked: true` once withdrawn', {
        parameters: [idParam('id'), { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['jws'] } }],
        responses: {
          '200': { description: 'The Endorsement', content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') }, 'application/jose': { schema: { type: 'string' } } } },
          '404': error('`not_found` (also: a JWS asked of a hosted endorsement)'),
          '410': { description: 'Withdrawn' },
        },
      }),
    },
    '/public/endorsers/{id}/keys/{keyId}': { get: { ...publicDoc('CryptographicKey of a signing endorser'), parameters: [idParam('id'), idParam('keyId')] } },
    '/public/endorsers/{id}/revocations': { get: publicDoc('RevocationList of an endorser (its withdrawn signed endorsements)') },
    '/public/endorsers/{id}': {
      get: op(['Public documents'], 'An endorser’s OB 2.0 Profile (JSON-LD)', {
        parameters: [idParam('id')],
        responses: { '200': { description: 'The Profile', content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') } } }, '404': error('`not_found`') },
      }),
    },
  };
}

export const OPENAPI_PATHS: Record<string, Record<string, Operation>> = {
  '/health': {
    get: op(['Operations'], 'Liveness: the gateway answers (it checks nothing else; see /ready)', {
      responses: { '200': { description: 'Alive', content: json({ type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } }) } },
    }),
  },
  '/ready': {
    get: op(['Operations'], 'Readiness: the gateway, its database and every service answer', {
      responses: {
        '200': { description: 'Everything is up', content: json(ref('Health')) },
        '503': { description: 'Something is down; the body says what', content: json(ref('Health')) },
      },
    }),
  },
  '/admin/institutions': {
    post: op(['Operator'], 'Create an institution and its first API client', {
      security: ADMIN,
      requestBody: body('CreateInstitutionBody'),
      responses: {
        '201': { description: 'Created; the client secret is shown only here', content: json(ref('InstitutionCreated')) },
        '400': error('`validation_failed`'),
        '401': error('`unauthorized`: wrong or missing ADMIN_TOKEN'),
        '503': error('`service_unavailable`: a service could not register the institution; nothing was created'),
      },
    }),
    get: op(['Operator'], 'List institutions and their clients (no secrets)', {
      security: ADMIN,
      responses: { '200': { description: 'Institutions', content: json(ref('InstitutionList')) }, '401': error('`unauthorized`') },
    }),
  },
  '/admin/institutions/{id}/clients': {
    post: op(['Operator'], 'Add another API client to an institution', {
      security: ADMIN,
      parameters: [idParam('id')],
      responses: {
        '201': { description: 'Created; the secret is shown only here', content: json(ref('ClientCredentials')) },
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
      },
    }),
  },
  '/o/token': {
    post: op(['Authentication'], 'OAuth2 client credentials: get an access token', {
      description: 'Form-encoded (`application/x-www-form-urlencoded`) or JSON. Credentials may also come as HTTP Basic.',
      requestBody: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: ref('OAuthTokenRequest') }, 'application/json': { schema: ref('OAuthTokenRequest') } },
      },
      responses: {
        '200': { description: 'An access token', content: json(ref('TokenResponse')) },
        '400': error('`unsupported_grant_type` (only client_credentials) or `validation_failed`'),
        '401': error('`invalid_client`: unknown client_id or wrong client_secret (one message for both)'),
        '429': rateLimited('too many token requests from this IP, or too many failed ones for this client_id.'),
      },
    }),
  },
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
    delete: clientOp('Issuers', 'Delete an issuer without assertions', { '204': { description: 'Deleted' } }, { parameters: [idParam()] }),
  },
  '/v2/issuers/{entityId}/badgeclasses': {
    get: clientOp('Badge classes', 'List an issuer’s badge classes', { '200': ok('Badge classes', 'BadgeClass') }, { parameters: [idParam()] }),
    post: clientOp('Badge classes', 'Create a badge class', { '201': ok('Created', 'BadgeClass') }, { parameters: [idParam()], requestBody: body('BadgeClassCreateBody') }),
  },
  '/v2/issuers/{entityId}/assertions': {
    get: clientOp('Assertions', 'List an issuer’s assertions', { '200': ok('Assertions', 'Assertion') }, { parameters: [idParam()] }),
  },
  '/v2/badgeclasses': {
    get: clientOp('Badge classes', 'List all badge classes of the institution', { '200': ok('Badge classes', 'BadgeClass') }),
  },
  '/v2/badgeclasses/{entityId}': {
    get: clientOp('Badge classes', 'Get a badge class', { '200': ok('The badge class', 'BadgeClass') }, { parameters: [idParam()] }),
    put: clientOp('Badge classes', 'Update a badge class (issued assertions are not changed)', { '200': ok('Updated', 'BadgeClass') }, { parameters: [idParam()], requestBody: body('BadgeClassUpdateBody') }),
    delete: clientOp('Badge classes', 'Delete a badge class without assertions', { '204': { description: 'Deleted' } }, { parameters: [idParam()] }),
  },
  '/v2/badgeclasses/{entityId}/assertions': {
    get: clientOp('Assertions', 'List a badge class’s assertions', { '200': ok('Assertions', 'Assertion') }, { parameters: [idParam()] }),
    post: clientOp('Assertions', 'Award the badge class to one recipient', { '201': ok('Awarded', 'Assertion') }, { parameters: [idParam()], requestBody: body('AssertionCreateBody') }),
  },
  '/v2/badgeclasses/{entityId}/issue': {
    post: clientOp('Assertions', 'Batch award (Badgr): up to 100, all or nothing', { '201': ok('Awarded', 'Assertion') }, { parameters: [idParam()], requestBody: body('BatchIssueBody') }),
  },
  '/v2/assertions/{entityId}': {
    get: clientOp('Assertions', 'Get an assertion', { '200': ok('The assertion', 'Assertion') }, { parameters: [idParam()] }),
    delete: clientOp('Assertions', 'Revoke an assertion', { '200': ok('Revoked', 'Assertion') }, { parameters: [idParam()], requestBody: body('RevokeBody') }),
  },
  '/v2/assertions/revoke': {
    post: clientOp('Assertions', 'Revoke several assertions (Badgr)', { '200': { description: 'One result per assertion' } }, { requestBody: body('BatchRevokeBody') }),
  },
  '/public/issuers/{id}': { get: publicDoc('OB 2.0 Issuer Profile') },
  '/public/badges/{id}': { get: publicDoc('OB 2.0 BadgeClass') },
  '/public/assertions/{id}': { get: publicDoc('OB 2.0 Assertion (its `id` is this URL)') },
  '/public/assertions/{id}/image': {
    get: op(['Public documents'], 'The badge image with the assertion baked in', {
      parameters: [idParam('id')],
      responses: {
        '200': { description: 'PNG or SVG', content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string' } } } },
        '404': error('`not_found`'),
        '503': error('`service_unavailable`'),
      },
    }),
  },
  '/public/issuers/{id}/keys/{keyId}': { get: { ...publicDoc('CryptographicKey of a signing issuer'), parameters: [idParam('id'), idParam('keyId')] } },
  '/public/issuers/{id}/revocations': { get: publicDoc('RevocationList of an issuer') },
  '/v2/webhooks': {
    post: clientOp('Webhooks', 'Register a webhook endpoint (the signing secret is returned once)', { '201': okList('The endpoint, with `secret`') }, {
      requestBody: inlineBody({ url: { type: 'string', format: 'uri' }, events: { type: 'array', items: { type: 'string', example: 'badges.assertion.issued.v1' } } }, ['url', 'events']),
      description: 'Each delivery is a POST of the event envelope, signed: `Badges-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (docs/events.md).',
    }),
    get: clientOp('Webhooks', 'List webhook endpoints', { '200': okList('Endpoints (no secrets)') }),
  },
  '/v2/webhooks/{entityId}': {
    delete: clientOp('Webhooks', 'Delete a webhook endpoint', { '204': { description: 'Deleted' } }, { parameters: [idParam()] }),
  },
  '/v2/webhooks/{entityId}/deliveries': {
    get: clientOp('Webhooks', 'Deliveries of an endpoint: status, attempts, response status, last error', { '200': okList('Deliveries') }, { parameters: [idParam()] }),
  },
  '/v2/webhooks/{entityId}/deliveries/{deliveryId}/redeliver': {
    post: clientOp('Webhooks', 'Send a delivery again', { '202': okList('Re-queued'), ...conflict }, { parameters: [idParam(), idParam('deliveryId')] }),
  },
  '/v2/notifications/emails': {
    get: clientOp('Notifications', 'Award emails and their delivery status (`?assertion=<id>`)', { '200': okList('Email deliveries') }),
  },
  '/v2/notifications/emails/{entityId}': {
    get: clientOp('Notifications', 'One award email', { '200': okList('Email delivery') }, { parameters: [idParam()] }),
  },
  '/v2/notifications/emails/{entityId}/resend': {
    post: clientOp('Notifications', 'Send an award email again', { '202': okList('Re-queued'), ...conflict }, { parameters: [idParam()] }),
  },
  '/v2/notifications/templates/assertion-issued': {
    get: clientOp('Notifications', 'The effective award-email template (override or default)', { '200': okList('Template') }),
    put: clientOp('Notifications', 'Override the award-email template', { '200': okList('Template') }, {
      requestBody: inlineBody({ subject: { type: 'string' }, text: { type: 'string' }, html: { type: 'string' } }, ['subject', 'text']),
      description: 'Placeholders: `{{badgeName}}`, `{{issuerName}}`, `{{assertionUrl}}` (HTML-escaped in `html`).',
    }),
    delete: clientOp('Notifications', 'Back to the default template', { '204': { description: 'Reset' } }),
  },
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
  ...endorsementPaths(),
};
