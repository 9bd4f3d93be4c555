import { openApiSchemas } from '@badges/api-contracts';

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The gateway's own answers, which no service contract describes. Every API shape comes from api-contracts. */
const gatewaySchemas: Record<string, Schema> = {
  Health: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok', 'unavailable'] },
      services: { type: 'object', additionalProperties: { type: 'string', enum: ['up', 'down'] }, example: { gateway: 'up', issuer: 'up' } },
      dependencies: { type: 'object', properties: { database: { type: 'string', enum: ['up', 'down'] } } },
    },
  },
  OpenBadgesDocument: {
    type: 'object',
    description: 'An Open Badges 2.0 JSON-LD document (`@context` https://w3id.org/openbadges/v2).',
    additionalProperties: true,
  },
};

/** `{status, result: [<name>]}`: Badgr wraps single objects in a list too. */
export function envelopeOf(name: string): Schema {
  return { type: 'object', required: ['status', 'result'], properties: { status: ref('Status'), result: { type: 'array', items: ref(name) } } };
}

export function buildComponents(): Schema {
  return {
    securitySchemes: {
      clientToken: {
        type: 'oauth2',
        description:
          'Access token from POST /o/token, sent as `Authorization: Bearer <token>`: an API client’s (client credentials) or a person’s (password, then refresh_token). Scopes nest: `rw:issuer` allows all that `award:issuer` allows, which allows all that `r:issuer` allows. A person’s roles apply on top of the scope: writes need a role, the people, API client and webhook routes and new issuers need `admin`, and the issuer service checks the per-issuer roles (owner, editor, staff). A call the scope or the roles do not allow gets 403 `forbidden`.',
        flows: {
          password: {
            tokenUrl: '/o/token',
            refreshUrl: '/o/token',
            scopes: {
              'r:issuer': 'read: GET only',
              'award:issuer': 'award, within the person’s roles',
              'rw:issuer': 'everything the person’s roles allow (the default)',
            },
          },
          clientCredentials: {
            tokenUrl: '/o/token',
            scopes: {
              'r:issuer': 'read: GET only',
              'award:issuer': 'award: read, and award, revoke and bulk-award assertions',
              'rw:issuer': 'manage: everything, API clients included (Badgr’s scope)',
            },
          },
        },
      },
      adminToken: { type: 'http', scheme: 'bearer', description: 'The operator’s ADMIN_TOKEN.' },
      learnerToken: { type: 'http', scheme: 'bearer', description: 'A learner’s passport token from POST /v2/auth/token.' },
      badgeConnectToken: { type: 'http', scheme: 'bearer', description: 'An access token from POST /o/badgeconnect/token (Badge Connect and the Open Badges 3.0 API share it), with the scope the route names.' },
    },
    // Request bodies and responses come straight from the zod contracts, so the docs cannot drift
    // from validation or from what the services answer.
    schemas: { ...gatewaySchemas, ...openApiSchemas({ target: 'openapi-3.0' }) },
  };
}
