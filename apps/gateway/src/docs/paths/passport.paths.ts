import { anonymousOp, body, error, formOrJsonBody, idParam, json, learnerOp, noContent, ok, op, queryParam, rateLimited, ref, type PathItems } from './operations';

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });

/** The learner's passport (docs/passport.md): Badgr's v2 learner and backpack routes, and share pages. */
export const PASSPORT_PATHS: PathItems = {
  ...accountPaths(),
  ...backpackPaths(),
  '/public/passport/shares/{entityId}': {
    get: op(['Passport'], 'A shared badge or collection: an HTML page (with link-preview tags), or JSON for `Accept: application/json`', {
      parameters: [idParam()],
      responses: { '200': { ...html('The share page'), content: { 'text/html': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } }, '404': error('`not_found`: no such share, or it was revoked') },
    }),
  },
  '/public/passport/shares/{entityId}/embed': {
    get: op(['Passport'], 'The share as a small page another site may frame (the share’s `embedHtml` points here)', {
      parameters: [idParam()],
      responses: { '200': html('The embeddable page'), '404': error('`not_found`') },
    }),
  },
};

function accountPaths(): PathItems {
  const tag = 'Learners';
  return {
    '/v2/auth/signup': {
      post: anonymousOp(tag, 'Create a learner account; the address gets a confirmation link (badges collect once it is confirmed)', {
        '201': ok('The new user', 'LearnerUser'),
        '409': error('`conflict`: an account already has this address'),
        '429': rateLimited('too many sign-ups from this IP.'),
      }, { requestBody: body('SignUpBody') }),
    },
    '/v2/auth/token': {
      post: anonymousOp(tag, 'Sign in (Badgr’s password grant): a learner access token', {
        '200': { description: 'An access token', content: json(ref('LearnerToken')) },
        '401': error('`invalid_credentials`: unknown address or wrong password (one message for both)'),
        '429': rateLimited('too many failed sign-ins for this address or from this IP.'),
      }, { requestBody: formOrJsonBody('SignInBody') }),
    },
    '/v2/auth/logout': {
      post: learnerOp(tag, 'Sign this token out (other sessions stay)', { '204': noContent('Signed out') }),
    },
    '/v2/auth/confirm-email': {
      get: op([tag], 'Confirmation links emailed before the web app\'s page: sent on (303) to /passport/confirm-email?token=…, which confirms on a click (mail scanners follow links, and must not confirm)', {
        parameters: [queryParam('token', { type: 'string' })],
        responses: { '303': { description: 'To the web app\'s confirmation page' } },
      }),
      post: anonymousOp(tag, 'Confirm an address with the emailed token; its badges are collected as pending', {
        '200': ok('The confirmed address, with `collected`: how many badges were added', 'ConfirmedEmail'),
        '404': error('`not_found`: unknown or used token'),
      }, { requestBody: formOrJsonBody('ConfirmBody') }),
    },
    '/v2/users/self': {
      get: learnerOp(tag, 'The signed-in learner, with their emails and other identifiers', { '200': ok('The user', 'LearnerUser') }),
      put: learnerOp(tag, 'Set the language of the learner’s emails (`en` or `fr`)', { '200': ok('The user', 'LearnerUser'), '400': error('`validation_failed`: not a language the platform writes emails in') }, { requestBody: body('UserUpdateBody') }),
      delete: learnerOp(tag, 'Delete the account and all its data (the password is asked again)', { '204': noContent('Deleted') }, { requestBody: body('PasswordBody') }),
    },
    '/v2/users/self/merge': {
      post: learnerOp(tag, 'Merge another account of the same person into this one (its username and password prove it)', { '200': ok('The merged user', 'LearnerUser') }, { requestBody: body('MergeBody') }),
    },
    '/v2/users/self/emails': {
      get: learnerOp(tag, 'The learner’s email addresses', { '200': ok('Addresses', 'LearnerEmail') }),
      post: learnerOp(tag, 'Add an address; a confirmation link is emailed (posting an unconfirmed one again re-sends it)', { '201': ok('The address', 'LearnerEmail'), '409': error('`conflict`: another account has it') }, { requestBody: body('AddEmailBody') }),
    },
    '/v2/users/self/emails/{entityId}': {
      delete: learnerOp(tag, 'Remove an address (not the sign-in one)', { '204': noContent('Removed') }, { parameters: [idParam()] }),
    },
    '/v2/users/self/identifiers': {
      get: learnerOp(tag, 'Every identifier: emails, URLs and telephone numbers', { '200': ok('Identifiers', 'LearnerIdentifier') }),
      post: learnerOp(tag, 'Add a URL (answered with the proof text to put on its page) or a telephone number (kept unverified)', { '201': ok('The identifier', 'LearnerIdentifier') }, { requestBody: body('AddIdentifierBody') }),
    },
    '/v2/users/self/identifiers/{entityId}/verify': {
      post: learnerOp(tag, 'Check that the URL’s page shows its proof text; verifies it and collects its badges', { '200': ok('The verified identifier, with `collected`', 'LearnerIdentifier') }, { parameters: [idParam()] }),
    },
    '/v2/users/self/identifiers/{entityId}': {
      delete: learnerOp(tag, 'Remove an identifier', { '204': noContent('Removed') }, { parameters: [idParam()] }),
    },
  };
}

function backpackPaths(): PathItems {
  const tag = 'Passport';
  const statusQuery = queryParam('status', { type: 'string', enum: ['pending', 'accepted', 'declined'] });
  return {
    '/v2/backpack/assertions': {
      get: learnerOp(tag, 'The learner’s badges, pending ones included', { '200': ok('Badges', 'BackpackAssertion') }, { parameters: [statusQuery] }),
    },
    '/v2/backpack/assertions/{entityId}': {
      get: learnerOp(tag, 'One badge', { '200': ok('The badge', 'BackpackAssertion') }, { parameters: [idParam()] }),
      put: learnerOp(tag, 'Accept or decline a badge (either can be undone)', { '200': ok('The badge', 'BackpackAssertion') }, { parameters: [idParam()], requestBody: body('AcceptanceBody') }),
      delete: learnerOp(tag, 'Remove the badge from the passport (it comes back only if awarded again)', { '204': noContent('Removed') }, { parameters: [idParam()] }),
    },
    '/v2/backpack/assertions/{entityId}/credential': {
      get: learnerOp(tag, 'The badge’s Open Badges 3.0 credential as the passport keeps it (to verify one whose id is no address, or to save it); 404 for a 2.0 badge', { '200': ok('The credential', 'HeldCredential') }, { parameters: [idParam()] }),
    },
    '/v2/backpack/collections': {
      get: learnerOp(tag, 'The learner’s collections', { '200': ok('Collections', 'Collection') }),
      post: learnerOp(tag, 'Create a collection', { '201': ok('The collection', 'Collection') }, { requestBody: body('CollectionCreateBody') }),
    },
    '/v2/backpack/collections/{entityId}': {
      get: learnerOp(tag, 'One collection', { '200': ok('The collection', 'Collection') }, { parameters: [idParam()] }),
      put: learnerOp(tag, 'Edit a collection; `assertions` replaces the list, in display order', { '200': ok('The collection', 'Collection') }, { parameters: [idParam()], requestBody: body('CollectionUpdateBody') }),
      delete: learnerOp(tag, 'Delete a collection (its badges stay)', { '204': noContent('Deleted') }, { parameters: [idParam()] }),
    },
    '/v2/backpack/shares': {
      get: learnerOp(tag, 'The learner’s share links, with view counts', { '200': ok('Shares', 'Share') }),
      post: learnerOp(tag, 'Share a badge or a collection: a public page, its embed code and (badges) a LinkedIn link', { '201': ok('The share', 'Share') }, { requestBody: body('ShareCreateBody') }),
    },
    '/v2/backpack/shares/{entityId}': {
      get: learnerOp(tag, 'One share', { '200': ok('The share', 'Share') }, { parameters: [idParam()] }),
      delete: learnerOp(tag, 'Stop sharing: the page answers 404 from now on', { '204': noContent('Revoked') }, { parameters: [idParam()] }),
    },
    '/v2/backpack/export': {
      get: learnerOp(tag, 'The whole passport as a zip: every badge’s baked image and JSON, collections and profile', {
        '200': { description: 'A zip file', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } },
      }),
    },
    '/v2/backpack/import': {
      post: learnerOp(tag, 'Add a badge from elsewhere, by URL, baked image or assertion JSON/JWS; it is verified first', {
        '201': ok('The imported badge', 'BackpackAssertion'),
        '409': error('`conflict`: the badge is already in the passport'),
      }, { requestBody: body('ImportBody') }),
    },
    '/v2/backpack/badgr-imports': {
      post: learnerOp(tag, 'Bring the learner’s Badgr backpack (badges with their acceptance, collections): signs in to Badgr with the learner’s own username and password, used once and never kept, reads the backpack, and queues its import (decision 0046)', {
        '202': ok('The import, queued; follow it with GET by id', 'BadgrImport'),
        '400': error('`validation_failed` (field `badgrUrl`: not https; plain http only on this machine with BADGR_IMPORT_ALLOW_HTTP), `badgr_sign_in_failed` (field `password`: Badgr refused the username and password), `badgr_unreachable`, `badgr_unexpected_response` (field `badgrUrl`)'),
        '409': error('`conflict`: an import of this learner is still under way'),
        '429': rateLimited('too many imports from this learner or this IP.'),
      }, { requestBody: body('BadgrImportBody') }),
      get: learnerOp(tag, 'The learner’s Badgr imports, newest first (20), each with its progress and collections', { '200': ok('The imports (items left out: see GET by id)', 'BadgrImport') }),
    },
    '/v2/backpack/badgr-imports/{entityId}': {
      get: learnerOp(tag, 'One Badgr import: its progress and every item’s result (imported, already in the passport, skipped or failed, with a reason)', {
        '200': ok('The import', 'BadgrImport'),
        '404': error('`not_found`: no such import of this learner'),
      }, { parameters: [idParam()] }),
    },
  };
}
