import { DOCUMENTED_ERROR_CODES } from '@badges/api-contracts';

import { buildComponents } from './openapi.components';
import { OPENAPI_PATHS } from './openapi.paths';

/** The static OpenAPI 3 description of every public route; served at /docs and /docs/openapi.json. */
export function buildOpenApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Open Badges platform API',
      version: '2.0.0',
      description: [
        'Badgr API v2-compatible institution and learner APIs, OAuth2 client credentials, Badge Connect 2.1, and public Open Badges 2.0 documents.',
        '',
        'Successful v2 answers are `{status: {success: true, description}, result: [...]}`. Errors are',
        '`{status: {success: false, description}, error: {code, message, field?}}` with a stable `code`:',
        DOCUMENTED_ERROR_CODES.map((code) => `\`${code}\``).join(', '),
      ].join('\n'),
    },
    servers: [{ url: publicUrl }],
    tags: [
      'Operations', 'Operator', 'Authentication', 'Web app session', 'Institutions', 'Issuers', 'Badge classes', 'Assertions', 'Bulk awards',
      'Webhooks', 'Notifications', 'Verification', 'Endorsements', 'Public documents', 'Learners', 'Passport', 'Badge Connect',
    ].map((name) => ({ name })),
    paths: OPENAPI_PATHS,
    components: buildComponents(),
  };
}
