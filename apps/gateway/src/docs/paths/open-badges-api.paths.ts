import { OpenBadgesApiScope, queryParameters } from '@badges/api-contracts';

import { json, op, ref, type PathItems } from './operations';

const TAG = 'Open Badges 3.0 API';

const bearer = [{ badgeConnectToken: [] }];
/** Every error of /ims/ob/v3p0 is OB 3.0's Imsx_StatusInfo; the platform's error code is its code minor field's name. */
const imsx = (description: string) => ({ description, content: json(ref('ImsxStatusInfo')) });
const common = {
  '401': imsx('`unauthorized` (unauthorizedrequest): no valid access token; `WWW-Authenticate: Bearer`'),
  '403': imsx('`insufficient_scope` (forbidden): the token lacks the scope the operation names'),
  '503': imsx('`service_unavailable` (server_busy): try again shortly'),
};

/**
 * The Open Badges 3.0 API (OB 3.0 §6), Host/Provider side, served by the passport for learners'
 * wallets. OAuth2 is Badge Connect's: /o/badgeconnect/register, /authorize (the consent page) and
 * /token, with the OB 3.0 scopes.
 */
export const OPEN_BADGES_API_PATHS: PathItems = {
  '/ims/ob/v3p0/discovery': {
    get: op([TAG], 'The Service Description Document: this API as OpenAPI, with the OAuth2 registration, authorization and token URLs and the four OB 3.0 scopes (no token)', {
      responses: { '200': { description: 'The Service Description Document', content: json(ref('OpenBadgesServiceDescription')) } },
    }),
  },
  '/ims/ob/v3p0/credentials': {
    get: op([TAG], `getCredentials: the learner’s accepted badges that have an OB 3.0 credential, oldest issued first (scope ${OpenBadgesApiScope.CredentialRead})`, {
      security: bearer,
      parameters: queryParameters('OpenBadgesCredentialsQuery'),
      responses: {
        '200': {
          description: 'Credentials with a proof in `credential`, VC-JWTs in `compactJwsStrings`',
          headers: {
            'X-Total-Count': { description: 'How many credentials the selection holds in all', schema: { type: 'integer' } },
            Link: { description: 'RFC 8288 links: `first` and `last` always, `next` when there are more, `prev` after the first page', schema: { type: 'string' } },
          },
          content: json(ref('GetOpenBadgeCredentialsResponse')),
        },
        '400': imsx('`validation_failed` (invalid_query_parameter): `limit`, `offset` or `since` is not valid'),
        ...common,
      },
    }),
    post: op([TAG], `upsertCredential: keep a credential in the learner’s passport once the verification service verified it and it names one of their confirmed identifiers (scope ${OpenBadgesApiScope.CredentialUpsert})`, {
      security: bearer,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('OpenBadgeCredentialBody') },
          'application/vc+ld+json': { schema: ref('OpenBadgeCredentialBody') },
          'text/plain': { schema: { type: 'string', description: 'A VC-JWT (compact JWS)' } },
        },
      },
      responses: {
        '200': { description: 'It replaced the same credential (same id and issuer id); the body is the credential sent' },
        '201': { description: 'It was added; the body is the credential sent (JSON, or the VC-JWT as text/plain)' },
        '400': imsx('(invalid_data) `validation_failed`: not a credential; `import_failed`: it did not verify; `recipient_mismatch`: issued to someone else'),
        '413': imsx('`payload_too_large` (invalid_data)'),
        '415': imsx('`unsupported_media_type` (invalid_data): not JSON, JSON-LD or text/plain'),
        ...common,
      },
    }),
  },
  '/ims/ob/v3p0/profile': {
    get: op([TAG], `getProfile: the learner as an OB 3.0 Profile: name and confirmed contact points (scope ${OpenBadgesApiScope.ProfileRead})`, {
      security: bearer,
      responses: { '200': { description: 'The Profile', content: json(ref('OpenBadgesProfile')) }, ...common },
    }),
    put: op([TAG], `putProfile: rename the learner; email, url and phone must be ones they confirmed in the passport (scope ${OpenBadgesApiScope.ProfileUpdate})`, {
      security: bearer,
      requestBody: { required: true, content: json(ref('OpenBadgesProfileBody')) },
      responses: {
        '200': { description: 'The Profile, as getProfile gives it', content: json(ref('OpenBadgesProfile')) },
        '400': imsx('`validation_failed` (invalid_data): a field is not valid, or names an address the learner has not confirmed'),
        ...common,
      },
    }),
  },
};
