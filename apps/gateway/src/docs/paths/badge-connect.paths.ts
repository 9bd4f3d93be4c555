import { queryParameters } from '@badges/api-contracts';

import { anonymousOp, body, error, formOrJsonBody, idParam, json, learnerOp, noContent, ok, op, rateLimited, ref, type PathItems } from './operations';

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
  '/o/badgeconnect/consent': {
    get: anonymousOp(TAG, 'What the consent page shows for an authorization request: `ask` (the client and the scopes in its request), or `return` (the redirect URI with `error` and `state`, RFC 6749 §4.1.2.1; or, with the session of a learner who approved this client before for every scope asked, with a new `code` and `state`, decision 0042). A browser’s GET of the manifest’s authorizationUrl opens that page (decision 0039)', {
      '200': { description: '`ask` or `return`', content: json(ref('BadgeConnectConsent')) },
      '400': error('`validation_failed` on `client_id` (unknown) or `redirect_uri` (not registered): shown to the learner, never sent to the client'),
      '429': rateLimited('too many authorization requests from this IP.'),
    }, { parameters: queryParameters('BadgeConnectAuthorizationQuery') }),
  },
  '/o/badgeconnect/authorize': {
    post: learnerOp(TAG, 'The learner’s answer to a client, with their passport session: where the browser goes next (`code` and `state` on approve, `error=access_denied` on deny, or the request’s own error)', {
      '200': { description: 'The address to send the browser to', content: json(ref('BadgeConnectRedirect')) },
      '400': error('`validation_failed`: unknown `client_id`, unregistered `redirect_uri`, or no `decision`'),
      '429': rateLimited('too many authorization requests from this IP.'),
    }, { requestBody: formOrJsonBody('BadgeConnectAuthorizeBody') }),
  },
  '/v2/backpack/connected-apps': {
    get: learnerOp('Passport', 'The learner’s connected apps: Badge Connect clients they approved, what each may do and since when', { '200': ok('The connected apps', 'ConnectedApp') }),
  },
  '/v2/backpack/connected-apps/{clientId}': {
    delete: learnerOp('Passport', 'Disconnect an app: its consent, unused codes and tokens are deleted, so its next call gets 401', {
      '204': noContent('Disconnected'),
      '404': error('`not_found`: the learner has not connected this client'),
    }, { parameters: [idParam('clientId')] }),
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
