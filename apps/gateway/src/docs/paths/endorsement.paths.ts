import { ES256_SIGNED_BADGES_WARNING } from '@badges/api-contracts';

import { publicDoc } from './public.paths';
import { body, clientOp, error, idParam, op, ok, ref, type PathItems } from './operations';

/** Endorsement service routes (docs/api.md#endorsements-endorsement-service, decision 0013). */
function endorsementPaths(): PathItems {
  const tag = 'Endorsements';
  const onlyParties = { '404': error('`not_found`: not a party to it; `forbidden`: a party, but only the endorser may answer.') };
  const answered = { '409': error('`conflict`: already answered; `endorser_profile_required`: publish your endorser Profile first.') };
  const roleQuery = { name: 'role', in: 'query', required: false, schema: { type: 'string', enum: ['requester', 'endorser'], default: 'requester' } };
  return {
    '/v2/endorsers': {
      get: clientOp(tag, 'Other institutions\' published endorser Profiles, by name (`institution`: the id a request names as `endorser`)', { '200': ok('Profiles', 'PublishedEndorser') }),
    },
    '/v2/endorsers/self': {
      get: clientOp(tag, 'Your endorser Profile', { '200': ok('The Profile (`openBadgeId`: its public URL)', 'EndorserProfile') }),
      put: clientOp(tag, 'Publish or update your endorser Profile (needed before anyone can ask you); `verification: "signed"` signs your Endorsements with your own key', { '200': ok('The Profile', 'EndorserProfile') }, { requestBody: body('EndorserProfileBody') }),
    },
    '/v2/endorsers/self/keys': {
      get: clientOp(tag, 'Your endorser signing keys, oldest first (public halves only)', { '200': ok('Keys', 'EndorserSigningKey') }),
    },
    '/v2/endorsers/self/keys/rotate': {
      post: clientOp(tag, 'Retire your active signing key and make a new one (`algorithm`: RS256 default, or ES256); retired keys stay published', { '201': ok('Keys after the rotation', 'EndorserSigningKey') }, {
        description: ES256_SIGNED_BADGES_WARNING,
        requestBody: body('RotateSigningKeyBody', false),
      }),
    },
    '/v2/endorsement-requests': {
      post: clientOp(tag, 'Ask an institution to endorse your issuer, badge class or assertion', {
        '201': ok('The pending request', 'EndorsementRequest'),
        '400': error('`validation_failed`, `self_endorsement` or `target_revoked`.'),
      }, { requestBody: body('EndorsementRequestCreateBody') }),
      get: clientOp(tag, 'Requests you made (`role=requester`) or received (`role=endorser`)', { '200': ok('Requests', 'EndorsementRequest') }, { parameters: [roleQuery] }),
    },
    '/v2/endorsement-requests/{entityId}': {
      get: clientOp(tag, 'One request (either party)', { '200': ok('The request', 'EndorsementRequest') }, { parameters: [idParam()] }),
    },
    '/v2/endorsement-requests/{entityId}/approve': {
      post: clientOp(tag, 'Approve (endorser only): issues the Endorsement, `comment` is its endorsementComment', { '201': ok('The Endorsement', 'Endorsement'), ...answered, ...onlyParties }, {
        parameters: [idParam()], requestBody: body('EndorsementApproveBody', false),
      }),
    },
    '/v2/endorsement-requests/{entityId}/decline': {
      post: clientOp(tag, 'Decline (endorser only)', { '200': ok('The declined request', 'EndorsementRequest'), ...answered, ...onlyParties }, { parameters: [idParam()], requestBody: body('EndorsementReasonBody', false) }),
    },
    '/v2/endorsements': {
      get: clientOp(tag, 'Endorsements of your entities (`role=requester`) or made by you (`role=endorser`)', { '200': ok('Endorsements', 'Endorsement') }, { parameters: [roleQuery] }),
    },
    '/v2/endorsements/{entityId}': {
      get: clientOp(tag, 'One endorsement (either party)', { '200': ok('The Endorsement', 'Endorsement') }, { parameters: [idParam()] }),
      delete: clientOp(tag, 'Withdraw (either party): revokes it; 400 `already_revoked` the second time', { '200': ok('The revoked Endorsement', 'Endorsement') }, {
        parameters: [idParam()], requestBody: body('EndorsementReasonBody', false),
      }),
    },
    '/public/endorsements/{id}': {
      get: op(['Public documents'], 'An OB 2.0 Endorsement (JSON-LD); a signed one’s compact JWS for `?format=jws` or `Accept: application/jose`; 410 with `revoked: true` once withdrawn', {
        parameters: [idParam('id'), { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['jws'] } }],
        responses: {
          '200': { description: 'The Endorsement', content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') }, 'application/json': { schema: ref('OpenBadgesDocument') }, 'application/jose': { schema: { type: 'string' } } } },
          '404': error('`not_found` (also: a JWS asked of a hosted endorsement)'),
          '410': { description: 'Withdrawn' },
        },
      }),
    },
    '/public/endorsers/{id}/keys/{keyId}': { get: publicDoc('CryptographicKey of a signing endorser', [idParam('id'), idParam('keyId')]) },
    '/public/endorsers/{id}/revocations': { get: publicDoc('RevocationList of an endorser (its withdrawn signed endorsements)') },
    '/public/endorsers/{id}': {
      get: op(['Public documents'], 'An endorser’s OB 2.0 Profile (JSON-LD)', {
        parameters: [idParam('id')],
        responses: { '200': { description: 'The Profile', content: { 'application/ld+json': { schema: ref('OpenBadgesDocument') }, 'application/json': { schema: ref('OpenBadgesDocument') } } }, '404': error('`not_found`') },
      }),
    },
  };
}

export const ENDORSEMENT_PATHS: PathItems = endorsementPaths();
