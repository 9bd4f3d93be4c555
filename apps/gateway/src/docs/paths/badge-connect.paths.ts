import { anonymousOp, body, error, formOrJsonBody, json, learnerOp, op, ref, type PathItems } from './operations';

const TAG = 'Badge Connect';

/** A Badge Connect resource: under Badgr's `/bcv1` and the spec's `/bcv1/ims/ob/v2p1` alike. */
function resource(path: string, item: PathItems[string]): PathItems {
  return { [`/bcv1/${path}`]: item, [`/bcv1/ims/ob/v2p1/${path}`]: item };
}

const bearer = [{ badgeConnectToken: [] }];
const results = (description: string) => ({ description, content: json(ref('BadgeConnectResults')) });

/** Badge Connect 2.1 (docs/passport.md): discovery, RFC 7591 registration, code + PKCE, resources. */
export const BADGE_CONNECT_PATHS: PathItems = {
  '/.well-known/badgeconnect.json': {
    get: op([TAG], 'The Badge Connect manifest: API base, scopes and the OAuth2 endpoints', {
      responses: { '200': { description: 'The manifest', content: json(ref('BadgeConnectManifest')) } },
    }),
  },
  '/o/badgeconnect/register': {
    post: anonymousOp(TAG, 'Register a client (RFC 7591 dynamic registration)', { '201': { description: 'The client, with its secret (shown once)', content: json(ref('BadgeConnectClient')) } }, {
      requestBody: body('BadgeConnectRegistrationBody'),
    }),
  },
  '/o/badgeconnect/authorize': {
    post: learnerOp(TAG, 'The learner’s consent, with their passport token: 302 to the client’s redirect URI with `code` and `state`', {
      '302': { description: 'To the redirect URI', headers: { Location: { schema: { type: 'string', format: 'uri' } } } },
    }, { requestBody: formOrJsonBody('BadgeConnectAuthorizeBody') }),
  },
  '/o/badgeconnect/token': {
    post: anonymousOp(TAG, 'Exchange a code (with its PKCE verifier) or a refresh token for an access token; client credentials as HTTP Basic or in the body', {
      '200': { description: 'Tokens', content: json(ref('BadgeConnectToken')) },
      '401': error('`invalid_client`'),
    }, { requestBody: formOrJsonBody('BadgeConnectTokenBody') }),
  },
  ...resource('assertions', {
    get: op([TAG], 'The learner’s accepted badges as OB 2.0 assertions (scope assertion.readonly)', { security: bearer, responses: { '200': results('`results`: the assertions'), '401': error('`unauthorized`'), '403': error('`forbidden`: the token lacks the scope') } }),
    post: op([TAG], 'Push a badge into the passport: verified and imported (scope assertion.create)', {
      security: bearer,
      requestBody: body('BadgeConnectPushBody'),
      responses: { '201': results('`results`: `[{id}]` of the imported badge'), '400': error('`validation_failed`, or the badge did not verify'), '401': error('`unauthorized`'), '403': error('`forbidden`: the token lacks the scope') },
    }),
  }),
  ...resource('profile', {
    get: op([TAG], 'The learner’s OB 2.0 Profile (scope profile.readonly)', { security: bearer, responses: { '200': results('`results`: the Profile'), '401': error('`unauthorized`'), '403': error('`forbidden`: the token lacks the scope') } }),
  }),
};
