/**
 * The Open Badges 3.0 API (OB 3.0 §6, "Open Badges API"), as the passport serves it at
 * `/ims/ob/v3p0` for a learner's wallet (Host/Provider): the Service Description Document,
 * getCredentials, upsertCredential, getProfile and putProfile, and its `Imsx_StatusInfo` errors.
 * OAuth2 (RFC 7591 registration, code + PKCE, tokens) is Badge Connect's (badge-connect.contract.ts).
 */
import { z } from 'zod';

/** The four scopes OB 3.0 defines; the passport offers all of them. */
export const OpenBadgesApiScope = {
  CredentialRead: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  CredentialUpsert: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  ProfileRead: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  ProfileUpdate: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
} as const;

export type OpenBadgesApiScope = (typeof OpenBadgesApiScope)[keyof typeof OpenBadgesApiScope];

export const OPEN_BADGES_API_SCOPES: readonly string[] = Object.values(OpenBadgesApiScope);

/** OB 3.0's `Imsx_CodeMinorFieldValue` vocabulary. */
export const IMSX_CODE_MINOR_VALUES = [
  'forbidden',
  'fullsuccess',
  'internal_server_error',
  'invalid_data',
  'invalid_query_parameter',
  'misdirected_request',
  'not_acceptable',
  'not_allowed',
  'not_found',
  'not_modified',
  'server_busy',
  'unauthorizedrequest',
  'unknown',
] as const;
export type ImsxCodeMinorValue = (typeof IMSX_CODE_MINOR_VALUES)[number];

/** Every error of `/ims/ob/v3p0` (OB 3.0 `Imsx_StatusInfo`): the platform's error code is the field name. */
export const ImsxStatusInfoSchema = z.object({
  imsx_codeMajor: z.enum(['failure', 'processing', 'success', 'unsupported']),
  imsx_severity: z.enum(['error', 'status', 'warning']),
  imsx_description: z.string().optional().describe('What went wrong, in plain words'),
  imsx_codeMinor: z
    .object({
      imsx_codeMinorField: z
        .array(
          z.object({
            imsx_codeMinorFieldName: z.string().describe('The platform’s machine-readable error code (`validation_failed`, `recipient_mismatch`, …)'),
            imsx_codeMinorFieldValue: z.enum(IMSX_CODE_MINOR_VALUES),
          }),
        )
        .min(1),
    })
    .optional(),
});
export type ImsxStatusInfo = z.output<typeof ImsxStatusInfoSchema>;

const wholeNumber = (name: string) => z.string().regex(/^\d{1,9}$/, { error: `${name} must be a whole number.` }).transform(Number);

/** getCredentials' query: `limit` (1 or more; more than 100 is served as 100), `offset` (from 0), `since` (issued after). */
export const OpenBadgesCredentialsQuerySchema = z.object({
  limit: wholeNumber('limit').refine((limit) => limit >= 1, { error: 'limit must be 1 or more.' }).optional().describe('Credentials per page (default 20, at most 100)'),
  offset: wholeNumber('offset').optional().describe('Index of the first credential to return (zero-based)'),
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO 8601 date-time, such as 2024-01-31T12:00:00Z.' }).optional().describe('Only credentials issued after this time'),
});
export type OpenBadgesCredentialsQuery = z.output<typeof OpenBadgesCredentialsQuerySchema>;

/** 200 of getCredentials: credentials with an embedded proof in `credential`, VC-JWTs in `compactJwsStrings`. */
export const GetOpenBadgeCredentialsResponseSchema = z.object({
  credential: z.array(z.record(z.string(), z.unknown())).describe('OpenBadgeCredentials with an embedded proof, as signed'),
  compactJwsStrings: z.array(z.string()).describe('OpenBadgeCredentials signed as VC-JWTs (compact JWS)'),
});
export type GetOpenBadgeCredentialsResponse = z.output<typeof GetOpenBadgeCredentialsResponseSchema>;

/** A compact JWS (RFC 7515), OB 3.0's `CompactJws`. */
export const CompactJwsSchema = z
  .string()
  .trim()
  .max(1_000_000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/, { error: 'The body must be a compact JWS (header.payload.signature) for Content-Type text/plain.' });

const OB3_CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

/**
 * upsertCredential's JSON body: an OpenBadgeCredential (or its alias AchievementCredential). Only
 * what the passport needs to file it is checked here; the verification service checks the rest
 * (context, schema, proof, status) before anything is kept. Other properties are kept as given.
 */
export const OpenBadgeCredentialBodySchema = z.looseObject({
  '@context': z.union([z.string(), z.array(z.unknown())], { error: '@context is required.' }),
  id: z.string({ error: 'id is required: the passport files a credential by its id and its issuer’s.' }).trim().min(1).max(2048),
  type: z
    .array(z.string(), { error: 'type must be a list naming OpenBadgeCredential.' })
    .refine((types) => types.some((type) => OB3_CREDENTIAL_TYPES.includes(type)), { error: 'type must name OpenBadgeCredential (or AchievementCredential).' }),
  issuer: z.union([z.string().min(1).max(2048), z.looseObject({ id: z.string().min(1).max(2048) })], { error: 'issuer is required: a URI or a Profile with an id.' }),
  credentialSubject: z.record(z.string(), z.unknown(), { error: 'credentialSubject is required.' }),
});

const profileType = z.union([z.literal('Profile'), z.array(z.string()).refine((types) => types.includes('Profile'))], { error: 'type must be Profile.' });

/**
 * The learner as OB 3.0 `Profile` (getProfile, and putProfile's answer). `id` is a stable URN of
 * the learner that says nothing about them; the contact points are their confirmed identifiers.
 */
export const OpenBadgesProfileSchema = z.object({
  '@context': z.array(z.string()),
  type: z.array(z.literal('Profile')),
  id: z.string().describe('urn:uuid: of the learner, the same for every client'),
  name: z.string(),
  email: z.string().optional().describe('Their confirmed sign-in address'),
  url: z.string().optional().describe('A confirmed web address of theirs, if any'),
  phone: z.string().optional().describe('A confirmed telephone number of theirs, if any'),
});
export type OpenBadgesProfile = z.output<typeof OpenBadgesProfileSchema>;

/**
 * putProfile's body: the whole Profile (OB 3.0 §6.2.4). `name` renames the learner; `email`,
 * `url` and `phone` must be identifiers they already confirmed in the passport (an address is only
 * theirs once confirmed there); other Profile properties are accepted and not kept.
 */
export const OpenBadgesProfileBodySchema = z.looseObject({
  type: profileType.optional(),
  name: z.string({ error: 'name must be text.' }).trim().min(1, { error: 'name may not be empty.' }).max(200).optional(),
  email: z.email({ error: 'email must be an email address.' }).max(320).optional(),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) address.' }).max(2048).optional(),
  phone: z.string({ error: 'phone must be text.' }).trim().min(1).max(50).optional(),
});
export type OpenBadgesProfileBody = z.output<typeof OpenBadgesProfileBodySchema>;

/**
 * 200 of GET /ims/ob/v3p0/discovery: the Service Description Document, a profile of the OB 3.0
 * OpenAPI file with this platform's servers, terms, privacy policy and OAuth2 endpoints.
 */
export const OpenBadgesServiceDescriptionSchema = z.object({
  openapi: z.string(),
  info: z.looseObject({
    title: z.string(),
    version: z.string(),
    termsOfService: z.url(),
    'x-imssf-privacyPolicyUrl': z.url(),
    'x-imssf-image': z.url().optional(),
  }),
  servers: z.array(z.object({ url: z.url(), description: z.string().optional() })),
  tags: z.array(z.object({ name: z.string(), description: z.string().optional() })).optional(),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    securitySchemes: z.object({
      OAuth2ACG: z.object({
        type: z.literal('oauth2'),
        description: z.string(),
        'x-imssf-registrationUrl': z.url(),
        flows: z.object({
          authorizationCode: z.object({
            authorizationUrl: z.url(),
            tokenUrl: z.url(),
            refreshUrl: z.url(),
            scopes: z.record(z.string(), z.string()),
          }),
        }),
      }),
    }),
    schemas: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type OpenBadgesServiceDescription = z.output<typeof OpenBadgesServiceDescriptionSchema>;
