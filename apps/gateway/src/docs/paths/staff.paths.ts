import { anonymousOp, body, clientOp, conflict, error, idParam, noContent, ok, rateLimited, type PathItems } from './operations';

const TAG = 'Staff';

const staffId = idParam('staffId');
const badLink = (what: string) => ({ '400': error(`\`invalid_confirmation\` (field \`token\`): the ${what} link is unknown, already used or expired; or \`validation_failed\``) });

/**
 * The institution's people (apps/gateway/src/staff): admins' routes need a person with `admin` or
 * a `manage` client; the self-service ones are anonymous (the emailed link's token proves the
 * person) and rate limited.
 */
export const STAFF_PATHS: PathItems = {
  '/v2/staff': {
    get: clientOp(TAG, 'List the institution’s people: roles, status, last sign-in (admins)', { '200': ok('People, oldest first', 'StaffMember') }),
    post: clientOp(
      TAG,
      'Invite a person (admins): an email in their language carries a one-time link to set their password, valid for 7 days. An address already invited or removed here is invited again (the old link stops working)',
      {
        '201': ok('The person, `invited`', 'StaffMember'),
        '400': error('`validation_failed`: the body, or (field `issuerRoles`) an issuer that is not the institution’s'),
        ...conflict('the address belongs to an active person, or to a person of another institution'),
      },
      { requestBody: body('StaffInviteBody') },
    ),
  },
  '/v2/staff/{staffId}': {
    put: clientOp(
      TAG,
      'Replace a person’s roles (admins): their sessions get the new roles within seconds',
      { '200': ok('The person', 'StaffMember'), ...conflict('the person was removed (invite them again)') },
      { parameters: [staffId], requestBody: body('StaffRolesBody') },
    ),
    delete: clientOp(
      TAG,
      'Remove a person (admins): their sessions end, their tokens are refused within seconds, their links stop working; the record stays, `removed`',
      { '200': ok('The person, `removed`', 'StaffMember') },
      { parameters: [staffId] },
    ),
  },
  '/v2/staff/{staffId}/sessions/revoke': {
    post: clientOp(TAG, 'End every session of a person (admins): they sign in again; their tokens are refused within seconds', { '200': ok('How many sessions ended', 'StaffSessionsRevoked') }, { parameters: [staffId] }),
  },
  '/v2/staff/self': {
    get: clientOp(TAG, 'The signed-in person: their name, address and roles', {
      '200': ok('The person', 'StaffMember'),
      '403': error('`forbidden`: an API client’s token (this is a person’s route)'),
    }),
  },
  '/v2/staff/invitations/accept': {
    post: anonymousOp(TAG, 'Accept an invitation: the token from its link, a password (10 characters or more), and a name if it should change', {
      '200': ok('The person, `active`: they may now sign in (POST /o/token, grant_type=password)', 'StaffMember'),
      ...badLink('invitation'),
      '429': rateLimited('too many attempts from this IP, or with this token.'),
    }, { requestBody: body('StaffInvitationAcceptBody') }),
  },
  '/v2/staff/password-reset': {
    post: anonymousOp(TAG, 'Ask for a password reset link, valid for an hour, sent to the address if it belongs to an active person. The answer is the same whether or not it does', {
      '202': ok('Accepted (the result is empty)', 'StaffMember'),
      '429': rateLimited('too many requests from this IP, or for this address.'),
    }, { requestBody: body('StaffPasswordResetBody') }),
  },
  '/v2/staff/password-reset/confirm': {
    post: anonymousOp(TAG, 'Set a new password with the token from a reset link: every session of the person ends', {
      '204': noContent('The password is changed'),
      ...badLink('password reset'),
      '429': rateLimited('too many attempts from this IP, or with this token.'),
    }, { requestBody: body('StaffPasswordResetConfirmBody') }),
  },
  '/v2/issuers/{entityId}/staff': {
    get: clientOp('Issuers', 'Badgr’s issuer staff: the people with a role on the issuer (owner, editor, staff); institution admins hold every role without being listed', { '200': ok('Staff', 'IssuerStaff') }, { parameters: [idParam()] }),
  },
};
