import { ADMIN, body, error, formOrJsonBody, json, noContent, op, rateLimited, ref, idParam, type PathItems } from './operations';

/** The gateway's own routes: probes, the operator's API, client credentials and the web app's sessions. */
export const PLATFORM_PATHS: PathItems = {
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
    get: op(['Operator'], 'List institutions: status, counts (people, API clients, issuers, badge classes, assertions awarded and revoked) and clients (no secrets)', {
      security: ADMIN,
      description: 'The issuer service’s counts are null when it does not answer; the list is still served.',
      responses: { '200': { description: 'Institutions, oldest first', content: json(ref('InstitutionList')) }, '401': error('`unauthorized`') },
    }),
  },
  '/admin/institutions/{id}': {
    patch: op(['Operator'], 'Rename an institution (in the gateway and in every service that keeps it); the same name again changes nothing', {
      security: ADMIN,
      parameters: [idParam('id')],
      requestBody: body('RenameInstitutionBody'),
      responses: {
        '200': { description: 'The institution', content: json(ref('AdminInstitution')) },
        '400': error('`validation_failed`'),
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
        '503': error('`service_unavailable`: a service could not take the new name; nothing was changed'),
      },
    }),
  },
  '/admin/institutions/{id}/suspend': {
    post: op(['Operator'], 'Suspend an institution: its clients and people cannot sign in, their tokens are refused within seconds; its public badges stay verifiable', {
      security: ADMIN,
      description: 'Idempotent: an institution already suspended is answered as it is (its first suspension’s time and reason kept). The body, and its reason, are optional.',
      parameters: [idParam('id')],
      requestBody: body('SuspendInstitutionBody', false),
      responses: {
        '200': { description: 'The suspended institution', content: json(ref('AdminInstitution')) },
        '400': error('`validation_failed`: the reason is too long'),
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
      },
    }),
  },
  '/admin/institutions/{id}/reactivate': {
    post: op(['Operator'], 'Reactivate a suspended institution: its clients and people sign in again, and their unexpired tokens work again', {
      security: ADMIN,
      description: 'Idempotent: an active institution is answered as it is.',
      parameters: [idParam('id')],
      responses: {
        '200': { description: 'The active institution', content: json(ref('AdminInstitution')) },
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
      },
    }),
  },
  '/admin/institutions/{id}/clients': {
    post: op(['Operator'], 'Add another API client (scope `manage`) to an institution', {
      security: ADMIN,
      parameters: [idParam('id')],
      responses: {
        '201': { description: 'Created; the secret is shown only here', content: json(ref('ClientCredentials')) },
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
      },
    }),
  },
  '/admin/clients/{clientId}/revoke': {
    post: op(['Operator'], 'Revoke any institution’s API client: its secret at once, its tokens within seconds', {
      security: ADMIN,
      parameters: [idParam('clientId')],
      responses: {
        '200': { description: 'The revoked client (no envelope, as every operator answer)', content: json(ref('ApiClient')) },
        '400': error('`already_revoked`'),
        '401': error('`unauthorized`'),
        '404': error('`not_found`'),
      },
    }),
  },
  '/o/token': {
    post: op(['Authentication'], 'OAuth2: an access token for an API client (client_credentials) or a person (password, then refresh_token)', {
      description: [
        'Form-encoded (`application/x-www-form-urlencoded`) or JSON. A client’s credentials may also come as HTTP Basic (then not in the body as well, unless the same).',
        '`scope` may ask for less than the client has (`r:issuer` < `award:issuer` < `rw:issuer`); Badgr’s other scopes are ignored.',
        'A person signs in with `grant_type=password` (Badgr’s `username` is the email address; a `client_id` is ignored) and gets a `refresh_token` beside the access token.',
        '`grant_type=refresh_token` answers a new pair: the refresh token sent stops working, and sending it again ends the session (RFC 6819 §5.2.2.3).',
        'A person’s sessions last STAFF_SESSION_TTL_SECONDS (a week) from the sign-in; wrong passwords are slowed down per address as learners’ are.',
        'Errors are RFC 6749 §5.2 bodies `{error, error_description}`, not the v2 envelope (only a 429 keeps it).',
      ].join(' '),
      requestBody: formOrJsonBody({ oneOf: ['OAuthTokenRequest', 'OAuthPasswordRequest', 'OAuthRefreshRequest'].map(ref), discriminator: { propertyName: 'grant_type' } }),
      responses: {
        '200': { description: 'An access token (and, for a person, a refresh token)', content: json(ref('TokenResponse')) },
        '400': oauthError(
          '`invalid_request` (a field missing or malformed, a body that does not parse), `unsupported_grant_type`, `invalid_scope` (more than the client or sign-in has, or unknown), `invalid_grant` (a wrong email address or password, one answer for every reason; a person whose institution allows only its single sign-on, saying so; a refresh token that is unknown, expired, revoked or already used; the right password or a live refresh token of a suspended institution’s person, described as such)',
        ),
        '401': {
          ...oauthError('`invalid_client`: no credentials, an unknown client_id, a wrong client_secret or a revoked client (one message for all); the right secret of a suspended institution’s client (described as such)'),
          headers: { 'WWW-Authenticate': { description: '`Basic realm="badges"` when the request used HTTP Basic', schema: { type: 'string' } } },
        },
        '429': rateLimited('too many token requests from this IP, or too many failed ones for this client_id or this person’s address.'),
      },
    }),
  },
  ...webSessionPaths(),
};

/** An RFC 6749 §5.2 error body, which /o/token answers instead of the envelope. */
function oauthError(description: string) {
  return { description, content: json(ref('OAuthError')) };
}

/**
 * The web app's sign-in (apps/gateway/src/web-session): the token stays in an HttpOnly cookie, and
 * every route wants `X-Badges-Session: learner|staff` so that a cross-site form cannot use it.
 */
function webSessionPaths(): PathItems {
  const tag = 'Web app session';
  const sessionHeader = { name: 'X-Badges-Session', in: 'header', required: true, schema: { type: 'string', enum: ['learner', 'staff'] } };
  const signIn = (summary: string, bodyName: string, wrong: string, forbidden = '`forbidden`: the X-Badges-Session header is missing or names another kind') =>
    op([tag], summary, {
      parameters: [sessionHeader],
      requestBody: body(bodyName),
      responses: {
        '204': { description: 'Signed in; the session cookie is set', headers: { 'Set-Cookie': { schema: { type: 'string' } } } },
        '400': error('`validation_failed`'),
        '401': error(wrong),
        '403': error(forbidden),
        '429': rateLimited('too many sign-in attempts.'),
      },
    });
  return {
    '/web/session/learner': { post: signIn('Sign a learner in to the web app (email and password)', 'LearnerSignInBody', '`invalid_credentials`') },
    '/web/session/staff': {
      post: signIn(
        'Sign staff in to the console: a person’s email and password (a new session of theirs), or the institution’s API client id and secret',
        'StaffSignInBody',
        '`invalid_credentials` (a person’s wrong email or password) or `invalid_client`',
        '`forbidden`: the X-Badges-Session header is missing or names another kind; `sso_required`: the person’s institution allows only its single sign-on (GET /web/sso/start); `institution_suspended`: the institution is suspended',
      ),
      get: op([tag], 'Who the staff session is', {
        parameters: [sessionHeader],
        responses: {
          '200': { description: 'The session’s person or client, and institution', content: json(ref('StaffSession')) },
          '401': error('`unauthorized`: no staff session'),
          '403': error('`forbidden`: the X-Badges-Session header is missing; `institution_suspended`: the institution is suspended'),
        },
      }),
    },
    '/web/session/{kind}': {
      delete: op([tag], 'Sign out: the cookie is cleared (a learner’s token is also revoked by the passport, a person’s session by the gateway)', {
        parameters: [{ name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['learner', 'staff'] } }, sessionHeader],
        responses: { '204': noContent('Signed out'), '403': error('`forbidden`: the X-Badges-Session header is missing'), '404': error('`not_found`: an unknown kind') },
      }),
    },
  };
}
