import { SSO_ERROR_CODES } from '@badges/api-contracts';

import { body, clientOp, conflict, error, ok, op, type PathItems } from './operations';

const TAG = 'Single sign-on';

/** Every way a browser's SSO sign-in ends: a 302, never a body. */
const toConsole = (description: string) => ({ description, headers: { Location: { schema: { type: 'string' } }, 'Set-Cookie': { schema: { type: 'string' } } } });
const ssoErrors = `\`/console?sso_error=<code>\`, the code one of ${SSO_ERROR_CODES.map((code) => `\`${code}\``).join(', ')}`;

/**
 * An institution's OpenID Connect single sign-on (apps/gateway/src/sso, decision 0031): its admins
 * set it (a person with `admin` or a `manage` client); people's browsers sign in through it.
 */
export const SSO_PATHS: PathItems = {
  '/v2/institutions/self/sso': {
    get: clientOp(TAG, 'The institution’s SSO settings (admins); never the client secret, only `clientSecretSet`', {
      '200': ok('The settings, and the redirect URI to register with the provider', 'SsoSettings'),
      '404': error('`not_found`: no SSO is set'),
    }),
    put: clientOp(
      TAG,
      'Set the institution’s SSO (admins), replaced whole: the provider must answer OpenID Connect discovery within 5 seconds first. Leave `clientSecret` out to keep the one set',
      {
        '200': ok('The settings', 'SsoSettings'),
        '400': error('`validation_failed`: the body; `issuerUrl` not https (http only on a loopback host, with SSO_ALLOW_HTTP_ISSUERS); `clientSecret` missing the first time; (field `roleMappings`) an issuer that is not the institution’s'),
        ...conflict('another institution’s SSO claims one of the domains (field `allowedDomains`)'),
        '422': error('`sso_discovery_failed` (field `issuerUrl`): the provider did not answer discovery in time, or its answer was not valid for this issuer'),
      },
      { requestBody: body('SsoSettingsBody') },
    ),
    delete: clientOp(TAG, 'Remove the institution’s SSO (admins): nobody signs in through it any more, and passwords work again', {
      '200': ok('The settings removed', 'SsoSettings'),
      '404': error('`not_found`: no SSO is set'),
    }),
  },
  '/web/sso/start': {
    get: op([TAG], 'Start a person’s SSO sign-in (a browser navigation): to the provider of the institution whose SSO claims the address’s domain, with PKCE (S256), state and nonce kept in a sealed HttpOnly cookie for 10 minutes', {
      parameters: [{ name: 'email', in: 'query', required: true, schema: { type: 'string', format: 'email' } }],
      responses: { '302': toConsole(`To the provider’s authorization endpoint; or, refused, to ${ssoErrors}`) },
    }),
  },
  '/web/sso/callback': {
    get: op([TAG], 'Where the provider sends the person back (register it as the redirect URI): the code is exchanged and the ID token checked; the person is found, or provisioned when a role mapping applies', {
      parameters: [
        { name: 'code', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'state', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'error', in: 'query', required: false, schema: { type: 'string' }, description: 'The provider’s refusal (`access_denied`, …)' },
      ],
      responses: { '302': toConsole(`To \`/console?sso=signed_in\` with the staff session cookie; or, refused, to ${ssoErrors}`) },
    }),
  },
};
