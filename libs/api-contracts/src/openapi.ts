/**
 * JSON Schemas of the request bodies, for the gateway's OpenAPI document.
 * Generated from the zod contracts (input side: defaults make fields optional).
 * Refinements (criteria rule, identity per recipient type, date order) are not expressible
 * in JSON Schema and are described in the field descriptions instead.
 */
import { z } from 'zod';
import { CreateInstitutionBodySchema } from './admin.contract';
import {
  AssertionCreateBodySchema,
  AssertionUpdateBodySchema,
  BatchIssueBodySchema,
  BatchRevokeBodySchema,
  RevokeBodySchema,
} from './assertions.contract';
import { BadgeClassCreateBodySchema, BadgeClassUpdateBodySchema } from './badge-classes.contract';
import { EndorsementApproveBodySchema, EndorsementReasonBodySchema, EndorsementRequestCreateBodySchema, EndorserProfileBodySchema } from './endorsements.contract';
import { IssuerCreateBodySchema, IssuerUpdateBodySchema } from './issuers.contract';
import { OAuthTokenRequestSchema } from './oauth.contract';

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
  CreateInstitutionBody: CreateInstitutionBodySchema,
  EndorserProfileBody: EndorserProfileBodySchema,
  EndorsementRequestCreateBody: EndorsementRequestCreateBodySchema,
  EndorsementApproveBody: EndorsementApproveBodySchema,
  EndorsementReasonBody: EndorsementReasonBodySchema,
} as const satisfies Record<string, z.ZodType>;

export type RequestBodyName = keyof typeof REQUEST_BODY_SCHEMAS;
export type JsonSchema = Record<string, unknown>;

export interface OpenApiSchemaOptions {
  /** 'openapi-3.0' (default, for @fastify/swagger's OpenAPI 3.0 output) or 'draft-2020-12' (OpenAPI 3.1). */
  target?: 'openapi-3.0' | 'draft-2020-12';
}

/** JSON Schema of one request body. */
export function requestBodyJsonSchema(schema: z.ZodType, options: OpenApiSchemaOptions = {}): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: options.target ?? 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** `{ IssuerCreateBody: {...}, BadgeClassCreateBody: {...}, … }`, ready for `components.schemas`. */
export function openApiSchemas(options: OpenApiSchemaOptions = {}): Record<RequestBodyName, JsonSchema> {
  const out = {} as Record<RequestBodyName, JsonSchema>;
  for (const [name, schema] of Object.entries(REQUEST_BODY_SCHEMAS) as Array<[RequestBodyName, z.ZodType]>) {
    out[name] = requestBodyJsonSchema(schema, options);
  }
  return out;
}
