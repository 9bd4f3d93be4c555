/**
 * JSON Schemas of the API's request bodies and responses, for the gateway's OpenAPI document.
 * Generated from the zod contracts, so the docs cannot drift from validation or from the types:
 * request bodies on the input side (defaults make fields optional), responses on the output side.
 * Refinements (criteria rule, identity per recipient type, date order) are not expressible
 * in JSON Schema and are described in the field descriptions instead.
 */
import { z } from 'zod';
import {
  AdminApiClientCredentialsSchema,
  AdminInstitutionCreatedSchema,
  AdminInstitutionListSchema,
  AdminInstitutionSchema,
  CreateInstitutionBodySchema,
  RenameInstitutionBodySchema,
  SuspendInstitutionBodySchema,
} from './admin.contract';
import { ApiClientCreateBodySchema, ApiClientCredentialsV2Schema, ApiClientV2Schema } from './api-clients.contract';
import { AuditEntryV2Schema, AuditFilterSchema, AuditQuerySchema } from './audit.contract';
import {
  AssertionCreateBodySchema,
  AssertionUpdateBodySchema,
  AssertionV2Schema,
  BatchIssueBodySchema,
  BatchRevokeBodySchema,
  BatchRevokeResultV2Schema,
  RevokeBodySchema,
} from './assertions.contract';
import { BadgeClassCreateBodySchema, BadgeClassUpdateBodySchema, BadgeClassV2Schema } from './badge-classes.contract';
import { BADGR_IMPORTS_RESPONSE_SCHEMAS, BadgrImportBodySchema } from './badgr-imports.contract';
import { BULK_AWARDS_RESPONSE_SCHEMAS } from './bulk-awards.contract';
import { BadgrMigrationStartBodySchema, MIGRATIONS_RESPONSE_SCHEMAS, MigrationBatchBodySchema, MigrationProblemQuerySchema, MigrationRunFinishBodySchema, MigrationRunStartBodySchema } from './migrations.contract';
import {
  BadgeConnectAuthorizationQuerySchema,
  BadgeConnectAuthorizeBodySchema,
  BadgeConnectClientSchema,
  BadgeConnectConsentSchema,
  BadgeConnectManifestSchema,
  BadgeConnectPushBodySchema,
  BadgeConnectRedirectSchema,
  BadgeConnectRegistrationBodySchema,
  BadgeConnectResultsSchema,
  BadgeConnectTokenBodySchema,
  BadgeConnectTokenSchema,
  ConnectedAppSchema,
} from './badge-connect.contract';
import { EmailTemplateV2Schema, TemplateBodySchema } from './email-templates.contract';
import {
  EndorsementApproveBodySchema,
  EndorsementReasonBodySchema,
  EndorsementRequestCreateBodySchema,
  EndorsementRequestV2Schema,
  EndorsementV2Schema,
  EndorserProfileBodySchema,
  EndorserProfileV2Schema,
  PublishedEndorserV2Schema,
} from './endorsements.contract';
import { V2ErrorEnvelopeSchema, V2SuccessStatusSchema } from './envelope';
import { InstitutionV2Schema } from './institutions.contract';
import { IssuerCreateBodySchema, IssuerStaffV2Schema, IssuerUpdateBodySchema, IssuerV2Schema } from './issuers.contract';
import { NOTIFICATIONS_RESPONSE_SCHEMAS, WebhookCreateBodySchema } from './notifications.contract';
import { OAuthErrorResponseSchema, OAuthPasswordRequestSchema, OAuthRefreshRequestSchema, OAuthTokenRequestSchema, OAuthTokenResponseSchema } from './oauth.contract';
import { PASSPORT_RESPONSE_SCHEMAS } from './passport.contract';
import {
  AcceptanceBodySchema,
  AddEmailBodySchema,
  AddIdentifierBodySchema,
  CollectionCreateBodySchema,
  CollectionUpdateBodySchema,
  ConfirmBodySchema,
  ImportBodySchema,
  LearnerTokenSchema,
  MergeBodySchema,
  PasswordBodySchema,
  ShareCreateBodySchema,
  SignInBodySchema,
  SignUpBodySchema,
  UserUpdateBodySchema,
} from './passport-requests.contract';
import { EndorserSigningKeyV2Schema, IssuerRotateSigningKeyBodySchema, RotateSigningKeyBodySchema, SigningKeyV2Schema } from './signing-keys.contract';
import {
  StaffInvitationAcceptBodySchema,
  StaffInviteBodySchema,
  StaffMemberV2Schema,
  StaffPasswordResetBodySchema,
  StaffPasswordResetConfirmBodySchema,
  StaffRolesBodySchema,
  StaffSessionsRevokedV2Schema,
} from './staff.contract';
import { SsoSettingsBodySchema, SsoSettingsV2Schema } from './sso.contract';
import { AwardStatsV2Schema, StatsQuerySchema } from './stats.contract';
import { LearnerSignInBodySchema, StaffSessionSchema, StaffSignInBodySchema } from './web-session.contract';

/** Every request body contract, by the component name it gets in OpenAPI. */
export const REQUEST_BODY_SCHEMAS = {
  IssuerCreateBody: IssuerCreateBodySchema,
  IssuerUpdateBody: IssuerUpdateBodySchema,
  BadgeClassCreateBody: BadgeClassCreateBodySchema,
  BadgeClassUpdateBody: BadgeClassUpdateBodySchema,
  AssertionCreateBody: AssertionCreateBodySchema,
  AssertionUpdateBody: AssertionUpdateBodySchema,
  BatchIssueBody: BatchIssueBodySchema,
  RevokeBody: RevokeBodySchema,
  BatchRevokeBody: BatchRevokeBodySchema,
  OAuthTokenRequest: OAuthTokenRequestSchema,
  OAuthPasswordRequest: OAuthPasswordRequestSchema,
  OAuthRefreshRequest: OAuthRefreshRequestSchema,
  CreateInstitutionBody: CreateInstitutionBodySchema,
  RenameInstitutionBody: RenameInstitutionBodySchema,
  SuspendInstitutionBody: SuspendInstitutionBodySchema,
  MigrationRunStartBody: MigrationRunStartBodySchema,
  MigrationBatchBody: MigrationBatchBodySchema,
  MigrationRunFinishBody: MigrationRunFinishBodySchema,
  BadgrMigrationStartBody: BadgrMigrationStartBodySchema,
  ApiClientCreateBody: ApiClientCreateBodySchema,
  StaffInviteBody: StaffInviteBodySchema,
  StaffRolesBody: StaffRolesBodySchema,
  StaffInvitationAcceptBody: StaffInvitationAcceptBodySchema,
  StaffPasswordResetBody: StaffPasswordResetBodySchema,
  StaffPasswordResetConfirmBody: StaffPasswordResetConfirmBodySchema,
  SsoSettingsBody: SsoSettingsBodySchema,
  EndorserProfileBody: EndorserProfileBodySchema,
  EndorsementRequestCreateBody: EndorsementRequestCreateBodySchema,
  EndorsementApproveBody: EndorsementApproveBodySchema,
  EndorsementReasonBody: EndorsementReasonBodySchema,
  RotateSigningKeyBody: RotateSigningKeyBodySchema,
  IssuerRotateSigningKeyBody: IssuerRotateSigningKeyBodySchema,
  TemplateBody: TemplateBodySchema,
  LearnerSignInBody: LearnerSignInBodySchema,
  StaffSignInBody: StaffSignInBodySchema,
  BadgeConnectRegistrationBody: BadgeConnectRegistrationBodySchema,
  BadgeConnectAuthorizeBody: BadgeConnectAuthorizeBodySchema,
  BadgeConnectTokenBody: BadgeConnectTokenBodySchema,
  BadgeConnectPushBody: BadgeConnectPushBodySchema,
  WebhookCreateBody: WebhookCreateBodySchema,
  SignUpBody: SignUpBodySchema,
  SignInBody: SignInBodySchema,
  ConfirmBody: ConfirmBodySchema,
  PasswordBody: PasswordBodySchema,
  MergeBody: MergeBodySchema,
  AddEmailBody: AddEmailBodySchema,
  UserUpdateBody: UserUpdateBodySchema,
  AddIdentifierBody: AddIdentifierBodySchema,
  AcceptanceBody: AcceptanceBodySchema,
  CollectionCreateBody: CollectionCreateBodySchema,
  CollectionUpdateBody: CollectionUpdateBodySchema,
  ShareCreateBody: ShareCreateBodySchema,
  ImportBody: ImportBodySchema,
  BadgrImportBody: BadgrImportBodySchema,
} as const satisfies Record<string, z.ZodType>;

/**
 * Every response contract, by the component name it gets in OpenAPI. A v2 answer is
 * `{status: Status, result: [<component>]}` (the gateway's `envelopeOf`); an entry nested in
 * another (ClientCredentials in InstitutionCreated) becomes a `$ref` to its component.
 */
export const RESPONSE_SCHEMAS = {
  Status: V2SuccessStatusSchema,
  ErrorEnvelope: V2ErrorEnvelopeSchema,
  Institution: InstitutionV2Schema,
  ClientCredentials: AdminApiClientCredentialsSchema,
  InstitutionCreated: AdminInstitutionCreatedSchema,
  InstitutionList: AdminInstitutionListSchema,
  AdminInstitution: AdminInstitutionSchema,
  TokenResponse: OAuthTokenResponseSchema,
  OAuthError: OAuthErrorResponseSchema,
  ApiClient: ApiClientV2Schema,
  ApiClientCredentials: ApiClientCredentialsV2Schema,
  AuditEntry: AuditEntryV2Schema,
  StaffMember: StaffMemberV2Schema,
  StaffSessionsRevoked: StaffSessionsRevokedV2Schema,
  SsoSettings: SsoSettingsV2Schema,
  Issuer: IssuerV2Schema,
  IssuerStaff: IssuerStaffV2Schema,
  SigningKey: SigningKeyV2Schema,
  BadgeClass: BadgeClassV2Schema,
  Assertion: AssertionV2Schema,
  BatchRevokeResult: BatchRevokeResultV2Schema,
  AwardStats: AwardStatsV2Schema,
  EndorserProfile: EndorserProfileV2Schema,
  PublishedEndorser: PublishedEndorserV2Schema,
  EndorserSigningKey: EndorserSigningKeyV2Schema,
  EndorsementRequest: EndorsementRequestV2Schema,
  Endorsement: EndorsementV2Schema,
  EmailTemplate: EmailTemplateV2Schema,
  StaffSession: StaffSessionSchema,
  BadgeConnectManifest: BadgeConnectManifestSchema,
  BadgeConnectClient: BadgeConnectClientSchema,
  BadgeConnectToken: BadgeConnectTokenSchema,
  BadgeConnectResults: BadgeConnectResultsSchema,
  BadgeConnectConsent: BadgeConnectConsentSchema,
  BadgeConnectRedirect: BadgeConnectRedirectSchema,
  ConnectedApp: ConnectedAppSchema,
  LearnerToken: LearnerTokenSchema,
  ...PASSPORT_RESPONSE_SCHEMAS,
  ...NOTIFICATIONS_RESPONSE_SCHEMAS,
  ...BULK_AWARDS_RESPONSE_SCHEMAS,
  ...MIGRATIONS_RESPONSE_SCHEMAS,
  ...BADGR_IMPORTS_RESPONSE_SCHEMAS,
} as const satisfies Record<string, z.ZodObject>;

/**
 * Query contracts whose parameters the docs list from the schema itself (queryParameters), by the
 * name a path file asks for them.
 */
export const QUERY_SCHEMAS = {
  AuditQuery: AuditQuerySchema,
  AuditFilter: AuditFilterSchema,
  BadgeConnectAuthorizationQuery: BadgeConnectAuthorizationQuerySchema,
  StatsQuery: StatsQuerySchema,
  MigrationProblemQuery: MigrationProblemQuerySchema,
} as const satisfies Record<string, z.ZodObject>;

export type RequestBodyName = keyof typeof REQUEST_BODY_SCHEMAS;
export type QueryName = keyof typeof QUERY_SCHEMAS;
export type ResponseName = keyof typeof RESPONSE_SCHEMAS;
export type JsonSchema = Record<string, unknown>;

export interface OpenApiSchemaOptions {
  /** 'openapi-3.0' (default, for @fastify/swagger's OpenAPI 3.0 output) or 'draft-2020-12' (OpenAPI 3.1). */
  target?: 'openapi-3.0' | 'draft-2020-12';
}

/**
 * What the docs need of zod's output: a date-time, an email or a URL is said by its `format`, and
 * an integer by its type; zod's long regex and ±2^53 bounds beside them only clutter the page.
 */
function tidy({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (jsonSchema.format !== undefined) delete jsonSchema.pattern;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
}

/** JSON Schema of one request body. */
export function requestBodyJsonSchema(schema: z.ZodType, options: OpenApiSchemaOptions = {}): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: options.target ?? 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
    override: tidy,
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * The OpenAPI `parameters` of a query contract: one per field, in the schema's order, with its
 * JSON Schema (input side: a default makes it optional) and its description.
 */
export function queryParameters(name: QueryName, options: OpenApiSchemaOptions = {}): JsonSchema[] {
  const schema = QUERY_SCHEMAS[name];
  const json = requestBodyJsonSchema(schema, options) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([field, { description, ...fieldSchema }]) => ({
    name: field,
    in: 'query',
    required: (json.required ?? []).includes(field),
    schema: fieldSchema,
    ...(description !== undefined && { description }),
  }));
}

/**
 * Named output schemas converted together into OpenAPI components: one that is nested in another
 * (ClientCredentials in InstitutionCreated) becomes a `$ref` to its own component.
 */
export function componentSchemas<Name extends string>(named: Record<Name, z.ZodType>, options: OpenApiSchemaOptions = {}): Record<Name, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(named) as Array<[Name, z.ZodType]>) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    target: options.target ?? 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (context) => {
      tidy(context);
      // Answers gain fields over time (codes and fields are only ever added): a client generated
      // from these docs must not refuse an answer that has one more field.
      if (context.jsonSchema.additionalProperties === false) delete context.jsonSchema.additionalProperties;
    },
  });
  const out = {} as Record<Name, JsonSchema>;
  for (const name of Object.keys(named) as Name[]) {
    // `$id`/`$schema` are JSON Schema document keywords, not OpenAPI 3.0 Schema Object fields.
    const { $id: _id, $schema: _schema, ...json } = schemas[name] as JsonSchema;
    out[name] = json;
  }
  return out;
}

/** `{ Issuer: {...}, Assertion: {...}, … }`: the response components. */
export function responseJsonSchemas(options: OpenApiSchemaOptions = {}): Record<ResponseName, JsonSchema> {
  return componentSchemas(RESPONSE_SCHEMAS, options);
}

/** `{ IssuerCreateBody: {...}, Issuer: {...}, … }`: request and response components, ready for `components.schemas`. */
export function openApiSchemas(options: OpenApiSchemaOptions = {}): Record<RequestBodyName | ResponseName, JsonSchema> {
  const requests = {} as Record<RequestBodyName, JsonSchema>;
  for (const [name, schema] of Object.entries(REQUEST_BODY_SCHEMAS) as Array<[RequestBodyName, z.ZodType]>) {
    requests[name] = requestBodyJsonSchema(schema, options);
  }
  return { ...requests, ...responseJsonSchemas(options) };
}
