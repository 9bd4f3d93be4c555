import { ACCESS_TOKEN_SCOPES, DOCUMENTED_ERROR_CODES } from '@badges/api-contracts';

import { scopeNeeded } from '../auth/client-scope';
import { buildComponents } from './openapi.components';
import { OPENAPI_PATHS } from './openapi.paths';
import type { PathItems } from './paths/operations';

/** The static OpenAPI 3 description of every public route; served at /docs and /docs/openapi.json. */
export function buildOpenApiDocument(publicUrl: string): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Open Badges platform API',
      version: '2.0.0',
      description: [
        'Badgr API v2-compatible institution and learner APIs, OAuth2 for API clients (client credentials) and institution staff (password and refresh tokens), Badge Connect 2.1, and public Open Badges 2.0 documents.',
        '',
        'Successful v2 answers are `{status: {success: true, description}, result: [...]}`. Errors are',
        '`{status: {success: false, description}, error: {code, message, field?}}` with a stable `code`:',
        DOCUMENTED_ERROR_CODES.map((code) => `\`${code}\``).join(', '),
      ].join('\n'),
    },
    servers: [{ url: publicUrl }],
    tags: [
      'Operations', 'Operator', 'Authentication', 'Web app session', 'Institutions', 'API clients', 'Staff', 'Single sign-on', 'Audit trail', 'Issuers', 'Badge classes', 'Assertions', 'Bulk awards', 'Dashboards',
      'Webhooks', 'Notifications', 'Verification', 'Endorsements', 'Public documents', 'Learners', 'Passport', 'Badge Connect', 'Open Badges 3.0 API',
    ].map((name) => ({ name })),
    paths: withClientScopes(OPENAPI_PATHS),
    components: buildComponents(),
  };
}

/** Each client route names the token scope it needs, from the rule the gateway enforces (auth/client-scope.ts). */
function withClientScopes(paths: PathItems): PathItems {
  const scoped = (path: string, method: string, operation: Record<string, unknown>) => {
    const security = operation.security as Record<string, string[]>[] | undefined;
    if (!security?.some((requirement) => 'clientToken' in requirement)) return operation;
    return { ...operation, security: [{ clientToken: [ACCESS_TOKEN_SCOPES[scopeNeeded(method.toUpperCase(), path)]] }] };
  };
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).map(([method, operation]) => [method, scoped(path, method, operation)]))]),
  );
}
