import { OpenBadgesApiScope, type OpenBadgesServiceDescription } from '@badges/api-contracts';
import { OPEN_BADGES_API_PREFIX } from '@badges/service-kit';

/** OB 3.0's words for its scopes, as its OpenAPI file gives them. */
const SCOPES: Record<OpenBadgesApiScope, string> = {
  [OpenBadgesApiScope.CredentialRead]: 'Permission to read AchievementCredentials for the authenticated entity.',
  [OpenBadgesApiScope.CredentialUpsert]: 'Permission to create or update AchievementCredentials for the authenticated entity.',
  [OpenBadgesApiScope.ProfileRead]: 'Permission to read the profile for the authenticated entity.',
  [OpenBadgesApiScope.ProfileUpdate]: 'Permission to update the profile for the authenticated entity.',
};

const errors = (statuses: string[]) => Object.fromEntries(statuses.map((status) => [status, { description: 'Imsx_StatusInfo', content: { 'application/json': { schema: { $ref: '#/components/schemas/Imsx_StatusInfo' } } } }]));
const secured = (scope: OpenBadgesApiScope) => [{ OAuth2ACG: [scope] }];

/**
 * The Service Description Document (OB 3.0 § "getServiceDescription"): a profile of the OB 3.0
 * OpenAPI file naming this platform's server, terms, privacy policy, and its OAuth2 endpoints.
 * Those are Badge Connect's (the passport runs one authorization server for both APIs): the same
 * RFC 7591 registration, the consent page at the same authorization URL, the same token endpoint.
 */
export function serviceDescription(publicUrl: string): OpenBadgesServiceDescription {
  const oauth = `${publicUrl}/o/badgeconnect`;
  return {
    openapi: '3.0.1',
    info: {
      title: 'Badge Passport',
      description: 'The learner’s passport: their Open Badges 3.0 credentials and profile, for the wallets they connect.',
      version: '3.0',
      termsOfService: `${publicUrl}/terms`,
      'x-imssf-privacyPolicyUrl': `${publicUrl}/privacy`,
      'x-imssf-image': `${publicUrl}/favicon.png`,
    },
    servers: [{ url: `${publicUrl}${OPEN_BADGES_API_PREFIX}`, description: 'Badge Passport' }],
    tags: [
      { name: 'OpenBadgeCredentials', description: 'Exchange OpenBadgeCredentials and Profile information.' },
      { name: 'Discovery', description: 'The Service Description Document.' },
    ],
    paths: {
      '/credentials': {
        get: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'getCredentials',
          summary: 'The learner’s OpenBadgeCredentials, oldest issued first.',
          parameters: [
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'At most this many (default 20; more than 100 is served as 100).' },
            { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0 }, description: 'Index of the first to return (zero-based).' },
            { name: 'since', in: 'query', required: false, schema: { type: 'string', format: 'date-time' }, description: 'Only credentials issued after this time.' },
          ],
          security: secured(OpenBadgesApiScope.CredentialRead),
          responses: {
            '200': { description: '`credential` and `compactJwsStrings`, with the X-Total-Count and Link (first, last, next, prev) headers.', content: { 'application/json': { schema: { $ref: '#/components/schemas/GetOpenBadgeCredentialsResponse' } } } },
            ...errors(['400', '401', '403', '405', '500']),
          },
        },
        post: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'upsertCredential',
          summary: 'Keep a credential in the learner’s passport once it verifies: 201 when new, 200 when it replaced the same one.',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/AchievementCredential' } },
              'application/vc+ld+json': { schema: { $ref: '#/components/schemas/AchievementCredential' } },
              'text/plain': { schema: { $ref: '#/components/schemas/CompactJws' } },
            },
          },
          security: secured(OpenBadgesApiScope.CredentialUpsert),
          responses: {
            '200': { description: 'The credential replaced the one held; the body is the credential sent.' },
            '201': { description: 'The credential was added; the body is the credential sent.' },
            ...errors(['400', '401', '403', '404', '405', '500']),
          },
        },
      },
      '/profile': {
        get: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'getProfile',
          security: secured(OpenBadgesApiScope.ProfileRead),
          responses: { '200': { description: 'The learner’s Profile.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } } }, ...errors(['400', '401', '403', '404', '405', '500']) },
        },
        put: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'putProfile',
          summary: 'Rename the learner; email, url and phone must be identifiers they confirmed in the passport.',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } } },
          security: secured(OpenBadgesApiScope.ProfileUpdate),
          responses: { '200': { description: 'The learner’s Profile, as getProfile gives it.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Profile' } } } }, ...errors(['400', '401', '403', '404', '405', '500']) },
        },
      },
      '/discovery': {
        get: {
          tags: ['Discovery'],
          operationId: 'getServiceDescription',
          responses: { '200': { description: 'This document.' }, ...errors(['default']) },
        },
      },
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description: 'OAuth 2.0 Authorization Code Grant with PKCE (S256), RFC 7591 dynamic client registration.',
          'x-imssf-registrationUrl': `${oauth}/register`,
          flows: { authorizationCode: { authorizationUrl: `${oauth}/authorize`, tokenUrl: `${oauth}/token`, refreshUrl: `${oauth}/token`, scopes: { ...SCOPES } } },
        },
      },
      schemas: {
        CompactJws: { type: 'string', pattern: '^[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]*\\.[a-zA-Z0-9_-]+$' },
        AchievementCredential: { $ref: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json' },
        Profile: { $ref: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json' },
        GetOpenBadgeCredentialsResponse: { $ref: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_getopenbadgecredentialsresponse_schema.json' },
        Imsx_StatusInfo: { $ref: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_imsx_statusinfo_schema.json' },
      },
    },
  };
}
