import { API_ERROR_CODES, openApiSchemas } from '@badges/api-contracts';
import { ErrorCode } from '@badges/service-kit';

type Schema = Record<string, unknown>;

/** Every machine code the API can answer with (service-kit's and the contracts'), documented once. */
export const DOCUMENTED_ERROR_CODES = [...new Set<string>([...Object.values(ErrorCode), ...Object.keys(API_ERROR_CODES)])].sort();

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const nullableString = { type: 'string', nullable: true };

const responseSchemas: Record<string, Schema> = {
  ErrorEnvelope: {
    type: 'object',
    required: ['status', 'error'],
    description: 'Every 4xx/5xx answer. Branch on `error.code`; it is stable (codes are only ever added).',
    properties: {
      status: {
        type: 'object',
        required: ['success', 'description'],
        properties: { success: { type: 'boolean', enum: [false] }, description: { type: 'string' } },
      },
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: DOCUMENTED_ERROR_CODES },
          message: { type: 'string', description: 'Plain-language explanation.' },
          field: { type: 'string', description: 'Dotted path of the offending field, e.g. `recipient.identity`.' },
        },
      },
      fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    },
  },
  Status: {
    type: 'object',
    required: ['success', 'description'],
    properties: { success: { type: 'boolean', enum: [true] }, description: { type: 'string', example: 'ok' } },
  },
  Institution: { type: 'object', required: ['entityId', 'name'], properties: { entityId: { type: 'string' }, name: { type: 'string' } } },
  ClientCredentials: {
    type: 'object',
    required: ['clientId', 'clientSecret'],
    properties: { clientId: { type: 'string' }, clientSecret: { type: 'string', description: 'Shown once; only a hash is stored.' } },
  },
  InstitutionCreated: {
    type: 'object',
    required: ['id', 'name', 'client'],
    properties: { id: { type: 'string' }, name: { type: 'string' }, client: ref('ClientCredentials') },
  },
  InstitutionList: {
    type: 'object',
    properties: {
      institutions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
            clients: {
              type: 'array',
              items: {
                type: 'object',
                properties: { clientId: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, revokedAt: { ...nullableString, format: 'date-time' } },
              },
            },
          },
        },
      },
    },
  },
  TokenResponse: {
    type: 'object',
    required: ['access_token', 'token_type', 'expires_in', 'scope'],
    properties: {
      access_token: { type: 'string', description: 'An ES256 JWT (typ at+jwt).' },
      token_type: { type: 'string', enum: ['Bearer'] },
      expires_in: { type: 'integer', example: 3600 },
      scope: { type: 'string', example: 'rw:issuer' },
    },
  },
  Issuer: {
    type: 'object',
    description: 'Badgr v2 Issuer.',
    properties: {
      entityType: { type: 'string', enum: ['Issuer'] },
      entityId: { type: 'string' },
      openBadgeId: { type: 'string', format: 'uri' },
      createdAt: { type: 'string', format: 'date-time' },
      createdBy: nullableString,
      name: { type: 'string' },
      image: nullableString,
      email: { type: 'string' },
      description: nullableString,
      url: { type: 'string' },
      staff: { type: 'array', items: { type: 'object' } },
      extensions: { type: 'object' },
      publicKey: nullableString,
    },
  },
  BadgeClass: {
    type: 'object',
    description: 'Badgr v2 BadgeClass, plus our language, translations and verification.',
    properties: {
      entityType: { type: 'string', enum: ['BadgeClass'] },
      entityId: { type: 'string' },
      openBadgeId: { type: 'string', format: 'uri' },
      createdAt: { type: 'string', format: 'date-time' },
      issuer: { type: 'string' },
      issuerOpenBadgeId: { type: 'string', format: 'uri' },
      name: { type: 'string' },
      image: { type: 'string' },
      description: { type: 'string' },
      criteriaUrl: nullableString,
      criteriaNarrative: nullableString,
      alignments: { type: 'array', items: { type: 'object' } },
      tags: { type: 'array', items: { type: 'string' } },
      expires: { type: 'object', properties: { amount: { type: 'integer', nullable: true }, duration: nullableString } },
      language: { type: 'string' },
      translations: { type: 'array', items: { type: 'object' } },
      verification: { type: 'string', enum: ['hosted', 'signed'] },
    },
  },
  Assertion: {
    type: 'object',
    description: 'Badgr v2 Assertion. `openBadgeId` is the public URL of the OB 2.0 Assertion.',
    properties: {
      entityType: { type: 'string', enum: ['Assertion'] },
      entityId: { type: 'string' },
      openBadgeId: { type: 'string', format: 'uri' },
      createdAt: { type: 'string', format: 'date-time' },
      badgeclass: { type: 'string' },
      badgeclassOpenBadgeId: { type: 'string', format: 'uri' },
      issuer: { type: 'string' },
      issuerOpenBadgeId: { type: 'string', format: 'uri' },
      image: { type: 'string', format: 'uri' },
      recipient: {
        type: 'object',
        properties: { identity: { type: 'string' }, hashed: { type: 'boolean' }, type: { type: 'string' }, plaintextIdentity: { type: 'string' }, salt: { type: 'string' } },
      },
      issuedOn: { type: 'string', format: 'date-time' },
      narrative: nullableString,
      evidence: { type: 'array', items: { type: 'object', properties: { url: nullableString, narrative: nullableString } } },
      revoked: { type: 'boolean' },
      revocationReason: nullableString,
      acceptance: { type: 'string', enum: ['Unaccepted', 'Accepted', 'Rejected'] },
      expires: { ...nullableString, format: 'date-time' },
      extensions: { type: 'object' },
    },
  },
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
        description: 'Access token from POST /o/token (client credentials), sent as `Authorization: Bearer <token>`.',
        flows: { clientCredentials: { tokenUrl: '/o/token', scopes: { 'rw:issuer': 'Manage the institution’s issuers, badge classes and assertions' } } },
      },
      adminToken: { type: 'http', scheme: 'bearer', description: 'The operator’s ADMIN_TOKEN.' },
      learnerToken: { type: 'http', scheme: 'bearer', description: 'A learner’s passport token from POST /v2/auth/token.' },
      badgeConnectToken: { type: 'http', scheme: 'bearer', description: 'A Badge Connect access token from POST /o/badgeconnect/token, with the scope the route names.' },
    },
    // Request bodies come straight from the zod contracts, so the docs cannot drift from validation.
    schemas: { ...responseSchemas, ...openApiSchemas({ target: 'openapi-3.0' }) },
  };
}
