/**
 * Headers the gateway sets on requests it forwards to a service. Services trust them only
 * because they are reachable solely through the gateway (and, when INTERNAL_TOKEN is set,
 * only with that token). The gateway strips any copies a caller sends.
 */
export const InternalHeader = {
  InstitutionId: 'x-institution-id',
  ClientId: 'x-client-id',
  /**
   * Who made the request, for `createdBy`, events and the audit trail (issue #16):
   * `client:<clientId>` for an API client, `staff:<staffId>` for a person signed in to the console.
   */
  Actor: 'x-badges-actor',
  /**
   * A person's roles, on every request of a `staff:` actor (never on an API client's, whose token
   * scope the gateway enforces instead): `admin`, or `owner:<issuerId>,editor:<issuerId>,…`, or
   * `none`. Read it with parseStaffRoles (staff-roles.ts, which also holds the rule table).
   */
  StaffRoles: 'x-badges-staff-roles',
  /**
   * A person's email language (`en` | `fr`, their account's), on every request of a `staff:` actor:
   * what the emails their request causes are written in when nobody else's language applies. Read
   * it with callerLanguageOf (caller-language.decorator.ts).
   */
  StaffLanguage: 'x-badges-staff-language',
  CorrelationId: 'x-correlation-id',
  InternalToken: 'x-internal-token',
  /** The public base URL the caller used, so documents carry the right ids. */
  PublicUrl: 'x-public-url',
} as const;
